"""No response to an anonymous visitor names an unpublished article (issue 22, item 1).

A route-and-fragment scan, like the login and CSRF scans in test_routes.py: every URL rule
that is not an operator page, with every method, as plain requests and as htmx requests,
with the unpublished article's id in every integer slot, from a listener who had queued it
while it was still published. Neither its title nor its audio may appear anywhere."""

from __future__ import annotations

import re

import pytest

from app.jobs import run_pending
from app.models import Article, Listener, QueueEntry, db

from ..conftest import FIXTURES, csrf_token
from .test_routes import operator_rules, rules

HTMX = [{}, {"HX-Request": "true"}, {"HX-Request": "true", "HX-Target": "library-results"}]


@pytest.fixture
def hidden(app, client, runner):
    """Two narrated articles in an anonymous listener's queue; then the first unpublished."""
    for name in ("library-vote.html", "no-quotes.txt"):
        folder = "web" if name.endswith(".html") else "articles"
        result = runner.invoke(args=["import", str(FIXTURES / folder / name)])
        assert result.exit_code == 0, result.output
    assert run_pending(app) == 2
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    with app.app_context():
        first, second = db.session.scalars(db.select(Article).order_by(Article.id)).all()
        ids = (first.id, second.id)
    for article_id in ids:  # queued while published
        assert client.post(f"/queue/add/{article_id}",
                           data={"csrf_token": token}).status_code in (200, 302, 303)
    with app.app_context():
        first = db.session.get(Article, ids[0])
        first.hidden = True
        db.session.commit()
        listener = db.session.scalars(db.select(Listener)).one()
        assert db.session.scalar(db.select(db.func.count(QueueEntry.id)).filter_by(
            listener_id=listener.id)) == 2
        return {"id": first.id, "title": first.title, "audio": first.episode.audio_name,
                "digest": first.episode.audio_name.split(".")[0], "other": ids[1],
                "token": token}


def _urls(rule, article_id: int) -> list[str]:
    def value(m: re.Match[str]) -> str:
        converter = m.group(1) or ""
        if converter.startswith("any"):
            return re.findall(r"\w+", converter[3:])[0]
        return str(article_id) if converter.startswith("int") else "x"
    url = re.sub(r"<(?:([^:>]+(?:\([^)]*\))?):)?\w+>", value, rule.rule)
    return [url, f"{url}?in=library", f"{url}?in=article"]


def _leaks(response, hidden) -> list[str]:
    text = response.get_data(as_text=True) + " ".join(f"{k}: {v}" for k, v in
                                                      response.headers.items())
    return [what for what in ("title", "digest") if hidden[what] in text]


def test_no_route_names_an_unpublished_article_to_a_listener(app, client, hidden):
    operator_only = {(r.rule, r.endpoint) for r in operator_rules(app)}
    checked = 0
    for rule in rules(app):
        if (rule.rule, rule.endpoint) in operator_only:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for url in _urls(rule, hidden["id"]):
                for headers in HTMX:
                    data = {"csrf_token": hidden["token"]} if method != "GET" else None
                    response = client.open(url, method=method, headers=headers, data=data)
                    assert not _leaks(response, hidden), (method, url, headers)
                    checked += 1
    assert checked >= 100  # the scan really walked the routes


@pytest.mark.parametrize("url", ["/", "/queue", "/queue.json", "/feed.xml", "/subscribe"])
def test_lists_leave_the_unpublished_article_out_and_keep_the_rest(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not _leaks(response, hidden)


def test_the_queue_still_plays_what_is_published(client, hidden):
    items = client.get("/queue.json").get_json()["items"]
    assert [i["article"] for i in items] == [hidden["other"]]


def test_an_unpublished_article_cannot_be_queued_or_polled(client, hidden):
    response = client.post(f"/queue/add/{hidden['id']}", data={"csrf_token": hidden["token"]},
                           headers={"HX-Request": "true"})
    assert response.status_code == 404
    status = client.get(f"/articles/{hidden['id']}/status?in=library",
                        headers={"HX-Request": "true"})
    assert status.status_code == 404


def test_operators_still_see_it(client, auth, hidden):
    auth.create()
    auth.login()
    assert client.get(f"/articles/{hidden['id']}").status_code == 200

"""A personal feed per listener: their narrated queue, at a secret address they can revoke."""

from __future__ import annotations

import io
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import podcastparser
from lxml import etree

from app.episodes.feed import podcast_guid
from app.models import AuditEntry, Listener, QueueEntry, Status, db

from ..conftest import csrf_token
from .conftest import fake_article

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
_PERSONAL = re.compile(r'id="personal-feed" type="url" value="([^"]+)"')


def make_feed(client) -> str:
    """Press "Make my personal feed address"; return the address the page then shows."""
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    response = client.post("/subscribe/new", data={"csrf_token": token})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    m = _PERSONAL.search(page)
    assert m, page
    return urlsplit(m.group(1)).path


def press(client, action: str) -> str:
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    response = client.post(f"/subscribe/{action}", data={"csrf_token": token},
                           follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def queue(app, client, *article_ids: int) -> None:
    with app.app_context():
        listener = db.session.scalar(db.select(Listener).filter_by(
            token=client.get_cookie("hark_listener").value))
        for position, article_id in enumerate(article_ids):
            db.session.add(QueueEntry(listener=listener, article_id=article_id,
                                      position=position))
        db.session.commit()


def test_the_page_shows_the_public_address_and_sets_no_cookie_until_asked(client):
    response = client.get("/subscribe")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert client.get_cookie("hark_listener") is None
    assert "<h1>Listen in a podcast app</h1>" in html
    assert '<label for="public-feed">' in html and 'id="public-feed"' in html
    assert "http://localhost/feed.xml" in html
    assert "Make my personal feed address" in html


def test_making_a_feed_gives_a_secret_address_and_says_so(client):
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    html = client.post("/subscribe/new", data={"csrf_token": token},
                       follow_redirects=True).get_data(as_text=True)
    assert client.get_cookie("hark_listener") is not None
    assert '<div class="flash" role="status">' in html and "personal feed is ready" in html
    assert '<label for="personal-feed">' in html
    path = urlsplit(_PERSONAL.search(html).group(1)).path
    assert re.fullmatch(r"/feeds/[A-Za-z0-9_-]{32}\.xml", path)


def test_personal_feed_lists_narrated_queue_entries_in_queue_order(app, client):
    older = fake_article(app, "Older but queued second")
    newer = fake_article(app, "Newer but queued first")
    waiting = fake_article(app, "Not narrated yet", status=Status.QUEUED, episode=False)
    fake_article(app, "Not in the queue")
    path = make_feed(client)
    queue(app, client, newer, waiting, older, newer)  # queued twice: listed once

    response = client.get(path)
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == ["Newer but queued first",
                                                 "Older but queued second"]
    root = etree.fromstring(response.data)
    assert root.findtext("channel/{https://podcastindex.org/namespace/1.0}guid") == \
        podcast_guid("http://localhost" + path)
    assert "private" in response.headers["Cache-Control"]
    assert response.headers["X-Robots-Tag"] == "noindex"
    etag = response.headers["ETag"]
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304


def test_each_listener_sees_only_their_own_queue(app):
    mine, theirs = fake_article(app, "Mine"), fake_article(app, "Theirs")
    me, them = app.test_client(), app.test_client()
    my_path, their_path = make_feed(me), make_feed(them)
    queue(app, me, mine)
    queue(app, them, theirs)
    assert my_path != their_path
    anyone = app.test_client()  # the address alone is the key: podcast apps send no cookie
    assert [e.title for e in feedparser.parse(anyone.get(my_path).data).entries] == ["Mine"]
    assert [e.title for e in feedparser.parse(anyone.get(their_path).data).entries] == ["Theirs"]


def test_revoking_makes_the_old_address_404(client):
    path = make_feed(client)
    assert client.get(path).status_code == 200
    html = press(client, "revoke")
    assert "switched off" in html and 'role="status"' in html
    assert client.get(path).status_code == 404
    assert _PERSONAL.search(html) is None


def test_a_new_address_replaces_the_old_one(client):
    old = make_feed(client)
    html = press(client, "new")
    new = urlsplit(_PERSONAL.search(html).group(1)).path
    assert new != old
    assert "old address no longer works" in html
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_forms_need_the_csrf_token(client):
    assert client.post("/subscribe/new").status_code == 400
    assert client.post("/subscribe/revoke").status_code == 400


def test_unknown_feed_tokens_are_404(client):
    assert client.get("/feeds/not-a-token.xml").status_code == 404


QUEUE_ORDER = [3, 1, 4, 2]  # articles 1..4 were imported in that order


def queued_feed(app, client) -> tuple[str, list[str]]:
    """A personal feed of four articles queued 3, 1, 4, 2; its path and the queued titles."""
    ids = [fake_article(app, f"Article {n}", created_at=datetime(2025, 1, n)) for n in (1, 2, 3, 4)]
    path = make_feed(client)
    queue(app, client, *(ids[n - 1] for n in QUEUE_ORDER))
    return path, [f"Article {n}" for n in QUEUE_ORDER]


def test_dates_and_episode_numbers_follow_the_queue_not_the_articles(app, client):
    path, titles = queued_feed(app, client)
    body = client.get(path).data
    items = etree.fromstring(body).findall("channel/item")
    assert [i.findtext("title") for i in items] == titles
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == len(dates)
    numbers = [int(i.findtext(f"{{{ITUNES}}}episode")) for i in items]
    assert numbers == [4, 3, 2, 1]
    # Apps sort by date, newest first: every parser's order is the queue's.
    by_date = sorted(feedparser.parse(body).entries, key=lambda e: e.published_parsed,
                     reverse=True)
    assert [e.title for e in by_date] == titles
    episodes = podcastparser.parse("http://localhost" + path, io.BytesIO(body))["episodes"]
    assert [e["title"] for e in sorted(episodes, key=lambda e: e["published"], reverse=True)] \
        == titles
    # Stable while the queue is unchanged: the same document, byte for byte.
    assert client.get(path).data == body


def test_reordering_the_queue_reorders_the_feed_even_for_if_modified_since(app, client):
    path, _ = queued_feed(app, client)
    first = client.get(path)
    with app.app_context():
        listener = db.session.scalar(db.select(Listener).filter_by(
            token=client.get_cookie("hark_listener").value))
        entries = list(listener.queue)
        entries[0].position, entries[-1].position = entries[-1].position, entries[0].position
        db.session.commit()
    assert "Last-Modified" not in first.headers  # the reorder below leaves no time behind
    for encoding in ("identity", "gzip"):
        again = client.get(path, headers={"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT",
                                          "Accept-Encoding": encoding})
        assert again.status_code == 200, encoding  # only the ETag decides
    again = client.get(path)
    titles = [i.findtext("title") for i in etree.fromstring(again.data).findall("channel/item")]
    assert titles == ["Article 2", "Article 1", "Article 4", "Article 3"]
    assert client.get(path, headers={"If-None-Match": again.headers["ETag"]}).status_code == 304


def test_personal_feeds_are_blocked_from_directories_and_the_public_feed_is_not(app, client):
    fake_article(app, "Listed")
    path = make_feed(client)
    personal = etree.fromstring(client.get(path).data).find("channel")
    assert personal.findtext(f"{{{ITUNES}}}block") == "Yes"
    assert personal.findtext(f"{{{PODCAST}}}block") == "yes"
    public = etree.fromstring(client.get("/feed.xml").data).find("channel")
    assert public.find(f"{{{ITUNES}}}block") is None and public.find(f"{{{PODCAST}}}block") is None


def test_web_players_may_read_a_personal_feed_and_it_varies_only_by_encoding(app, client):
    fake_article(app, "Readable")
    path = make_feed(client)
    anyone = app.test_client()
    preflight = anyone.options(path, headers={"Origin": "https://player.example",
                                              "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    response = anyone.get(path, headers={"Origin": "https://player.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Vary"] == "Accept-Encoding"


def test_an_operator_action_elsewhere_leaves_a_personal_feed_as_it_was(app, client):
    path, _ = queued_feed(app, client)
    before = client.get(path).data
    with app.app_context():
        db.session.add(AuditEntry(operator="editor", action="unpublish", article_id=None,
                                  detail="another article"))
        db.session.commit()
    assert client.get(path).data == before

"""One episode per article: importing an article again updates it (same GUID, new audio under
a new URL) or, when nothing changed, is refused with a link to the one already there."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from flask import Flask
from lxml import etree
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from app.duplicates import text_fingerprint, url_variants
from app.jobs import run_pending
from app.models import Article, db

from ..conftest import FIXTURES, csrf_token, make_app

ARTICLE = FIXTURES / "articles" / "no-quotes.txt"
PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body><article>
<h1>{title}</h1><p>{first}</p><p>Boats will leave from the north quay while the south quay
is rebuilt, and the timetable is unchanged for the rest of the week.</p></article></body></html>"""


def feed_items(app: Flask) -> list[etree._Element]:
    return etree.fromstring(app.test_client().get("/feed.xml").data).findall("channel/item")


def import_cli(app: Flask, source: str) -> str:
    result = app.test_cli_runner().invoke(args=["import", source])
    assert result.exit_code == 0, result.output
    return result.output.split("\t")[0]


def test_the_same_text_imported_twice_is_one_article_and_one_item(tmp_path):
    app = make_app(tmp_path)
    first = import_cli(app, str(ARTICLE))
    run_pending(app)
    copy = tmp_path / "copy-with-other-spacing.txt"  # the same text, spaced differently
    copy.write_text(ARTICLE.read_text().replace(". ", ".  ").replace("\n\n", "\n\n\n"))
    assert import_cli(app, str(copy)) == first
    run_pending(app)
    with app.app_context():
        assert db.session.query(Article).count() == 1
    assert len(feed_items(app)) == 1


class Site:
    """A news site on loopback whose one article can be corrected."""

    def __init__(self) -> None:
        self.first = "The ferry to the island runs again from Monday morning."

    def __call__(self, environ, start_response):
        request = Request(environ)
        body = PAGE.format(title="Island ferry returns", first=self.first)
        if request.path != "/news/ferry":
            return Response("not here", 404)(environ, start_response)
        return Response(body, content_type="text/html; charset=utf-8")(environ, start_response)


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    app = Site()
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{httpd.server_port}/news/ferry"
    httpd.shutdown()
    thread.join(timeout=5)


def test_a_corrected_article_at_the_same_address_updates_the_one_episode(tmp_path, site):
    page, url = site
    app = make_app(tmp_path, ALLOW_PRIVATE_URLS=True)
    article_id = import_cli(app, url)
    assert run_pending(app) == 1
    (before,) = feed_items(app)
    page.first = "The ferry to the island runs again from Tuesday morning, a day late."
    # The same address, spelt another way: a fragment and a trailing slash change nothing.
    assert import_cli(app, url + "#top") == article_id
    assert run_pending(app) == 1
    (after,) = feed_items(app)
    assert after.findtext("guid") == before.findtext("guid")
    old, new = before.find("enclosure").get("url"), after.find("enclosure").get("url")
    assert new != old
    assert "Tuesday" in after.findtext("description")
    client = app.test_client()
    assert client.get(new).status_code == 200 and client.get(old).status_code == 200


def test_the_import_desk_refuses_an_unchanged_reimport_and_updates_a_changed_one(tmp_path,
                                                                                 site):
    page, url = site
    app = make_app(tmp_path, ALLOW_PRIVATE_URLS=True)
    client = app.test_client()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-operator", "editor"], input="correct horse battery\n")
    assert result.exit_code == 0, result.output
    token = csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"name": "editor", "password": "correct horse battery",
                                "csrf_token": token})

    def import_and_save():
        token = csrf_token(client.get("/admin/import").get_data(as_text=True))
        preview = client.post("/admin/import", data={"csrf_token": token, "urls": url},
                              content_type="multipart/form-data").headers["Location"]
        token = csrf_token(client.get(preview).get_data(as_text=True))
        return client.post(preview, data={"csrf_token": token, "action": "save"})

    first = import_and_save().headers["Location"]
    assert run_pending(app) == 1
    again = import_and_save()
    assert again.headers["Location"] == first  # the link: the article already there
    assert "already in the library" in client.get(first).get_data(as_text=True)
    assert run_pending(app) == 0  # nothing new to narrate
    (before,) = feed_items(app)

    page.first = "The ferry to the island runs again from Tuesday morning, a day late."
    changed = import_and_save()
    assert changed.headers["Location"] == first
    assert "was imported before" in client.get(first).get_data(as_text=True)
    assert run_pending(app) == 1
    (after,) = feed_items(app)
    assert after.findtext("guid") == before.findtext("guid")
    assert after.find("enclosure").get("url") != before.find("enclosure").get("url")
    assert "Tuesday" in after.findtext("description")


def test_spellings_of_one_address_are_one_article():
    variants = url_variants("HTTPS://News.Example.org:443/story/#comments")
    for same in ("https://news.example.org/story", "https://news.example.org/story/",
                 "http://news.example.org/story"):
        assert same in variants
    assert "https://news.example.org/other" not in variants
    assert "https://news.example.org/story?page=2" not in variants


def test_text_is_compared_after_unicode_and_whitespace_normalisation():
    composed = [("paragraph", "Caf\u00e9 opens  at\nnine.")]
    decomposed = [("paragraph", "Cafe\u0301 opens at nine. ")]
    assert text_fingerprint(composed) == text_fingerprint(decomposed)
    assert text_fingerprint(composed) != text_fingerprint([("heading", "Café opens at nine.")])

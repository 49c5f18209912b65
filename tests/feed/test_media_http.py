"""Media over real HTTP: HEAD, Range (206/416), ETag and Last-Modified, cache and CORS headers."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from lxml import etree

from app.articles import save_article
from app.importer.article import Article as Doc
from app.importer.article import Block as DocBlock
from app.jobs import enqueue_narration, run_pending
from app.models import Article, db

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0"}


def request(base: str, method: str, path: str, headers: dict[str, str] | None = None
            ) -> tuple[http.client.HTTPResponse, bytes]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def paths(server) -> dict[str, str]:
    """Path of each kind of media file of the newest item, as the feed gives them."""
    _, body = request(server, "GET", "/feed.xml")
    root = etree.fromstring(body)
    item = root.find("channel/item")
    transcripts = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", NS)}
    urls = {
        "audio": item.find("enclosure").get("url"),
        "vtt": transcripts["text/vtt"],
        "json": transcripts["application/json"],
        "chapters": item.find("podcast:chapters", NS).get("url"),
        "artwork": root.find("channel/itunes:image", NS).get("href"),
    }
    assert all(u.startswith(server + "/media/") for u in urls.values()), urls
    return {kind: urlsplit(u).path for kind, u in urls.items()}


KINDS = ["audio", "vtt", "json", "chapters", "artwork"]
TYPES = {"audio": "audio/mpeg", "vtt": "text/vtt", "json": "application/json",
         "chapters": "application/json+chapters", "artwork": "image/png"}


@pytest.mark.parametrize("kind", KINDS)
def test_head_gives_length_type_and_validators_without_a_body(server, paths, kind):
    whole, data = request(server, "GET", paths[kind])
    head, body = request(server, "HEAD", paths[kind])
    assert head.status == 200 and body == b""
    assert int(head.headers["Content-Length"]) == len(data) > 0
    assert head.headers["Content-Type"].split(";")[0] == TYPES[kind]
    assert head.headers["Accept-Ranges"] == "bytes"
    assert head.headers["ETag"] == whole.headers["ETag"]
    assert head.headers["Last-Modified"]


@pytest.mark.parametrize("kind", KINDS)
def test_range_gets_206_with_exactly_those_bytes(server, paths, kind):
    _, whole = request(server, "GET", paths[kind])
    n = len(whole)
    for spec, start, end in [("0-9", 0, 9), (f"10-{n - 1}", 10, n - 1), ("-7", n - 7, n - 1),
                             (f"{n - 5}-", n - 5, n - 1), (f"5-{n + 100}", 5, n - 1)]:
        response, part = request(server, "GET", paths[kind], {"Range": f"bytes={spec}"})
        assert response.status == 206, spec
        assert response.headers["Content-Range"] == f"bytes {start}-{end}/{n}", spec
        assert part == whole[start:end + 1], spec
        assert int(response.headers["Content-Length"]) == end - start + 1


@pytest.mark.parametrize("kind", KINDS)
def test_unsatisfiable_range_gets_416_with_the_full_length(server, paths, kind):
    _, whole = request(server, "GET", paths[kind])
    response, _ = request(server, "GET", paths[kind], {"Range": f"bytes={len(whole)}-"})
    assert response.status == 416
    assert response.headers["Content-Range"] == f"bytes */{len(whole)}"


@pytest.mark.parametrize("kind", KINDS)
def test_conditional_get_answers_304(server, paths, kind):
    first, _ = request(server, "GET", paths[kind])
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    again, body = request(server, "GET", paths[kind], {"If-None-Match": etag})
    assert again.status == 304 and body == b""
    again, _ = request(server, "GET", paths[kind], {"If-Modified-Since": modified})
    assert again.status == 304
    again, _ = request(server, "GET", paths[kind], {"If-None-Match": '"something-else"'})
    assert again.status == 200


def test_if_range_resumes_only_the_same_file(server, paths):
    first, whole = request(server, "GET", paths["audio"])
    same, part = request(server, "GET", paths["audio"],
                         {"Range": "bytes=100-", "If-Range": first.headers["ETag"]})
    assert same.status == 206 and part == whole[100:]
    other, body = request(server, "GET", paths["audio"],
                          {"Range": "bytes=100-", "If-Range": '"another-version"'})
    assert other.status == 200 and body == whole


@pytest.mark.parametrize("kind", KINDS)
def test_hashed_urls_are_cached_for_a_year_as_immutable(server, paths, kind):
    response, _ = request(server, "GET", paths[kind])
    cache = {d.strip() for d in response.headers["Cache-Control"].split(",")}
    assert {"public", "immutable", "max-age=31536000"} <= cache


@pytest.mark.parametrize("kind", ["vtt", "json", "chapters", "artwork"])
def test_transcripts_chapters_and_artwork_allow_any_origin(server, paths, kind):
    response, _ = request(server, "GET", paths[kind], {"Origin": "https://player.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Content-Range" in response.headers["Access-Control-Expose-Headers"]


def test_json_transcript_follows_podcasting_2_0(server, paths):
    _, body = request(server, "GET", paths["json"])
    transcript = json.loads(body)
    assert transcript["version"] == "1.0.0"
    segments = transcript["segments"]
    assert segments and all({"startTime", "endTime", "body"} <= set(s) for s in segments)
    assert all(s["startTime"] <= s["endTime"] for s in segments)
    assert [s["startTime"] for s in segments] == sorted(s["startTime"] for s in segments)
    assert {s["speaker"] for s in segments} >= {"Narrator", "Ana Łukasiewicz"}


def test_feed_is_served_over_http_with_validators(server):
    first, body = request(server, "GET", "/feed.xml")
    assert first.status == 200 and body.startswith(b"<?xml")
    again, _ = request(server, "GET", "/feed.xml", {"If-None-Match": first.headers["ETag"]})
    assert again.status == 304


@pytest.mark.parametrize("path", ["/media/artwork/../hark.db", "/media/artwork/abc.png",
                                  "/media/" + "a" * 24 + ".transcript.json",
                                  "/media/" + "a" * 24 + ".json"])
def test_unknown_media_names_are_404(server, path):
    response, _ = request(server, "GET", path)
    assert response.status == 404


def test_old_audio_keeps_working_after_renarration(app, client):
    with app.app_context():
        article = save_article(Doc(title="Bridge reopens", blocks=[
            DocBlock("paragraph", "The bridge reopened on Monday after repairs.")]))
        enqueue_narration(article)
        assert run_pending(app) == 1
        db.session.expire_all()  # the job ran in its own session
        article = db.session.get(Article, article.id)
        old = article.episode
        article.blocks[0].text = "The bridge reopened on Tuesday after long repairs."
        enqueue_narration(article)
        assert run_pending(app) == 1
        db.session.expire_all()
        article = db.session.get(Article, article.id)
        assert len(article.episodes) == 2, article.error
        new = article.episode
        assert new.audio_name != old.audio_name
        old_files = [old.audio_name, old.transcript_name, old.chapters_name]

    for name in old_files:
        assert client.get(f"/media/{name}").status_code == 200
    feed = client.get("/feed.xml").get_data(as_text=True)
    assert new.audio_name in feed and old.audio_name not in feed

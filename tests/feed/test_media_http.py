"""Media over real HTTP: HEAD, Range (206/416), ETag and Last-Modified, cache and CORS headers."""

from __future__ import annotations

import gzip
import http.client
import json
from urllib.parse import urlsplit

import brotli
import pytest
from lxml import etree

from app.articles import save_article
from app.importer.article import Article as Doc
from app.importer.article import Block as DocBlock
from app.jobs import enqueue_narration, run_pending
from app.models import Article, db
from app.web.media import satisfiable_range

from ..conftest import make_app

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


# --- CORS, as Podcast Index checks it ----------------------------------------------------------

ORIGIN = "https://podcastindex.org"


def fetched_urls(server: str) -> list[str]:
    """Every URL in the public feed that a podcast app fetches: the feed itself (atom:link),
    artwork, enclosures, transcripts, chapters. (<link> is a web page a person opens.)"""
    _, body = request(server, "GET", "/feed.xml")
    root = etree.fromstring(body)
    urls = [root.find("channel/{http://www.w3.org/2005/Atom}link").get("href"),
            root.findtext("channel/image/url")]
    urls += [e.get("href") for e in root.iterfind(".//itunes:image", NS)]
    urls += [e.get("url") for e in root.iter("enclosure")]
    urls += [e.get("url") for e in root.iterfind(".//podcast:transcript", NS)]
    urls += [e.get("url") for e in root.iterfind(".//podcast:chapters", NS)]
    assert len(urls) == 2 + 3 + 2 * 4, urls  # channel, 3 images, 2 items x 4 files
    return urls


def test_podcast_index_cors_check_passes_for_every_url_in_the_feed(server):
    for url in fetched_urls(server):
        path = urlsplit(url).path
        # The browser's preflight for a GET with a Range header, as a web player sends.
        pre, body = request(server, "OPTIONS", path, {
            "Origin": ORIGIN, "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "range"})
        assert 200 <= pre.status < 300 and body == b"", (url, pre.status)
        assert pre.headers["Access-Control-Allow-Origin"] in ("*", ORIGIN), url
        assert "GET" in pre.headers["Access-Control-Allow-Methods"], url
        assert "range" in pre.headers["Access-Control-Allow-Headers"].lower(), url
        response, data = request(server, "GET", path, {"Origin": ORIGIN})
        assert response.status == 200 and data, url
        assert response.headers["Access-Control-Allow-Origin"] in ("*", ORIGIN), url
        ranged, _ = request(server, "GET", path, {"Origin": ORIGIN, "Range": "bytes=0-1"})
        assert ranged.headers["Access-Control-Allow-Origin"] in ("*", ORIGIN), url
        assert "Content-Range" in ranged.headers["Access-Control-Expose-Headers"], url


@pytest.mark.parametrize("kind", KINDS)
def test_public_media_does_not_vary(server, paths, kind):
    response, _ = request(server, "GET", paths[kind], {"Cookie": "session=x",
                                                        "Accept-Encoding": "gzip"})
    assert response.headers.get("Vary") is None  # one copy in a shared cache, for everyone


# --- header cases -------------------------------------------------------------------------------

def test_vtt_names_its_charset_once(server, paths):
    response, _ = request(server, "GET", paths["vtt"])
    assert response.headers["Content-Type"] == "text/vtt; charset=utf-8"


@pytest.mark.parametrize("header", ["items=0-1", "bytes=abc", "bytes=9-2", "bytes=",
                                    "bytes=0-1,x", "bytes 0-1", "bytes=--1"])
def test_ranges_in_another_unit_or_invalid_are_ignored(server, paths, header):
    # RFC 9110 14.2: an unknown range unit MUST be ignored; an invalid range set is not a
    # range request: the whole file, 200.
    _, whole = request(server, "GET", paths["audio"])
    response, data = request(server, "GET", paths["audio"], {"Range": header})
    assert response.status == 200 and data == whole
    assert "Content-Range" not in response.headers


def test_overlapping_or_adjacent_ranges_are_coalesced_into_one_part(server, paths):
    _, whole = request(server, "GET", paths["audio"])
    for header, (start, end) in [("bytes=0-9,5-19", (0, 19)), ("bytes=0-9,10-19", (0, 19)),
                                 ("BYTES=0-9", (0, 9)), ("bytes=0-9, ", (0, 9)),
                                 (f"bytes={len(whole)}-,0-9", (0, 9))]:
        response, data = request(server, "GET", paths["audio"], {"Range": header})
        assert response.status == 206, header
        assert response.headers["Content-Range"] == f"bytes {start}-{end}/{len(whole)}", header
        assert data == whole[start:end + 1], header


def test_separate_ranges_get_the_whole_file(server, paths):
    # RFC 9110 allows ignoring Range; Hark sends no multipart/byteranges.
    _, whole = request(server, "GET", paths["audio"])
    response, data = request(server, "GET", paths["audio"], {"Range": "bytes=0-1,100-101"})
    assert response.status == 200 and data == whole


def test_ranges_none_of_which_is_satisfiable_get_416(server, paths):
    _, whole = request(server, "GET", paths["audio"])
    n = len(whole)
    for header in [f"bytes={n}-,{n + 5}-", "bytes=-0"]:
        response, _ = request(server, "GET", paths["audio"], {"Range": header})
        assert response.status == 416, header
        assert response.headers["Content-Range"] == f"bytes */{n}", header


def test_the_feed_is_compressed_for_clients_that_accept_it(server):
    plain, body = request(server, "GET", "/feed.xml")
    assert plain.headers.get("Content-Encoding") is None
    assert plain.headers["Vary"] == "Accept-Encoding"  # the only thing the answer varies by
    for encoding, decode in [("gzip", gzip.decompress), ("br", brotli.decompress)]:
        packed, data = request(server, "GET", "/feed.xml", {"Accept-Encoding": encoding})
        assert packed.headers["Content-Encoding"] == encoding
        assert decode(data) == body and len(data) < len(body) / 3
        assert packed.headers["Vary"] == "Accept-Encoding"
        assert packed.headers["ETag"] != plain.headers["ETag"]  # another representation
        again, empty = request(server, "GET", "/feed.xml", {
            "Accept-Encoding": encoding, "If-None-Match": packed.headers["ETag"]})
        assert again.status == 304 and empty == b""


def test_a_private_library_feed_varies_by_cookie(tmp_path):
    client = make_app(tmp_path, PRIVATE_LIBRARY=True).test_client()
    response = client.get("/feed.xml")
    assert response.status_code == 302 and "Cookie" in response.headers["Vary"]


@pytest.mark.parametrize("header, size, wanted", [
    (None, 100, None), ("items=0-1", 100, None), ("bytes=0-9", 100, "bytes=0-9"),
    ("bytes=90-200", 100, "bytes=90-99"), ("bytes=-10", 100, "bytes=90-99"),
    ("bytes=-500", 100, "bytes=0-99"), ("bytes=0-4,5-9", 100, "bytes=0-9"),
    ("bytes=0-4,6-9", 100, None), ("bytes=100-", 100, "bytes=100-"),
    ("bytes=-0", 100, "bytes=100-"), ("bytes=-1", 0, "bytes=0-"), ("bytes=4-3", 100, None),
    ("bytes=", 100, None), ("bytes= , ", 100, None),
])
def test_satisfiable_range(header, size, wanted):
    assert satisfiable_range(header, size) == wanted

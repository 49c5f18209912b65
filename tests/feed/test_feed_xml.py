"""/feed.xml is a podcast feed that strict clients accept: RSS 2.0, iTunes and Podcasting 2.0."""

from __future__ import annotations

import io
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import etree
from PIL import Image

from app.episodes.feed import PODCAST_NAMESPACE, podcast_guid
from app.models import Article, AuditEntry, db, utcnow

from ..conftest import make_app
from .conftest import SPECIAL_TITLE, fake_article

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
PSC = "http://podlove.org/simple-chapters"
NS = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM, "psc": PSC}


@pytest.fixture(scope="module")
def feed_bytes(hark) -> bytes:
    response = hark.test_client().get("/feed.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/rss+xml"
    return response.data


def test_feedparser_reads_the_feed_without_bozo(feed_bytes):
    parsed = feedparser.parse(feed_bytes)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    channel = parsed.feed
    assert channel.title == "Hark"
    assert channel.link.startswith("http://")
    assert channel.subtitle  # <description>
    assert channel.language == "en"
    assert channel.image.href.endswith(".png")
    assert channel.author == "Hark"
    assert [t.term for t in channel.tags] == ["News"]
    assert uuid.UUID(channel.podcast_guid).version == 5
    assert channel.podcast_txt["purpose"] == "ai-content"
    assert any(link.rel == "self" and link.href.endswith("/feed.xml") for link in channel.links)
    assert channel.updated_parsed


def test_every_item_has_the_required_tags(hark, feed_bytes):
    parsed = feedparser.parse(feed_bytes)
    assert len(parsed.entries) == 2
    with hark.app_context():
        by_uuid = {a.uuid: a for a in db.session.scalars(db.select(Article))}
        for entry in parsed.entries:
            article = by_uuid[entry.id]
            episode = article.episode
            assert entry.title == article.title
            assert entry.guidislink is False
            assert entry.summary
            assert entry.published_parsed
            (enclosure,) = [link for link in entry.links if link.rel == "enclosure"]
            assert enclosure.href.endswith("/media/" + episode.audio_name)
            assert enclosure.href.startswith("http://")
            assert int(enclosure.length) == episode.bytes
            assert enclosure.type == "audio/mpeg"
            h, m, s = map(int, entry.itunes_duration.split(":"))
            assert abs(h * 3600 + m * 60 + s - episode.duration) <= 0.5
            assert entry.podcast_chapters["url"].endswith(episode.chapters_name)
            assert entry.podcast_chapters["type"] == "application/json+chapters"
            assert entry.podcast_txt["purpose"] == "ai-content"


def test_namespaces_and_required_children_validate(feed_bytes):
    root = etree.fromstring(feed_bytes)
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert {k: v for k, v in root.nsmap.items() if k} == NS
    (channel,) = root.findall("channel")
    for tag in ("title", "link", "description", "language", "lastBuildDate",
                "itunes:image", "itunes:category", "itunes:explicit", "itunes:author",
                "podcast:guid", "atom:link"):
        assert channel.find(tag, NS) is not None, tag
    assert channel.find("itunes:image", NS).get("href").startswith("http")
    assert channel.find("itunes:category", NS).get("text") == "News"
    assert channel.findtext("itunes:explicit", namespaces=NS) in {"true", "false"}
    assert channel.find("atom:link", NS).get("rel") == "self"
    notice = channel.find("podcast:txt", NS)
    assert notice.get("purpose") == "ai-content" and "synthetic speech" in notice.text
    assert len(notice.text) <= 4000  # the Podcasting 2.0 limit
    assert parsedate_to_datetime(channel.findtext("lastBuildDate"))

    items = channel.findall("item")
    assert len(items) == 2
    for item in items:
        for tag in ("title", "description", "enclosure", "guid", "pubDate",
                    "itunes:duration", "podcast:chapters"):
            assert item.find(tag, NS) is not None, tag
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false"
        uuid.UUID(guid.text)
        when = parsedate_to_datetime(item.findtext("pubDate"))
        assert when.tzinfo is not None
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "audio/mpeg" and int(enclosure.get("length")) > 0
        kinds = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", NS)}
        assert set(kinds) == {"text/vtt", "application/json"}
        assert kinds["text/vtt"].endswith(".vtt")
        assert kinds["application/json"].endswith(".transcript.json")
        assert item.find("podcast:txt", NS).get("purpose") == "ai-content"
        # Every namespaced child uses one of the three declared namespaces.
        for child in item:
            ns = etree.QName(child).namespace
            assert ns in (None, ITUNES, PODCAST, PSC), child.tag


def test_standard_library_parser_agrees(feed_bytes):
    root = ET.fromstring(feed_bytes)
    items = root.findall("./channel/item")
    assert [i.findtext("title") for i in items][0] == SPECIAL_TITLE
    assert root.find(f"./channel/{{{PODCAST}}}guid") is not None


def test_only_narrated_articles_appear_newest_first(hark, feed_bytes):
    items = ET.fromstring(feed_bytes).findall("./channel/item")
    titles = [i.findtext("title") for i in items]
    assert "Still narrating" not in titles and "Narration failed" not in titles
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    assert titles[0] == SPECIAL_TITLE


def test_podcast_guid_follows_the_spec_example():
    # The worked example in the Podcasting 2.0 namespace document.
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == \
        "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert podcast_guid("http://example.com/feed.xml/") == \
        str(uuid.uuid5(PODCAST_NAMESPACE, "example.com/feed.xml"))


def test_public_base_url_makes_every_url_absolute_and_stable(app, client):
    app.config["PUBLIC_BASE_URL"] = "https://hark.example.org/"
    fake_article(app, "One")
    root = etree.fromstring(client.get("/feed.xml", base_url="http://internal:8080").data)
    urls = [root.findtext("channel/link"), root.find("channel/atom:link", NS).get("href"),
            root.find("channel/itunes:image", NS).get("href"),
            root.find("channel/item/enclosure").get("url"),
            root.findtext("channel/item/link")]
    urls += [t.get("url") for t in root.findall("channel/item/podcast:transcript", NS)]
    urls.append(root.find("channel/item/podcast:chapters", NS).get("url"))
    assert all(u.startswith("https://hark.example.org/") for u in urls), urls
    assert root.findtext("channel/podcast:guid", namespaces=NS) == \
        podcast_guid("https://hark.example.org/feed.xml")


def test_an_empty_library_is_still_a_valid_feed(client):
    parsed = feedparser.parse(client.get("/feed.xml").data)
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.title == "Hark"


def test_artwork_is_a_square_rgb_image_apple_accepts(hark, feed_bytes):
    href = etree.fromstring(feed_bytes).find("channel/itunes:image", NS).get("href")
    response = hark.test_client().get(href)
    assert response.status_code == 200 and response.mimetype == "image/png"
    image = Image.open(io.BytesIO(response.data))
    assert image.format == "PNG" and image.mode == "RGB"  # no transparency
    assert image.width == image.height and 1400 <= image.width <= 3000
    assert len(image.resize((64, 64)).getcolors(4096)) > 10  # real pixels, not a blank square


def test_feed_answers_conditional_get(app, client):
    fake_article(app, "First", episode_at=datetime(2025, 2, 1, 8, 0, 0, 250000))
    first = client.get("/feed.xml")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    # The newest change in the data, rounded up to the whole second.
    assert parsedate_to_datetime(modified) == datetime(2025, 2, 1, 8, 0, 1, tzinfo=UTC)
    assert "no-cache" in first.headers["Cache-Control"]
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/feed.xml", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/feed.xml", headers={"If-Modified-Since": modified}).status_code == 304

    fake_article(app, "Second", episode_at=datetime(2025, 2, 1, 9, 0))
    changed = client.get("/feed.xml", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert client.get("/feed.xml", headers={"If-Modified-Since": modified}).status_code == 200
    assert parsedate_to_datetime(changed.headers["Last-Modified"]) == \
        datetime(2025, 2, 1, 9, 0, tzinfo=UTC)


def test_last_modified_comes_from_the_data_and_is_the_same_in_every_process(tmp_path):
    # Two apps on one database stand for two gunicorn workers (or one before and after a
    # restart): same body, same validators.
    one, two = make_app(tmp_path), make_app(tmp_path)
    fake_article(one, "Shared", episode_at=datetime(2025, 5, 5, 5, 5, 5))
    a, b = one.test_client().get("/feed.xml"), two.test_client().get("/feed.xml")
    assert a.data == b.data
    assert a.headers["Last-Modified"] == b.headers["Last-Modified"] == \
        "Mon, 05 May 2025 05:05:05 GMT"
    assert a.headers["ETag"] == b.headers["ETag"]
    lastbuild = etree.fromstring(a.data).findtext("channel/lastBuildDate")
    assert parsedate_to_datetime(lastbuild) == datetime(2025, 5, 5, 5, 5, 5, tzinfo=UTC)


def test_an_operator_action_moves_last_modified(app, client):
    fake_article(app, "Kept", episode_at=datetime(2025, 5, 5, 5, 5, 5))
    hidden = fake_article(app, "Hidden later", episode_at=datetime(2025, 5, 5, 5, 5, 5))
    before = client.get("/feed.xml").headers["Last-Modified"]
    with app.app_context():
        db.session.get(Article, hidden).hidden = True
        db.session.add(AuditEntry(operator="editor", action="unpublish", article_id=hidden,
                                  at=datetime(2025, 6, 1, 12, 0)))
        db.session.commit()
    after = client.get("/feed.xml", headers={"If-Modified-Since": before})
    assert after.status_code == 200 and b"Hidden later" not in after.data
    assert after.headers["Last-Modified"] == "Sun, 01 Jun 2025 12:00:00 GMT"


def test_a_change_in_the_current_second_sends_no_last_modified(app, client):
    # Another change could still land in the same second, unseen by If-Modified-Since.
    fake_article(app, "Just now", episode_at=utcnow() + timedelta(seconds=5))
    response = client.get("/feed.xml")
    assert "Last-Modified" not in response.headers and response.headers["ETag"]


def test_head_on_the_feed_gives_headers_only(client):
    response = client.head("/feed.xml")
    assert response.status_code == 200 and response.data == b""
    assert response.headers["ETag"]

"""The feed against the published rules, tag by tag: Apple Podcasts' RSS feed requirements
(podcasters.apple.com, "Podcast RSS feed requirements" and "A Podcaster's Guide to RSS") and the
Podcasting 2.0 namespace as Podcast Index publishes it (Podcastindex-org/podcast-namespace,
docs/tags/*.md), with Podlove Simple Chapters for psc:chapters."""

from __future__ import annotations

import io
import json
import re
import uuid
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import podcastparser
import pytest
from lxml import etree
from PIL import Image

from app.models import Article, db

from ..conftest import FIXTURES, make_app
from .conftest import SPECIAL_BYLINE, SPECIAL_DOC, narrate_doc
from .parsers import partytime

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0",
      "psc": "http://podlove.org/simple-chapters", "atom": "http://www.w3.org/2005/Atom"}
OWNER = "editor@news.example.org"
SETTINGS = {"FEED_OWNER_NAME": "Example News Desk", "FEED_OWNER_EMAIL": OWNER,
            "FEED_COPYRIGHT": "© 2026 Example News", "PUBLIC_BASE_URL": "https://hark.example.org"}
BATCH = ["no-quotes.txt", "us-according-to.txt", "british-single-quotes.txt"]
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
RFC2822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} "
                     r"\d{2}:\d{2}:\d{2} [+-]\d{4}$")
NPT = re.compile(r"^\d{2}:\d{2}:\d{2}\.\d{3}$")
# Apple: audio/x-m4a, audio/mpeg, video/quicktime, video/mp4, video/x-m4v, application/pdf.
APPLE_TYPES = {"audio/x-m4a", "audio/mpeg", "video/quicktime", "video/mp4", "video/x-m4v",
               "application/pdf"}


@pytest.fixture(scope="module")
def hark(tmp_path_factory):
    """A Hark with the owner settings, the special-character article, and a batch of three
    imported in one command."""
    app = make_app(tmp_path_factory.mktemp("rules"), **SETTINGS)
    narrate_doc(app, SPECIAL_DOC)
    result = app.test_cli_runner().invoke(
        args=["import", *(str(FIXTURES / "articles" / name) for name in BATCH)])
    assert result.exit_code == 0, result.output
    from app.jobs import run_pending

    assert run_pending(app) == len(BATCH)
    return app


@pytest.fixture(scope="module")
def feed(hark) -> bytes:
    return hark.test_client().get("/feed.xml").data


@pytest.fixture(scope="module")
def channel(feed):
    return etree.fromstring(feed).find("channel")


def local(url: str) -> str:
    assert url.startswith("https://hark.example.org/"), url
    return urlsplit(url).path


def check_artwork(client, url: str) -> None:
    """Apple: JPEG or PNG, square, 1400-3000 px, RGB, served with HEAD and byte ranges."""
    assert url.lower().endswith((".png", ".jpg", ".jpeg")), url
    response = client.get(local(url))
    assert response.status_code == 200 and response.mimetype in {"image/png", "image/jpeg"}
    image = Image.open(io.BytesIO(response.data))
    assert image.mode == "RGB" and image.width == image.height
    assert 1400 <= image.width <= 3000
    assert client.head(local(url)).status_code == 200
    assert client.get(local(url), headers={"Range": "bytes=0-1"}).status_code == 206


# --- Apple ----------------------------------------------------------------------------------

def test_apple_required_channel_tags(hark, channel):
    assert channel.findtext("title").strip()
    description = channel.findtext("description")
    assert description.strip() and len(description.encode()) <= 4000
    check_artwork(hark.test_client(), channel.find("itunes:image", NS).get("href"))
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", channel.findtext("language"))
    categories = [c.get("text") for c in channel.findall("itunes:category", NS)]
    assert categories == ["News"]  # one of Apple's categories
    assert channel.findtext("itunes:explicit", namespaces=NS) in {"true", "false"}


def test_apple_recommended_channel_tags(channel):
    assert channel.findtext("itunes:author", namespaces=NS).strip()
    assert channel.findtext("link").startswith("https://")
    owner = channel.find("itunes:owner", NS)
    assert owner.findtext("itunes:name", namespaces=NS) == "Example News Desk"
    assert owner.findtext("itunes:email", namespaces=NS) == OWNER
    assert EMAIL.match(OWNER)
    assert channel.findtext("copyright") == "© 2026 Example News"
    assert channel.findtext("itunes:type", namespaces=NS) in {"episodic", "serial"}
    assert channel.find("itunes:block", NS) is None  # the public feed may be listed


def test_apple_item_tags(hark, feed, channel):
    items = channel.findall("item")
    assert len(items) == 1 + len(BATCH)
    client = hark.test_client()
    with hark.app_context():
        articles = {a.uuid: a for a in db.session.scalars(db.select(Article))}
        for item in items:
            # required
            assert item.findtext("title").strip()
            enclosure = item.find("enclosure")
            article = articles[item.findtext("guid")]
            assert enclosure.get("type") in APPLE_TYPES and enclosure.get("type") == "audio/mpeg"
            assert enclosure.get("url").endswith(".mp3")
            assert int(enclosure.get("length")) == article.episode.bytes
            head = client.head(local(enclosure.get("url")))
            assert int(head.headers["Content-Length"]) == article.episode.bytes
            assert head.headers["Accept-Ranges"] == "bytes"
            assert item.find("guid").get("isPermaLink") == "false"
            # recommended
            assert RFC2822.match(item.findtext("pubDate"))
            description = item.findtext("description")
            assert description.strip() and len(description) <= 4000
            assert re.fullmatch(r"\d+|\d{2}:\d{2}:\d{2}",
                                item.findtext("itunes:duration", namespaces=NS))
            assert item.findtext("link").startswith("https://")
            check_artwork(client, item.find("itunes:image", NS).get("href"))
            assert item.findtext("itunes:explicit", namespaces=NS) in {"true", "false"}
            episode = item.findtext("itunes:episode", namespaces=NS)
            assert episode.isdigit() and int(episode) > 0
            assert item.findtext("itunes:episodeType", namespaces=NS) in {"full", "trailer",
                                                                          "bonus"}
            assert item.findtext("itunes:summary", namespaces=NS).strip()
            assert len(item.findtext("itunes:summary", namespaces=NS)) <= 4000


def test_guids_enclosures_and_episode_numbers_are_unique(channel):
    items = channel.findall("item")
    for path in ("guid", "enclosure", "itunes:episode", "pubDate"):
        values = [i.findtext(path, namespaces=NS) if path != "enclosure"
                  else i.find(path).get("url") for i in items]
        assert len(set(values)) == len(values), path


def test_a_batch_has_distinct_dates_in_import_order(hark, channel):
    by_title = {i.findtext("title"): parsedate_to_datetime(i.findtext("pubDate"))
                for i in channel.findall("item")}
    with hark.app_context():
        batch = db.session.scalars(db.select(Article).order_by(Article.id)).all()[1:]
        dates = [by_title[a.title] for a in batch]
    assert dates == sorted(dates) and len(set(dates)) == len(BATCH)
    items = channel.findall("item")  # newest first: the batch's last article on top
    assert items[0].findtext("title") == batch[-1].title


# --- Podcast Index (Podcasting 2.0 namespace) ---------------------------------------------------

def test_podcast_index_channel_tags(feed, channel):
    locked = channel.find("podcast:locked", NS)
    assert locked.text == "yes" and locked.get("owner") == OWNER
    assert uuid.UUID(channel.findtext("podcast:guid", namespaces=NS)).version == 5
    assert channel.findtext("podcast:medium", namespaces=NS) == "podcast"
    txt = channel.find("podcast:txt", NS)
    assert len(txt.text) <= 4000 and len(txt.get("purpose")) <= 128
    assert channel.find("podcast:block", NS) is None
    parsed = partytime(feed)  # Podcast Index's own parser takes the lock and its owner
    assert parsed["locked"] is True and parsed["podcastOwner"] == OWNER


def namespace_schema() -> etree.XMLSchema:
    """The namespace's own XSD (tests/fixtures/podcast-namespace), included into the namespace
    as the repository's podcast-wrapper.xsd does."""
    xsd = (FIXTURES / "podcast-namespace" / "podcast.xsd").resolve()
    return etree.XMLSchema(etree.fromstring(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"'
        f' targetNamespace="{NS["podcast"]}"><xs:include schemaLocation="{xsd.as_uri()}"/>'
        "</xs:schema>"))


def test_podcast_elements_validate_against_the_namespace_schema(feed):
    schema = namespace_schema()
    declared = {e.get("name") for e in etree.parse(
        str(FIXTURES / "podcast-namespace" / "podcast.xsd")).getroot().iterfind(
        "{http://www.w3.org/2001/XMLSchema}element")}
    checked = set()
    for element in etree.fromstring(feed).iter(f"{{{NS['podcast']}}}*"):
        name = etree.QName(element).localname
        if name in declared:  # guid, medium, txt, block: checked above, by their documents
            assert schema.validate(etree.fromstring(etree.tostring(element))), \
                (name, schema.error_log.last_error)
            checked.add(name)
    assert checked == {"locked", "person", "transcript", "chapters"}
    too_long = etree.fromstring(f'<person xmlns="{NS["podcast"]}">{"x" * 129}</person>')
    assert not schema.validate(too_long)  # the schema does hold the 128-character limit


def test_without_an_owner_email_there_is_no_owner_and_no_lock(tmp_path):
    app = make_app(tmp_path)
    channel = etree.fromstring(app.test_client().get("/feed.xml").data).find("channel")
    assert channel.find("itunes:owner", NS) is None and channel.find("podcast:locked", NS) is None


def test_podcast_index_item_tags(feed, channel):
    for item in channel.findall("item"):
        transcripts = item.findall("podcast:transcript", NS)
        assert {t.get("type") for t in transcripts} == {"text/vtt", "application/json"}
        for t in transcripts:
            assert t.get("url").startswith("https://") and t.get("language") == "en"
            assert t.get("rel") in (None, "captions")
        chapters = item.find("podcast:chapters", NS)
        assert chapters.get("type") == "application/json+chapters"
        for person in item.findall("podcast:person", NS):
            assert 0 < len(person.text) <= 128
    # Podcast Index's parser knows every role and group (an unknown one becomes Cast/Host).
    for parsed in partytime(feed)["items"]:
        for person in parsed.get("podcastPeople", []):
            assert (person["group"], person["role"]) == ("Writing", "Author"), person


def test_the_byline_and_every_quoted_person_are_named(hark, channel):
    (item,) = [i for i in channel.findall("item")
               if i.findtext("itunes:author", namespaces=NS) == SPECIAL_BYLINE]
    people = [(p.text, p.get("group"), p.get("role")) for p in item.findall("podcast:person", NS)]
    assert people[0] == (SPECIAL_BYLINE, "writing", "author")
    with hark.app_context():
        article = db.session.scalar(db.select(Article).filter_by(byline=SPECIAL_BYLINE))
        quoted = [s.shown for s in article.speakers]
    assert quoted  # the speakers narration found (and operators may rename)
    assert [name for name, _, _ in people[1:]] == quoted
    assert all((g, r) == ("writing", "author") for _, g, r in people[1:])


def test_psc_chapters_repeat_the_chapters_file(hark, feed, channel):
    client = hark.test_client()
    episodes = {e["guid"]: e for e in podcastparser.parse(
        "https://hark.example.org/feed.xml", io.BytesIO(feed))["episodes"]}
    with_chapters = 0
    for item in channel.findall("item"):
        data = json.loads(client.get(local(item.find("podcast:chapters", NS).get("url"))).data)
        inline = item.find("psc:chapters", NS)
        if not data["chapters"]:
            assert inline is None
            continue
        with_chapters += 1
        assert inline.get("version") == "1.2"
        marks = [(c.get("start"), c.get("title")) for c in inline.findall("psc:chapter", NS)]
        assert all(NPT.match(start) for start, _ in marks)
        assert [t for _, t in marks] == [c["title"] for c in data["chapters"]]
        seconds = [sum(float(x) * 60 ** i for i, x in enumerate(reversed(s.split(":"))))
                   for s, _ in marks]
        assert seconds == pytest.approx([c["startTime"] for c in data["chapters"]], abs=0.001)
        # gPodder's parser reads them
        read = episodes[item.findtext("guid")]["chapters"]
        assert [c["title"] for c in read] == [t for _, t in marks]
    assert with_chapters >= 1

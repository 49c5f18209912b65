"""&, <, quotes and non-Latin scripts leave the feed and transcripts exactly as they came in."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET

import feedparser
import lxml.html
from lxml import etree

from app.episodes.transcript import json_transcript

from .conftest import SPECIAL_BYLINE, SPECIAL_FIRST, SPECIAL_TITLE, fake_article

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0"}


def special_item(feed_bytes: bytes, parser) -> object:
    root = parser.fromstring(feed_bytes)
    (item,) = [i for i in root.iter("item") if i.findtext("title") == SPECIAL_TITLE]
    return item


def test_title_description_and_author_round_trip_through_feedparser(hark):
    parsed = feedparser.parse(hark.test_client().get("/feed.xml").data)
    assert not parsed.bozo
    (entry,) = [e for e in parsed.entries if e.title == SPECIAL_TITLE]
    assert lxml.html.fragment_fromstring(entry.summary, create_parent="div").text_content() \
        == SPECIAL_FIRST
    assert entry.author == SPECIAL_BYLINE


def test_title_description_and_author_round_trip_through_xml_parsers(hark):
    body = hark.test_client().get("/feed.xml").data
    for parser in (ET, etree):
        item = special_item(body, parser)
        # The description is HTML (in CDATA): its text is the paragraph, escaped once.
        description = item.findtext("description")
        assert description == f"<p>{html.escape(SPECIAL_FIRST, quote=False)}</p>"
        assert item.findtext("itunes:summary", namespaces=NS) == SPECIAL_FIRST
        assert item.findtext("itunes:author", namespaces=NS) == SPECIAL_BYLINE


def test_transcripts_round_trip(hark):
    client = hark.test_client()
    item = special_item(client.get("/feed.xml").data, etree)
    urls = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", NS)}
    vtt = client.get(urls["text/vtt"]).get_data(as_text=True)
    data = json.loads(client.get(urls["application/json"]).data)
    assert data == json_transcript(vtt)
    text = " ".join(s["body"] for s in data["segments"])
    for words in ("Fish & Chips <b>not bold</b> \"quoted\" 'single'", "Ελληνικά, 日本語, العربية",
                  "Salt & vinegar < pepper >", "Καλημέρα κόσμε.", "こんにちは世界。",
                  "مرحبا بالعالم.", "Part <2> & more", "Tom & Jerry <3 cheese,",
                  "Ana Łukasiewicz"):
        assert words in text, words
    assert "&amp;" not in text and "&lt;" not in text
    assert "Ana Łukasiewicz" in {s.get("speaker") for s in data["segments"]}


def test_characters_xml_cannot_carry_are_dropped_not_fatal(app, client):
    fake_article(app, "Form\x0cfeed and\x00 null \U0001F600 emoji")
    body = client.get("/feed.xml").data
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[0].title == "Formfeed and null \U0001F600 emoji"
    assert etree.fromstring(body).findtext("channel/item/title") == parsed.entries[0].title

"""Summaries reach every parser as the same visible text, and never as markup that runs.

Each summary below is an article's first paragraph. The feed is read by feedparser, gPodder's
podcastparser and Podcast Index's partytime; whatever each hands an app (the HTML description,
the plain itunes:summary) is then shown as HTML by Chromium, as a web podcast app would.
"""

from __future__ import annotations

import pytest

from app.models import Article, Block, db

from ..conftest import make_app
from .conftest import fake_article
from .parsers import feedparser_items, partytime, podcastparser_items, read_as_html

HOSTILE = [
    "The <b>bold</b> tag and the <script> element are HTML; in maths, 3 < 5 and 5 > 3.",
    '<script>alert("feed")</script><img src=x onerror=alert(1)> was pasted into the page.',
    "Already escaped: &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt; twice.",
    "A CDATA end ]]> and a start <![CDATA[ then a comment <!-- x --> and <?php echo 1 ?>.",
    '<a href="javascript:alert(1)">click</a> <svg onload=alert(1)> <iframe src=//x.test>',
    "References: &#60;script&#62; &#x3C;/script&#x3E; &nbsp; &copy &lt",
    "Unclosed <p class='x and </div></description></item> in the middle & an end.",
]
ORDINARY = [
    "The council voted 7–2 on Tuesday to reopen the harbour library by spring.",
    "Café owners said “it’s about time”, and rents rose 5% (up from 3% last year).",
    "Fish & chips, salt & vinegar: the pier’s kiosk is open again.",
]
SUMMARIES = HOSTILE + ORDINARY


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> tuple[bytes, dict[str, str]]:
    """The public feed with one article per summary; GUID -> the summary it carries."""
    app = make_app(tmp_path_factory.mktemp("descriptions"))
    by_guid = {}
    for n, text in enumerate(SUMMARIES):
        article_id = fake_article(app, f"Article {n}")
        with app.app_context():
            article = db.session.get(Article, article_id)
            article.blocks = [Block(position=0, kind="paragraph", text=text)]
            db.session.commit()
            by_guid[article.uuid] = text
    return app.test_client().get("/feed.xml").data, by_guid


def shown(page, fragments: dict[str, list[str]]) -> dict[str, list[dict]]:
    keys = list(fragments)
    flat = [f for k in keys for f in fragments[k]]
    results = iter(read_as_html(page, flat))
    return {k: [next(results) for _ in fragments[k]] for k in keys}


def test_every_parser_shows_every_summary_as_the_same_text_and_runs_nothing(feed, browser):
    xml, by_guid = feed
    seen: dict[str, list[str]] = {guid: [] for guid in by_guid}
    for entry in feedparser_items(xml):
        seen[entry.id] += [entry.summary, entry.content[0].value]
    for episode in podcastparser_items(xml):
        seen[episode["guid"]] += [episode["description_html"], episode["description"]]
    for item in partytime(xml)["items"]:
        seen[item["guid"]] += [item["description"], item["summary"]]
    assert all(len(strings) == 6 for strings in seen.values()), seen

    page = browser.new_page()
    try:
        results = shown(page, seen)
    finally:
        page.close()
    for guid, text in by_guid.items():
        expected = " ".join(text.split())
        for raw, result in zip(seen[guid], results[guid], strict=True):
            assert result["text"] == expected, (raw, result)
            assert result["scripts"] == 0 and result["handlers"] == 0, raw
            assert not any(link.lower().startswith("javascript:") for link in result["links"])
            assert "<script" not in raw.lower(), raw


def test_the_description_is_html_in_cdata_and_the_summary_is_short_plain_text(feed):
    xml, _ = feed
    body = xml.decode()
    assert body.count("<description><![CDATA[<p>") == len(SUMMARIES)
    for item in partytime(xml)["items"]:
        assert item["description"].startswith("<p>") and item["description"].endswith("</p>")
        assert "<p>" not in item["summary"] and len(item["summary"]) <= 250

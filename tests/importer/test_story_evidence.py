"""Removal before and after trafilatura only on evidence: pages written for each kind of
template that loses story text to a rule made for other pages (issue 16)."""

from app.importer import extract_text

_BRIDGE = [
    "The footbridge over the canal at Millbrook reopened on Tuesday after a month of repairs "
    "to its deck, which had split in the frost and was closed to walkers in January.",
    "Cyclists will have to dismount on the bridge until the new surface has settled, the "
    "council said, and the ramp on the towpath side stays shut until the end of the week.",
]
_MENU = "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(12))


def test_a_short_story_in_an_aside_with_the_page_headline_is_kept():
    # a template that wraps the whole article, headline included, in an <aside>
    page = ("<html><head><title>Footbridge over the canal reopens - Millbrook Post</title>"
            "</head><body><nav><ul>" + _MENU + "</ul></nav><aside class='content'><article>"
            "<h1>Footbridge over the canal reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in _BRIDGE)
            + "</article></aside><aside class='sidebar'><h1>Millbrook Post</h1><p>"
            "<a href='/x'>Weather for the week ahead</a></p></aside></body></html>")
    text = extract_text(page)
    for p in _BRIDGE:
        assert p in text
    assert "Weather for the week" not in text and "Section 3" not in text


def test_a_menu_left_unclosed_around_the_main_content_does_not_take_it_away():
    # the <nav>'s last <li> is never closed, so the parser puts <main> inside the <nav>
    page = ("<html><head><title>Footbridge over the canal reopens</title></head><body>"
            "<nav><ul>" + _MENU + "<li class='menu-item'><a href='/more'>More</a>"
            "<main><article><h1>Footbridge over the canal reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in _BRIDGE)
            + "</article></main></body></html>")
    text = extract_text(page)
    for p in _BRIDGE:
        assert p in text


def test_a_story_only_in_the_pages_json_ld_is_read_from_it():
    # the page renders its text by script; only its schema.org data holds the article
    body = " ".join(_BRIDGE) + (" Walkers who used the ferry during the closure can claim back "
                                "their fares at the town hall until the end of March.")
    page = ("<html><head><title>Footbridge over the canal reopens</title>"
            "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", "
            "\"@type\": \"NewsArticle\", \"headline\": \"Footbridge over the canal reopens\", "
            f"\"articleBody\": \"{body}\"}}</script>"
            "<script>window.app = {}; render('#root');</script></head><body>"
            "<div id='root'><p>Loading…</p></div></body></html>")
    text = extract_text(page)
    assert _BRIDGE[0] in text and "claim back their fares" in text
    assert "window.app" not in text and "@context" not in text

"""HTML extraction: the story's paragraphs and headings, in order, and nothing around them."""

import unicodedata

import pytest

from app.importer import ImportFailed, extract_text, import_document
from app.importer.html import extract_blocks, parse_html, preclean

from ..conftest import FIXTURES

PAGES = FIXTURES / "importer"


def blocks_of(name: str):
    return extract_blocks((PAGES / name).read_text(encoding="utf-8"))


def test_news_page_keeps_story_paragraphs_quote_and_subheading_in_order():
    blocks = blocks_of("news_figure.html")
    texts = [b.text for b in blocks]
    assert texts[0].startswith("The little ferry that links")
    assert texts[-1].startswith("Fares are unchanged")
    assert any(t.startswith('"We knew people had missed it') for t in texts)
    heading = [b for b in blocks if b.kind == "heading"]
    assert [b.text for b in heading] == ["Why the repairs overran"]
    assert texts.index("Why the repairs overran") < next(
        i for i, t in enumerate(texts) if t.startswith("Engineers found corrosion"))


@pytest.mark.parametrize("unwanted", [
    "Harbour ferry returns after winter repairs",  # the headline is the title, not body
    "Photo: Tomas Berg",  # figure caption and credit
    "Share on Facebook",
    "Council approves harbour budget",  # related links
    "Read more",
    "Sign up to our free morning newsletter",
    "Subscribe now for just £1",
    "Great to have the Marigold back",  # reader comments
    "All rights reserved",
    "Sport",  # navigation
])
def test_news_page_drops_everything_around_the_story(unwanted):
    assert unwanted not in extract_text((PAGES / "news_figure.html").read_text())


def test_story_split_into_chunks_between_ads_is_read_whole():
    texts = [b.text for b in blocks_of("magazine_chunks.html")]
    assert texts[0].startswith("For most of the last forty years")
    assert texts[-1].startswith("Still, the direction of travel is clear")
    assert any(t.startswith("Not everything is rosy") for t in texts)
    assert "Who is buying tickets" in texts
    assert not any("Advertisement" in t or "Ten stations" in t for t in texts)


def test_old_table_layout_with_br_paragraphs():
    texts = [b.text for b in blocks_of("blog_br.html")]
    assert len(texts) == 4
    assert texts[0].startswith("Every spring I promise myself")
    assert not any(t in ("Home", "Archive", "About me") for t in texts)


def test_page_without_an_article_is_refused():
    with pytest.raises(ImportFailed, match="no article text"):
        import_document((PAGES / "no_article.html").read_bytes())


def test_fallback_reads_a_story_trafilatura_gives_up_on():
    # one bare <div> of <br>-separated text with no paragraph markup at all
    story = "<br><br>".join(
        f"Paragraph {n} tells how the river rose overnight and the bridge at Esk was closed, "
        f"while volunteers filled sandbags by the church until the early hours." for n in range(4))
    html = f"<html><body><div id='x'>{story}</div></body></html>"
    texts = [b.text for b in extract_blocks(html)]
    assert len(texts) == 4 and texts[3].startswith("Paragraph 3 tells")


def test_extract_text_separates_paragraphs_with_blank_lines():
    text = extract_text((PAGES / "news_figure.html").read_text())
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == len(blocks_of("news_figure.html"))
    assert all(p.strip() == p and p for p in paragraphs)


def test_extract_text_accepts_bytes_and_never_raises():
    assert extract_text((PAGES / "news_figure.html").read_bytes()).startswith("The little ferry")
    assert extract_text(b"\x89PNG\r\n\x1a\n\0\0") == ""
    assert extract_text("") == ""


def test_preclean_removes_hidden_elements_and_captions_but_keeps_tails():
    tree = parse_html("<html><body><p>Seen <span style='display:none'>hidden</span> tail"
                      "<figcaption>caption</figcaption> end</p></body></html>")
    preclean(tree)
    text = tree.text_content()
    assert "hidden" not in text and "caption" not in text
    assert "Seen" in text and "tail" in text and "end" in text


_TOWER = [
    "The clock tower on the market square has been silent since the storm in March, when a "
    "falling branch bent the linkage between the drive and the dial on the north face.",
    "Volunteers from the heritage society spent four weekends taking the mechanism apart, "
    "cleaning each gear by hand and logging every part in a notebook for the restorers.",
    "The town council agreed to pay for a new linkage, forged by a smith from the next valley "
    "who had repaired the church clock there twenty years earlier and kept the drawings.",
    "On Saturday the hands moved again for the first time in eight months, and the bell struck "
    "noon a little late, to applause from the people waiting below with their shopping.",
]


@pytest.mark.parametrize("wrapper", ["aside", "noscript", "nav"])
def test_a_story_in_the_wrong_wrapper_is_kept(wrapper):
    paragraphs = "".join(f"<p>{p}</p>" for p in _TOWER)
    page = (f"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<main><h1>The clock strikes again</h1><{wrapper} class='content'>{paragraphs}"
            f"</{wrapper}></main>"
            "<aside><h3>Most read</h3><p><a href='/a'>A long teaser headline about the harbour "
            "ferry that leads to another story on the same site</a></p><p><a href='/b'>Another "
            "long teaser headline about the bakery that closed after ninety years in town</a>"
            "</p><p><a href='/c'>A third teaser headline about the football club and its new "
            "stand, which also links to another story</a></p></aside></body></html>")
    text = extract_text(page)
    for p in _TOWER:
        assert p in text
    assert "Home" not in text and "teaser headline" not in text


def test_decomposed_letters_are_composed_to_nfc():
    # "é" written as e + U+0301 and Bengali "য়" as য + nukta: the text a reader searches and a
    # narrator speaks is the precomposed (NFC) form in both paths
    decomposed = "Le cafe\u0301 du port a rouvert ce matin, apre\u0300s l'hiver. আমি যা\u09bc"
    story = f"{decomposed} {' '.join(['Mot'] * 40)}."
    page = f"<html><body><article><p>{story}</p></article></body></html>"
    for text in (extract_text(page), extract_text(story)):
        assert "Le café du port a rouvert ce matin, après l'hiver." in text
        assert "\u0301" not in text and "\u0300" not in text
        assert unicodedata.is_normalized("NFC", text)

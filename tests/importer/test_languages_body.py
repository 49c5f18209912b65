"""Nothing of the body lost, no page furniture gained: the eight language fixtures, HTML and paste.

Each `<slug>.txt` is the article as its author wrote it (headline, byline, date, body); the news
pages (`<slug>.html`, or `<slug>-page.html` beside an older minimal page) carry the story's
paragraphs as bare <p> elements of their <article>, inside a site's menu, share links, a
related-articles list and a footer.
"""

import html as htmllib
import re
from pathlib import Path

import pytest

from app.importer import import_document

LANGUAGES = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "languages"
SLUGS = ["de-bruecke", "fr-quartier", "es-puente", "it-passerella", "nl-brug", "pl-kladka",
         "pt-ponte", "ru-most"]
PAGES = {"de-bruecke": "de-bruecke-page.html", "fr-quartier": "fr-quartier-page.html"}


def written(slug: str) -> tuple[str, list[str]]:
    """(headline, body paragraphs) of the article as written: the text file's blocks after the
    headline and the byline/date block."""
    blocks = (LANGUAGES / f"{slug}.txt").read_text(encoding="utf-8").strip().split("\n\n")
    return blocks[0], [" ".join(b.split()) for b in blocks[2:]]


def story(html: str) -> list[str]:
    """The body paragraphs of a news page as written: the bare <p> elements of its <article>
    (the byline and date lines there carry a class)."""
    article = html.split("<article>", 1)[1].split("</article>", 1)[0]
    return [htmllib.unescape(p) for p in re.findall(r"<p>(.*?)</p>", article, re.S)]


def furniture(html: str) -> list[str]:
    """The page's texts that are not the story: menu, related links, share link, footer."""
    chrome = re.sub(r"(?s)<article>.*?</p>\s*(?=<div class=\"share\">)", "", html)
    texts = re.findall(r">([^<>]{3,})<", chrome.split("<body>", 1)[1])
    return [t.strip() for t in texts if t.strip()]


@pytest.mark.parametrize("slug", SLUGS)
def test_pasted_article_keeps_every_paragraph_and_nothing_else(slug):
    title, body = written(slug)
    article = import_document((LANGUAGES / f"{slug}.txt").read_bytes())
    assert article.title == title
    assert article.paragraphs == body


@pytest.mark.parametrize("slug", SLUGS)
def test_news_page_keeps_every_paragraph_and_drops_the_page_around_it(slug):
    title, _ = written(slug)
    html = (LANGUAGES / PAGES.get(slug, f"{slug}.html")).read_text(encoding="utf-8")
    body = story(html)
    assert len(body) >= 4
    article = import_document(html.encode())
    assert article.title == title
    assert article.paragraphs == body
    chrome = furniture(html)
    assert len(chrome) >= 12  # the page really has furniture to drop
    text = "\n".join(article.paragraphs)
    assert not [t for t in chrome if t in text and not any(t in p for p in body)]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_page_rendered_to_text_and_pasted_whole_keeps_the_body(slug):
    """A whole page copied from the browser: menus and links come along as lines."""
    html = (LANGUAGES / PAGES.get(slug, f"{slug}.html")).read_text(encoding="utf-8")
    body = story(html)
    lines = [t.strip() for t in re.findall(r">([^<>]+)<", html.split("<body>", 1)[1])]
    pasted = "\n".join(line for line in lines if line)
    assert import_document(pasted.encode()).paragraphs == body

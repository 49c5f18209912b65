"""HTML pages: trafilatura finds the story; BeautifulSoup keeps structure and metadata."""

from __future__ import annotations

import re

import trafilatura
from bs4 import BeautifulSoup
from lxml import etree

from .article import Article, Block, ImportFailed
from .boilerplate import is_boilerplate_line
from .metadata import page_metadata

MAX_TREE_DEPTH = 400  # deeper nesting than any real page; lxml and bs4 recurse on it
_WS = re.compile(r"\s+")


def _depth_ok(html: str) -> bool:
    depth = peak = 0
    for m in re.finditer(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>", html):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        depth += -1 if m.group(1) else 1
        peak = max(peak, depth)
        if peak > MAX_TREE_DEPTH:
            return False
    return True


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "p", "li", "option", "dt", "dd", "tr", "td", "th"}


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _blocks_from_body(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    for el in body.iter("head", "p", "item", "quote"):
        if el.tag == "quote" and el.find("p") is not None:
            continue  # its paragraphs come on their own
        if el.tag == "p" and el.getparent() is not None and el.getparent().tag == "item":
            continue
        text = _clean("".join(el.itertext()))
        if not text or is_boilerplate_line(text):
            continue
        blocks.append(Block("heading" if el.tag == "head" else "paragraph", text))
    return blocks


def _fallback_blocks(soup: BeautifulSoup) -> list[Block]:
    """Densest container of <p> text, for pages trafilatura gives up on."""
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript",
                     "figure", "figcaption"]):
        tag.decompose()
    best, best_len = None, 0
    for container in soup.find_all(["article", "main", "div", "section", "body"]):
        length = sum(len(p.get_text()) for p in container.find_all("p", recursive=False))
        if length > best_len:
            best, best_len = container, length
    if best is None:
        return []
    blocks = []
    for el in best.find_all(["p", "h2", "h3", "h4"]):
        text = _clean(el.get_text(" "))
        if text and not is_boilerplate_line(text):
            blocks.append(Block("heading" if el.name != "p" else "paragraph", text))
    return blocks


def extract_html(html: str, url: str | None = None) -> Article:
    """The readable story of an HTML page, with its metadata."""
    if not _depth_ok(html):
        raise ImportFailed(f"the HTML is nested more than {MAX_TREE_DEPTH} levels deep")
    soup = BeautifulSoup(html, "lxml")
    meta = page_metadata(soup, url)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, deduplicate=False,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        doc = None
    blocks = _blocks_from_body(doc.body) if doc is not None and doc.body is not None else []
    if sum(len(b.text) for b in blocks) < 200:
        fallback = _fallback_blocks(soup)
        if sum(len(b.text) for b in fallback) > sum(len(b.text) for b in blocks):
            blocks = fallback
    title = meta.title or (doc.title if doc is not None else None) or ""
    if blocks and blocks[0].kind == "heading" and _clean(blocks[0].text) == _clean(title):
        blocks = blocks[1:]
    if not blocks:
        raise ImportFailed("no article text was found on this page")
    if not title:
        title = blocks[0].text[:80]
    return Article(
        title=title,
        blocks=blocks,
        byline=meta.byline or (doc.author if doc is not None else None),
        published=meta.published or (doc.date if doc is not None else None),
        site_name=meta.site_name or (doc.sitename if doc is not None else None),
        language=meta.language,
        image_alt=meta.image_alt,
    )

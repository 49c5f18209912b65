"""A readability-style fallback: the container holding the densest run of paragraph text.

Used when trafilatura finds (almost) nothing, e.g. stories written as one <div> of text split
by <br>, or pages whose markup its rules mistake for boilerplate.
"""

from __future__ import annotations

import re

import lxml.html

from .article import Block

_WS = re.compile(r"\s+")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements that start a new line of text when rendered.
_BLOCKS = _HEADINGS | {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "header", "footer", "aside",
    "nav", "form", "figure", "br", "hr", "center", "address", "details", "summary", "body",
}
_SKIP = {"nav", "header", "footer", "aside", "form", "figure", "h1"}
_BOILERPLATE = re.compile(
    r"share|social|related|recommend|newsletter|subscribe|promo|advert|sponsor|comment|"
    r"breadcrumb|sidebar|footer|menu|navigation|popular|trending|cookie|caption|credit|"
    r"byline|author|tags|widget|outbrain|taboola", re.I)


def _candidates(tree: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, float]:
    """Score each container by the paragraph text directly inside it (readability's rule)."""
    scores: dict[lxml.html.HtmlElement, float] = {}
    for el in tree.iter("p", "pre", "td", "div", "font", "span"):
        text = _own_text(el) if el.tag in ("div", "td", "font", "span") else el.text_content()
        text = text.strip()
        if len(text) < 25:
            continue
        score = 1 + text.count(",") + text.count("、") + min(len(text) / 100, 3)
        parent = el.getparent() if el.tag in ("p", "pre") else el
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + score / 2
    return scores


def _own_text(el: lxml.html.HtmlElement) -> str:
    """Text of the element that is not inside a child block (text beside <br>s, inline tags)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCKS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def link_density(el: lxml.html.HtmlElement) -> float:
    """Share of an element's text that is link text."""
    total = len(el.text_content()) or 1
    linked = sum(len(a.text_content()) for a in el.iter("a"))
    return linked / total


def _is_boilerplate(el: lxml.html.HtmlElement) -> bool:
    if el.tag in _SKIP:
        return True
    marks = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(marks.strip()) and bool(_BOILERPLATE.search(marks))


def _lines(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(tag of the block it came from, text) for each rendered line inside `root`."""
    lines: list[tuple[str, str]] = []
    buf: list[str] = []
    kind = ["p"]

    def flush() -> None:
        text = _WS.sub(" ", "".join(buf).replace("\u00ad", "")).strip()
        if text:
            lines.append((kind[0], text))
        buf.clear()
        kind[0] = "p"

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            flush()
            kind[0] = tag
        if el is root or not (_is_boilerplate(el) or (block and tag in ("ul", "ol", "div")
                                                      and len(el) and link_density(el) > 0.5)):
            buf.append(el.text or "")
            for child in el:
                walk(child)
                buf.append(child.tail or "")
        if block:
            flush()

    walk(root)
    flush()
    return lines


def densest_container_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """Blocks of the container with the best paragraph score, links discounted."""
    scores = _candidates(tree)
    if not scores:
        return []
    best = max(scores, key=lambda el: scores[el] * (1 - link_density(el)))
    return rendered_blocks(best)


def rendered_blocks(root: lxml.html.HtmlElement) -> list[Block]:
    """Headings and paragraphs of one container, boilerplate-classed parts left out."""
    blocks = []
    for tag, text in _lines(root):
        if tag in _HEADINGS:
            blocks.append(Block("heading", text))
        elif len(text) >= 2:
            blocks.append(Block("paragraph", text))
    return blocks

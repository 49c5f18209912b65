"""Title, byline, date, site, language and lead-image alt text, for pages and pastes."""

from __future__ import annotations

import re
from copy import deepcopy

import lxml.html
import trafilatura
from htmldate import find_date

from .article import Article, Block, ImportFailed
from .bylines import MAX_BYLINE_CHARS, byline_line
from .bylines import byline as join_byline
from .dates import written_date
from .headline import site_in_title, site_names, strip_site
from .html import clean_text, parse_html
from .language import detect_language
from .paywall import is_teaser_page
from .plaintext import Paste

_PUBLISHED_META = ("article:published_time", "og:article:published_time", "datePublished",
                   "pubdate", "publishdate", "dc.date.issued", "DC.date.issued")
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "dc.creator", "DC.creator")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Where a page's visible byline or date is not: menus and side columns (teasers carry dates).
_NOT_THE_STORY = {"nav", "aside", "script", "style", "noscript", "template"}
# Elements that hold a block of their own: a byline or date line has none of these inside it.
_BLOCK_TAGS = {"div", "p", "ul", "ol", "li", "section", "article", "header", "footer", "table",
               "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "form", "main"}
_LINE_TAGS = ("p", "div", "span", "address", "time", "small", "li", "dd", "strong", "em", "b")
MAX_DATE_LINE_CHARS = 80
DATELINE_BLOCKS = 3  # a byline, a date and an "updated" date open a story at most
DATE_LINE_CHARS = 60  # a line this short with a date in it is a date line (as paste mode)
def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in tree.iterfind(f".//meta[@{attr}='{name}']"):
                content = clean_text(el.get("content") or "")
                if content:
                    return content
    return None


def _meta_all(tree: lxml.html.HtmlElement, *names: str) -> list[str]:
    """Every non-empty content of the named meta tags, in page order."""
    found = []
    for el in tree.iter("meta"):
        if any(el.get(attr) in names for attr in ("property", "name", "itemprop")):
            content = clean_text(el.get("content") or "")
            if content:
                found.append(content)
    return found


_MASTHEAD_MARKS = re.compile(
    r"(?:^|[\s_-])(?:site-?(?:title|name)|logo|brand|masthead|blog-?title)(?:$|[\s_-])", re.I)
_NON_WORD = re.compile(r"\W+")
TITLE_SHARE = 0.4  # of the <title>'s letters an <h1> holds to be taken for its headline
_HOME = re.compile(r"^(?:https?://[^/]+)?/?(?:index\.\w+)?$")


def _masthead(h1: lxml.html.HtmlElement) -> bool:
    """An <h1> that is the site's name, not the story's headline: marked as the site's title
    or logo (on it or its parent), or all of it a link to the site's home page, inside or
    around it (a theme that sets its masthead as every page's <h1>)."""
    if h1.get("itemprop") == "headline":
        return False
    parent = h1.getparent()
    for el in (h1, parent):
        if el is not None and _MASTHEAD_MARKS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return True
    if parent is not None and parent.tag == "a" and _HOME.match(parent.get("href", "").strip()):
        return True
    text = clean_text(h1.text_content())
    return any(_HOME.match(a.get("href", "").strip()) and clean_text(a.text_content()) == text
               for a in h1.iter("a") if a.get("href") is not None)


def _key(text: str) -> str:
    """The text case-folded, without spaces and punctuation: for finding one text in another."""
    return _NON_WORD.sub("", text.casefold())


def _title(tree: lxml.html.HtmlElement, sites: set[str], head_title: str | None) -> str | None:
    # the story's <h1>: of those that are not the masthead, the first that is most of the
    # <title> (a theme may set its menu button as an <h1> too), else the first
    h1s = [t for el in tree.iter("h1")
           if (t := clean_text(el.text_content())) and not _masthead(el)]
    head = _key(head_title or "")
    h1 = next((t for t in h1s if len(_key(t)) >= TITLE_SHARE * len(head) and _key(t) in head),
              h1s[0] if h1s else None)
    og = _meta(tree, "og:title", "twitter:title")
    for candidate in (og, h1, head_title):
        if candidate:
            return strip_site(candidate, sites)[:300] or None
    return None


def _head_title(tree: lxml.html.HtmlElement) -> str | None:
    return next((clean_text(el.text_content()) for el in tree.iter("title")), None)


def _published(tree: lxml.html.HtmlElement, url: str | None,
               language: str | None = None) -> str | None:
    """The first publication date: the page's own publication fields, then htmldate, then the
    first date written out on a short line of the page ("14. März 2025", "3 de marzo de 2025").

    Fields that name the publication (schema.org datePublished in JSON-LD or microdata,
    article:published_time) come first, the earliest when there are several: htmldate alone
    may answer with a modification date. htmldate (original_date) reads the rest of the
    markup, with its extensive search left off: that falls back on copyright years and loose
    dates in the text, and no date is better than an invented one. htmldate reads month names
    in few languages, so a date line it missed is read by .dates in the page's `language`:
    a line of its own (a <time>, a dateline) with a day, a month and a year, outside menus and
    side columns.
    """
    declared = [d for d in (_iso_date_in(v) for v in _declared_published(tree)) if d]
    if declared:
        return min(declared)
    try:
        found = find_date(deepcopy(tree), url=url, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 -- a date is a nicety: never lose the article over it
        found = None
    if found:
        return found
    for line in _short_lines(tree, MAX_DATE_LINE_CHARS):
        if date := written_date(line, language):
            return date
    return None


def _short_lines(tree: lxml.html.HtmlElement, max_chars: int) -> list[str]:
    """The text of each element that is a short line of its own, in page order (menus out)."""
    lines = []
    for el in tree.iter(*_LINE_TAGS):
        if any(a.tag in _NOT_THE_STORY for a in el.iterancestors()):
            continue
        if any(d.tag in _BLOCK_TAGS for d in el.iterdescendants()):
            continue
        text = clean_text(el.text_content())
        if text and len(text) <= max_chars:
            lines.append(text)
    return lines


def _visible_byline(tree: lxml.html.HtmlElement) -> str | None:
    """The names of the first byline line on the page ("Von …", "Par …", "Autor: …")."""
    return next((names for line in _short_lines(tree, MAX_BYLINE_CHARS)
                 if (names := byline_line(line))), None)


def _declared_published(tree: lxml.html.HtmlElement) -> list[str]:
    found = _meta_all(tree, *_PUBLISHED_META)
    found += [el.get("datetime") or el.get("content") or ""
              for el in tree.iterfind(".//*[@itemprop='datePublished']")]
    for script in tree.iter("script"):
        if script.get("type") == "application/ld+json" and script.text:
            found += _LD_PUBLISHED.findall(script.text)
    return found


def _lead_image_alt(tree: lxml.html.HtmlElement) -> str | None:
    alt = _meta(tree, "og:image:alt", "twitter:image:alt")
    if alt:
        return alt
    scope = next(tree.iter("article"), tree)
    for img in scope.iter("img"):
        alt = clean_text(img.get("alt") or "")
        if len(alt) > 3:
            return alt
    return None


def _iso_date_in(value: str | None) -> str | None:
    m = _ISO_DATE.search(value or "")
    return m.group(0) if m else None


def html_article(html: str, blocks: list[Block], url: str | None = None,
                 teaser: bool = False) -> Article:
    """An Article from a page's extracted blocks plus the metadata in its markup.

    `teaser` says subscriber prompts were dropped from the story; the page's own paywall
    markup sets `teaser_only` too.
    """
    tree = parse_html(html)
    if not blocks or tree is None:
        raise ImportFailed("no article text was found on this page")
    try:
        found = trafilatura.extract_metadata(tree, default_url=url)
    except Exception:  # metadata is a nicety: never lose the article over it
        found = None
    declared_site = _meta(tree, "og:site_name", "application-name")
    site = declared_site or (found.sitename if found else None)
    mastheads = [clean_text(h1.text_content()) for h1 in tree.iter("h1") if _masthead(h1)]
    head_title = _head_title(tree)
    sites = site_names(tree, head_title,
                       [declared_site, found.sitename if found else None, *mastheads], url)
    # no declared name: the one the <title> repeats and the title cut (its masthead or host agrees)
    site = site or site_in_title(head_title, sites)
    title = _title(tree, sites, head_title) or (found.title if found else None) or ""
    if blocks[0].kind == "heading" and blocks[0].text == title:
        blocks = blocks[1:] or blocks
    blocks = _without_dateline(blocks)
    lang = tree.get("lang") or _meta(tree, "og:locale", "language", "content-language")
    language = detect_language(" ".join(b.text for b in blocks), lang)
    authors = "; ".join(_meta_all(tree, *_AUTHOR_META))
    # the markup's author fields first; a visible byline line when they name no one
    byline = (join_byline([authors, found.author if found else None], language)
              or join_byline([_visible_byline(tree)], language))
    published = _published(tree, url, language)
    body = " ".join(b.text for b in blocks)
    return Article(
        title=title or _paste_title(body),
        blocks=blocks,
        byline=byline or None,
        published=published,
        site_name=site or None,
        language=language or None,
        image_alt=_lead_image_alt(tree),
        teaser_only=teaser or is_teaser_page(tree),
    )


def _without_dateline(blocks: list[Block]) -> list[Block]:
    """The blocks without the byline and date lines that open the story (paste mode drops
    them the same way): they are the article's metadata, not words to read as its text."""
    head = 0
    while head < min(DATELINE_BLOCKS, len(blocks) - 1) and (
            byline_line(blocks[head].text)
            or (len(blocks[head].text) <= DATE_LINE_CHARS
                and written_date(blocks[head].text))):
        head += 1
    return blocks[head:]


def _paste_title(first: str) -> str:
    """A short title from the first sentence, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?])\s", first.strip(), maxsplit=1)[0].rstrip(".")
    if len(sentence) <= 80:
        return sentence
    return sentence[:80].rsplit(" ", 1)[0].rstrip(",;:—–-") + "…"


def text_article(paste: Paste) -> Article:
    """An Article from a cleaned paste: its headline line, or a title from the first sentence."""
    if not paste.blocks:
        raise ImportFailed("no article text was found in the text")
    body = " ".join(b.text for b in paste.blocks)
    return Article(
        title=paste.title or _paste_title(paste.blocks[0].text),
        blocks=paste.blocks,
        byline=paste.byline,
        published=paste.published,
        language=detect_language(body, None),
        teaser_only=paste.teaser_only,
    )

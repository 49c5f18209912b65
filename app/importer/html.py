"""HTML pages: trafilatura finds the story on our pre-cleaned lxml tree; we keep the structure,
drop what it lets through, and fall back to a densest-container search when it finds too little.

trafilatura reads the page twice: its balanced reading is the recall base and its precision
reading the evidence of where the story is (.reconcile); what Hark adds after that (headline
filter, line rules) may drop a block only on positive evidence of boilerplate.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator

import lxml.html
import trafilatura
from bs4 import BeautifulSoup
from lxml import etree
from trafilatura.external import JT_STOPLIST, jt_stoplist_init
from trafilatura.settings import Document

from .article import Block
from .boilerplate import drop_boilerplate_blocks, is_headline_like
from .fallback import densest_container_blocks, link_density, rendered_blocks
from .headline import TITLE_SEPARATORS
from .reconcile import holds_address, is_address, linked, reconcile

# trafilatura logs a warning for each page it finds nothing on; saying so to the user is
# ImportFailed's job, and the log line would otherwise land in the CLI's error output.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

# Same settings trafilatura parses with; libxml2 also caps nesting at 255 levels, so deeply
# nested pages cannot make anything downstream recurse without bound.
_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                               remove_pis=True)
# Every element an HtmlElement, chosen in C: lxml.html's default lookup runs a Python
# method for each element touched (form and input classes, which nothing here uses).
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
# trafilatura's last rescue (jusText) builds its all-language stop list the first time a page
# needs it: 0.2 s, charged to whichever import came first. Built once as the importer loads
# (the server's start-up, not a request); trafilatura keeps it in its module.
if not JT_STOPLIST:
    jt_stoplist_init()

_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
SOFT_HYPHEN = "\u00ad"
_WORDS = re.compile(r"\w+")
# Never story text (trafilatura drops them too; <rt>/<rp> are ruby annotations, the reading
# aid printed over Japanese and Chinese characters, which would be read twice); removing them
# first makes every later pass over the tree cheaper.
_JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
              "canvas", "select", "textarea", "button", "input", "label", "figcaption", "link",
              "meta", "nav", "aside", "footer", "img", "picture", "source", "rt", "rp")
# Candidates for removal by class, style or the hidden attribute; the regexes below decide.
_MARKED = etree.XPath("//*[@class or @style or @hidden or contains(@id, 'easer')]")
# Captions, credits, hover cards and screen-reader-only labels: not in the story as read.
_NOT_STORY = re.compile(
    r"(?:^|[\s_-])(?:caption|credits?|sidebar|rollover|tooltip|hovercard|popover|sr-only|"
    r"visually-hidden|screen-?reader(?:-text)?|wp-caption-text|image-credit|photo-credit)"
    r"(?:$|[\s_-])", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Wrappers trafilatura drops whole; one holding this many prose paragraphs is kept.
_WRAPPERS = ("aside", "nav", "noscript")
_JSON_LD = "application/ld+json"
_KEPT_SCRIPT = "hark-json-ld"
STORY_PARAGRAPHS = 3
ANOTHER_POST_CHARS = 100  # characters between two same-class containers: another post's head
LEAD_PARTS = 2  # paragraphs at most in a lead set apart from the story's body
# The names templates give a story's lead, its opening paragraph set apart (English lede,
# German Vorspann or Einleitung, French chapô, the "teaser" and "intro" of CMS themes); not a
# dek, summary, standfirst or strapline, which sum the story up beside it.
_LEAD_NAME = re.compile(r"(?:^|[\W_])(?:lead|lede|intro|teaser|chapo|chapeau|abstract|vorspann|"
                        r"einleitung|preface|hook)(?:$|[\W_]|text)", re.I)
# A lead (standfirst) classed "teaser": this long (characters; a longer one is a whole story
# in a template's box), and at most this share of it link text.
LEAD_MIN, LEAD_MAX = 60, 1000
LEAD_LINK_DENSITY = 0.1
_TEASER = re.compile("teaser", re.I)
STORY_LINK_DENSITY = 0.2
PROSE_MIN = 100  # characters: shorter paragraphs are not evidence of where the story ends
_ABOVE_HEADLINE = 3  # short lines above the headline that are its labels, at most
FALLBACK_BELOW = 400  # characters: a shorter trafilatura answer is checked against the fallback


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """An lxml tree of the page, or None when there is nothing to parse."""
    html = without_invalid_xml(html)
    if not html.strip():
        return None
    try:
        tree = lxml.html.fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        try:  # lxml refuses str input that declares an encoding; bytes are fine
            tree = lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
        except (etree.ParserError, ValueError):
            return None
    return tree if isinstance(tree, lxml.html.HtmlElement) else None


def without_invalid_xml(html: str) -> str:
    """The text without characters libxml2 refuses (C0 controls but tab/newline/CR, U+FFFE/F).

    Most pages have none: bytes.translate finds that out in a fraction of what the regex
    takes to scan a 200 KB page.
    """
    raw = html.encode("utf-8", "surrogatepass")
    if (len(raw.translate(None, _CONTROL)) == len(raw) and "\ufffe" not in html
            and "\uffff" not in html):
        return html
    return _INVALID_XML.sub("", html)


def preclean(tree: lxml.html.HtmlElement, *, json_ld: bool = False) -> None:
    """Remove scripts, captions, hover cards and hidden elements in place.

    With `json_ld`, the page's JSON-LD scripts (schema.org data, no visible text) stay: they
    are where trafilatura's last-resort reading finds an `articleBody` when the page's markup
    holds none (a how-to or gallery page rendered by script); strip_json_ld() removes them
    once trafilatura has read the page.

    An <aside>, <nav> or <noscript> that holds the story is the story in the wrong wrapper (a
    template that puts the article in an <aside>, a blog that renders its posts inside
    <noscript>, a menu left unclosed around the page): it becomes a <div> for trafilatura to
    judge, since trafilatura would drop the tag unseen.
    """
    titles: set[str] = set()
    for el in tree.iter(*_WRAPPERS):
        if _holds_story(el, titles):
            el.tag = "div"
    kept = [el for el in tree.iter("script") if el.get("type") == _JSON_LD] if json_ld else []
    for el in kept:
        el.tag = _KEPT_SCRIPT  # out of strip_elements' way (it removes in C, in one pass)
    etree.strip_elements(tree, *_JUNK_TAGS, with_tail=False)
    for el in kept:
        el.tag = "script"
    doomed = []
    # Cached per page, for speed: a template repeats a few class names over thousands of
    # elements, and a dict lookup is cheaper than running the regex again.
    not_story: dict[str, bool] = {}
    for el in _MARKED(tree):
        style, marks = el.get("style"), el.get("class")
        if (marks and "easer" in marks) or "easer" in (el.get("id") or ""):
            _unmark_lead(el)
        if el.get("hidden") is not None or (style and _HIDDEN_STYLE.search(style)):
            doomed.append(el)
            continue
        if not marks:
            continue
        named = not_story.get(marks)
        if named is None:
            named = not_story[marks] = bool(_NOT_STORY.search(marks))
        # a class name alone is weak evidence: never remove a block of real paragraphs
        if named and (el.find(".//p") is None or len(el.text_content()) < 400):
            doomed.append(el)
    for el in doomed:
        _remove(el)


def _unmark_lead(el: lxml.html.HtmlElement) -> None:
    """Take the word "teaser" out of the class and id of a story's lead paragraph.

    trafilatura drops every element whose class or id says "teaser" (its own comment: "teaser-
    class blocks are sometimes real content"): right for a list of other stories' teasers,
    each a link, wrong for the story's own standfirst, which templates such as TYPO3's news
    extension class "teaser-text". One of a paragraph or two, hardly a link, is the lead.
    """
    text = clean_text(el.text_content())
    if (LEAD_MIN <= len(text) <= LEAD_MAX and link_density(el) < LEAD_LINK_DENSITY
            and not any(a.tag == "a" for a in el.iterancestors())):
        for attr in ("class", "id"):
            if (value := el.get(attr)) and "teaser" in value.lower():
                el.set(attr, _TEASER.sub("lead", value))


def strip_json_ld(tree: lxml.html.HtmlElement) -> None:
    """Remove the JSON-LD scripts preclean(json_ld=True) kept, in place."""
    etree.strip_elements(tree, "script", with_tail=False)


def _holds_story(el: lxml.html.HtmlElement, titles: set[str]) -> bool:
    """Whether a wrapper trafilatura drops unseen holds the story.

    It does when it holds the page's <main> (which the HTML standard forbids inside <aside>
    or <nav>: the wrapper was left unclosed around the page), when it holds at least
    STORY_PARAGRAPHS paragraphs of prose with little link text, or when an <aside> or
    <noscript> holds an <h1> that is the page's title (_title_keys) and a paragraph of prose
    (a <nav> may repeat the title as a breadcrumb's last step, never with prose). `titles`
    caches the page's title keys between calls: pass the same set, empty at first.
    """
    if el.find(".//main") is not None:
        return True
    prose = sum(1 for p in el.iter("p") if len(clean_text(p.text_content())) >= PROSE_MIN)
    if prose >= STORY_PARAGRAPHS and link_density(el) < STORY_LINK_DENSITY:
        return True
    if prose == 0 or el.tag == "nav" or el.find(".//h1") is None:
        return False
    if not titles:  # filled on first need: most pages have no such wrapper
        titles.update(_title_keys(el.getroottree().getroot()))
    return any(_key(h.text_content()) in titles for h in el.iter("h1"))


def _title_keys(tree: lxml.html.HtmlElement) -> set[str]:
    """The page's title as its metadata gives it (<title>, og:title, twitter:title, and each
    part of them around a separator, the site's name among them), as _key() keys."""
    found = set()
    for el in tree.iter("title", "meta"):
        text = el.text_content() if el.tag == "title" else (
            el.get("content") if el.get("property") in ("og:title", "twitter:title") else None)
        if text:
            found.add(_key(text))
            found.update(_key(part) for part in TITLE_SEPARATORS.split(text) if len(part) > 15)
    found.discard("")
    return found


def _remove(el: etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def clean_text(text: str) -> str:
    """Collapse whitespace runs to single spaces, drop soft hyphens (U+00AD, `&shy;`: they
    only mark where a word may break, and a reader's search or a narrator's word would
    otherwise stop at them) and compose the text to Unicode NFC (UAX #15; trafilatura's output
    is NFC too), so a letter written as base + combining mark matches its precomposed form."""
    # Shaped for speed (it runs on every block and link of a page): str.split() splits at
    # exactly the characters `\s` matches (str.isspace), so the join equals collapsing the
    # runs and stripping, in a third of the time; ASCII text is always NFC, and isascii() is
    # a flag lookup where is_normalized() scans the text.
    text = " ".join(text.replace(SOFT_HYPHEN, "").split())
    return (text if text.isascii() or unicodedata.is_normalized("NFC", text)
            else unicodedata.normalize("NFC", text))


def _element_text(el: etree._Element) -> list[str]:
    """Paragraph texts of one trafilatura element, split at line breaks."""
    parts: list[str] = []
    buf: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            buf.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append("".join(buf))
                buf.clear()
            else:
                walk(child)
            if child.tail:
                buf.append(child.tail)

    walk(el)
    parts.append("".join(buf))
    return [t for t in (clean_text(p) for p in parts) if t]


_BLOCK_TAGS = {"p", "head", "list", "quote", "table", "div"}


def _blocks_from_body(body: etree._Element) -> list[Block]:
    """Trafilatura's output tree as headings and paragraphs, in order."""
    blocks: list[Block] = []
    # text standing between blocks (after a heading, before a <br>) is a paragraph too
    blocks.extend(Block("paragraph", t) for t in _loose_text(body.text))
    for el in body:
        blocks.extend(_element_blocks(el))
        blocks.extend(Block("paragraph", t) for t in _loose_text(el.tail))
    return blocks


def _loose_text(text: str | None) -> list[str]:
    text = clean_text(text or "")
    return [text] if text else []


def _element_blocks(el: etree._Element) -> list[Block]:
    """One element of trafilatura's output tree as blocks."""
    tag = el.tag
    if tag == "head":
        text = clean_text("".join(el.itertext()))
        return [Block("heading", text)] if text else []
    if tag == "list":
        return [Block("paragraph", t) for item in el.iter("item") for t in _element_text(item)]
    if tag == "table":
        blocks: list[Block] = []
        for row in el.iter("row"):
            cells = list(row.iter("cell"))
            if any(len(c) and c[0].tag in _BLOCK_TAGS for c in cells):
                # a layout table: each cell holds paragraphs of its own
                for cell in cells:
                    blocks.extend(_blocks_from_body(cell))
                continue
            text = " ".join(t for t in (clean_text("".join(c.itertext())) for c in cells) if t)
            if text:
                blocks.append(Block("paragraph", text))
        return blocks
    if tag in ("quote", "div") and el.find("p") is not None:
        return _blocks_from_body(el)
    return [Block("paragraph", t) for t in _element_text(el)]


def _trafilatura_blocks(tree: lxml.html.HtmlElement, url: str | None, *,
                        precise: bool) -> list[Block]:
    """trafilatura's story as blocks: `precise` runs its favor_precision mode (fast, no
    external fallbacks), otherwise its balanced default with the readability/jusText
    comparison. trafilatura works on its own copy of the tree.

    Links are not asked for: with include_links trafilatura splits paragraphs at links and
    loses text (measured on the snippet benchmark); link text is measured on the page instead
    (link_chars).

    Only the body tree is read. output_format="txt" is chosen for speed: with the default
    "python" bare_extraction also renders the body to plain text (xmltotxt), which nothing
    here reads; the format changes nothing else in its extraction (formatting stays off).
    """
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, fast=precise, favor_precision=precise, include_comments=False,
            include_tables=True, include_images=False, with_metadata=False, deduplicate=False,
            output_format="txt",
        )
    except Exception:  # noqa: BLE001 -- a library bug on one odd page: our fallback takes over
        return []
    if not isinstance(doc, Document) or doc.body is None:  # bare_extraction: Document | dict
        return []
    return _blocks_from_body(doc.body)


def link_chars(tree: lxml.html.HtmlElement, blocks: list[Block]) -> dict[str, int]:
    """How many characters of each block's text are the text of one of the page's links.

    A link's text found inside a block counts as linked there (a long prose paragraph may
    hold a short menu word by chance; it cannot hold half its length of them). A link whose
    text is an address written out does not count: the reader sees the address itself (a
    signature such as "name, columnist, name@example.org", as Korean and Japanese news sign
    off), not a link list's title.
    """
    texts = {t for a in tree.iter("a")
             if len(t := clean_text(a.text_content())) >= 2 and not is_address(t)}
    if not texts:
        return {}
    out: dict[str, int] = {}
    for block in blocks:
        if block.text in out:
            continue
        n = sum(len(t) for t in texts if t in block.text)
        if n:
            out[block.text] = min(n, len(block.text))
    return out


def _doubtful(blocks: list[Block], links: dict[str, int]) -> bool:
    """Whether the balanced reading holds anything reconcile() could drop: link text, a short
    line holding an address (a contact line, whose address link_chars does not count as a
    link), or a heading or headline-like line after its last paragraph of prose. Without
    any, the precise reading could change nothing and is not run (half the pages: the time
    it saves keeps Hark's extraction faster than trafilatura's own)."""
    if any(linked(b, links) or (is_headline_like(b.text) and holds_address(b.text))
           for b in blocks):
        return True
    last = max((i for i, b in enumerate(blocks) if _prose(b, links)), default=-1)
    return last < 0 or any(b.kind == "heading" or is_headline_like(b.text)
                           for b in blocks[last + 1:])


def _prose(block: Block, links: dict[str, int]) -> bool:
    """A paragraph of story prose: long enough, ending a sentence, not link text."""
    return (block.kind == "paragraph" and len(block.text) >= PROSE_MIN
            and not is_headline_like(block.text) and not linked(block, links))


def _prose_size(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks if _prose(b, {}))


def _size(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def _add_sibling_chunks(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """Add the rest of a story split into several same-class containers around ads.

    trafilatura keeps only the first container its rules match, so a page that repeats
    <div class="article__body"> between ad slots loses every chunk after the first.
    """
    first = {b.text for b in blocks[:3] if b.kind == "paragraph" and len(b.text) > 40}
    home = next((p.getparent() for p in tree.iter("p") if clean_text(p.text_content()) in first),
                None)
    if home is None or not (cls := home.get("class", "").strip()) or home.getparent() is None:
        return blocks
    chunks = [el for el in tree.iter(home.tag) if el.get("class", "").strip() == cls]
    if len(chunks) < 2:
        return blocks
    seen = {b.text for b in blocks}
    out: list[Block] = []
    after = False  # chunks before the story's start are summaries or teasers, not the story
    prev = home
    for chunk in chunks:
        if chunk is home:
            out.extend(blocks)
            after = True
        elif after and link_density(chunk) < 0.25:
            extra = [b for b in rendered_blocks(chunk) if b.text not in seen]
            if _size(extra) >= 150:
                if _another_post(prev, chunk):
                    break
                out.extend(extra)
                prev = chunk
    return out


def _another_post(prev: lxml.html.HtmlElement, chunk: lxml.html.HtmlElement) -> bool:
    """Whether a heading and more than a line of text (another post's title, date and
    category) stand between two same-class containers in reading order: a list of posts,
    not one story split around ad slots (whose gaps hold an ad's label at most)."""
    ancestors = set(chunk.iterancestors())
    chars, heading = len((prev.tail or "").strip()), False
    node: lxml.html.HtmlElement | None = prev
    while node is not None:
        step = node.getnext()
        if step is None:  # climb: the parent's tail follows its last child
            node = node.getparent()
            if node is not None and node not in ancestors:
                chars += len((node.tail or "").strip())
            continue
        for el in step.iter():
            if el is chunk:
                return heading and chars > ANOTHER_POST_CHARS
            if isinstance(el.tag, str):
                heading = heading or el.tag in ("h1", "h2", "h3", "h4")
                chars += len((el.text or "").strip())
            if el not in ancestors:
                chars += len((el.tail or "").strip())
        node = step
    return False


_LEAF_BLOCKS = ("p", "div", "h2", "h3", "span", "section", "header", "strong")
_BLOCK_CHILDREN = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
                   "section", "article", "header", "blockquote"}


def _with_lead(tree: lxml.html.HtmlElement, blocks: list[Block],
               titles: set[str]) -> list[Block]:
    """`blocks` with the story's lead put back before them when trafilatura left it out.

    A news page sets its headline, then the lead, then the story's body, and trafilatura
    reads the body's container only. Between the page's headline (its <h1> that is the
    page's title) and the story's first paragraph, at most LEAD_PARTS paragraphs that their
    template names for a lead (_LEAD_NAME), that end a sentence and are hardly links, are the
    lead. Bylines, dates and labels there are not sentences; a dek or summary is not named a
    lead (the extraction benchmark's ground truth leaves those out of the body). `titles` are
    the page's title keys (_title_keys).
    """
    first = next((b.text for b in blocks if b.kind == "paragraph"), None)
    headline = next((h for h in tree.iter("h1") if _key(h.text_content()) in titles), None)
    if first is None or headline is None:
        return blocks
    seen = {b.text for b in blocks}
    found: list[str] = []
    taken: set[lxml.html.HtmlElement] = set()
    prose = 0  # sentences met since the headline, named for a lead or not
    for el in _following(headline):
        tag = el.tag
        if tag == "h1":
            if _key(el.text_content()) not in titles:
                return blocks  # another headline before the story: not a news page's head
            found, prose = [], 0  # the headline again, nearer the story
            taken.clear()
            continue
        if tag not in _LEAF_BLOCKS or any(c.tag in _BLOCK_CHILDREN for c in el):
            continue
        text = clean_text(el.text_content())
        if text == first:
            break
        if first in text:  # a container of the story: the story has begun
            break
        if len(text) < LEAD_MIN or text in seen or is_headline_like(text):
            continue
        prose += 1
        if prose > LEAD_PARTS + 1:
            return blocks  # more prose than a lead before the story: not a news page's head
        if (_named_lead(el) and not any(a in taken for a in el.iterancestors())
                and link_density(el) < STORY_LINK_DENSITY):
            found.append(text)
            taken.add(el)
    else:
        return blocks  # the story's first paragraph was never met after the headline
    if len(found) > LEAD_PARTS:
        return blocks  # more prose than a lead: other stories, comments, a gallery
    return [Block("paragraph", t) for t in found] + blocks


def _following(el: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements after `el` and its descendants, in document order."""
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        step = node.getnext()
        if step is None:
            node = node.getparent()
            continue
        yield from step.iter()
        node = step


def _named_lead(el: lxml.html.HtmlElement) -> bool:
    """Whether the element or its parent is named for a story's lead by its template."""
    parent = el.getparent()
    return any(_LEAD_NAME.search(f"{e.get('class', '')} {e.get('id', '')}")
               for e in (el, parent) if e is not None)


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _headlines(tree: lxml.html.HtmlElement,
               titles: set[str] | None = None) -> tuple[set[str], set[str]]:
    """The page's headline in its usual spellings, as two sets of keys: those dropped wherever
    they stand (og:title, <title> and its parts, an <h1>) and those dropped only before the
    story's first paragraph (an <h1> beside another <h1> in one container). `titles` is
    _title_keys(tree) when the caller has it already.

    A page may open each section of its story with an <h1> (HTML5's sectioning outline
    allowed it, https://www.w3.org/TR/2014/REC-html5-20141028/sections.html#headings-and-
    sections): several <h1> in one container are its sections' headings, and one after the
    story has begun is not the headline again. An <h1> alone in its container (a story's
    header, the next story's on an endless-scroll page, a promo box) is a headline.
    """
    sections: set[str] = set()
    h1s: set[str] = set()
    for h in tree.iter("h1"):
        parent = h.getparent()
        beside = parent is not None and sum(1 for _ in parent.iterchildren("h1")) > 1
        (sections if beside else h1s).add(_key(h.text_content()))
    found = (h1s | (_title_keys(tree) if titles is None else titles)) - {""}
    return found, sections - found - {""}


def _without_headlines(blocks: list[Block], headlines: tuple[set[str], set[str]]) -> list[Block]:
    """`blocks` without the headline (see _headlines for where each spelling counts), and
    without the labels above it: a few short lines before the headline, with nothing else
    before them, are a kicker, a section's or the site's name, a breadcrumb: the story begins
    at its headline. (More of them are the story itself, a list or a verse, before the
    headline repeated under it.)"""
    anywhere, leading = headlines
    kept: list[Block] = []
    started = False
    for block in blocks:
        key = _key(block.text)
        if key in anywhere or (not started and key in leading):
            if len(kept) <= _ABOVE_HEADLINE and all(is_headline_like(b.text) for b in kept):
                kept.clear()
            continue
        started = started or block.kind == "paragraph"
        kept.append(block)
    return kept


def extract_blocks(html: str, url: str | None = None,
                   prompts: list[str] | None = None) -> list[Block]:
    """The story of an HTML page as ordered heading and paragraph blocks (maybe empty).

    Subscriber prompts ("Log in to continue reading") found in the story are dropped and, when
    `prompts` is given, appended to it: they mean only a teaser was on the page.
    """
    tree = parse_html(html)
    if tree is None:
        return soup_blocks(html)
    titles = _title_keys(tree)
    headlines = _headlines(tree, titles)
    preclean(tree, json_ld=True)
    balanced = _trafilatura_blocks(tree, url, precise=False)
    links = link_chars(tree, balanced)
    # the precise reading is only evidence against doubtful blocks: without any, skip it
    if _doubtful(balanced, links):
        blocks = reconcile(balanced, _trafilatura_blocks(tree, url, precise=True), links)
    else:
        blocks = balanced
    strip_json_ld(tree)
    size = _size(blocks)
    if size < FALLBACK_BELOW:
        # the fallback starts from a fresh parse (it must not see what preclean kept out of
        # trafilatura's way twice); that costs a parse only on the few pages that need it
        fresh = parse_html(html)
        if fresh is not None:
            # pre-cleaning may have cut the story (a caption or a box it took for furniture
            # can change the container trafilatura picks): trafilatura's reading of the page
            # as it came is the first fallback when it holds the same story (the longest
            # block found so far) and clearly more prose, the densest container the second
            unclean = _trafilatura_blocks(fresh, url, precise=False)
            longest = max((b.text for b in blocks), key=len, default="")
            preclean(fresh)
            # like trafilatura's own check against readability: only clearly more text wins
            if (any(b.text == longest for b in unclean)
                    and _prose_size(unclean) > 1.5 * _prose_size(blocks)):
                blocks = unclean
            elif _size(fallback := densest_container_blocks(fresh)) > 1.5 * size:
                blocks = fallback
    else:
        blocks = _with_lead(tree, _add_sibling_chunks(tree, blocks), titles)
    blocks = _without_headlines(blocks, headlines)
    if not blocks:
        # libxml2 drops what is nested over 255 levels deep, and gives up on some broken
        # markup; Python's own html.parser, through BeautifulSoup, reads such pages.
        blocks = _without_headlines(soup_blocks(html), headlines)
    return drop_boilerplate_blocks(blocks, prompts)


_SOUP_SKIP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "figure", "figcaption", "template", "svg")


def soup_blocks(html: str) -> list[Block]:
    """Last resort: headings and paragraphs as BeautifulSoup's html.parser reads them."""
    try:
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all(_SOUP_SKIP):
            tag.decompose()
        blocks = []
        for el in soup.find_all(["p", "h2", "h3", "h4"]):
            text = " ".join(el.get_text(" ").replace(SOFT_HYPHEN, "").split())
            if len(text) >= 2:
                blocks.append(Block("heading" if el.name != "p" else "paragraph", text))
        return blocks
    except (RecursionError, ValueError, AssertionError):
        return []

"""Title, byline, date, site, language and lead-image alt text, for pages and pastes."""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
import trafilatura

from .article import Article, Block, ImportFailed
from .html import clean_text, parse_html
from .language import detect_language
from .plaintext import Paste

_TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:»·]\s+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STOPWORDS = {
    "en": "the and of to in is that for it was with on as his her be by are this have from",
    "de": "der die und das ist nicht mit sich auf für ein eine dem den von zu im auch",
    "fr": "le la les et des est une que pour dans qui pas sur au du avec ce il",
    "es": "el la los las y que de en un una por con para es se del lo al",
    "pt": "o a os as e que de em um uma para com não do da dos das no na se",
    "it": "il la le e che di un una per con non è del della sono gli si",
    "nl": "de het een en van is dat niet op te zijn voor met die",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"\w+")


def guess_language(text: str) -> str | None:
    """A two-letter language code from the script or the commonest short words, or None."""
    sample = text[:5000]
    scripts: Counter[str] = Counter()
    for ch in sample:
        if "\uac00" <= ch <= "\ud7a3":
            scripts["ko"] += 1
        elif "\u3040" <= ch <= "\u30ff":
            scripts["ja"] += 1
        elif "\u0400" <= ch <= "\u04ff":
            scripts["ru"] += 1
        elif "\u4e00" <= ch <= "\u9fff":
            scripts["zh"] += 1
        elif "\u0600" <= ch <= "\u06ff":
            scripts["ar"] += 1
    if scripts:
        lang, count = scripts.most_common(1)[0]
        if count > len(sample) / 10:
            # kanji are shared; kana mark Japanese even when outnumbered
            return "ja" if lang == "zh" and scripts["ja"] else lang
    words = Counter(w.lower() for w in _WORD.findall(sample))
    hits = {lang: sum(words[w] for w in stop) for lang, stop in _STOPSETS.items()}
    lang = max(hits, key=hits.__getitem__)
    return lang if hits[lang] >= 3 else None


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in tree.iterfind(f".//meta[@{attr}='{name}']"):
                content = clean_text(el.get("content") or "")
                if content:
                    return content
    return None


def _strip_site(title: str, site: str | None) -> str:
    """'Story – Site Name' to 'Story': the site is shown apart."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        last = parts[-1].strip()
        if (site and last.lower() == site.lower()) or (len(last) < 30 and len(parts[0]) > 20):
            return " – ".join(parts[:-1]).strip()
    return title


def _title(tree: lxml.html.HtmlElement, site: str | None) -> str | None:
    h1 = next((clean_text(el.text_content()) for el in tree.iter("h1")
               if clean_text(el.text_content())), None)
    og = _meta(tree, "og:title", "twitter:title")
    head = next((clean_text(el.text_content()) for el in tree.iter("title")), None)
    for candidate in (og, h1, head):
        if candidate:
            return _strip_site(candidate, site)[:300] or None
    return None


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


def _iso_date(value: str | None) -> str | None:
    m = _ISO_DATE.search(value or "")
    return m.group(0) if m else None


def html_article(html: str, blocks: list[Block], url: str | None = None) -> Article:
    """An Article from a page's extracted blocks plus the metadata in its markup."""
    tree = parse_html(html)
    if not blocks or tree is None:
        raise ImportFailed("no article text was found on this page")
    try:
        found = trafilatura.extract_metadata(tree, default_url=url)
    except Exception:  # metadata is a nicety: never lose the article over it
        found = None
    site = _meta(tree, "og:site_name", "application-name") or (found.sitename if found else None)
    title = _title(tree, site) or (found.title if found else None) or ""
    if blocks[0].kind == "heading" and blocks[0].text == title:
        blocks = blocks[1:] or blocks
    byline = _meta(tree, "author", "article:author", "byl", "parsely-author")
    if not byline or byline.startswith(("http://", "https://")):
        byline = found.author if found else None
    if byline:
        byline = re.sub(r"^by\s+", "", byline, flags=re.I)[:200]
    published = _iso_date(_meta(tree, "article:published_time", "datePublished", "date",
                                "pubdate", "og:article:published_time"))
    if not published and found:
        published = _iso_date(found.date)
    lang = tree.get("lang") or _meta(tree, "og:locale", "language", "content-language")
    language = detect_language(" ".join(b.text for b in blocks), lang)  # lang branch: issue 15
    body = " ".join(b.text for b in blocks)
    return Article(
        title=title or _paste_title(body),
        blocks=blocks,
        byline=byline or None,
        published=published,
        site_name=site or None,
        language=language or None,
        image_alt=_lead_image_alt(tree),
    )


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
        language=detect_language(body, None),  # lang branch: issue 15
    )

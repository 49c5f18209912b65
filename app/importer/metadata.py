"""Title, byline, date, site, language and lead-image alt text from a page's markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

_TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:»·]\s+")


@dataclass
class Metadata:
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site_name: str | None = None
    language: str | None = None
    image_alt: str | None = None


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content") and str(tag["content"]).strip():
            return " ".join(str(tag["content"]).split())
    return None


def _title(soup: BeautifulSoup, site: str | None) -> str | None:
    h1 = soup.find("h1")
    h1_text = " ".join(h1.get_text(" ").split()) if h1 else ""
    og = _meta(soup, "og:title", "twitter:title")
    head = " ".join(soup.title.get_text().split()) if soup.title else ""
    for candidate in (og, h1_text, head):
        if candidate:
            parts = _TITLE_SEPARATORS.split(candidate)
            if len(parts) > 1 and (site and parts[-1].strip().lower() == site.lower()
                                   or len(parts[-1]) < 30):
                candidate = " – ".join(parts[:-1]) if len(parts) > 2 else parts[0]
            return candidate.strip() or None
    return None


def page_metadata(soup: BeautifulSoup, url: str | None = None) -> Metadata:
    site = _meta(soup, "og:site_name", "application-name")
    byline = _meta(soup, "author", "article:author", "byl", "parsely-author")
    if byline and byline.startswith(("http://", "https://")):
        byline = None
    if not byline:
        tag = soup.find(attrs={"rel": "author"}) or soup.find(class_=re.compile("byline|author"))
        if tag:
            text = " ".join(tag.get_text(" ").split())
            byline = re.sub(r"^by\s+", "", text, flags=re.I)[:120] or None
    published = _meta(soup, "article:published_time", "datePublished", "date", "pubdate",
                      "og:article:published_time")
    if not published:
        t = soup.find("time", attrs={"datetime": True})
        published = str(t["datetime"]) if t else None
    html = soup.find("html")
    lang = html.get("lang") if html else None
    img = soup.find("meta", attrs={"property": "og:image:alt"})
    alt = str(img["content"]) if img and img.get("content") else None
    if not alt:
        first = (soup.find("article") or soup).find("img", alt=True)
        alt = str(first["alt"]).strip() if first and str(first["alt"]).strip() else None
    return Metadata(
        title=_title(soup, site),
        byline=byline,
        published=published[:40] if published else None,
        site_name=site,
        language=str(lang).split("-")[0].lower() if lang else None,
        image_alt=alt,
    )

"""Article covers: the artwork drawn for each article, in the feed artwork's design.

A dark field in one of HUES colours, the amber wave of the podcast artwork, and the initial
of the site (or title) in white. The look depends only on the article's UUID and names, so it
is the same on every page, in the player and on lock screens. Pages draw it with CSS (classes
`art hue-N`, see static/css/hark.css); lock screens get the same as SVG (listen.artwork).
"""

from __future__ import annotations

import hashlib

from markupsafe import Markup

from app.models import Article

HUES = 12  # classes hue-0 .. hue-11 in hark.css, 30 degrees apart


def cover(article: Article) -> tuple[int, str]:
    """(hue class 0..HUES-1, initial letter) for `article`; stable across pages and restarts."""
    seed = hashlib.sha256(article.uuid.encode()).digest()
    return seed[0] % HUES, (article.site_name or article.title or "?")[:1].upper()


def cover_html(article: Article, extra: str = "") -> Markup:
    """The cover as a decorative span (CSS draws it); `extra` adds classes (size)."""
    hue, initial = cover(article)
    return Markup('<span class="art hue-{} {}" aria-hidden="true">{}</span>').format(
        hue, extra, initial)

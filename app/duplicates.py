"""One episode per article: is an imported document one Hark already has?

A document is the same article as a stored one when it comes from the same address (after
normalising what does not change the resource: scheme and host case, default port, the
fragment, a trailing slash, http versus https) or carries the same text (the same blocks in the
same order, compared after Unicode NFC and whitespace normalisation). Podcast apps then keep
one episode: the stored article is updated in place (same GUID) or left as it is.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from app.importer.article import Article as ArticleDoc
from app.models import Article, Block, db

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normal_text(text: str) -> str:
    """Text as compared: Unicode NFC, runs of whitespace as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_fingerprint(blocks: Iterable[tuple[str, str]]) -> str:
    """SHA-256 (hex) of (kind, text) blocks in order, texts as normal_text gives them."""
    h = hashlib.sha256()
    for kind, text in blocks:
        h.update(f"{kind}\0{normal_text(text)}\0\0".encode())
    return h.hexdigest()


def url_variants(url: str) -> set[str]:
    """The spellings of `url` that name the same article: itself, normalised, with and
    without a trailing slash, over http and https."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        return {url}
    host = parts.hostname.lower()
    if parts.port and parts.port != _DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    variants = {url}
    for scheme in _DEFAULT_PORTS:
        for p in (path, path + "/") if path else ("", "/"):
            variants.add(urlunsplit((scheme, host, p, parts.query, "")))
    return variants


def doc_fingerprint(doc: ArticleDoc) -> str:
    return text_fingerprint((b.kind, b.text) for b in doc.blocks)


def article_fingerprint(article: Article) -> str:
    return text_fingerprint((b.kind, b.text) for b in article.blocks)


def find_duplicate(doc: ArticleDoc, source_url: str | None) -> Article | None:
    """The stored article `doc` is a re-import of (same address, else same text), or None."""
    if source_url:
        same_url = db.session.scalar(db.select(Article)
                                     .where(Article.source_url.in_(url_variants(source_url)))
                                     .order_by(Article.id).limit(1))
        if same_url is not None:
            return same_url
    if not doc.blocks:
        return None
    # Candidates share the first block's text; only they are read whole and compared.
    first = doc.blocks[0].text
    candidates = db.session.scalars(
        db.select(Article).join(Block, Block.article_id == Article.id)
        .where(Block.position == 0, Block.text == first).order_by(Article.id))
    wanted = doc_fingerprint(doc)
    return next((a for a in candidates if article_fingerprint(a) == wanted), None)


def is_unchanged(article: Article, doc: ArticleDoc) -> bool:
    """Whether storing `doc` over `article` would change nothing listeners see or hear."""
    return (normal_text(article.title) == normal_text(doc.title[:500])
            and (article.byline or None) == (doc.byline or None)
            and article_fingerprint(article) == doc_fingerprint(doc))

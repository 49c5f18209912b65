"""The seam between importer and database, both ways: an imported document stored as an
Article, and a stored Article read back as a document to narrate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.importer.article import Article as ArticleDoc
from app.importer.article import Block as BlockDoc

from .bidi import without_bidi_controls
from .duplicates import find_duplicate, is_unchanged
from .models import Article, Block, db

Outcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class Stored:
    """What storing a document did: a new article, an update of the article it re-imports
    (same GUID: podcast apps keep one episode), or nothing, the same article being there."""

    article: Article
    outcome: Outcome


def store_article(doc: ArticleDoc, source_url: str | None = None) -> Stored:
    """Store an imported article with its blocks, in one transaction; a re-import of a stored
    article (app.duplicates) updates that article instead. Narrating is the caller's job
    (nothing to narrate when the outcome is "unchanged")."""
    article = find_duplicate(doc, source_url)
    if article is not None and is_unchanged(article, doc):
        return Stored(article, "unchanged")
    outcome: Outcome = "updated" if article is not None else "new"
    if article is None:
        article = Article()
        db.session.add(article)
    article.title = without_bidi_controls(doc.title)[:500]
    article.byline = doc.byline and without_bidi_controls(doc.byline)
    article.published = doc.published
    article.site_name = doc.site_name and without_bidi_controls(doc.site_name)
    article.language = doc.language
    article.source_url = source_url or article.source_url
    article.blocks = [Block(position=i, kind=b.kind, text=without_bidi_controls(b.text))
                      for i, b in enumerate(doc.blocks)]
    db.session.commit()
    return Stored(article, outcome)


def save_article(doc: ArticleDoc, source_url: str | None = None) -> Article:
    """store_article's article: the new one, or the stored one this document re-imports."""
    return store_article(doc, source_url).article


def to_document(article: Article) -> ArticleDoc:
    """The stored article as the importer's document (what narration takes)."""
    return ArticleDoc(
        title=article.title,
        blocks=[BlockDoc(b.kind, b.text) for b in article.blocks],  # type: ignore[arg-type]
        byline=article.byline,
        published=article.published,
        site_name=article.site_name,
        language=article.language,
    )

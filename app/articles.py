"""The seam between importer and database, both ways: an imported document stored as an
Article, and a stored Article read back as a document to narrate."""

from __future__ import annotations

from app.importer.article import Article as ArticleDoc
from app.importer.article import Block as BlockDoc

from .models import Article, Block, db


def save_article(doc: ArticleDoc, source_url: str | None = None) -> Article:
    """Store an imported article with its blocks, in one transaction."""
    article = Article(
        title=doc.title[:500],
        byline=doc.byline,
        published=doc.published,
        site_name=doc.site_name,
        language=doc.language,
        source_url=source_url,
    )
    article.blocks = [Block(position=i, kind=b.kind, text=b.text) for i, b in enumerate(doc.blocks)]
    db.session.add(article)
    db.session.commit()
    return article


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

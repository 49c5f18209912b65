"""Storing imported articles (the seam between importer and database)."""

from __future__ import annotations

from app.importer.article import Article as ArticleDoc

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

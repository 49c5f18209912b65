"""What a listener may see: one rule for every route, fragment and JSON that names an article.

An article an operator unpublished (`Article.hidden`) is for operators only. Anonymous
visitors and listeners get a 404 for any URL naming it by id (page, status fragment, queue
add, playback), and lists built for them (the play queue page and fragment, /queue.json)
leave it out; the public and personal feeds filter it in their query
(app.episodes.feed). The route scan in tests/security/test_unpublished.py checks every route.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, g, request
from sqlalchemy import ColumnElement, true

from app.models import Article, db

bp = Blueprint("visibility", __name__)


def operator_signed_in() -> bool:
    """Is an operator signed in for this request (set by auth.load_operator)?"""
    return g.get("operator") is not None


def listener_may_see(article: Article) -> bool:
    """May this request's visitor see (or hear) the article?"""
    return operator_signed_in() or not article.hidden


def visible_articles() -> ColumnElement[bool]:
    """The same rule as a SQL condition on Article, for lists."""
    return true() if operator_signed_in() else Article.hidden.is_(False)


@bp.before_app_request
def guard_article_routes() -> Any:
    """Every route with an `article_id` in its URL answers 404 for an article the visitor
    may not see, before its view runs (so no view can forget the rule)."""
    article_id = (request.view_args or {}).get("article_id")
    if isinstance(article_id, int):
        article = db.session.get(Article, article_id)
        if article is not None and not listener_may_see(article):
            abort(404)
    return None

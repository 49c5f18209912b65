"""Listening pages: the library and one article with its player and transcript."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, g, render_template, request

from app.models import Article, Status, db

bp = Blueprint("listen", __name__)


@bp.route("/")
def library() -> Any:
    query = db.select(Article).order_by(Article.created_at.desc())
    if g.get("operator") is None:
        query = query.where(Article.hidden.is_(False))  # unpublished: operators only
    articles = db.session.scalars(query).all()
    return render_template("library.html", articles=articles)


@bp.route("/articles/<int:article_id>")
def article(article_id: int) -> Any:
    art = db.session.get(Article, article_id) or abort(404)
    if art.hidden and g.get("operator") is None:
        abort(404)
    return render_template("article.html", article=art)


@bp.route("/articles/<int:article_id>/status")
def status(article_id: int) -> Any:
    """The narration status fragment that pages poll while an article is narrating."""
    art = db.session.get(Article, article_id) or abort(404)
    where = "library" if request.args.get("in") == "library" else "article"
    html = render_template("partials/status.html", article=art, where=where)
    if request.headers.get("HX-Request") and where == "article" and art.status == Status.READY:
        # Done: reload so the player and transcript appear.
        return html, 200, {"HX-Refresh": "true"}
    return html

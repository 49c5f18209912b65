"""The podcast feed: RSS 2.0 with iTunes and Podcasting 2.0 tags."""

from __future__ import annotations

from datetime import UTC
from email.utils import format_datetime
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request, url_for

from .models import Article, Status, db

bp = Blueprint("feed", __name__)


def absolute(endpoint: str, **values: Any) -> str:
    """An absolute URL from PUBLIC_BASE_URL, or from the request when it is unset."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/") or request.url_root.rstrip("/")
    return base + url_for(endpoint, **values)


def rfc2822(dt: Any) -> str:
    return format_datetime(dt.replace(tzinfo=UTC))


def hms(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


@bp.route("/feed.xml")
def feed() -> Response:
    articles = db.session.scalars(
        db.select(Article).filter_by(status=Status.READY).order_by(Article.created_at.desc())
    ).all()
    items = [a for a in articles if a.episode]
    xml = render_template("feed.xml", items=items, absolute=absolute, rfc2822=rfc2822, hms=hms,
                          config=current_app.config)
    return Response(xml, mimetype="application/rss+xml")

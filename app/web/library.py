"""Listening pages: the library and one article with its player and transcript."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, render_template, request
from sqlalchemy.orm import selectinload

from app.episodes.files import audio_store
from app.episodes.transcript import Cue, parse_vtt, speaker_turns
from app.models import Article, Playback, Status, db

from .listeners import current_listener
from .paging import paginate
from .visibility import visible_articles

bp = Blueprint("listen", __name__)
FILTERS = {"all": "All articles", "unplayed": "Not played yet", "played": "Played"}
PAGE_SIZE = 25


@bp.route("/")
def library() -> Any:
    """Every published article, newest first, PAGE_SIZE to a page; search and played filters."""
    query = db.select(Article).order_by(Article.created_at.desc(), Article.id.desc())
    query = query.where(visible_articles())  # unpublished: operators only
    q = " ".join(request.args.get("q", "").split())[:200]
    if q:
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(Article.title.ilike(like, escape="\\")
                            | Article.site_name.ilike(like, escape="\\"))
    listener = current_listener(create=False)
    played_ids = db.select(Playback.article_id).where(
        Playback.listener_id == (listener.id if listener else -1), Playback.played.is_(True))
    show = request.args.get("show", "all")
    show = show if show in FILTERS else "all"
    if show == "played":
        query = query.where(Article.id.in_(played_ids))
    elif show == "unplayed":
        query = query.where(Article.id.not_in(played_ids))
    page = paginate(query.options(selectinload(Article.episodes)), PAGE_SIZE)
    articles = page.items
    played = set(db.session.scalars(played_ids.where(
        Playback.article_id.in_([a.id for a in articles])))) if listener else set()
    values = dict(articles=articles, played=played, q=q, show=show, filters=FILTERS,
                  page=page)
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "library-results":
        # Search results swapped in: the page's announcer tells screen-reader users the count.
        n = page.total
        found = f"{n} article{'s' if n != 1 else ''}" if n else "No articles match"
        return (render_template("partials/library_list.html", **values), 200,
                {"HX-Trigger": json.dumps({"announce": found})})
    return render_template("library.html", **values)


def _transcript(article: Article) -> list[Cue]:
    ep = article.episode
    path = audio_store().local_path(ep.transcript_name) if ep else None
    if path is None:
        return []
    try:
        return parse_vtt(path.read_text(encoding="utf-8"))
    except OSError:
        return []


@bp.route("/articles/<int:article_id>")
def article(article_id: int) -> Any:
    art = db.get_or_404(Article, article_id)  # and visible: see web/visibility.py
    cues = _transcript(art)
    turns = speaker_turns(cues)
    speakers = list(dict.fromkeys(c.speaker for c in cues))
    listener = current_listener(create=False)
    position, played = 0.0, False
    if listener:
        row = db.session.scalar(db.select(Playback).filter_by(listener_id=listener.id,
                                                              article_id=art.id))
        if row:
            position, played = (0.0 if row.played else row.seconds), row.played
    return render_template("article.html", article=art, cues=cues, turns=turns,
                           speakers=speakers, position=position, played=played,
                           duration=art.episode.duration if art.episode else 0)


@bp.route("/articles/<int:article_id>/status")
def status(article_id: int) -> Any:
    """The narration status fragment that pages poll while an article is narrating."""
    art = db.get_or_404(Article, article_id)
    where = request.args.get("in") if request.args.get("in") in ("library", "admin") \
        else "article"
    html = render_template("partials/status.html", article=art, where=where)
    if not request.headers.get("HX-Request") or art.status != Status.READY:
        return html
    if where == "article":
        # Done: reload so the player and transcript appear.
        return html, 200, {"HX-Refresh": "true"}
    if where == "library":
        # Done: the whole card again, its play buttons now enabled, and a word for
        # screen-reader users.
        card = render_template("partials/article_card.html", a=art, played=set())
        card_id = f"#card-{art.id}"
        return card, 200, {"HX-Retarget": card_id, "HX-Reselect": card_id,
                           "HX-Reswap": "outerHTML",
                           "HX-Trigger": json.dumps({"announce": f"{art.title} is ready to play"})}
    return html

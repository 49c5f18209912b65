"""Listening pages: the library and one article with its player and transcript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, g, render_template, request

from app.models import Article, Playback, Status, db
from app.narration.transcript import parse_vtt, speaker_turns

from .listener import current_listener

bp = Blueprint("listen", __name__)
FILTERS = {"all": "All articles", "unplayed": "Not played yet", "played": "Played"}


@bp.app_template_filter("running_time")
def spoken_length(seconds: float) -> str:
    """A running time as people say it: 45 s, 3 min 5 s, 1 h 2 min (the `running_time` filter)."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


@bp.route("/")
def library() -> Any:
    query = db.select(Article).order_by(Article.created_at.desc())
    if g.get("operator") is None:
        query = query.where(Article.hidden.is_(False))  # unpublished: operators only
    q = " ".join(request.args.get("q", "").split())[:200]
    if q:
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(Article.title.ilike(like, escape="\\")
                            | Article.site_name.ilike(like, escape="\\"))
    articles = db.session.scalars(query).all()
    listener = current_listener(create=False)
    played = set()
    if listener:
        played = set(db.session.scalars(db.select(Playback.article_id).filter_by(
            listener_id=listener.id, played=True)))
    show = request.args.get("show", "all")
    if show == "played":
        articles = [a for a in articles if a.id in played]
    elif show == "unplayed":
        articles = [a for a in articles if a.id not in played]
    template = ("partials/library_list.html" if request.headers.get("HX-Request")
                and request.headers.get("HX-Target") == "library-results" else "library.html")
    return render_template(template, articles=articles, played=played, q=q,
                           show=show if show in FILTERS else "all", filters=FILTERS)


def _transcript(article: Article) -> list:
    ep = article.episode
    if ep is None:
        return []
    path = Path(current_app.config["AUDIO_CACHE_DIR"]) / "episodes" / ep.transcript_name
    try:
        return parse_vtt(path.read_text(encoding="utf-8"))
    except OSError:
        return []


@bp.route("/articles/<int:article_id>")
def article(article_id: int) -> Any:
    art = db.session.get(Article, article_id) or abort(404)
    if art.hidden and g.get("operator") is None:
        abort(404)
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
    art = db.session.get(Article, article_id) or abort(404)
    where = "library" if request.args.get("in") == "library" else "article"
    html = render_template("partials/status.html", article=art, where=where)
    if request.headers.get("HX-Request") and where == "article" and art.status == Status.READY:
        # Done: reload so the player and transcript appear.
        return html, 200, {"HX-Refresh": "true"}
    return html

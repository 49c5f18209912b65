"""Listening pages: the library and one article with its player and transcript."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from flask import Blueprint, render_template, request
from markupsafe import Markup, escape
from sqlalchemy.orm import selectinload

from app.episodes.files import audio_store
from app.episodes.transcript import Cue, Turn, parse_vtt, speaker_turns
from app.importer.language import primary_subtag
from app.models import Article, Playback, Status, db
from app.narration.quotes import quote_language
from app.narration.script import UNKNOWN_NAME

from .covers import HUES, cover, cover_html
from .listeners import current_listener
from .paging import paginate
from .playqueue import queue_labels
from .visibility import visible_articles

bp = Blueprint("listen", __name__)
EXCERPT_CHARS = 180
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
    page = paginate(query.options(selectinload(Article.episodes), selectinload(Article.blocks)),
                    PAGE_SIZE)
    articles = page.items
    played = set(db.session.scalars(played_ids.where(
        Playback.article_id.in_([a.id for a in articles])))) if listener else set()
    values = dict(articles=articles, played=played, q=q, show=show, filters=FILTERS,
                  page=page, labels=queue_labels())
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


NARRATOR = "Narrator"  # parse_vtt's speaker for narrator cues
# Speaker labels that are words of the interface, not names: said in the site's language.
INTERFACE_NAMES = frozenset({NARRATOR, UNKNOWN_NAME})


def quote_languages(cues: list[Cue], language: str | None) -> list[str | None]:
    """For each cue, the language of the quotation it belongs to when that differs from the
    article's `language` (a quote in English in a German article), else None.

    A quotation is a run of consecutive cues of one quoted speaker, judged as a whole by
    narration's own rule (narration.quotes.quote_language: the detector must be sure, and a
    quotation too short to judge keeps the article's language).
    """
    own = primary_subtag(language) or "en"
    out: list[str | None] = [None] * len(cues)
    start = 0
    while start < len(cues):
        end = start
        while end + 1 < len(cues) and cues[end + 1].speaker == cues[start].speaker:
            end += 1
        if cues[start].speaker != NARRATOR:
            found = quote_language(" ".join(c.text for c in cues[start:end + 1]), own)
            if found:
                out[start:end + 1] = [found] * (end + 1 - start)
        start = end + 1
    return out


@bp.route("/articles/<int:article_id>")
def article(article_id: int) -> Any:
    art = db.get_or_404(Article, article_id)  # and visible: see web/visibility.py
    cues = _transcript(art)
    turns = speaker_turns(cues)
    speakers = list(dict.fromkeys(c.speaker for c in cues))
    duration = art.episode.duration if art.episode else 0
    listener = current_listener(create=False)
    position, played = 0.0, False
    if listener:
        row = db.session.scalar(db.select(Playback).filter_by(listener_id=listener.id,
                                                              article_id=art.id))
        if row:
            position, played = (0.0 if row.played else row.seconds), row.played
    return render_template("article.html", article=art, cues=cues, turns=turns,
                           cue_langs=quote_languages(cues, art.language),
                           interface_names=INTERFACE_NAMES, speakers=speakers,
                           position=position, played=played,
                           duration=duration, shares=speaking_shares(turns, duration),
                           labels=queue_labels())


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
        # Done: the page swaps its player and transcript in itself (no reload, focus stays)
        # on this event, and the announcer says it once.
        return html, 200, {"HX-Trigger": json.dumps(
            {"announce": f"{art.title} is ready to play", "narration-ready": art.id})}
    if where == "library":
        # Done: the whole card again, its play buttons now enabled, and a word for
        # screen-reader users.
        card = render_template("partials/article_card.html", a=art, played=set(),
                               labels=queue_labels())
        card_id = f"#card-{art.id}"
        return card, 200, {"HX-Retarget": card_id, "HX-Reselect": card_id,
                           "HX-Reswap": "outerHTML",
                           "HX-Trigger": json.dumps({"announce": f"{art.title} is ready to play"})}
    return html


@bp.route("/articles/<int:article_id>/art.svg")
def artwork(article_id: int) -> Any:
    """The article's cover (see covers.py) as SVG, for lock screens; cached for a day."""
    art = db.get_or_404(Article, article_id)
    hue, initial = cover(art)
    svg = render_template("partials/artwork.svg", hue=hue * 360 // HUES, initial=initial)
    return svg, 200, {"Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400"}


@bp.app_template_filter("artwork")
def artwork_filter(article: Article, extra: str = "") -> Markup:
    """`{{ article|artwork }}`: the cover as a decorative span that CSS draws."""
    return cover_html(article, extra)


@bp.app_template_filter("excerpt")
def excerpt(article: Article, limit: int = EXCERPT_CHARS) -> str:
    """The first paragraph of `article`, cut at a word boundary to `limit` characters (+ '…')."""
    text = next((b.text for b in article.blocks if b.kind == "paragraph"), "")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def human_date(value: str | date | None) -> str:
    """An ISO date as people say it: '2024-03-14' -> '14 March 2024' (unparseable: as given)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        day: date = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)
    return f"{day.day} {day.strftime('%B')} {day.year}"


@bp.app_template_filter("time_tag")
def time_tag(value: str | date | None) -> Markup:
    """`<time datetime="2024-03-14">14 March 2024</time>`: words for people, ISO for machines.

    HTML's valid date strings (WHATWG HTML, "dates and times") go in `datetime` as given.
    """
    said = human_date(value)
    if not said:
        return Markup("")
    iso = value.isoformat() if isinstance(value, date) else str(value)
    if said == iso:
        return Markup(escape(said))
    return Markup('<time datetime="{}">{}</time>').format(iso, said)


def speaking_shares(turns: list[Turn], duration: float) -> dict[str, int]:
    """speaker -> whole-number percentage of `duration` (seconds) that their turns cover."""
    spoken: dict[str, float] = {}
    for t in turns:
        spoken[t.speaker] = spoken.get(t.speaker, 0.0) + (t.end - t.start)
    return {name: round(100 * s / duration) if duration else 0 for name, s in spoken.items()}


@bp.app_template_filter("clock")
def clock(seconds: float) -> str:
    """Seconds as a clock reading: 75.2 -> '1:15', 3725 -> '1:02:05'."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

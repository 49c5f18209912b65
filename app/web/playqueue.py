"""The listener's queue and playback state: plain forms that htmx and the player improve.

Every action works as a POST that redirects back (no JavaScript), and answers htmx with
the updated queue fragment plus a sentence for screen readers to announce.
"""

from __future__ import annotations

import json
import math
import secrets
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from app.models import Article, Listener, Playback, QueueEntry, db, utcnow

from .covers import cover
from .listeners import COOKIE, COOKIE_AGE, current_listener
from .safety import safe_next
from .visibility import listener_may_see

bp = Blueprint("playqueue", __name__)  # the listener's play queue (jobs.py has the job queue)
SPEEDS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


def _entries(listener: Listener | None) -> list[QueueEntry]:
    """The listener's queue as they may see it (an unpublished article is left out)."""
    return [e for e in listener.queue if listener_may_see(e.article)] if listener else []


def _renumber(listener: Listener) -> None:
    for i, entry in enumerate(listener.queue):
        entry.position = i


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd' (English ordinals)."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def queue_label(index: int) -> str:
    """What a card or queue row says about an article at `index` (0-based) of the play queue.

    The first entry is the one the player holds, so it reads "Playing"; the rest "In queue · 3rd".
    The player script shows these same words (they come to it in /queue.json).
    """
    return "Playing" if index == 0 else f"In queue · {ordinal(index + 1)}"


def queue_labels() -> dict[int, str]:
    """article id -> queue_label for the current listener's queue (empty without a listener)."""
    listener = current_listener(create=False)
    return {e.article_id: queue_label(i) for i, e in enumerate(_entries(listener))}


def _respond(listener: Listener | None, message: str, undo: list[int] | None = None) -> Any:
    db.session.commit()
    if request.headers.get("HX-Request"):
        html = render_template("partials/queue_list.html", entries=_entries(listener),
                               message=message, undo=undo, labels=queue_labels())
        # The player announces it in the page's live region, which the swap leaves alone.
        return html, 200, {"HX-Trigger": json.dumps({"announce": message})}
    if undo:
        return redirect(url_for(".page", undo=",".join(map(str, undo))))
    return redirect(safe_next(request.form.get("next") or request.referrer, "playqueue.page"))


@bp.route("/queue")
def page() -> Any:
    listener = current_listener(create=False)
    link = url_for(".use_on_this_device", token=listener.token, _external=True) if listener \
        else None
    undo = [int(x) for x in request.args.get("undo", "").split(",") if x.isdigit()][:500]
    return render_template("queue.html", entries=_entries(listener), message="",
                           device_link=link, undo=undo or None, labels=queue_labels())


@bp.route("/listener/<token>", methods=["GET", "POST"])
def use_on_this_device(token: str) -> Any:
    """Open this (secret) link on another device to share the same queue and positions."""
    listener = db.session.scalar(db.select(Listener).filter_by(token=token))
    if listener is None:
        abort(404)
    if request.method == "GET":
        return render_template("use_device.html", token=token)
    response = redirect(url_for(".page"))
    response.set_cookie(COOKIE, listener.token, max_age=COOKIE_AGE, httponly=True,
                        samesite="Lax", secure=request.is_secure)
    return response


@bp.route("/listener/new-link", methods=["POST"])
def new_device_link() -> Any:
    """Revoke the private device link: the listener gets a new secret, this browser keeps
    the queue under it, and the old link (and any device that used it) no longer works."""
    listener = current_listener(create=False)
    if listener is None:
        return redirect(url_for(".page"))
    listener.token = secrets.token_urlsafe(32)
    db.session.commit()
    flash("A new private link is below. The old one no longer works.")
    response = redirect(url_for(".page"))
    response.set_cookie(COOKIE, listener.token, max_age=COOKIE_AGE, httponly=True,
                        samesite="Lax", secure=request.is_secure)
    return response


@bp.route("/queue.json")
def as_json() -> Any:
    """The queue for the player: what plays next and where each article was left."""
    listener = current_listener(create=False)
    return jsonify(_state(listener))


def _state(listener: Listener | None) -> dict[str, Any]:
    """The player's whole state: {items: [...], speed}; items[0] is the one the player holds.

    Each item: entry, article (id), title, site, url (article page), audio (current file's URL,
    so a re-narration reaches the player), art (SVG cover for lock screens), hue and initial
    (the cover as pages draw it), duration (seconds), position (seconds), label (queue_label).
    """
    items = []
    for i, entry in enumerate(_entries(listener)):
        a, ep = entry.article, entry.article.episode
        if ep is None:
            continue
        items.append({"entry": entry.id, "article": a.id, "title": a.title,
                      "site": a.site_name or "", "url": url_for("listen.article", article_id=a.id),
                      "audio": url_for("media.episode_file", name=ep.audio_name),
                      "art": url_for("listen.artwork", article_id=a.id),
                      "hue": cover(a)[0], "initial": cover(a)[1],
                      "duration": ep.duration, "label": queue_label(i),
                      "position": _position(listener, a.id)})
    return {"items": items, "speed": listener.speed if listener else 1.0}


@bp.route("/queue/step", methods=["POST"])
def step() -> Any:
    """Next (the playing article goes to the end) or prev (the last comes to the front).

    The queue turns like a ring, so next and prev undo each other and nothing is lost.
    """
    listener = current_listener(create=False)
    if listener is None:
        abort(404)
    queue = listener.queue
    if len(queue) > 1:
        if request.form.get("direction") == "prev":
            queue.insert(0, queue.pop())
        else:
            queue.append(queue.pop(0))
        _renumber(listener)
    db.session.commit()
    return jsonify(_state(listener))


def _position(listener: Listener | None, article_id: int) -> float:
    if listener is None:
        return 0.0
    row = db.session.scalar(db.select(Playback).filter_by(listener_id=listener.id,
                                                          article_id=article_id))
    return row.seconds if row and not row.played else 0.0


@bp.route("/queue/add/<int:article_id>", methods=["POST"])
def add(article_id: int) -> Any:
    """Add an article: where = now (first), next (after the first) or last."""
    article = db.get_or_404(Article, article_id)
    listener = current_listener(create=True)
    assert listener is not None
    where = request.form.get("where", "last")
    existing = [e for e in listener.queue if e.article_id == article_id]
    for e in existing:
        listener.queue.remove(e)
        db.session.delete(e)
    index = {"now": 0, "next": min(1, len(listener.queue))}.get(where, len(listener.queue))
    listener.queue.insert(index, QueueEntry(article_id=article.id, position=index))
    _renumber(listener)
    what = {"now": "Playing", "next": "Will play next:"}.get(where, "Added to the queue:")
    return _respond(listener, f"{what} {article.title}. Position {index + 1} of "
                              f"{len(listener.queue)}.")


@bp.route("/queue/<int:entry_id>/<any(remove, up, down, top):action>", methods=["POST"])
def change(entry_id: int, action: str) -> Any:
    listener = current_listener(create=False)
    entry = db.session.get(QueueEntry, entry_id)
    if listener is None or entry is None or entry.listener_id != listener.id:
        abort(404)
    title = entry.article.title
    queue = listener.queue
    i = queue.index(entry)
    if action == "remove":
        queue.remove(entry)
        db.session.delete(entry)
        _renumber(listener)
        return _respond(listener, f"Removed {title} from the queue.")
    j = {"up": max(0, i - 1), "down": min(len(queue) - 1, i + 1), "top": 0}[action]
    queue.insert(j, queue.pop(i))
    _renumber(listener)
    return _respond(listener, f"Moved {title} to position {j + 1} of {len(queue)}.")


@bp.route("/queue/reorder", methods=["POST"])
def reorder() -> Any:
    """A new order from drag and drop: entry ids, first to last."""
    listener = current_listener(create=False)
    if listener is None:
        abort(404)
    wanted = [int(x) for x in request.form.getlist("order") if x.isdigit()]
    by_id = {e.id: e for e in listener.queue}
    if sorted(wanted) != sorted(by_id):
        abort(400)
    moved = next((by_id[w] for k, w in enumerate(wanted) if by_id[w].position != k), None)
    listener.queue[:] = [by_id[w] for w in wanted]
    _renumber(listener)
    message = (f"Moved {moved.article.title} to position {moved.position + 1}."
               if moved else "Queue unchanged.")
    return _respond(listener, message)


@bp.route("/queue/clear", methods=["POST"])
def clear() -> Any:
    """Empty the queue at once; the answer offers an undo (the cleared article ids, in order)."""
    listener = current_listener(create=False)
    cleared: list[int] = []
    if listener is not None:
        cleared = [e.article_id for e in listener.queue]
        for entry in list(listener.queue):
            db.session.delete(entry)
        listener.queue.clear()
    if not cleared:
        return _respond(listener, "The queue is empty.")
    n = len(cleared)
    return _respond(listener, f"Cleared {n} article{'s' if n != 1 else ''} from the queue. "
                              "Undo is offered for 20 seconds.", undo=cleared)


@bp.route("/queue/restore", methods=["POST"])
def restore() -> Any:
    """Undo a clear: put the given articles back at the front, in the given order."""
    listener = current_listener(create=True)
    assert listener is not None
    wanted = list(dict.fromkeys(int(x) for x in request.form.getlist("article") if x.isdigit()))
    articles = {a.id for a in db.session.scalars(db.select(Article).where(
        Article.id.in_(wanted)))}
    wanted = [w for w in wanted if w in articles]
    for e in [e for e in listener.queue if e.article_id in wanted]:
        listener.queue.remove(e)
        db.session.delete(e)
    for k, article_id in enumerate(wanted):
        listener.queue.insert(k, QueueEntry(article_id=article_id, position=k))
    _renumber(listener)
    n = len(wanted)
    return _respond(listener, f"Put {n} article{'s' if n != 1 else ''} back in the queue.")


@bp.route("/playback/<int:article_id>", methods=["POST"])
def playback(article_id: int) -> Any:
    """Where the listener is in an article; `played` when it ended (then it leaves the queue)."""
    db.get_or_404(Article, article_id)
    listener = current_listener(create=True)
    assert listener is not None
    try:
        seconds = float(request.form.get("seconds", 0))
    except ValueError:
        abort(400)
    if not math.isfinite(seconds):  # "1e309", "nan": not a place in any episode
        abort(400)
    seconds = max(0.0, seconds)
    row = db.session.scalar(db.select(Playback).filter_by(listener_id=listener.id,
                                                          article_id=article_id))
    if row is None:
        row = Playback(listener_id=listener.id, article_id=article_id)
        db.session.add(row)
    row.seconds, row.updated_at = seconds, utcnow()
    if request.form.get("played") == "1":
        row.played, row.seconds = True, 0.0
        for entry in [e for e in listener.queue if e.article_id == article_id]:
            listener.queue.remove(entry)
            db.session.delete(entry)
        _renumber(listener)
    db.session.commit()
    return "", 204


@bp.route("/listener/speed", methods=["POST"])
def speed() -> Any:
    listener = current_listener(create=True)
    assert listener is not None
    try:
        value = float(request.form.get("speed", "1"))
    except ValueError:
        abort(400)
    if value not in SPEEDS:
        abort(400)
    listener.speed = value
    db.session.commit()
    return "", 204

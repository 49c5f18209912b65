"""Subscribing in a podcast app: the feed addresses, and each listener's personal feed.

A personal feed lists the narrated articles in one listener's queue. Its address holds a secret
token (podcast apps cannot send cookies), which the listener can revoke or replace: the old
address then answers 404.
"""

from __future__ import annotations

import secrets
from typing import Any

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    url_for,
)

from app.episodes.feed import (
    absolute,
    feed_response,
    personal_feed_items,
    queue_episodes,
    render_feed,
)
from app.models import Listener, QueueEntry, db

from . import cors
from .feeds import compress
from .listeners import current_listener

bp = Blueprint("subscribe", __name__)

def personal_feed_url(listener: Listener) -> str | None:
    if not listener.feed_token:
        return None
    return absolute("subscribe.personal_feed", feed_token=listener.feed_token)


@bp.route("/subscribe")
def page() -> Any:
    """The addresses to paste into a podcast app, and the controls for the personal one."""
    listener = current_listener(create=False)
    queued = ready = 0
    if listener is not None:
        queued = db.session.scalar(
            db.select(db.func.count(QueueEntry.id)).filter_by(listener_id=listener.id)) or 0
        ready = len(queue_episodes(listener.id))
    response = current_app.make_response(render_template(
        "subscribe.html", public_url=absolute("feed.feed"),
        personal_url=personal_feed_url(listener) if listener else None,
        queued=queued, ready=ready))
    # The page shows a secret address: keep it out of shared caches.
    response.cache_control.private = True
    response.cache_control.no_store = True
    return response


@bp.route("/subscribe/new", methods=["POST"])
def regenerate() -> Any:
    """Make (or replace) the personal feed address; a replaced one stops working at once."""
    listener = current_listener(create=True)
    assert listener is not None
    had_one = listener.feed_token is not None
    listener.feed_token = secrets.token_urlsafe(24)
    db.session.commit()
    flash("Your personal feed has a new address. Paste it into your podcast app; the old "
          "address no longer works." if had_one else
          "Your personal feed is ready. Paste its address into your podcast app.")
    return redirect(url_for("subscribe.page"), 303)


@bp.route("/subscribe/revoke", methods=["POST"])
def revoke() -> Any:
    """Switch the personal feed off: its address answers 404 from now on."""
    listener = current_listener(create=False)
    if listener is not None and listener.feed_token:
        listener.feed_token = None
        db.session.commit()
        flash("Your personal feed address is switched off. Podcast apps can no longer read it.")
    return redirect(url_for("subscribe.page"), 303)


@bp.route("/feeds/<feed_token>.xml", methods=cors.METHODS)
@compress.compressed()
@cors.public  # web podcast apps read it too; the secret address is the only key
def personal_feed(feed_token: str) -> Response:
    """One listener's queue as a podcast, in queue order; blocked from directories."""
    listener = db.first_or_404(db.select(Listener).filter_by(feed_token=feed_token))
    config = current_app.config
    items, last_change = personal_feed_items(listener.id)
    xml = render_feed(
        items,
        feed_url=absolute("subscribe.personal_feed", feed_token=feed_token),
        title=f"{config['SITE_TITLE']}: my queue",
        description=f"The articles in your {config['SITE_TITLE']} queue, narrated.",
        link=absolute("listen.library"), last_change=last_change, private=True)
    response = feed_response(xml, last_change, private=True)
    # The address is a secret: keep it out of search engines and Referer headers.
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response

"""The listener: known by a long-lived cookie, no account needed."""

from __future__ import annotations

import secrets

from flask import Response, after_this_request, request

from app.models import Listener, db

COOKIE = "hark_listener"
COOKIE_AGE = 2 * 365 * 24 * 3600


def current_listener(create: bool) -> Listener | None:
    """The listener this browser's cookie names; with `create`, a new one (and cookie) if none.

    Created only by state-changing actions, so merely reading pages sets no cookie.
    """
    token = request.cookies.get(COOKIE)
    listener = db.session.scalar(db.select(Listener).filter_by(token=token)) if token else None
    if listener is None and create:
        listener = Listener(token=secrets.token_urlsafe(32))
        db.session.add(listener)
        db.session.commit()
        value = listener.token

        @after_this_request
        def set_cookie(response: Response) -> Response:
            response.set_cookie(COOKIE, value, max_age=COOKIE_AGE, httponly=True,
                                samesite="Lax", secure=request.is_secure)
            return response

    return listener

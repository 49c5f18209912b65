"""Operator sign-in."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.security import check_password_hash, generate_password_hash

from app.models import LoginFailure, Operator, OperatorSession, db, utcnow

from .safety import SessionInterface, safe_next

bp = Blueprint("auth", __name__)


@bp.record_once
def _install_session_interface(state: Any) -> None:
    state.app.session_interface = SessionInterface()


# Open even in a private library: signing in, assets, health, and the content-hashed or
# secret-token URLs that podcast apps fetch without a session.
PUBLIC_WHEN_PRIVATE = {"auth.login", "auth.logout", "static", "health.health",
                       "media.episode_file", "media.artwork", "media.episode_artwork",
                       "subscribe.personal_feed"}
# Never about who is signed in: the session is left unread there, so their responses do not
# carry Vary: Cookie (shared caches keep one copy for everyone).
SESSIONLESS = PUBLIC_WHEN_PRIVATE - {"auth.login", "auth.logout"}


@bp.before_app_request
def load_operator() -> Any:
    """Put the signed-in operator (or None) on g; guard a private library."""
    if request.endpoint in SESSIONLESS or (request.endpoint == "feed.feed"
                                           and not current_app.config["PRIVATE_LIBRARY"]):
        g.operator = None
        return None
    op_id = session.get("operator_id")
    operator = db.session.get(Operator, op_id) if op_id else None
    if operator is not None and session.get("operator_key") != _session_key(operator):
        operator = None  # the password was reset since this session signed in
    if operator is not None and not _live_session(session.get("sid"), operator):
        operator = None  # signed out (here or from a copy of this cookie), or expired
    g.operator = operator
    if (current_app.config["PRIVATE_LIBRARY"] and g.operator is None
            and request.endpoint not in PUBLIC_WHEN_PRIVATE):
        return redirect(url_for("auth.login", next=request.full_path))
    return None


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Send anonymous visitors to the sign-in page; the route scan test finds views by
    their `operator_only` mark."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if g.operator is None:
            return redirect(url_for("auth.login", next=request.full_path))
        return view(*args, **kwargs)

    wrapped.operator_only = True  # type: ignore[attr-defined]
    return wrapped


MAX_FAILURES_PER_CLIENT_AND_NAME = 5  # in WINDOW
MAX_FAILURES_PER_ADDRESS = 20
WINDOW = timedelta(minutes=15)


@functools.cache
def _nobody() -> str:
    # Checked when the name is unknown, so a wrong name takes as long as a wrong password
    # (the time taken does not tell which operator names exist).
    return generate_password_hash("no operator has this password")


def _session_key(operator: Operator) -> str:
    # Part of the password hash (which has a random salt): resetting the password with
    # create-operator signs the operator out everywhere.
    return operator.password_hash[-16:]


def _live_session(sid: Any, operator: Operator) -> bool:
    """Is `sid` a server-side session of this operator, younger than the cookie's lifetime?"""
    if not isinstance(sid, str):
        return False
    row = db.session.get(OperatorSession, sid)
    lifetime = current_app.permanent_session_lifetime
    return (row is not None and row.operator_id == operator.id
            and row.created_at > utcnow() - lifetime)


def _start_session(operator: Operator) -> str:
    """A new server-side session for the operator (expired ones are dropped); its id."""
    db.session.execute(db.delete(OperatorSession).where(
        OperatorSession.created_at < utcnow() - current_app.permanent_session_lifetime))
    sid = secrets.token_urlsafe(32)
    db.session.add(OperatorSession(id=sid, operator_id=operator.id))
    db.session.commit()
    return sid


def _reserve_attempt(address: str, name: str) -> tuple[LoginFailure, bool]:
    """Count this sign-in as failed before its password is checked; (its row, allowed).

    Throttling is by client and name together (and by client alone): another client's
    failures never lock an operator out. The row is committed first and the limit is
    counted over the rows up to and including it, so concurrent attempts are ranked by
    their ids and at most the limit's number of them get their password checked, however
    many arrive at once. A successful sign-in removes its row (see _forget)."""
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.at < utcnow() - WINDOW))
    attempt = LoginFailure(address=address, name=name)
    db.session.add(attempt)
    db.session.commit()
    mine = db.select(db.func.count(LoginFailure.id)).where(
        LoginFailure.id <= attempt.id, LoginFailure.at > utcnow() - WINDOW,
        LoginFailure.address == address)
    by_client_and_name = db.session.scalar(mine.where(LoginFailure.name == name)) or 0
    by_client = db.session.scalar(mine) or 0
    allowed = (by_client_and_name <= MAX_FAILURES_PER_CLIENT_AND_NAME
               and by_client <= MAX_FAILURES_PER_ADDRESS)
    return attempt, allowed


def _forget(attempt: LoginFailure) -> None:
    """The attempt succeeded: it was no failure, and neither were the pair's earlier ones."""
    db.session.execute(db.delete(LoginFailure).where(
        LoginFailure.address == attempt.address, LoginFailure.name == attempt.name))
    db.session.commit()


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Sign an operator in; failures are limited per client and name, and per client (429)."""
    error, status = None, 200
    if request.method == "POST":
        name = request.form.get("name", "").strip()[:100]
        address = (request.remote_addr or "unknown")[:64]
        password = request.form.get("password", "")
        attempt, allowed = _reserve_attempt(address, name)
        if not allowed:
            minutes = int(WINDOW.total_seconds() // 60)
            error = f"Too many failed sign-ins. Wait {minutes} minutes and try again."
            return (render_template("login.html", error=error), 429,
                    {"Retry-After": str(int(WINDOW.total_seconds()))})
        if not name or not password:
            missing = "name" if not name else "password"
            error = ("Write your operator name and password, then sign in." if not name
                     and not password else f"Write your {missing} too, then sign in.")
            return render_template("login.html", error=error,
                                   missing="" if not name and not password else missing), 422
        operator = db.session.scalar(db.select(Operator).filter_by(name=name))
        if operator is None:
            check_password_hash(_nobody(), password)
        if operator is None or not operator.check_password(password):
            error, status = ("That name and password do not match an operator account. Check "
                             "both and try again; an administrator can set a new password "
                             "with flask create-operator."), 401
        else:
            _forget(attempt)
            session.clear()  # a fresh session: nothing planted before sign-in survives
            session["operator_id"] = operator.id
            session["operator_key"] = _session_key(operator)
            session["sid"] = _start_session(operator)
            flash(f"Signed in as {operator.name}.")
            return redirect(safe_next(request.args.get("next")))
    return render_template("login.html", error=error), status


@bp.route("/logout", methods=["GET", "POST"])
def logout() -> Any:
    """Sign out (POST, with its CSRF token); GET shows the button."""
    if request.method == "POST":
        sid = session.get("sid")
        if isinstance(sid, str):  # ends this session wherever its cookie was copied to
            db.session.execute(db.delete(OperatorSession).where(OperatorSession.id == sid))
            db.session.commit()
        session.clear()
        flash("Signed out.")
        return redirect(url_for("listen.library"))
    return render_template("logout.html")

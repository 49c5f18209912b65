"""Operator sign-in."""

from __future__ import annotations

import functools
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

from app.models import LoginFailure, Operator, db, utcnow

from .safety import SessionInterface, safe_next

bp = Blueprint("auth", __name__)


@bp.record_once
def _install_session_interface(state: Any) -> None:
    state.app.session_interface = SessionInterface()


# Open even in a private library: signing in, assets, health, and the content-hashed or
# secret-token URLs that podcast apps fetch without a session.
PUBLIC_WHEN_PRIVATE = {"auth.login", "auth.logout", "static", "health.health",
                       "media.episode_file", "media.artwork", "subscribe.personal_feed"}


@bp.before_app_request
def load_operator() -> Any:
    """Put the signed-in operator (or None) on g; guard a private library."""
    op_id = session.get("operator_id")
    operator = db.session.get(Operator, op_id) if op_id else None
    if operator is not None and session.get("operator_key") != _session_key(operator):
        operator = None  # the password was reset since this session signed in
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


MAX_FAILURES_PER_NAME = 5  # in WINDOW
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


def _too_many_failures(address: str, name: str) -> bool:
    since = utcnow() - WINDOW
    count = db.select(db.func.count(LoginFailure.id)).where(LoginFailure.at > since)
    by_name = db.session.scalar(count.where(LoginFailure.name == name)) or 0
    by_address = db.session.scalar(count.where(LoginFailure.address == address)) or 0
    return by_name >= MAX_FAILURES_PER_NAME or by_address >= MAX_FAILURES_PER_ADDRESS


def _note_failure(address: str, name: str) -> None:
    """Count a failed sign-in; forget the ones older than the window."""
    db.session.execute(db.delete(LoginFailure).where(LoginFailure.at < utcnow() - WINDOW))
    db.session.add(LoginFailure(address=address, name=name))
    db.session.commit()


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Sign an operator in; failures are limited per address and per name (429)."""
    error, status = None, 200
    if request.method == "POST":
        name = request.form.get("name", "").strip()[:100]
        address = (request.remote_addr or "unknown")[:64]
        password = request.form.get("password", "")
        if _too_many_failures(address, name):
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
            _note_failure(address, name)
            error, status = ("That name and password do not match an operator account. Check "
                             "both and try again; an administrator can set a new password "
                             "with flask create-operator."), 401
        else:
            session.clear()  # a fresh session: nothing planted before sign-in survives
            session["operator_id"] = operator.id
            session["operator_key"] = _session_key(operator)
            flash(f"Signed in as {operator.name}.")
            return redirect(safe_next(request.args.get("next")))
    return render_template("login.html", error=error), status


@bp.route("/logout", methods=["GET", "POST"])
def logout() -> Any:
    """Sign out (POST, with its CSRF token); GET shows the button."""
    if request.method == "POST":
        session.clear()
        flash("Signed out.")
        return redirect(url_for("listen.library"))
    return render_template("logout.html")

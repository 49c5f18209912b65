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

from app.models import LoginFailure, Operator, db, utcnow

bp = Blueprint("auth", __name__)


# Open even in a private library: signing in, assets, health, and the content-hashed or
# secret-token URLs that podcast apps fetch without a session.
PUBLIC_WHEN_PRIVATE = {"auth.login", "auth.logout", "static", "health.health",
                       "media.episode_file", "media.artwork", "subscribe.personal_feed"}


@bp.before_app_request
def load_operator() -> Any:
    op_id = session.get("operator_id")
    g.operator = db.session.get(Operator, op_id) if op_id else None
    if (current_app.config.get("PRIVATE_LIBRARY") and g.operator is None
            and request.endpoint not in PUBLIC_WHEN_PRIVATE):
        return redirect(url_for("auth.login", next=request.full_path))
    return None


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if g.operator is None:
            return redirect(url_for("auth.login", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped


def _safe_next(target: str | None) -> str:
    # Only local paths: never bounce a signed-in operator to another site.
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("admin.import_form")


MAX_FAILURES_PER_NAME = 5  # in WINDOW
MAX_FAILURES_PER_ADDRESS = 20
WINDOW = timedelta(minutes=15)


def _too_many_failures(address: str, name: str) -> bool:
    since = utcnow() - WINDOW
    count = db.select(db.func.count(LoginFailure.id)).where(LoginFailure.at > since)
    by_name = db.session.scalar(count.where(LoginFailure.name == name)) or 0
    by_address = db.session.scalar(count.where(LoginFailure.address == address)) or 0
    return by_name >= MAX_FAILURES_PER_NAME or by_address >= MAX_FAILURES_PER_ADDRESS


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    error, status = None, 200
    if request.method == "POST":
        name = request.form.get("name", "").strip()[:100]
        address = (request.remote_addr or "unknown")[:64]
        if _too_many_failures(address, name):
            error, status = ("Too many failed sign-ins. Wait 15 minutes and try again.", 429)
        else:
            operator = db.session.scalar(db.select(Operator).filter_by(name=name))
            if operator is None or not operator.check_password(
                    request.form.get("password", "")):
                db.session.add(LoginFailure(address=address, name=name))
                db.session.commit()
                error, status = "That name and password do not match an operator account.", 401
            else:
                session.clear()
                session["operator_id"] = operator.id
                flash(f"Signed in as {operator.name}.")
                return redirect(_safe_next(request.args.get("next")))
    return render_template("login.html", error=error), status


@bp.route("/logout", methods=["GET", "POST"])
def logout() -> Any:
    if request.method == "POST":
        session.clear()
        flash("Signed out.")
        return redirect(url_for("listen.library"))
    return render_template("logout.html")

"""Friendly error pages (security headers: app.web.safety)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .filters import human_size

bp = Blueprint("errors", __name__)


@bp.app_errorhandler(413)
def too_large(e: HTTPException) -> Any:
    limit = human_size(int(current_app.config["MAX_UPLOAD_BYTES"]))
    message = f"That upload is too large: the limit is {limit} in all."
    return render_template("error.html", code=413, title="Upload too large",
                           message=message), 413


@bp.app_errorhandler(CSRFError)
def csrf_error(e: CSRFError) -> Any:
    return render_template("error.html", code=400, title="Form expired",
                           message="The form had expired or was not sent from this site. "
                                   "Go back, reload the page and try again."), 400


@bp.app_errorhandler(404)
def not_found(e: HTTPException) -> Any:
    return render_template("error.html", code=404, title="Not found",
                           message="There is nothing at this address."), 404


@bp.app_errorhandler(405)
def wrong_method(e: HTTPException) -> Any:
    return render_template("error.html", code=405, title="Not allowed",
                           message="This address does not take that kind of request."), 405


@bp.app_errorhandler(500)
def server_error(e: Exception) -> Any:
    # No details: they are in the log, with the request id.
    return render_template("error.html", code=500, title="Something went wrong",
                           message="Hark could not finish that request. Try again in a "
                                   "moment."), 500


"""Friendly error pages and security headers."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

bp = Blueprint("errors", __name__)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")


@bp.app_errorhandler(413)
def too_large(e: HTTPException) -> Any:
    limit = current_app.config["MAX_UPLOAD_BYTES"] / (1024 * 1024)
    message = f"That upload is too large: the limit is {limit:g} MB."
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


def security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response

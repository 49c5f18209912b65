"""Web security policy in one place: response headers (CSP and friends), the session
cookie's flags, and which redirect targets are safe. The URL import policy is
app.importer.policy."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request, url_for
from flask.sessions import SecureCookieSessionInterface
from werkzeug.routing import IntegerConverter

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src {media}; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
# Features no page here uses: a page that somehow ran script still could not reach them.
PERMISSIONS = ("camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
               "interest-cohort=()")


def media_sources(public_url: str) -> str:
    """CSP media-src: this site, plus the origin of AUDIO_PUBLIC_URL when media URLs
    redirect there (audio and captions are then loaded from it)."""
    parts = urlsplit(public_url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"'self' {parts.scheme}://{parts.netloc}"
    return "'self'"


def security_headers(response: Response) -> Response:
    """Headers for every response: CSP without inline script, no sniffing, no framing."""
    media = media_sources(current_app.config.get("AUDIO_PUBLIC_URL", ""))
    response.headers.setdefault("Content-Security-Policy", CSP.format(media=media))
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")  # frame-ancestors, older browsers
    response.headers.setdefault("Permissions-Policy", PERMISSIONS)
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    return response


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, marked Secure whenever the request came over HTTPS
    (SESSION_COOKIE_SECURE forces it for every request, e.g. behind a TLS proxy)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure


def safe_next(target: str | None, fallback: str = "admin.import_form") -> str:
    """`target` if it is a path on this site, else the URL of the `fallback` endpoint."""
    # Only local paths: never bounce a signed-in operator to another site. Browsers read
    # a backslash as a slash ("/\\evil.example" is "//evil.example") and drop tabs and
    # newlines, so refuse those too.
    if (target and target.startswith("/") and not target.startswith("//")
            and "\\" not in target and target.isprintable()):
        return target
    return url_for(fallback)


class RowIdConverter(IntegerConverter):
    """`<int:…>` in every route: a database row id, 1 to 2^31 - 1 (PostgreSQL's integer, the
    smallest of the databases Hark runs on). A larger number matches no route (404) instead of
    overflowing the database driver (500)."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:  # noqa: A002 (werkzeug)
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)

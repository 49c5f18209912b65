"""Web security policy in one place: response headers (CSP and friends), the session
cookie's flags, and which redirect targets are safe. The URL import policy is
app.importer.policy."""

from __future__ import annotations

from flask import Flask, Response, request, url_for
from flask.sessions import SecureCookieSessionInterface

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
# Features no page here uses: a page that somehow ran script still could not reach them.
PERMISSIONS = ("camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
               "interest-cohort=()")


def security_headers(response: Response) -> Response:
    """Headers for every response: CSP without inline script, no sniffing, no framing."""
    response.headers.setdefault("Content-Security-Policy", CSP)
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

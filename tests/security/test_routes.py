"""A scan of every URL rule: operator pages refuse anonymous visitors, and every
state-changing request needs a valid CSRF token — whoever's blueprint the route is in."""

from __future__ import annotations

import re

from flask import Flask
from werkzeug.routing import Rule

from app import csrf

from ..conftest import csrf_token

OPERATOR_PREFIX = "/admin"
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_EXCEPTIONS: set[str] = set()  # endpoints allowed without a token: none


def sample_url(rule: Rule) -> str:
    """The rule with sample values for its variables (the first choice of an `any`)."""
    def value(m: re.Match[str]) -> str:
        converter = m.group(1) or ""
        if converter.startswith("any"):
            return re.findall(r"\w+", converter[3:])[0]
        return "1" if converter.startswith("int") else "x"
    return re.sub(r"<(?:([^:>]+(?:\([^)]*\))?):)?\w+>", value, rule.rule)


def rules(app: Flask) -> list[Rule]:
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def operator_rules(app: Flask) -> list[Rule]:
    """Rules under /admin, and any other rule whose view is marked by login_required."""
    return [r for r in rules(app) if r.rule.startswith(OPERATOR_PREFIX)
            or getattr(app.view_functions[r.endpoint], "operator_only", False)]


def test_every_admin_view_is_behind_login_required(app):
    unguarded = [r.rule for r in rules(app) if r.rule.startswith(OPERATOR_PREFIX)
                 and not getattr(app.view_functions[r.endpoint], "operator_only", False)]
    assert unguarded == []


def test_operator_routes_refuse_anonymous_requests(app, client):
    checked = 0
    for rule in operator_rules(app):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(sample_url(rule), method=method)
            if method == "GET":
                assert response.status_code in (302, 401, 403), (rule.rule, method)
                if response.status_code == 302:
                    assert response.headers["Location"].startswith("/login"), rule.rule
            else:  # refused before the view: no token, no session
                assert response.status_code in (302, 400, 401, 403), (rule.rule, method)
            checked += 1
    assert checked >= 14  # the scan really found the operator routes


def test_anonymous_requests_with_a_valid_token_still_cannot_act(app, client):
    """A token alone is not a sign-in: state-changing operator routes still refuse."""
    token = csrf_token(client.get("/login").get_data(as_text=True))
    for rule in operator_rules(app):
        for method in sorted((rule.methods or set()) & STATE_CHANGING):
            response = client.open(sample_url(rule), method=method,
                                   data={"csrf_token": token})
            assert response.status_code == 302, (rule.rule, method)
            assert response.headers["Location"].startswith("/login")


def test_csrf_protection_is_on_and_nothing_is_exempt(app):
    assert app.config.get("WTF_CSRF_ENABLED", True) is True
    assert app.config.get("WTF_CSRF_CHECK_DEFAULT", True) is True
    assert not csrf._exempt_views and not csrf._exempt_blueprints


def _refuses_without_a_valid_token(app, client, stolen: str) -> list[str]:
    checked = []
    for rule in rules(app):
        for method in sorted((rule.methods or set()) & STATE_CHANGING):
            if rule.endpoint in CSRF_EXCEPTIONS:
                continue
            url = sample_url(rule)
            for data, headers in [({"x": "1"}, {}),  # no token at all
                                  ({"csrf_token": "forged"}, {}),
                                  ({"csrf_token": stolen}, {}),  # another session's token
                                  ({}, {"X-CSRFToken": stolen, "HX-Request": "true"})]:
                response = client.open(url, method=method, data=data, headers=headers)
                assert response.status_code == 400, (rule.rule, method, data, headers)
                assert "Form expired" in response.get_data(as_text=True)
            checked.append(f"{method} {rule.rule}")
    return checked


def test_every_state_changing_route_needs_a_csrf_token(app, client, auth):
    stolen = csrf_token(app.test_client().get("/login").get_data(as_text=True))
    anonymous = _refuses_without_a_valid_token(app, client, stolen)  # listeners' actions
    auth.create()
    auth.login()
    signed_in = _refuses_without_a_valid_token(app, client, stolen)
    assert anonymous == signed_in
    assert len(signed_in) >= 12, signed_in
    assert any(r.startswith("POST /queue") for r in signed_in)  # other helpers' routes too


def test_security_headers_on_every_kind_of_response(client):
    for path in ("/", "/login", "/no-such-page", "/static/css/hark.css", "/feed.xml"):
        response = client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp, path
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert "camera=()" in response.headers["Permissions-Policy"], path


def test_private_library_needs_sign_in_but_podcast_urls_still_work(app, client, auth):
    app.config["PRIVATE_LIBRARY"] = True
    for path in ("/", "/feed.xml", "/articles/1", "/subscribe"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"], path
    assert client.get("/login").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/feeds/not-a-token.xml").status_code == 404  # secret URLs: no redirect
    auth.create()
    auth.login()
    assert client.get("/").status_code == 200

"""A scan of every URL rule: operator pages refuse anonymous visitors, and every
state-changing request needs a valid CSRF token."""

from __future__ import annotations

import re

from werkzeug.routing import Rule

OPERATOR_PREFIXES = ("/admin",)
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
EXCEPTIONS: set[str] = set()  # none: every state-changing route is protected


def sample_url(rule: Rule) -> str:
    """The rule with sample values for its variables."""
    def value(m: re.Match[str]) -> str:
        converter = m.group(1) or ""
        if converter.startswith("any"):
            return re.findall(r"\w+", converter[3:])[0]
        return "1" if converter.startswith("int") else "x"
    return re.sub(r"<(?:([^:>]+(?:\([^)]*\))?):)?\w+>", value, rule.rule)


def rules(app):
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def test_operator_routes_refuse_anonymous_requests(app, client):
    checked = 0
    for rule in rules(app):
        if not rule.rule.startswith(OPERATOR_PREFIXES):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(sample_url(rule), method=method)
            if method == "GET":
                assert response.status_code in (302, 401, 403), (rule.rule, method)
                if response.status_code == 302:
                    assert "/login" in response.headers["Location"]
            else:  # refused before the view: no token, no session
                assert response.status_code in (302, 400, 401, 403), (rule.rule, method)
            checked += 1
    assert checked >= 10  # the scan really found the operator routes


def test_every_state_changing_route_needs_a_csrf_token(app, client, auth):
    auth.create()
    auth.login()
    checked = []
    for rule in rules(app):
        for method in sorted((rule.methods or set()) & STATE_CHANGING):
            if rule.endpoint in EXCEPTIONS:
                continue
            response = client.open(sample_url(rule), method=method, data={"x": "1"})
            assert response.status_code == 400, (rule.rule, method, response.status_code)
            assert "Form expired" in response.get_data(as_text=True)
            checked.append(rule.rule)
            bad = client.open(sample_url(rule), method=method,
                              data={"csrf_token": "forged"})
            assert bad.status_code == 400, (rule.rule, method)
    assert len(checked) >= 8, checked


def test_security_headers_on_pages(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_login_is_rate_limited_per_name(client, auth):
    auth.create()
    for _ in range(5):
        assert auth.login(password="wrong password").status_code == 401
    blocked = auth.login()  # even the right password, for now
    assert blocked.status_code == 429
    assert "Too many failed sign-ins" in blocked.get_data(as_text=True)


def test_session_cookie_is_httponly_and_samesite(client, auth):
    auth.create()
    response = auth.login()
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_no_default_operator_exists(app, client):
    for name, password in [("admin", "admin"), ("admin", "password"), ("operator", "hark")]:
        from ..conftest import csrf_token

        token = csrf_token(client.get("/login").get_data(as_text=True))
        response = client.post("/login", data={"name": name, "password": password,
                                               "csrf_token": token})
        assert response.status_code == 401


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

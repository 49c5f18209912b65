"""Operator sign-in: hashed passwords, no defaults, rate limits, safe cookies and redirects."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.models import LoginFailure, Operator, db, utcnow

from ..conftest import csrf_token, make_app


def sign_in(client, name: str, password: str, address: str = "203.0.113.5", next_: str = ""):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    return client.post("/login" + (f"?next={next_}" if next_ else ""),
                       data={"name": name, "password": password, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


def test_passwords_are_stored_hashed_and_there_is_no_default_operator(app, client, auth):
    with app.app_context():
        assert db.session.query(Operator).count() == 0
    for name, password in [("admin", "admin"), ("admin", "password"), ("operator", "hark"),
                           ("hark", "hark")]:
        assert sign_in(client, name, password).status_code == 401
    empty = sign_in(client, "root", "")  # refused before any check, saying what is missing
    assert empty.status_code == 422 and "Write your password too" in empty.get_data(as_text=True)
    auth.create()
    with app.app_context():
        stored = db.session.scalar(db.select(Operator)).password_hash
    assert "correct horse" not in stored and stored.startswith(("scrypt:", "pbkdf2:"))


@pytest.mark.parametrize("password", ["", "short"])
def test_create_operator_refuses_empty_or_short_passwords(runner, password):
    result = runner.invoke(args=["create-operator", "editor"], input=password + "\n")
    assert result.exit_code == 1 and "at least 8 characters" in result.output


def test_wrong_name_and_wrong_password_get_the_same_answer(client, auth):
    auth.create()
    wrong_name = sign_in(client, "nobody", "correct horse battery")
    wrong_password = sign_in(client, "editor", "incorrect", address="203.0.113.6")
    assert wrong_name.status_code == wrong_password.status_code == 401
    message = "That name and password do not match an operator account."
    assert message in wrong_name.get_data(as_text=True)
    assert message in wrong_password.get_data(as_text=True)


def test_sign_in_is_rate_limited_per_client_and_name(client, auth):
    auth.create()
    for _ in range(5):
        assert sign_in(client, "editor", "wrong", address="198.51.100.7").status_code == 401
    blocked = sign_in(client, "editor", "correct horse battery", address="198.51.100.7")
    assert blocked.status_code == 429  # even the right password, for now, from there
    assert "Too many failed sign-ins. Wait 15 minutes" in blocked.get_data(as_text=True)
    assert blocked.headers["Retry-After"] == "900"


def test_nobody_can_lock_an_operator_out_from_elsewhere(client, auth):
    auth.create()
    for i in range(5):  # the attack that used to lock the name for everyone
        for _ in range(5):
            sign_in(client, "editor", "wrong", address=f"198.51.100.{i}")
    assert sign_in(client, "editor", "correct horse battery",
                   address="203.0.113.5").status_code == 302


def test_sign_in_is_rate_limited_per_address(client, auth):
    auth.create()
    for i in range(20):  # a different name each time: the address is what attacks
        assert sign_in(client, f"guess{i}", "wrong", address="192.0.2.7").status_code == 401
    assert sign_in(client, "editor", "correct horse battery",
                   address="192.0.2.7").status_code == 429
    # Someone else, elsewhere, is not locked out.
    assert sign_in(client, "editor", "correct horse battery",
                   address="192.0.2.8").status_code == 302


def test_failures_are_forgotten_after_the_window(app, client, auth):
    auth.create()
    for _ in range(5):
        sign_in(client, "editor", "wrong")
    with app.app_context():
        db.session.execute(db.update(LoginFailure).values(at=utcnow() - timedelta(minutes=16)))
        db.session.commit()
    assert sign_in(client, "editor", "correct horse battery").status_code == 302


def test_session_cookie_is_httponly_and_samesite_lax_and_secure_over_https(app, auth):
    auth.create()
    plain = auth.login().headers["Set-Cookie"]
    assert "HttpOnly" in plain and "SameSite=Lax" in plain and "Secure" not in plain
    https = app.test_client()
    token = csrf_token(https.get("/login", base_url="https://hark.example").get_data(
        as_text=True))
    # Over HTTPS Flask-WTF also wants a same-origin Referer (Referrer-Policy sends it).
    response = https.post("/login", base_url="https://hark.example", data={
        "name": "editor", "password": "correct horse battery", "csrf_token": token},
        headers={"Referer": "https://hark.example/login"})
    cookie = response.headers["Set-Cookie"]
    assert response.status_code == 302
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_secure_when_configured(app, auth):
    app.config["SESSION_COOKIE_SECURE"] = True  # behind a TLS-terminating proxy
    auth.create()
    assert "Secure" in auth.login().headers["Set-Cookie"]


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example", "https://evil.example",
                                    "/%09/evil.example", "javascript:alert(1)"])
def test_sign_in_never_redirects_to_another_site(client, auth, target):
    auth.create()
    response = sign_in(client, "editor", "correct horse battery", next_=target)
    assert response.status_code == 302
    assert response.headers["Location"] in ("/admin/import", target) and \
        response.headers["Location"].startswith("/") and \
        not response.headers["Location"].startswith(("//", "/\\"))


def test_sign_in_returns_to_the_page_asked_for(client, auth):
    auth.create()
    asked = client.get("/admin/audit")
    assert asked.status_code == 302 and asked.headers["Location"].startswith("/login?next=")
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post(asked.headers["Location"], data={
        "name": "editor", "password": "correct horse battery", "csrf_token": token})
    assert response.headers["Location"].startswith("/admin/audit")


def test_sign_out_needs_a_post_and_ends_the_session(client, auth):
    auth.create()
    auth.login()
    page = client.get("/logout")
    assert page.status_code == 200 and client.get("/admin/audit").status_code == 200
    response = client.post("/logout", data={"csrf_token": csrf_token(page.get_data(
        as_text=True))})
    assert response.status_code == 302
    assert client.get("/admin/audit").status_code == 302


def test_resetting_a_password_signs_the_operator_out_everywhere(client, auth):
    auth.create()
    auth.login()
    assert client.get("/admin/audit").status_code == 200
    auth.create(password="a brand new passphrase")  # create-operator resets it
    assert client.get("/admin/audit").status_code == 302


def proxied_sign_in(client, name: str, password: str, forwarded_for: str,
                    proto: str = "http"):
    """A request as nginx on the same machine passes it on."""
    headers = {"X-Forwarded-For": forwarded_for, "X-Forwarded-Proto": proto,
               "X-Forwarded-Host": "listen.example.org"}
    token = csrf_token(client.get("/login", headers=headers,
                                  environ_base={"REMOTE_ADDR": "127.0.0.1"}).get_data(
        as_text=True))
    if proto == "https":
        headers["Referer"] = "https://listen.example.org/login"
    return client.post("/login", data={"name": name, "password": password,
                                       "csrf_token": token},
                       headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"})


def test_behind_a_trusted_proxy_limits_and_cookies_follow_the_real_client(tmp_path):
    app = make_app(tmp_path, TRUSTED_PROXIES=1)
    result = app.test_cli_runner().invoke(args=["create-operator", "editor"],
                                          input="correct horse battery\n")
    assert result.exit_code == 0
    client = app.test_client()
    for i in range(20):
        assert proxied_sign_in(client, f"guess{i}", "wrong", "192.0.2.7").status_code == 401
    assert proxied_sign_in(client, "editor", "correct horse battery",
                           "192.0.2.7").status_code == 429
    # Every request came from 127.0.0.1, but only the attacker's address is locked out.
    signed_in = proxied_sign_in(app.test_client(), "editor", "correct horse battery",
                                "198.51.100.4", proto="https")
    assert signed_in.status_code == 302
    assert "Secure" in signed_in.headers["Set-Cookie"]
    with app.app_context():
        assert {a for (a,) in db.session.execute(db.select(LoginFailure.address))} == {
            "192.0.2.7"}


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(client, auth):
    auth.create()
    for i in range(20):  # an attacker cannot dodge the limit by inventing addresses
        assert proxied_sign_in(client, f"guess{i}", "wrong", f"192.0.2.{i}").status_code == 401
    assert proxied_sign_in(client, "editor", "correct horse battery",
                           "192.0.2.200").status_code == 429


def test_signing_out_ends_the_session_for_a_copied_cookie_too(app, client, auth):
    auth.create()
    auth.login()
    copied = client.get_cookie("session").value
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/admin/audit").status_code == 200  # the copy works while signed in
    page = client.get("/logout")
    client.post("/logout", data={"csrf_token": csrf_token(page.get_data(as_text=True))})
    assert thief.get("/admin/audit").status_code == 302  # and not after signing out


def test_a_session_older_than_its_lifetime_is_not_accepted(app, client, auth):
    auth.create()
    auth.login()
    with app.app_context():
        from app.models import OperatorSession

        db.session.execute(db.update(OperatorSession).values(
            created_at=utcnow() - app.permanent_session_lifetime - timedelta(minutes=1)))
        db.session.commit()
    assert client.get("/admin/audit").status_code == 302

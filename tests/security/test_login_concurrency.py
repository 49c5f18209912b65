"""Sign-in throttling holds under concurrent attempts over real HTTP (issue 22, item 10):
forty wrong passwords sent at once get at most the limit's number checked."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

from werkzeug.serving import make_server

from app.web.auth import MAX_FAILURES_PER_CLIENT_AND_NAME

from ..conftest import make_app


def _client(base: str, address: str):
    """A browser-like client behind the trusted proxy, as `address`; returns post()."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    headers = {"X-Forwarded-For": address}
    page = opener.open(urllib.request.Request(f"{base}/login", headers=headers)).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def post(name: str, password: str) -> int:
        data = urllib.parse.urlencode({"name": name, "password": password,
                                       "csrf_token": token}).encode()
        request = urllib.request.Request(f"{base}/login", data=data, headers=headers)
        try:
            with opener.open(request) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code
    return post


def test_forty_concurrent_wrong_passwords_get_five_checked(tmp_path):
    app = make_app(tmp_path, TRUSTED_PROXIES=1)
    assert app.test_cli_runner().invoke(args=["create-operator", "editor"],
                                        input="correct horse battery\n").exit_code == 0
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        attacker = _client(base, "192.0.2.66")
        with ThreadPoolExecutor(max_workers=40) as pool:
            statuses = list(pool.map(lambda _: attacker("editor", "wrong"), range(40)))
        assert statuses.count(401) == MAX_FAILURES_PER_CLIENT_AND_NAME
        assert statuses.count(429) == 40 - MAX_FAILURES_PER_CLIENT_AND_NAME
        # The real operator, elsewhere, signs in (a redirect, followed, ends in 200).
        assert _client(base, "198.51.100.20")("editor", "correct horse battery") == 200
    finally:
        server.shutdown()

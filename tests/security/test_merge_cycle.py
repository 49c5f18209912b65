"""A speaker merge cycle is refused with a message instead of spinning a server thread
forever (issue 22, item 2): "A is B" and "B is A", saved together with both names edited."""

from __future__ import annotations

import threading

from werkzeug.serving import make_server

from app.speakers import merge_cycle

from ..conftest import csrf_token
from ..web.test_speakers import narrated


def test_merge_cycle_finds_loops_and_only_loops():
    assert merge_cycle({1: "2", 2: "1"}) == [1, 2]
    assert merge_cycle({1: "2", 2: "3", 3: "1", 4: ""}) in ([1, 2, 3], [2, 3, 1], [3, 1, 2])
    assert merge_cycle({1: "2", 2: "3", 3: ""}) is None  # a chain ends
    assert merge_cycle({1: "", 2: ""}) is None


def test_a_cycle_over_real_http_is_refused_and_the_server_stays_responsive(app, client, auth,
                                                                           runner):
    ids = narrated(app, runner)
    auth.create()
    auth.login()
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    ruth, sam = ids["Ruth Abara"], ids["Sam Whitfield"]
    form = {"csrf_token": csrf_token(page),
            f"name-{ruth}": "Ruth A. Abara", f"voice-{ruth}": "amy", f"merge-{ruth}": str(sam),
            f"name-{sam}": "Samuel Whitfield", f"voice-{sam}": "rob", f"merge-{sam}": str(ruth)}
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        import urllib.error
        import urllib.parse
        import urllib.request

        cookie = f"session={client.get_cookie('session').value}"
        request = urllib.request.Request(
            f"http://127.0.0.1:{server.server_port}/admin/articles/1/speakers",
            data=urllib.parse.urlencode(form).encode(), headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request, timeout=20) as r:
                status, body = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read().decode()
    finally:
        server.shutdown()
    assert status == 422
    assert "each merged into the other" in body

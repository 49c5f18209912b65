"""Hostile payloads saved through the real desk never run as script in Chromium: not on
the article, preview, edit, speakers, list, audit or import pages (window.__xss stays unset
and no alert opens)."""

from __future__ import annotations

import re
import threading

import pytest
from werkzeug.serving import make_server

from ..conftest import csrf_token
from .catalogue import XSS


@pytest.fixture
def site(app, client, auth):
    auth.create()
    auth.login()
    drafts = []
    for i, payload in enumerate(XSS):
        token = csrf_token(client.get("/admin/import").get_data(as_text=True))
        text = (f"Story {i} {payload}\n\nThe council met {payload} on Monday.\n\n"
                f"\"We will decide soon,\" said Ann {payload} Lee.")
        response = client.post("/admin/import", data={"csrf_token": token, "text": text})
        assert response.status_code == 302
        drafts.append(response.headers["Location"])
    for url in drafts[: len(drafts) // 2]:  # half saved, half left as previews
        page = client.get(url).get_data(as_text=True)
        fields = {"csrf_token": csrf_token(page), "action": "save"}
        for m in re.finditer(r'name="(speaker-\d+)"', page):
            fields[m.group(1)] = f"Ann {XSS[0]} Lee"  # a hostile speaker name too
        assert client.post(url, data=fields).status_code == 302
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    cookie = client.get_cookie("session")
    yield f"http://127.0.0.1:{httpd.server_port}", cookie.value, drafts
    httpd.shutdown()


def test_no_injected_script_runs_on_any_page(site, browser):
    base, session, drafts = site
    pages = ["/", "/admin/articles", "/admin/audit", "/feed.xml", "/admin/drafts",
             *[d.replace("http://localhost", "") for d in drafts[len(drafts) // 2:]]]
    pages += [f"/articles/{i}" for i in range(1, len(XSS) // 2 + 1)]
    pages += [f"/admin/articles/{i}/edit" for i in (1, 2, 3)]
    pages += [f"/admin/articles/{i}/speakers" for i in (1, 2, 3)]
    context = browser.new_context()
    try:
        context.add_cookies([{"name": "session", "value": session, "url": base}])
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            response = page.goto(base + path)
            assert response and response.status == 200, path
            assert page.evaluate("() => window.__xss") is None, path
            if path not in ("/feed.xml",):  # the feed lists narrated articles only
                assert "Story" in page.content(), path
        # A refused import shows the pasted text again, inside a <textarea>: try to break out.
        page.goto(base + "/admin/import")
        page.fill("#text", "</textarea><script>window.__xss=1</script><img src=x "
                           "onerror=alert(1)>")
        page.fill("#urls", "http://127.0.0.1/\"><script>window.__xss=1</script>")
        page.click("button[type=submit]")
        # wait for the refusal page itself: content() straight after the click can catch the
        # page between unload and load on a busy machine
        page.get_by_text("Nothing could be imported").first.wait_for()
        assert "Nothing could be imported" in page.content()
        assert page.evaluate("() => window.__xss") is None
        assert dialogs == []
    finally:
        context.close()

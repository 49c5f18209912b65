"""With AUDIO_PUBLIC_URL, media URLs redirect to another origin (a bucket or CDN), and the
page's own Content-Security-Policy lets the browser load the audio from there (issue 22,
item 4). Real Chromium, CSP enforced, the "CDN" a second server on another port."""

from __future__ import annotations

import functools
import http.server
import socket
import threading

from werkzeug.serving import make_server

from app.jobs import run_pending
from app.models import Article, db

from ..conftest import FIXTURES, make_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_audio_from_the_public_audio_origin_plays_under_the_pages_csp(tmp_path, browser):
    cdn_port = _free_port()
    app = make_app(tmp_path, AUDIO_PUBLIC_URL=f"http://127.0.0.1:{cdn_port}/episodes/")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")]
                         ).exit_code == 0
    assert run_pending(app) == 1
    with app.app_context():
        name = db.session.scalars(db.select(Article)).one().episode.audio_name

    # The "CDN": the audio folder published at another origin.
    handler = functools.partial(_Quiet, directory=str(tmp_path / "audio"))
    cdn = http.server.ThreadingHTTPServer(("127.0.0.1", cdn_port), handler)
    threading.Thread(target=cdn.serve_forever, daemon=True).start()
    site = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    context = browser.new_context()  # CSP enforced (no bypass)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{site.server_port}/articles/1")
        result = page.evaluate("""(url) => new Promise((done) => {
            const blocked = [];
            document.addEventListener("securitypolicyviolation",
                                      (e) => blocked.push(e.violatedDirective));
            const audio = new Audio();
            audio.addEventListener("loadedmetadata",
                                   () => done({ok: true, duration: audio.duration, blocked}));
            audio.addEventListener("error", () => setTimeout(
                () => done({ok: false, blocked}), 200));
            audio.src = url;
        })""", f"/media/{name}")
    finally:
        context.close()
        site.shutdown()
        cdn.shutdown()
    assert result["blocked"] == [] and result["ok"], result
    assert result["duration"] > 1

"""A whole pasted news page (tests/fixtures/articles/): its WebVTT loads as captions in real
Chromium, and the caption text names each speaker."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from app.jobs import run_pending

from ..conftest import PASTED_PAGE


@pytest.fixture
def server(app, runner):
    assert runner.invoke(args=["import", str(PASTED_PAGE)]).exit_code == 0
    assert run_pending(app) == 1
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_transcript_plays_as_captions_naming_the_speakers(server, browser):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{server}/articles/1")
        cues = page.evaluate("""async () => {
            const audio = document.querySelector('audio');
            const track = audio.textTracks[0];
            track.mode = 'hidden';
            for (let i = 0; i < 100 && !(track.cues && track.cues.length); i++)
                await new Promise(r => setTimeout(r, 50));
            return Array.from(track.cues).map(c => ({
                start: c.startTime, text: c.text, shown: c.getCueAsHTML().textContent}));
        }""")
        assert len(cues) > 20
        shown = " ".join(c["shown"] for c in cues)
        for name in ("Priya Vance", "Tomasz Orrell", "Dara Quinlan", "Narrator"):
            assert f"{name}:" in shown, name
        (first_orrell,) = [c for c in cues if c["shown"].startswith("Tomasz Orrell:")][:1]
        active = page.evaluate("""async (t) => {
            const audio = document.querySelector('audio');
            const track = audio.textTracks[0];
            audio.muted = true;
            audio.currentTime = t;
            await audio.play();
            for (let i = 0; i < 100 && !(track.activeCues && track.activeCues.length); i++)
                await new Promise(r => setTimeout(r, 50));
            audio.pause();
            return Array.from(track.activeCues).map(c => c.getCueAsHTML().textContent);
        }""", first_orrell["start"] + 0.05)
        assert any(a.startswith("Tomasz Orrell:") for a in active), active
    finally:
        context.close()

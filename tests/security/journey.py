"""A new operator's first import, step by step through the real pages (shared by tests)."""

from __future__ import annotations

import html
import re

from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from app.jobs import run_pending

from ..conftest import csrf_token


def first_import(app: Flask, client: FlaskClient, runner: FlaskCliRunner, text: str,
                 found: str, fixed: str) -> tuple[str, str]:
    """Create an operator with the CLI, sign in, paste `text`, rename speaker `found` to
    `fixed` in the preview, save, narrate; return (article page, WebVTT transcript)."""
    result = runner.invoke(args=["create-operator", "newbie"], input="a long passphrase\n")
    assert result.exit_code == 0 and "created operator newbie" in result.output
    token = csrf_token(client.get("/login").get_data(as_text=True))
    signed_in = client.post("/login", data={"name": "newbie", "password": "a long passphrase",
                                            "csrf_token": token})
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/admin/import"

    page = client.get("/admin/import").get_data(as_text=True)
    response = client.post("/admin/import", data={"csrf_token": csrf_token(page), "text": text})
    assert response.status_code == 302 and "/admin/drafts/" in response.headers["Location"]
    preview_url = response.headers["Location"]
    preview = client.get(preview_url).get_data(as_text=True)
    assert "Check before saving" in preview and "quote" in preview
    fields = {k: html.unescape(v) for k, v in
              re.findall(r'name="(speaker-\d+)" value="([^"]*)"', preview)}
    (key,) = [k for k, v in fields.items() if v == found]
    fields[key] = fixed

    response = client.post(preview_url, data={"csrf_token": csrf_token(preview),
                                              "action": "save", **fields})
    assert response.status_code == 302
    assert run_pending(app) == 1  # the queued narration
    article = client.get(response.headers["Location"]).get_data(as_text=True)
    audio = re.search(r'<audio[^>]* src="([^"]+)"', article)
    assert audio, "the article page has no player"
    mp3 = client.get(audio.group(1))
    assert mp3.status_code == 200 and mp3.mimetype == "audio/mpeg" and len(mp3.data) > 10_000
    assert mp3.data[:3] == b"ID3" or mp3.data[0] == 0xFF
    vtt = client.get(re.search(r'<track[^>]* src="([^"]+)"', article).group(1))
    assert vtt.status_code == 200
    return article, vtt.get_data(as_text=True)

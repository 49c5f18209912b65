"""A new operator's first import, as the issue describes it: create the account, sign in,
paste an article, fix a speaker's name in the preview, save; it narrates and plays."""

from __future__ import annotations

import html
import re

import pytest

from app.jobs import run_pending

from ..conftest import FIXTURES, SHARED, csrf_token

SEED = SHARED / "seed" / "000_87e789a2473f025a.txt"


def first_import(app, client, runner, text: str, found: str, fixed: str) -> str:
    result = runner.invoke(args=["create-operator", "newbie"], input="a long passphrase\n")
    assert result.exit_code == 0 and "created operator newbie" in result.output
    token = csrf_token(client.get("/login").get_data(as_text=True))
    assert client.post("/login", data={"name": "newbie", "password": "a long passphrase",
                                       "csrf_token": token}).status_code == 302
    page = client.get("/admin/import").get_data(as_text=True)
    response = client.post("/admin/import", data={"csrf_token": csrf_token(page), "text": text})
    assert response.status_code == 302
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    fields = {k: html.unescape(v) for k, v in
              re.findall(r'name="(speaker-\d+)" value="([^"]*)"', preview)}
    (key,) = [k for k, v in fields.items() if v == found]
    fields[key] = fixed
    response = client.post(response.headers["Location"], data={
        "csrf_token": csrf_token(preview), "action": "save", **fields})
    assert response.status_code == 302
    assert run_pending(app) == 1
    article = client.get(response.headers["Location"]).get_data(as_text=True)
    audio = re.search(r'<audio[^>]* src="([^"]+)"', article).group(1)
    mp3 = client.get(audio)
    assert mp3.status_code == 200 and mp3.mimetype == "audio/mpeg" and len(mp3.data) > 10_000
    vtt = client.get(re.search(r'<track[^>]* src="([^"]+)"', article).group(1))
    return vtt.get_data(as_text=True)


def test_new_operator_imports_fixes_a_speaker_and_it_plays(app, client, runner):
    text = (FIXTURES / "articles" / "us-according-to.txt").read_text()
    vtt = first_import(app, client, runner, text, "Tim O'Neill", "Tim O’Neil")
    assert "<v Tim O’Neil>" in vtt and "<v Tim O'Neill>" not in vtt
    assert "<v Rosa Alvarez>" in vtt


def test_new_operator_with_the_shared_seed(app, client, runner):
    """Uses the shared seed article (../shared/seed/), pasted as a new user would."""
    if not SEED.is_file():
        pytest.fail(f"the shared seed article is missing: {SEED}")
    vtt = first_import(app, client, runner, SEED.read_text(), "Alice Oseman",
                       "Alice Oseman (writer)")
    assert "<v Alice Oseman (writer)>" in vtt
    assert "<v Joe Locke>" in vtt and "<v Yasmin Finney>" in vtt

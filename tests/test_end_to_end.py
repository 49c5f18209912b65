"""The whole path on real parts: upload -> import -> narrate -> MP3 + VTT -> feed."""

from __future__ import annotations

import io
import json
import re
import subprocess

import feedparser

from app.jobs import run_pending

from .conftest import FIXTURES, csrf_token


def ffprobe_seconds(data: bytes, tmp_path) -> float:
    path = tmp_path / "episode.mp3"
    path.write_bytes(data)
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
        capture_output=True, check=True,
    )
    return float(json.loads(out.stdout)["format"]["duration"])


def test_upload_narrate_listen_and_subscribe(app, client, auth, tmp_path):
    auth.create()
    assert auth.login().status_code == 302

    page = client.get("/admin/import").get_data(as_text=True)
    html = (FIXTURES / "web" / "library-vote.html").read_bytes()
    response = client.post(
        "/admin/import",
        data={"csrf_token": csrf_token(page), "file": (io.BytesIO(html), "library-vote.html")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    preview_url = response.headers["Location"]
    preview = client.get(preview_url).get_data(as_text=True)
    assert "Check before saving" in preview and "Ruth Abara" in preview
    response = client.post(preview_url, data={"csrf_token": csrf_token(preview),
                                              "action": "save",
                                              "title": "Town votes to keep its library open late"})
    assert response.status_code == 302
    article_url = response.headers["Location"]
    waiting = client.get(article_url).get_data(as_text=True)
    assert "Town votes to keep its library open late" in waiting
    assert "Waiting to be narrated" in waiting

    assert run_pending(app) == 1  # the queued narration job, run for real

    page = client.get(article_url).get_data(as_text=True)
    assert "Ready to play" in page
    audio_url = re.search(r'<audio[^>]* src="([^"]+\.mp3)"', page).group(1)
    vtt_url = re.search(r'<track[^>]* src="([^"]+\.vtt)"', page).group(1)

    mp3 = client.get(audio_url)
    assert mp3.status_code == 200 and mp3.mimetype == "audio/mpeg"
    seconds = ffprobe_seconds(mp3.data, tmp_path)
    with app.app_context():
        from app.models import Article, db

        article = db.session.scalars(db.select(Article)).one()
        words = sum(len(b.text.split()) for b in article.blocks) + len(article.title.split())
    # Narration runs at 160-185 words a minute plus pauses: the length must fit the text.
    expected = words / 175 * 60
    assert 0.7 * expected < seconds < 1.6 * expected, (seconds, expected)

    vtt = client.get(vtt_url).get_data(as_text=True)
    assert vtt.startswith("WEBVTT")
    assert "<v Ruth Abara>" in vtt
    assert "<v Sam Whitfield>" in vtt
    assert "<v Narrator>" in vtt

    feed_response = client.get("/feed.xml")
    assert feed_response.mimetype == "application/rss+xml"
    feed = feedparser.parse(feed_response.data)
    assert not feed.bozo, feed.bozo_exception
    (entry,) = feed.entries
    assert entry.title == "Town votes to keep its library open late"
    (enclosure,) = entry.enclosures
    assert enclosure.type == "audio/mpeg"
    assert enclosure.href.endswith(audio_url)
    assert int(enclosure.length) == len(mp3.data)
    assert entry.id == article.uuid


def test_import_form_needs_an_operator(client):
    response = client.get("/admin/import")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_import_form_rejects_empty_submission_with_a_message(client, auth):
    auth.create()
    auth.login()
    page = client.get("/admin/import").get_data(as_text=True)
    response = client.post("/admin/import", data={"csrf_token": csrf_token(page), "text": "  "})
    assert response.status_code == 422
    assert "Choose a file to upload, paste" in response.get_data(as_text=True)


def test_pasted_text_is_imported(app, client, auth):
    auth.create()
    auth.login()
    page = client.get("/admin/import").get_data(as_text=True)
    text = (FIXTURES / "web" / "library-vote.html").read_text()
    plain = re.sub(r"<[^>]+>", "", text.split("<article>")[1].split("</article>")[0])
    response = client.post("/admin/import",
                           data={"csrf_token": csrf_token(page), "text": plain})
    assert response.status_code == 302
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "twelve thousand pounds" in preview
    assert client.get("/").get_data(as_text=True).count("article-card") == 0  # not saved yet
    client.post(response.headers["Location"], data={"csrf_token": csrf_token(preview),
                                                    "action": "save"})
    library = client.get("/").get_data(as_text=True)
    assert "Waiting to be narrated" in library


def test_login_with_a_wrong_password_is_refused(client, auth):
    auth.create()
    response = auth.login(password="not the password")
    assert response.status_code == 401
    assert "do not match" in response.get_data(as_text=True)
    assert client.get("/admin/import").status_code == 302

"""Issue 22's smaller kinds, each through real HTTP against the app: the page's CSP follows
AUDIO_PUBLIC_URL, ids too large for the database are 404, the play queue's `next` goes
through the one safe-redirect check, secrets in paths stay out of the logs, served files
are readable by a web server, stale temporary files are cleaned, and a pooled database
connection is checked before use."""

from __future__ import annotations

import logging
import os
import time

import pytest

from app.episodes.files import file_mode, remove_stale_parts, write_atomic

from ..conftest import csrf_token, make_app
from ..feed.test_personal_feed import make_feed


def _csp(response) -> dict[str, str]:
    pairs = (d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"]
             .split(";"))
    return {k: v for k, v in pairs}


def test_media_src_allows_the_public_audio_origin_and_nothing_else(tmp_path):
    app = make_app(tmp_path, AUDIO_PUBLIC_URL="https://cdn.example.org/hark/episodes/")
    csp = _csp(app.test_client().get("/"))
    assert csp["media-src"] == "'self' https://cdn.example.org"
    assert csp["script-src"] == "'self'"


def test_without_a_public_audio_url_media_is_same_origin_only(client):
    assert _csp(client.get("/"))["media-src"] == "'self'"


@pytest.mark.parametrize("path", [
    f"/articles/{2**63}", f"/articles/{2**31}", "/articles/99999999999999999999999",
    f"/articles/{2**63}/status",
])
def test_ids_beyond_the_database_integer_are_404_not_500(client, path):
    assert client.get(path).status_code == 404


def test_ids_beyond_the_database_integer_in_posts_are_404(client):
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    response = client.post(f"/queue/add/{2**63}", data={"csrf_token": token})
    assert response.status_code == 404


@pytest.mark.parametrize("target", ["/\t/evil.example", "//evil.example", "/\\evil.example",
                                    "https://evil.example/", "/\n/evil.example"])
def test_the_queue_never_redirects_off_site(client, target):
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    response = client.post("/queue/clear", data={"csrf_token": token, "next": target})
    assert response.status_code in (302, 303)
    assert response.headers["Location"] == "/queue"


def test_a_local_next_is_still_followed(client):
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    response = client.post("/queue/clear", data={"csrf_token": token, "next": "/?page=2"})
    assert response.headers["Location"] == "/?page=2"


def test_personal_feed_tokens_are_masked_in_request_logs(client, caplog):
    path = make_feed(client)
    token = path.removeprefix("/feeds/").removesuffix(".xml")
    with caplog.at_level(logging.INFO, logger="hark.request"):
        assert client.get(path).status_code == 200
    logged = [r for r in caplog.records if getattr(r, "path", None)]
    assert logged, "no request line was logged"
    assert all(token not in r.path for r in logged)
    assert any(r.path == "/feeds/[token].xml" for r in logged)


def test_served_files_are_written_readable_by_other_users(app, tmp_path):
    out = tmp_path / "x.vtt"
    with app.app_context():
        write_atomic(out, b"WEBVTT\n")
    assert out.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("setting, bits", [("0640", 0o640), (640, 0o640), ("0600", 0o600)])
def test_the_file_mode_is_a_setting(tmp_path, setting, bits):
    app = make_app(tmp_path, MEDIA_FILE_MODE=setting)
    with app.app_context():
        assert file_mode() == bits
        write_atomic(tmp_path / "y.json", b"{}")
    assert (tmp_path / "y.json").stat().st_mode & 0o777 == bits


def test_stale_part_files_are_removed_and_fresh_ones_kept(tmp_path):
    (tmp_path / "episodes").mkdir()
    (tmp_path / "segments" / "ab").mkdir(parents=True)
    stale = [tmp_path / "episodes" / "abc.part", tmp_path / "segments" / "ab" / "x.wav.part"]
    fresh = tmp_path / "episodes" / "def.mp3.part"
    kept = tmp_path / "episodes" / "0123.mp3"
    for p in (*stale, fresh, kept):
        p.write_bytes(b"x")
    hour_ago = time.time() - 3700
    for p in (*stale, kept):
        os.utime(p, (hour_ago, hour_ago))
    removed = remove_stale_parts(tmp_path)
    assert sorted(removed) == sorted(stale)
    assert fresh.exists() and kept.exists()


def test_database_connections_are_checked_before_use(app):
    with app.app_context():
        from app.models import db

        assert db.engine.pool._pre_ping is True


def test_a_position_that_is_not_a_number_is_refused_and_the_queue_stays_json(client):
    token = csrf_token(client.get("/subscribe").get_data(as_text=True))
    for bad in ("1e309", "-1e309", "nan", "inf"):
        response = client.post("/playback/1", data={"csrf_token": token, "seconds": bad})
        assert response.status_code in (400, 404), bad
    body = client.get("/queue.json").get_data(as_text=True)
    assert "Infinity" not in body and "NaN" not in body


def test_bidi_controls_are_not_stored_in_titles_bylines_text_or_speaker_names(app, runner,
                                                                             tmp_path):
    rlo, pdi = "\u202e", "\u2069"
    paste = tmp_path / "paste.txt"
    paste.write_text(f"Harbour {rlo}reopens{pdi} after storm\n\n"
                     f"By Ada {rlo}Quill\n\n"
                     "The harbour reopened on Tuesday after a week of repairs.\n\n"
                     f'"The boats are back," said Nora {rlo}Fenwick{pdi}, the harbourmaster.\n')
    assert runner.invoke(args=["import", str(paste)]).exit_code == 0
    from app.jobs import run_pending
    from app.models import Article, db

    run_pending(app)
    with app.app_context():
        article = db.session.scalars(db.select(Article)).one()
        stored = [article.title, article.byline or "", *(b.text for b in article.blocks),
                  *(s.name for s in article.speakers), *(s.shown for s in article.speakers)]
    assert not any(ch in text for text in stored for ch in (rlo, pdi))
    assert article.title == "Harbour reopens after storm"
    assert any("Fenwick" in s for s in stored)


def test_a_failed_if_match_answers_412_without_the_file(app, client, runner):
    from app.jobs import run_pending
    from app.models import Article, db

    from ..conftest import FIXTURES

    assert runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")]
                         ).exit_code == 0
    assert run_pending(app) == 1
    with app.app_context():
        name = db.session.scalars(db.select(Article)).one().episode.audio_name
    refused = client.get(f"/media/{name}", headers={"If-Match": '"not-this-one"'})
    assert refused.status_code == 412 and refused.data == b""
    matched = client.get(f"/media/{name}", headers={"If-Match": f'"{name}"'})
    assert matched.status_code == 200 and len(matched.data) > 1000


def test_the_private_device_link_can_be_revoked(app, runner):
    from app.jobs import run_pending

    from ..conftest import FIXTURES

    assert runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")]
                         ).exit_code == 0
    assert run_pending(app) == 1
    mine, other = app.test_client(), app.test_client()
    token = csrf_token(mine.get("/subscribe").get_data(as_text=True))
    mine.post("/queue/add/1", data={"csrf_token": token})
    old = mine.get_cookie("hark_listener").value
    other_token = csrf_token(other.get("/subscribe").get_data(as_text=True))
    other.post(f"/listener/{old}", data={"csrf_token": other_token})  # the link, used
    assert [i["article"] for i in other.get("/queue.json").get_json()["items"]] == [1]

    page = mine.get("/queue").get_data(as_text=True)
    response = mine.post("/listener/new-link", data={"csrf_token": csrf_token(page)})
    assert response.status_code in (302, 303)
    new = mine.get_cookie("hark_listener").value
    assert new != old
    assert [i["article"] for i in mine.get("/queue.json").get_json()["items"]] == [1]
    assert other.get("/queue.json").get_json()["items"] == []  # no longer shared
    assert other.get(f"/listener/{old}").status_code == 404  # the old link is dead
    assert f"/listener/{new}" in mine.get("/queue").get_data(as_text=True)

"""Media endpoints answer HEAD, Range and conditional GET as podcast apps expect."""

import json

import pytest

from app.jobs import run_pending

from ..conftest import FIXTURES


@pytest.fixture
def episode(app, runner):
    result = runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0, result.output
    assert run_pending(app) == 1
    with app.app_context():
        from app.models import Article, db

        return db.session.scalars(db.select(Article)).one().episode


def test_range_request_gets_206_with_content_range(client, episode):
    url = f"/media/{episode.audio_name}"
    response = client.get(url, headers={"Range": "bytes=100-199"})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes 100-199/{episode.bytes}"
    assert len(response.data) == 100
    whole = client.get(url).data
    assert whole[100:200] == response.data


def test_unsatisfiable_range_gets_416(client, episode):
    response = client.get(f"/media/{episode.audio_name}",
                          headers={"Range": f"bytes={episode.bytes + 10}-"})
    assert response.status_code == 416


def test_head_gives_length_without_body(client, episode):
    response = client.head(f"/media/{episode.audio_name}")
    assert response.status_code == 200
    assert int(response.headers["Content-Length"]) == episode.bytes
    assert response.data == b""
    assert response.headers["Accept-Ranges"] == "bytes"


def test_etag_allows_conditional_get(client, episode):
    first = client.get(f"/media/{episode.audio_name}")
    again = client.get(f"/media/{episode.audio_name}",
                       headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert "immutable" in first.headers["Cache-Control"]


def test_transcript_and_chapters_allow_cors(client, episode):
    vtt = client.get(f"/media/{episode.transcript_name}")
    assert vtt.mimetype == "text/vtt"
    assert vtt.headers["Access-Control-Allow-Origin"] == "*"
    chapters = client.get(f"/media/{episode.chapters_name}")
    assert json.loads(chapters.data)["version"] == "1.2.0"


@pytest.mark.parametrize("name", ["../hark.db", "x.mp3", "0" * 24 + ".exe", "%2e%2e%2fsecret"])
def test_other_names_are_not_served(client, name):
    assert client.get(f"/media/{name}").status_code == 404


def test_x_accel_redirect_hands_the_file_to_nginx(app, client, episode):
    app.config["X_ACCEL_REDIRECT_PREFIX"] = "/internal-audio/"
    response = client.get(f"/media/{episode.audio_name}")
    assert response.headers["X-Accel-Redirect"] == f"/internal-audio/{episode.audio_name}"
    assert response.data == b""


def test_external_store_url_redirects(app, client, episode):
    app.config["AUDIO_PUBLIC_URL"] = "https://cdn.example.org/hark/"
    response = client.get(f"/media/{episode.audio_name}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"https://cdn.example.org/hark/{episode.audio_name}"

"""Operators rename, merge and re-voice speakers; the next narration follows."""

from app.jobs import run_pending
from app.models import Article, Speaker, db

from ..conftest import FIXTURES, csrf_token


def narrated(app, runner):
    assert runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")]
                         ).exit_code == 0
    assert run_pending(app) == 1
    with app.app_context():
        return {s.name: s.id for s in db.session.get(Article, 1).speakers}


def vtt_of(app, client):
    with app.app_context():
        name = db.session.get(Article, 1).episode.transcript_name
    return client.get(f"/media/{name}").get_data(as_text=True)


def test_rename_and_revoice_a_speaker_then_renarrate(app, client, auth, runner):
    ids = narrated(app, runner)
    assert set(ids) == {"Ruth Abara", "Sam Whitfield"}
    assert client.get("/admin/articles/1/speakers").status_code == 302  # operators only
    auth.create()
    auth.login()
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    ruth, sam = ids["Ruth Abara"], ids["Sam Whitfield"]
    response = client.post("/admin/articles/1/speakers", data={
        "csrf_token": csrf_token(page),
        f"name-{ruth}": "Cllr Ruth Abara", f"voice-{ruth}": "lee",
        f"name-{sam}": "Sam Whitfield", f"voice-{sam}": "rob", f"merge-{sam}": "",
        f"merge-{ruth}": ""})
    assert response.status_code == 302
    assert run_pending(app) == 1
    vtt = vtt_of(app, client)
    assert "<v Cllr Ruth Abara>" in vtt and "<v Ruth Abara>" not in vtt
    with app.app_context():
        assert db.session.get(Speaker, ruth).voice == "lee"
        assert len(db.session.get(Article, 1).speakers) == 2  # no duplicate rows


def test_merge_two_speakers_into_one(app, client, auth, runner):
    ids = narrated(app, runner)
    auth.create()
    auth.login()
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    ruth, sam = ids["Ruth Abara"], ids["Sam Whitfield"]
    client.post("/admin/articles/1/speakers", data={
        "csrf_token": csrf_token(page),
        f"name-{ruth}": "Ruth Abara", f"voice-{ruth}": "amy",
        f"name-{sam}": "Sam Whitfield", f"voice-{sam}": "rob", f"merge-{sam}": str(ruth)})
    assert run_pending(app) == 1
    vtt = vtt_of(app, client)
    assert "<v Sam Whitfield>" not in vtt and vtt.count("<v Ruth Abara>") >= 3


def test_bad_choices_are_refused_with_a_message(app, client, auth, runner):
    ids = narrated(app, runner)
    auth.create()
    auth.login()
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    ruth = ids["Ruth Abara"]
    response = client.post("/admin/articles/1/speakers", data={
        "csrf_token": csrf_token(page), f"name-{ruth}": "  ", f"voice-{ruth}": "amy"})
    assert response.status_code == 422 and "needs a name" in response.get_data(as_text=True)
    response = client.post("/admin/articles/1/speakers", data={
        "csrf_token": csrf_token(page), f"voice-{ruth}": "no-such-voice"})
    assert response.status_code == 422

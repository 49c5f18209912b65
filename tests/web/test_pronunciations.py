from app.jobs import enqueue_narration, run_pending
from app.models import Article, AuditEntry, Episode, Pronunciation, db
from app.narration.normalize import speakable

from ..conftest import FIXTURES, csrf_token


def test_operator_adds_a_rule_and_narration_uses_it(app, client, auth, runner):
    assert client.get("/admin/pronunciations").status_code == 302  # operators only
    auth.create()
    auth.login()
    page = client.get("/admin/pronunciations").get_data(as_text=True)
    response = client.post("/admin/pronunciations", data={
        "csrf_token": csrf_token(page), "word": "Abara", "said": "Ah-bah-rah"})
    assert response.status_code == 302
    listing = client.get("/admin/pronunciations").get_data(as_text=True)
    assert "Ah-bah-rah" in listing
    with app.app_context():
        assert Pronunciation.rules() == {"Abara": "Ah-bah-rah"}

    runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert run_pending(app) == 1
    with app.app_context():
        with_rule = db.session.scalars(db.select(Episode)).one().audio_name

    page = client.get("/admin/pronunciations").get_data(as_text=True)
    client.post("/admin/pronunciations/1/delete", data={"csrf_token": csrf_token(page)})
    with app.app_context():
        assert Pronunciation.rules() == {}
        enqueue_narration(db.session.get(Article, 1))
    assert run_pending(app) == 1
    with app.app_context():
        without = db.session.scalars(db.select(Episode).order_by(Episode.id.desc())).first()
    # "Councillor Ruth Abara" was said differently, so the audio differs.
    assert without.audio_name != with_rule


def test_a_rule_needs_both_fields(client, auth):
    auth.create()
    auth.login()
    page = client.get("/admin/pronunciations").get_data(as_text=True)
    response = client.post("/admin/pronunciations", data={
        "csrf_token": csrf_token(page), "word": "Abara", "said": " "})
    assert response.status_code == 422
    assert "Write how the narrator should say it." in response.get_data(as_text=True)


def _post(client, path, **fields):
    page = client.get("/admin/pronunciations").get_data(as_text=True)
    return client.post(path, data={"csrf_token": csrf_token(page), **fields})


def test_a_rule_is_one_word_and_editing_and_removing_are_audited(app, client, auth):
    auth.create()
    auth.login()
    refused = _post(client, "/admin/pronunciations", word="Ruth Abara", said="Ruth Ah-bah-rah")
    assert refused.status_code == 422
    assert "A rule is for one word" in refused.get_data(as_text=True)
    assert _post(client, "/admin/pronunciations", word="Abara", said="Ah-bah-rah"
                 ).status_code == 302
    with app.app_context():
        rule_id = db.session.scalar(db.select(Pronunciation.id))
    assert _post(client, f"/admin/pronunciations/{rule_id}/edit", word="Abara",
                 said="Ah-BAH-rah").status_code == 302
    assert _post(client, f"/admin/pronunciations/{rule_id}/edit", word="Two words",
                 said="x").status_code == 422
    _post(client, f"/admin/pronunciations/{rule_id}/delete")
    with app.app_context():
        entries = [(e.action, e.detail) for e in db.session.scalars(db.select(AuditEntry))]
    assert entries == [("pronunciation", "Abara → Ah-bah-rah"),
                       ("pronunciation", "Abara → Ah-bah-rah changed to Abara → Ah-BAH-rah"),
                       ("pronunciation removed", "Abara → Ah-BAH-rah")]


def test_a_backslash_in_a_rule_is_said_as_text():
    # As a regex template, \1 would be a group reference (an error, since the rule has no
    # group) and C:\path an escape; as text, the backslashes reach the normalizer as typed.
    said = speakable("Meet Abara today.", {"Abara": r"Ah\1bah"})
    assert said.startswith("Meet Ah\\") and said.endswith("today.")
    said = speakable("Open Folder now.", {"Folder": r"C:\path"})
    assert "\\path" in said


def test_a_rule_can_be_heard_before_and_after_saving(app, client, auth):
    auth.create()
    auth.login()
    sample = client.get("/admin/samples/say.mp3?text=Ah-bah-rah")
    assert sample.status_code == 200 and sample.mimetype == "audio/mpeg"
    assert sample.data[:3] == b"ID3" or sample.data[0] == 0xFF  # an MP3 stream
    _post(client, "/admin/pronunciations", word="Abara", said="Ah-bah-rah")
    with app.app_context():
        rule_id = db.session.scalar(db.select(Pronunciation.id))
    heard = client.get(f"/admin/samples/rule/{rule_id}.mp3")
    assert heard.status_code == 200 and heard.data == sample.data  # the same words, cached
    assert client.get("/admin/samples/say.mp3?text=").status_code == 400

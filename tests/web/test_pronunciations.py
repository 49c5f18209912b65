from app.jobs import enqueue_narration, run_pending
from app.models import Article, Episode, Pronunciation, db

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
    assert "Give both" in response.get_data(as_text=True)

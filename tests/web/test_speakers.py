"""Operators rename, merge and re-voice speakers; the next narration follows."""

import re
from pathlib import Path

from app.importer import import_document
from app.importer.article import Article as ArticleDoc
from app.importer.article import Block
from app.jobs import enqueue_narration, run_pending
from app.models import Article, AuditEntry, Speaker, db
from app.narration import cast_article
from app.narration.voices import PALETTE
from app.speakers import propose, quote_key, without_job_words

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


BAKERY = ("Bakery reopens on the square\n\n"
          "The bakery on the square opened again on Monday after the flood.\n\n"
          '"We lost everything in the cellar," said Owner Rosa Mendes.\n\n'
          '"The bread is better than ever," said Margaret Hale, who lives nearby.')


def test_job_words_are_dropped_from_proposed_names():
    assert without_job_words("Owner Rosa Mendes") == "Rosa Mendes"
    assert without_job_words("driver Omar Patel") == "Omar Patel"
    assert without_job_words("Acting Head Teacher Jo Park") == "Jo Park"
    assert without_job_words("Dr Ada Lowe") == "Dr Ada Lowe"  # a title, not a job
    assert without_job_words("Mayor") == "Mayor"  # nothing else to keep


def test_first_names_propose_a_voice_when_the_text_says_nothing():
    quotes, voices = propose(import_document(BAKERY))
    # Two women in a row: without the first name, the second would get the other sex.
    assert [voices[n].sex for n in quotes] == ["f", "f"]


def test_the_text_and_the_first_name_propose_voices_in_another_language():
    doc = ArticleDoc(title="Rat", language="de", blocks=[Block("paragraph", p) for p in [
        "Der Rat tagte am Montag. Bürgermeisterin Eike Vogel kam spät.",
        "„Wir bauen weiter“, sagte Vogel.",
        "„Das Geld fehlt“, sagte Jürgen Falk, der Kämmerer.",
        "„Wir warten ab“, sagte René Aubert."]])
    quotes, voices = propose(doc)
    # Eike and Jürgen: names the census lists lack, the role words tell; René: the first name
    assert [(n, voices[n].sex) for n in quotes] == [
        ("Eike Vogel", "f"), ("Jürgen Falk", "m"), ("René Aubert", "m")]
    doc = ArticleDoc(title="Conseil", language="fr", blocks=[Block("paragraph", p) for p in [
        "« Nous verrons », a déclaré Greta Holm.",
        "« Nous sommes prêts », a déclaré la maire Dominique Leroy."]])
    quotes, voices = propose(doc)
    # "la maire": a woman (after a woman, the voices would otherwise alternate to a man's)
    assert [(n, voices[n].sex) for n in quotes] == [("Greta Holm", "f"),
                                                    ("Dominique Leroy", "f")]


def test_the_preview_proposes_the_name_without_the_job_and_saves_it(app, client, auth):
    auth.create()
    auth.login()
    page = client.get("/admin/import").get_data(as_text=True)
    url = client.post("/admin/import", data={"csrf_token": csrf_token(page), "text": BAKERY},
                      content_type="multipart/form-data").headers["Location"]
    preview = client.get(url).get_data(as_text=True)
    assert "Found as “Owner Rosa Mendes”" in preview and 'value="Rosa Mendes"' in preview
    client.post(url, data={"csrf_token": csrf_token(preview), "action": "save"})
    with app.app_context():
        rows = {s.name: s.shown for s in db.session.scalars(db.select(Speaker))}
    assert rows["Owner Rosa Mendes"] == "Rosa Mendes"


def test_a_voice_sample_is_real_audio_and_cached(app, client, auth):
    auth.create()
    auth.login()
    first = client.get("/admin/samples/voice/amy.mp3")
    assert first.status_code == 200 and first.mimetype == "audio/mpeg"
    assert len(first.data) > 2000  # a few seconds of 64 kbit/s speech
    samples = list((Path(app.config["AUDIO_CACHE_DIR"]) / "samples").glob("*.mp3"))
    assert len(samples) == 1
    assert client.get("/admin/samples/voice/amy.mp3").data == first.data
    assert client.get("/admin/samples/voice/rob.mp3").data != first.data
    assert client.get("/admin/samples/voice/nobody.mp3").status_code == 404
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/logout").get_data(
        as_text=True))})
    assert client.get("/admin/samples/voice/amy.mp3").status_code == 302  # operators only


FERRY = (FIXTURES / "articles" / "island-ferry.txt").read_text().strip()  # written for tests
NUMBERS = "The numbers do not add up, whatever the council says."


def narrated_ferry(app, runner, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY)
    assert runner.invoke(args=["import", str(path)]).exit_code == 0
    assert run_pending(app) == 1
    with app.app_context():
        return {s.name: s.id for s in db.session.get(Article, 1).speakers}


def cue_voice(vtt: str, words: str) -> str:
    """The <v Name> of the cue that holds `words`."""
    # the cue's text without read-along's word timestamps (<00:00:01.250>)
    cue = next(c for c in vtt.split("\n\n")
               if words in re.sub(r"<\d\d:\d\d:\d\d\.\d{3}>", "", c))
    return cue.split("<v ", 1)[1].split(">", 1)[0]


def test_an_operator_moves_one_quote_and_narration_follows(app, client, auth, runner,
                                                          tmp_path):
    ids = narrated_ferry(app, runner, tmp_path)
    vtt = vtt_of(app, client)
    assert cue_voice(vtt, "The numbers do not add up") == "Maeve Dunne"
    # No sieve is sure who says the cafe quote: the unattributed-quote voice, never a guess.
    assert cue_voice(vtt, "Bring back the summer boats") == "Unknown speaker"
    auth.create()
    auth.login()
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    assert "“said Ivan Petrov, who manages it.” (trailing cue)" in page
    assert "No speaker found" in page and "Bring back the summer boats." in page
    key = quote_key(NUMBERS)
    response = client.post("/admin/articles/1/quotes", data={
        "csrf_token": csrf_token(page), f"who-{key}": f"speaker-{ids['Ivan Petrov']}",
        f"new-{key}": "", f"who-{quote_key('Bring back the summer boats.')}": ""})
    assert response.status_code == 302
    with app.app_context():
        entry = db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (entry.action, entry.article_id) == ("move quote", 1)
        assert NUMBERS in entry.detail and entry.detail.endswith("→ Ivan Petrov")
        assert [(c.key, c.speaker) for c in db.session.get(Article, 1).quote_corrections] == [
            (key, "Ivan Petrov")]
    assert run_pending(app) == 1
    vtt = vtt_of(app, client)
    assert cue_voice(vtt, "The numbers do not add up") == "Ivan Petrov"
    assert cue_voice(vtt, "We will write to the company") == "Maeve Dunne"  # only that quote
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    assert "moved by an operator (the reader had Maeve Dunne)" in page

    # An edit to another paragraph (new text before the quote) keeps the correction.
    with app.app_context():
        article = db.session.get(Article, 1)
        article.blocks[1].text = "From January the island will have no ferry at all."
        db.session.commit()
        enqueue_narration(article)
    assert run_pending(app) == 1
    assert cue_voice(vtt_of(app, client), "The numbers do not add up") == "Ivan Petrov"


def test_a_quote_goes_to_someone_new_or_the_narrator(app, client, auth, runner, tmp_path):
    narrated_ferry(app, runner, tmp_path)
    auth.create()
    auth.login()
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    orphan, numbers = quote_key("Bring back the summer boats."), quote_key(NUMBERS)
    refused = client.post("/admin/articles/1/quotes", data={
        "csrf_token": csrf_token(page), f"who-{orphan}": "new", f"new-{orphan}": "  "})
    assert refused.status_code == 422 and "new speaker" in refused.get_data(as_text=True)
    client.post("/admin/articles/1/quotes", data={
        "csrf_token": csrf_token(page), f"who-{orphan}": "new",
        f"new-{orphan}": "  Nadia   Bell ", f"who-{numbers}": "narrator"})
    with app.app_context():
        article = db.session.get(Article, 1)
        speaker = next(s for s in article.speakers if s.name == "Nadia Bell")
        # a woman's voice, as her first name suggests (attribution.person_sex)
        assert speaker.voice in {v.key for v in PALETTE if v.sex == "f"}
    assert run_pending(app) == 1
    vtt = vtt_of(app, client)
    assert cue_voice(vtt, "Bring back the summer boats") == "Nadia Bell"
    assert cue_voice(vtt, "The numbers do not add up") == "Narrator"
    # Undone: the quote finder's choice comes back.
    page = client.get("/admin/articles/1/speakers").get_data(as_text=True)
    client.post("/admin/articles/1/quotes", data={"csrf_token": csrf_token(page),
                                                  f"who-{numbers}": "found"})
    assert run_pending(app) == 1
    assert cue_voice(vtt_of(app, client), "The numbers do not add up") == "Maeve Dunne"


def test_the_preview_flags_quotes_with_no_speaker(app, client, auth):
    auth.create()
    auth.login()
    page = client.get("/admin/import").get_data(as_text=True)
    url = client.post("/admin/import", data={"csrf_token": csrf_token(page), "text": FERRY},
                      content_type="multipart/form-data").headers["Location"]
    preview = client.get(url).get_data(as_text=True)
    assert "1 quote with no speaker found" in preview
    assert "Why: “said Ivan Petrov, who manages it.” (trailing cue)" in preview


def test_narration_without_the_operators_choices_uses_the_voices_the_preview_proposed():
    doc = import_document(BAKERY)
    quotes, proposed = propose(doc)
    _segments, _cast, voices = cast_article(doc)
    assert {n: voices[n].key for n in quotes} == {n: proposed[n].key for n in quotes}
    assert [voices[n].sex for n in quotes] == ["f", "f"]  # first names, as in the preview

"""`inspect` and `speak` on articles in other languages: the language and the voices chosen."""

import json

import pytest

from app.jobs import run_pending
from app.models import Article, Status, db

from .conftest import FIXTURES, make_app

LANGUAGES = FIXTURES / "articles" / "languages"


def inspect(runner, path):
    result = runner.invoke(args=["inspect", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("name, lang, voice", [
    ("de-bruecke.html", "de", "gmw/de"), ("de-bruecke.txt", "de", "gmw/de"),
    ("fr-quartier.html", "fr", "roa/fr"), ("fr-quartier.txt", "fr", "roa/fr"),
    ("es-puente.txt", "es", "roa/es"), ("it-passerella.txt", "it", "roa/it"),
    ("pt-ponte.txt", "pt", "roa/pt"), ("nl-brug.txt", "nl", "gmw/nl"),
    ("pl-kladka.txt", "pl", "zlw/pl"), ("ru-most.txt", "ru", "zle/ru"),
])
def test_inspect_reports_the_language_and_its_voices(runner, name, lang, voice):
    data = inspect(runner, LANGUAGES / name)
    assert data["language"] == lang
    assert data["narrator_voice"] == voice
    assert data["unattributed_voice"] == f"{voice}+whisper"
    assert set(data["speaker_voices"]) == set(data["speakers"])
    assert all(v.split("+")[0] == voice for v in data["speaker_voices"].values())
    assert "voice_error" not in data


def test_inspect_reports_english_speakers_voices_too(runner):
    data = inspect(runner, FIXTURES / "web" / "library-vote.html")
    assert data["language"] == "en" and data["narrator_voice"] == "gmw/en"
    assert set(data["speaker_voices"]) == {"Ruth Abara", "Sam Whitfield"}
    assert len(set(data["speaker_voices"].values())) == 2


def test_inspect_says_when_espeak_ng_lacks_the_language(runner):
    data = inspect(runner, LANGUAGES / "tl-tulay.txt")
    assert data["language"] == "tl"
    assert data["narrator_voice"] is None
    assert "no voice for the language 'tl'" in data["voice_error"]


def test_speak_refuses_a_language_espeak_ng_lacks_with_one_line(runner, tmp_path):
    result = runner.invoke(args=["speak", str(LANGUAGES / "tl-tulay.txt"),
                                 "-o", str(tmp_path / "out.mp3")])
    assert result.exit_code == 1
    assert result.output.startswith("error: espeak-ng has no voice for the language 'tl'")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "out.mp3").exists()


def test_narrator_voices_setting_reaches_inspect(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_NARRATOR_VOICES", '{"de": "de+m3", "fr": "fr-be"}')
    app = make_app(tmp_path)
    assert app.config["NARRATOR_VOICES"] == {"de": "de+m3", "fr": "fr-be"}
    runner = app.test_cli_runner()
    assert inspect(runner, LANGUAGES / "de-bruecke.html")["narrator_voice"] == "gmw/de+m3"
    assert inspect(runner, LANGUAGES / "fr-quartier.txt")["narrator_voice"] == "roa/fr-be"


def test_the_operator_sees_why_an_article_in_a_language_espeak_ng_lacks_failed(app, runner):
    assert runner.invoke(args=["import", str(LANGUAGES / "tl-tulay.txt")]).exit_code == 0
    run_pending(app)
    with app.app_context():
        article = db.session.get(Article, 1)
        assert article.language == "tl" and article.status == Status.FAILED
        assert "espeak-ng has no voice for the language 'tl'" in article.error


# Every quoted person of each fixture article, in order of appearance (issue 15's done-when:
# every quote found and attributed, in HTML and paste modes)
SPEAKERS = {
    "de": ["Thomas Weber", "Sabine Krüger", "Michael Braun"],
    "fr": ["Jean Le Gall", "Anne Quéré", "Yann Kerbrat"],
    "es": ["Javier Ortega", "Marta Ruiz", "Carmen Delgado"],
    "it": ["Marco Bellini", "Paola Conti", "Luca Moretti"],
    "pt": ["Rui Almeida", "Sofia Carvalho", "João Pereira"],
    "nl": ["Pieter Jansen", "Femke Bakker", "Ahmed El Amrani"],
    "pl": ["Tomasz Zieliński", "Katarzyna Wójcik", "Piotr Kamiński"],
    "ru": ["Игорь Петров", "Елена Кузнецова", "Андрей Волков"],
}


@pytest.mark.parametrize("name", sorted(p.name for p in LANGUAGES.glob("*")
                                        if p.name[:2] in SPEAKERS))
def test_every_quote_of_each_language_is_found_and_attributed(runner, name):
    data = inspect(runner, LANGUAGES / name)
    quotes = [s for s in data["segments"] if s["quote"]]
    assert [q["speaker"] for q in quotes] == SPEAKERS[name[:2]]
    assert data["speakers"] == SPEAKERS[name[:2]]
    assert not any("sagte" in q["text"] or "déclaré" in q["text"] for q in quotes)
    assert not any("language" in q for q in quotes)  # each quote in its article's language
    assert len(set(data["speaker_voices"].values())) == 3  # three voices, not one

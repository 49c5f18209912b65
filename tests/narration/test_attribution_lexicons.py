"""The per-language lexicons: what their helpers read from a word."""

from __future__ import annotations

import pytest

from app.narration.attribution.lexicons import lexicon_for, supported


def test_every_supported_language_has_speech_verbs_and_pronouns():
    for language in supported():
        lex = lexicon_for(language)
        assert lex.language == language
        assert lex.pronouns and lex.verb_re.pattern and lex.according_to.pattern


@pytest.mark.parametrize(("language", "verb", "gender"), [
    ("pl", "powiedziała", "f"), ("pl", "powiedział", "m"), ("pl", "mówi", ""),
    ("ru", "сказала", "f"), ("ru", "сказал", "m"), ("ru", "говорит", ""),
    ("de", "sagte", ""),
])
def test_a_past_tense_ending_tells_the_gender_where_the_language_marks_it(language, verb,
                                                                         gender):
    assert lexicon_for(language).gender_of_verb(verb) == gender


def test_a_german_compound_ends_with_its_job_word():
    de = lexicon_for("de")
    assert de.role("Hafenmeisterin") == "meisterin"
    assert de.role("Fraktionschef") == "chef"
    assert de.role("Bürgermeister") == "bürgermeister"
    assert de.role("Brücke") == ""
    assert lexicon_for("fr").role("sous-directrice") == ""  # no compounds read in French


@pytest.mark.parametrize(("language", "name", "gender"), [
    ("pl", "Anna Kowalska", "f"), ("pl", "Jan Kowalski", "m"), ("pl", "Nowak", ""),
    ("ru", "Елена Кузнецова", "f"), ("ru", "Игорь Петров", "m"),
    ("de", "Anna Weber", ""),
])
def test_name_endings_tell_the_gender_where_the_language_marks_it(language, name, gender):
    assert lexicon_for(language).gender_of_name(name) == gender


@pytest.mark.parametrize(("language", "verbs"), [
    ("fr", ["a déclaré", "a-t-elle ajouté", "dit-il", "explique-t-il", "précise"]),
    ("it", ["ha detto", "ha spiegato", "disse"]),
    ("es", ["dijo", "ha dicho", "afirmó", "señalaron", "añadieron", "dijeron"]),
    ("pt", ["disse", "afirmou", "disseram"]),
    ("nl", ["zei", "zegt", "vertelde"]),
])
def test_speech_verbs_in_the_forms_news_uses(language, verbs):
    lex = lexicon_for(language)
    assert all(lex.verb_re.fullmatch(v) for v in verbs)


@pytest.mark.parametrize(("language", "verb"), [
    ("it", "ha poi aggiunto"), ("it", "ha anche spiegato"), ("fr", "a ensuite ajouté"),
    ("fr", "a également précisé"), ("es", "han dicho"),
])
def test_an_adverb_between_auxiliary_and_participle_keeps_the_verb(language, verb):
    assert lexicon_for(language).verb_re.fullmatch(verb)

"""Quotation marks of each language's convention, in the one parser English uses."""

from __future__ import annotations

import pytest

from app.narration.attribution.marks import convention, spans


def quoted(text: str, language: str) -> list[str]:
    return [text[s.start:s.end] for s in spans(text, language)]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "„Wir bleiben“, sagte sie, „und bauen weiter.“",
     ["Wir bleiben", "und bauen weiter."]),
    ("de", "„Er rief ‚Halt!‘ und lief“, sagte Kai.", ["Er rief ‚Halt!‘ und lief"]),
    ("cs", "„Máme hotovo,“ řekl starosta.", ["Máme hotovo,"]),
    ("de", "»Das Buch ist fertig«, sagte die Autorin.", ["Das Buch ist fertig"]),
    ("da", "»Vi er klar«, sagde hun.", ["Vi er klar"]),
    ("fr", "« C’est fini », a-t-il dit, « on rentre ».", [" C’est fini ", " on rentre "]),
    ("fr", "« Il a crié ‹ stop › et s’est arrêté », dit-elle.",
     [" Il a crié ‹ stop › et s’est arrêté "]),
    ("de-CH", "«Wir sind bereit», sagte er. ‹Sicher›, sagte sie.",
     ["Wir sind bereit", "Sicher"]),
    ("es", "«Llegamos tarde», dijo él.", ["Llegamos tarde"]),
    ("it", "«Siamo pronti», ha detto lei.", ["Siamo pronti"]),
    ("pt", "«Está feito», disse ela.", ["Está feito"]),
    ("ru", "«Мы готовы», — сказал он.", ["Мы готовы"]),
    ("no", "«Vi er klare», sa hun.", ["Vi er klare"]),
    ("pl", "„Jesteśmy gotowi” – powiedział.", ["Jesteśmy gotowi"]),
    ("nl", "„We zijn klaar”, zei ze.", ["We zijn klaar"]),
    ("hu", "„Készen vagyunk” – mondta.", ["Készen vagyunk"]),
    ("ro", "„Suntem gata”, a spus el.", ["Suntem gata"]),
    ("ja", "「準備ができた」と彼は言った。『本』も。", ["準備ができた", "本"]),
    ("zh", "他说：「我们准备好了」。", ["我们准备好了"]),
])
def test_each_languages_marks_open_and_close(language, text, expected):
    assert quoted(text, language) == expected


def test_a_german_closing_mark_never_opens():
    # “ closes „ in German: a straight opening mark closed by “ is one quotation, and a
    # stray “ opens nothing (in English it would open a quotation running to the end)
    assert quoted('"Wir sind stolz“, sagte Weber.', "de") == ["Wir sind stolz"]
    assert quoted("Er sagte “ nichts mehr.", "de") == []
    assert quoted("Er sagte “ nichts mehr.", "en") == [" nichts mehr."]


def test_a_french_closing_guillemet_never_opens_but_a_german_one_does():
    text = "Il dit » non et part."
    assert quoted(text, "fr") == []
    assert quoted("Sie sagte »nein« und ging.", "de") == ["nein"]
    assert quoted("Elle a dit « non » et elle est partie.", "fr") == [" non "]


def test_the_convention_follows_the_primary_subtag_and_swiss_region():
    assert convention("de-AT") is convention("de")
    assert convention("fr-CH") is convention("it")  # «…» in all of Switzerland
    assert convention("de-CH") is convention("fr")
    assert convention(None) is convention("en") is convention("xx")


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("pl", "– Jesteśmy gotowi – powiedział burmistrz. – Zaczynamy w maju.",
     ["Jesteśmy gotowi", "Zaczynamy w maju."]),
    ("ru", "— Мы готовы, — сказал мэр. — Начинаем в мае.", ["Мы готовы,", "Начинаем в мае."]),
    ("pl", "– Nie wiem.", ["Nie wiem."]),
    ("pl", "Rada – jak co roku – zebrała się w maju.", []),  # a dash inside narration
    ("en", "– Not a quote – in English.", []),  # English writes no dialogue dash
])
def test_a_paragraph_opening_with_a_dash_is_speech_in_polish_and_russian(language, text,
                                                                        expected):
    assert [q.strip() for q in quoted(text, language)] == expected

"""The quote-mark parser: every English house style in one article, and other languages'."""

from __future__ import annotations

import pytest

from app.narration.attribution.marks import spans


def inner(text: str) -> list[str]:
    return [text[s.start:s.end] for s in spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ('"Ready," she said.', ["Ready,"]),
    ("“Ready,” she said.", ["Ready,"]),
    ("‘Ready,’ she said.", ["Ready,"]),
    ("'Ready,' she said.", ["Ready,"]),
    ('“He said ‘no’ twice,” she said.', ["He said ‘no’ twice,"]),
    ("‘He said “no” twice,’ she said.", ["He said “no” twice,"]),
    ('"He said "no" twice," she said.', ['He said "no" twice,']),
    ("‘It’s late, isn’t it?’ she asked.", ["It’s late, isn’t it?"]),
    ("‘The pupils’ books,’ she said.", ["The pupils’ books,"]),
    ("‘Not the pupils’ books,’ she said.", ["Not the pupils’ books,"]),
    ("‘They said ‘we close at six,’ ’ she said.", ["They said ‘we close at six,’ "]),
    ("‘Our idea of 'late' is different,’ she said.", ["Our idea of 'late' is different,"]),
    ("“Mixed marks,\" she said.", ["Mixed marks,"]),
    ("She held a sign that read ‘15%!’ all day.", ["15%!"]),
    ("‘He says the right things’ about rail, said Ben Ashe.", ["He says the right things"]),
])
def test_english_styles_and_nesting(text, expected):
    assert inner(text) == expected


def test_styles_mixed_in_one_paragraph():
    text = "“One,” she said. ‘Two,’ he said. 'Three,' they said. \"Four.\""
    assert inner(text) == ["One,", "Two,", "Three,", "Four."]


@pytest.mark.parametrize("text", [
    "It's Sam's turn, and rock 'n' roll is back in the '90s.",
    "The ’90s were the drivers’ years.",
    "Rock ’n’ roll never died.",
])
def test_apostrophes_are_not_quotes(text):
    assert inner(text) == []


def test_a_quotation_left_open_runs_to_the_paragraphs_end():
    first, second = spans("“We kept going,” she said. “Every day.")
    assert first.closed and not second.closed
    (t,) = spans("‘Nobody came back that winter.")
    assert not t.closed and t.end == len("‘Nobody came back that winter.")


@pytest.mark.parametrize(("text", "expected"), [
    ("„Das ist gut“, sagte er.", ["Das ist gut"]),
    ("„Dobrze”, powiedział.", ["Dobrze"]),
    ("« Oui », dit-elle.", [" Oui "]),
    ("»Ja«, sagte sie.", ["Ja"]),
    ("「はい」と言った。", ["はい"]),
    ("„Er sagte ‚nein‘ und ging“, sagte sie.", ["Er sagte ‚nein‘ und ging"]),
])
def test_other_languages_fit_the_same_table(text, expected):
    assert inner(text) == expected


def test_a_paragraph_of_stray_marks_is_read_without_endless_search():
    text = "‘a “b ’c 'd " * 400
    found = spans(text)
    assert all(0 <= s.open_at < s.close_at <= len(text) for s in found)

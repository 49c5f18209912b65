"""Issue 13's eight kinds of input, each in sentences written for it: the right speaker."""

from __future__ import annotations

import pytest

from app.narration.quotes import attribute_paragraphs


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker) for each quotation found."""
    return [(paragraphs[q["para"]][q["start"]:q["end"]], q["speaker"])
            for q in attribute_paragraphs(list(paragraphs))]


def test_1_pronoun_after_a_named_subject_in_the_sentence_before():
    got = said('Ward sister Ola Brandt said the night shift had been short for months. '
               '"We cover each other," she said.')
    assert got == [("We cover each other,", "Ola Brandt")]


def test_1_pronoun_follow_up_is_not_the_previously_quoted_person():
    got = said('"It rained all week," said Ivo Marek, a ferryman.',
               'Harbour master Tom Quill said the pier would reopen on Friday. '
               '"The boards are dry now," he said.')
    assert [s for _q, s in got] == ["Ivo Marek", "Tom Quill"]


def test_2_surname_subject_then_pronoun_with_added():
    got = said('Okafor said the clinic would open two more rooms. "It will help," she added.')
    assert got == [("It will help,", "Okafor")]


def test_3_quote_continued_over_paragraphs_keeps_its_speaker():
    got = said('"The first boat sank," said Dr Ines Vale. "The second one floated.',
               '"That was the day we started again."')
    assert [s for _q, s in got] == ["Ines Vale"] * 3


def test_4_name_with_apposition_then_colon():
    got = said('Sam Oduya, a school caretaker, said: "The boilers are older than me."')
    assert got == [("The boilers are older than me.", "Sam Oduya")]


def test_5_apostrophes_inside_british_single_quotes():
    got = said("‘It was the riders’ choice, not the owners’,’ said Nia Cole.")
    assert got == [("It was the riders’ choice, not the owners’,", "Nia Cole")]


def test_6_british_nesting_double_inside_single():
    got = said("‘The clerk said “come back Monday” and shut the hatch,’ said Ben Ashe.")
    assert got == [("The clerk said “come back Monday” and shut the hatch,", "Ben Ashe")]


def test_7_spokesperson_for_an_organisation_gives_the_organisation():
    got = said('A spokesperson for Redcliff Water said: "Supplies are back to normal."')
    assert got == [("Supplies are back to normal.", "Redcliff Water")]


def test_8_straight_single_quotes_with_an_apostrophe():
    got = said("'We couldn't find a single spare part,' said Ada Finch.")
    assert got == [("We couldn't find a single spare part,", "Ada Finch")]


@pytest.mark.parametrize("text", [
    '"We tried," a spokesperson for the council said.',
    '"We tried," the spokeswoman said.',
    '"We tried," they said.',
])
def test_no_confident_sieve_leaves_the_speaker_unknown(text):
    assert [s for _q, s in said(text)] == [None]


def test_each_quote_says_why_it_was_attributed():
    (q,) = attribute_paragraphs(['Depot manager Jo Reyes said it was busy. "Too busy," he said.'])
    assert q["speaker"] == "Jo Reyes"
    assert q["sieve"] == "trailing cue" and "he said" in q["cue"]


def test_signature_line_after_a_quote_names_its_speaker():
    got = said('"The river has never been this clean."', "— Ines Vale, Harbour Trust.")
    assert got == [("The river has never been this clean.", "Ines Vale")]
    got = said('"We open at dawn.', 'Tom Quill."')
    assert [s for _q, s in got if _q.strip()] == ["Tom Quill"]


def test_a_short_narration_paragraph_is_no_signature_for_an_attributed_quote():
    got = said('"We open at dawn," said Ivo Marek.', "Tom Quill.")
    assert [s for _q, s in got] == ["Ivo Marek"]

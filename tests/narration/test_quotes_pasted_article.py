"""Quotes of a whole pasted news page (tests/fixtures/articles/pasted-radio-drama.txt): three
people, quotes that run over several paragraphs, a quote nested inside a quote, a scare quote."""

import pytest

from app.importer import import_document
from app.narration.quotes import segment_blocks

from ..conftest import PASTED_PAGE


@pytest.fixture(scope="module")
def segments():
    doc = import_document(PASTED_PAGE.read_bytes())
    return segment_blocks(doc.blocks)


def test_every_quote_has_the_speaker_a_careful_reader_would_give(segments):
    got = [(s.speaker, s.text.split()[0]) for s in segments if s.quote]
    assert got == [
        ("Priya Vance", "They"), ("Priya Vance", "Episode"),
        ("Priya Vance", "What"),      # the quote runs on into the next paragraph
        ("Priya Vance", "Wren"),      # "She ... adding:" after a scare quote
        ("Tomasz Orrell", "With"), ("Tomasz Orrell", "It"),
        ("Tomasz Orrell", "I"),       # the second paragraph of his quote, nested quote inside
        ("Dara Quinlan", "I"), ("Dara Quinlan", "And"),  # a last paragraph with no "said"
    ]


def test_a_nested_quote_stays_inside_its_speakers_segment(segments):
    (wireless,) = [s for s in segments if s.quote and "wireless" in s.text]
    assert wireless.speaker == "Tomasz Orrell"
    assert '"Will you stay if I tell you the truth?"' in wireless.text


def test_scare_quote_and_attributions_stay_with_the_narrator(segments):
    narrator = " ".join(s.text for s in segments if not s.quote)
    assert '"steadiness on deck and off it"' in narrator
    assert "said Priya Vance." in narrator
    assert "writer Dara Quinlan told Airwaves Weekly." in narrator

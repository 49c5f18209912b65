"""Quote segmentation and attribution, pattern by pattern, on sentences written here."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importer import import_document
from app.importer.article import Block
from app.narration.quotes import analyse_blocks, segment_blocks

from ..conftest import FIXTURES


def quotes(*paragraphs: str) -> list[tuple[str | None, str]]:
    """(speaker, words) for each quote in the paragraphs."""
    segs = segment_blocks([Block("paragraph", p) for p in paragraphs])
    return [(s.speaker, s.text) for s in segs if s.quote]


@pytest.mark.parametrize("text", [
    '"We won," said Jane Roe.',
    '"We won," Jane Roe said.',
    'Jane Roe said: "We won."',
    '"We won," Jane Roe told OK!',
    '“We won,” said Jane Roe.',
    '"We won," said Dr Jane Roe, a marine biologist at Exeter University.',
    '"We won," marine biologist Jane Roe said.',
    '"We won," said Prof. Jane Roe.',
    '"We won," according to Jane Roe.',
])
def test_attribution_patterns_name_the_speaker(text):
    assert quotes(text) == [("Jane Roe", "We won,")] or quotes(text) == [("Jane Roe", "We won.")]


def test_interrupted_quote_is_one_speaker():
    assert quotes('"We won," said Jane Roe, "and we will win again."') == [
        ("Jane Roe", "We won,"), ("Jane Roe", "and we will win again.")]


def test_second_quote_after_attribution_keeps_the_speaker():
    assert quotes('"We won," said Jane Roe. "It was close."') == [
        ("Jane Roe", "We won,"), ("Jane Roe", "It was close.")]


def test_pronoun_and_surname_follow_ups_resolve_to_the_person_named():
    got = quotes('"The tide is turning," said Dr Jane Roe, a marine biologist.',
                 '"It is rare," she added.',
                 '"Very rare," Roe said.')
    assert [s for s, _ in got] == ["Jane Roe"] * 3


def test_pronouns_follow_gender_learned_from_the_text_between_two_people():
    got = quotes("Tom Baker has run his shop for years.", '"Ready," he said.',
                 '"Not yet," said Ann Lee, who leads her team.',
                 '"Soon," he said.', '"Now," she said.')
    assert [s for s, _ in got] == ["Tom Baker", "Ann Lee", "Tom Baker", "Ann Lee"]


def test_surname_in_narration_names_a_person_introduced_earlier():
    got = quotes("Marta Kowalski opened her bakery in 1984.", '"I stayed," Kowalski said.')
    assert got == [("Marta Kowalski", "I stayed,")]


def test_quote_running_over_paragraphs_stays_with_its_speaker():
    got = quotes('"I never planned to stay," Ann Lee said. "The ovens got hold of me.',
                 '"The first winter was hard.',
                 '"But people kept coming."',
                 "The bakery closes in August.")
    assert [s for s, _ in got] == ["Ann Lee"] * 4


def test_run_on_quote_attributed_only_at_its_end_is_backfilled():
    assert [s for s, _ in quotes('"This goes on', '"and on," said Ann Lee.')] == [
        "Ann Lee", "Ann Lee"]


def test_quote_inside_a_quote_stays_in_the_outer_speakers_segment():
    got = quotes('"I watched that scene, where she says, "Do you love me?" and cried," '
                 "said Ann Lee.")
    assert len(got) == 1 and got[0][0] == "Ann Lee"
    assert '"Do you love me?"' in got[0][1]


def test_partial_quote_inside_narration_stays_with_the_narrator():
    segs = segment_blocks([Block("paragraph", 'He praised her "quiet confidence in herself", '
                                              'adding: "She was brave."')])
    assert not segs[0].quote and '"quiet confidence in herself"' in segs[0].text
    assert segs[-1].quote and segs[-1].text == "She was brave."


def test_british_single_quotes_and_apostrophes():
    got = quotes("‘It’s the 90s again,’ said Callum Reid. ‘We’ll see.’")
    assert got == [("Callum Reid", "It’s the 90s again,"), ("Callum Reid", "We’ll see.")]
    assert quotes("It's Charlie's day, and rock 'n' roll is back in the '90s.") == []


def test_unattributed_quote_has_no_speaker_but_is_a_quote():
    assert quotes('"Nobody told us," a spokesperson for the council said.') == [
        (None, "Nobody told us,")]


def test_headings_are_never_speech():
    segs = segment_blocks([Block("heading", '"We won," says mayor'),
                           Block("paragraph", "The mayor was pleased.")])
    assert not any(s.quote for s in segs)


def test_article_without_quotes_is_all_narrator():
    doc = import_document((FIXTURES / "articles" / "no-quotes.txt").read_bytes())
    segs = segment_blocks(doc.blocks)
    assert segs and not any(s.quote or s.speaker for s in segs)


@pytest.mark.parametrize(("name", "expected"), [
    ("british-single-quotes.txt", ["Callum Reid", "Callum Reid", "Fiona Macleod",
                                   "Fiona Macleod", "Callum Reid", "Callum Reid"]),
    ("us-according-to.txt", ["Rosa Alvarez", "Rosa Alvarez", "Tim O'Neill", "Dana Brooks",
                             "Rosa Alvarez"]),
    ("interview-run-on.txt", ["Marta Kowalski"] * 4 + ["Piotr"] * 2),
])
def test_whole_articles_in_different_house_styles(name, expected):
    doc = import_document((FIXTURES / "articles" / name).read_bytes())
    assert [s.speaker for s in segment_blocks(doc.blocks) if s.quote] == expected


def _check_cover(blocks: list[Block]) -> None:
    segs = segment_blocks(blocks)
    last = {}
    for s in segs:
        text = blocks[s.block].text
        assert text[s.start:s.end] == s.text
        assert s.start >= last.get(s.block, 0)
        last[s.block] = s.end
    for bi, block in enumerate(blocks):
        covered = [False] * len(block.text)
        for s in segs:
            if s.block == bi:
                for i in range(s.start, s.end):
                    covered[i] = True
        rest = "".join(c for c, done in zip(block.text, covered, strict=True) if not done)
        assert re.fullmatch(r"[\s\"“”‘’«»„'\W]*", rest), (block.text, rest)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list('ab AB."“”‘’\',:!?\n')), max_size=60),
                min_size=1, max_size=4))
def test_segments_are_ordered_exact_and_cover_the_text(texts):
    _check_cover([Block("paragraph", t) for t in texts])


def test_long_article_segments_quickly_enough_to_not_notice():
    para = '"We checked it twice," said Mara Olsen. The divers went down again at noon.'
    blocks = [Block("paragraph", para)] * 2000  # about 26,000 words
    segs = segment_blocks(blocks)
    assert len([s for s in segs if s.quote]) == 2000


@pytest.mark.parametrize("text, name, sex", [
    ('"We are ready," said Jane Roe. She added that the boats were late.', "Jane Roe", "f"),
    ('"We are ready," said Tom Hale.\n\nHe said the boats were late.', "Tom Hale", "m"),
    ('"We are ready," said Ms Jane Roe.', "Jane Roe", "f"),
    ('"We are ready," said Sam Roe, the club\'s chairwoman.', "Sam Roe", "f"),
    ('"We are ready," said spokesman Kit Vale.', "Kit Vale", "m"),
    ('"We are ready," said Ann Lee, whose son was hurt.', "Ann Lee", ""),
    ('"We are ready," said Ann Lee, the man\'s lawyer.', "Ann Lee", ""),
    ('"We are ready," said Pat Low. Fans will miss Low.', "Pat Low", ""),
])
def test_what_the_text_says_of_a_speakers_sex(text, name, sex):
    blocks = [Block("paragraph", t) for t in text.split("\n\n")]
    assert analyse_blocks(blocks)[1] == {name: sex}

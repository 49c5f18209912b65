from app.importer.article import Block
from app.narration.quotes import Segment
from app.narration.script import (
    NARRATOR_NAME,
    PAUSE_AFTER_TITLE,
    PAUSE_QUOTE,
    UNKNOWN_NAME,
    build_script,
)
from app.narration.voices import NARRATOR, PALETTE, UNATTRIBUTED

QUOTE_FIRST = '"We won," said Ann Lee.'
NAMED_FIRST = 'Ann Lee said: "We won again."'


def seg(block, text, whole, speaker=None, quote=False):
    start = whole.index(text)
    return Segment(block, start, start + len(text), text, speaker, quote)


def test_lead_in_names_a_person_before_their_first_quote_when_the_text_does_not():
    blocks = [Block("paragraph", QUOTE_FIRST)]
    segments = [seg(0, "We won,", QUOTE_FIRST, "Ann Lee", True),
                seg(0, " said Ann Lee.", QUOTE_FIRST)]
    lines = build_script("Title", blocks, segments, {"Ann Lee": PALETTE[0]})
    assert [(li.text, li.speaker) for li in lines] == [
        ("Title.", NARRATOR_NAME), ("Ann Lee:", NARRATOR_NAME), ("We won,", "Ann Lee"),
        ("said Ann Lee.", NARRATOR_NAME)]
    assert lines[2].voice == PALETTE[0] and lines[1].voice == NARRATOR
    assert lines[1].pause_before == PAUSE_AFTER_TITLE and lines[2].pause_before == PAUSE_QUOTE


def test_no_lead_in_when_named_just_before_or_already_introduced():
    blocks = [Block("paragraph", NAMED_FIRST), Block("paragraph", QUOTE_FIRST)]
    segments = [seg(0, "Ann Lee said: ", NAMED_FIRST), seg(0, "We won again.", NAMED_FIRST,
                                                            "Ann Lee", True),
                seg(1, "We won,", QUOTE_FIRST, "Ann Lee", True),
                seg(1, " said Ann Lee.", QUOTE_FIRST)]
    lines = build_script("Title", blocks, segments, {"Ann Lee": PALETTE[0]})
    assert "Ann Lee:" not in [li.text for li in lines]


def test_unattributed_quote_gets_its_own_voice_never_the_narrators():
    text = '"Nobody knows," a voice said.'
    lines = build_script("T", [Block("paragraph", text)],
                         [seg(0, "Nobody knows,", text, None, True),
                          seg(0, " a voice said.", text)], {})
    quote = next(li for li in lines if li.text == "Nobody knows,")
    assert quote.voice == UNATTRIBUTED and quote.speaker == UNKNOWN_NAME


def test_spoken_text_is_normalised_but_transcript_keeps_the_words():
    text = "It costs £4.99 a month 🎉."
    lines = build_script("T", [Block("paragraph", text)], [seg(0, text, text)], {})
    assert lines[-1].text == text
    assert lines[-1].said == "It costs four pounds ninety nine pence a month."


def test_symbols_alone_are_not_spoken_and_headings_start_chapters():
    blocks = [Block("paragraph", "* * *"), Block("heading", "Next part"),
              Block("paragraph", "Body.")]
    segments = [seg(0, "* * *", "* * *"), seg(1, "Next part", "Next part"),
                seg(2, "Body.", "Body.")]
    lines = build_script("T", blocks, segments, {})
    assert [li.text for li in lines] == ["T.", "Next part", "Body."]
    assert [li.chapter for li in lines] == ["T", "Next part", None]

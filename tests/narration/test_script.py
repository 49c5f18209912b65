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
PRONOUN = 'Ann Lee runs the club. Its members cheered. "We won," she said.'


def seg(block, text, whole, speaker=None, quote=False):
    start = whole.index(text)
    return Segment(block, start, start + len(text), text, speaker, quote)


def lead_ins(text, quote, speaker="Ann Lee"):
    """The narrator's lead-ins for a one-paragraph article with one quote by `speaker`."""
    start = text.index(quote)
    segments = [seg(0, text[:start], text), seg(0, quote, text, speaker, True),
                seg(0, text[start + len(quote):], text)]
    lines = build_script("Title", [Block("paragraph", text)], [s for s in segments if s.text],
                         {speaker: PALETTE[0]})
    return [li.text for li in lines if li.text.endswith(":") and li.speaker == NARRATOR_NAME]


def test_lead_in_names_a_person_before_their_first_quote_when_the_text_does_not():
    text = ("Ann Lee runs the club. " + "Its members cheered all night in the square. " * 3
            + '"We won," she said.')
    segments = [seg(0, text[:text.index('"')], text), seg(0, "We won,", text, "Ann Lee", True),
                seg(0, " she said.", text)]
    lines = build_script("Title", [Block("paragraph", text)], segments,
                         {"Ann Lee": PALETTE[0]})
    said = [(li.text, li.speaker) for li in lines]
    assert said[-3:] == [("Ann Lee:", NARRATOR_NAME), ("We won,", "Ann Lee"),
                         ("she said.", NARRATOR_NAME)]
    lead, quote = lines[-3], lines[-2]
    assert quote.voice == PALETTE[0] and lead.voice == NARRATOR
    assert quote.pause_before == PAUSE_QUOTE


def test_lead_in_after_the_title_keeps_the_paragraph_pause():
    text = '"Nobody saw it coming," the coach told reporters.'
    segments = [seg(0, "Nobody saw it coming,", text, "Ann Lee", True),
                seg(0, " the coach told reporters.", text)]
    lines = build_script("Title", [Block("paragraph", text)], segments,
                         {"Ann Lee": PALETTE[0]})
    assert [li.text for li in lines[:3]] == ["Title.", "Ann Lee:", "Nobody saw it coming,"]
    assert lines[1].pause_before == PAUSE_AFTER_TITLE and lines[2].pause_before == PAUSE_QUOTE


def test_no_lead_in_when_the_attribution_after_the_quote_names_the_speaker():
    assert lead_ins(QUOTE_FIRST, "We won,") == []
    assert lead_ins('"Did we win?" asked Lee, smiling.', "Did we win?") == []
    assert lead_ins('"We won. It was close," Ann Lee, the captain, said.',
                    "We won. It was close,") == []
    # A quote broken by its attribution: the name sits between the two halves.
    assert lead_ins('"We won," said Ann Lee, "and we earned it."', "We won,") == []


def test_no_lead_in_when_the_text_names_the_speaker_just_before_the_quote():
    assert lead_ins(NAMED_FIRST, "We won again.") == []
    assert lead_ins('Speaking after the match, Lee was brief: "We won."', "We won.") == []


def test_a_name_in_a_later_sentence_does_not_count_as_the_attribution():
    text = '"We won," she said. Then the team thanked its coach. Ann Lee was not there.'
    assert lead_ins(text, "We won,") == ["Ann Lee:"]


def test_only_the_first_quote_of_a_person_gets_a_lead_in():
    blocks = [Block("paragraph", NAMED_FIRST), Block("paragraph", PRONOUN)]
    segments = [seg(0, "Ann Lee said: ", NAMED_FIRST), seg(0, "We won again.", NAMED_FIRST,
                                                            "Ann Lee", True),
                seg(1, PRONOUN[:PRONOUN.index('"')], PRONOUN),
                seg(1, "We won,", PRONOUN, "Ann Lee", True),
                seg(1, " she said.", PRONOUN)]
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

"""Attribution kinds added in issue 13's third pass: each with sentences written for it."""

from __future__ import annotations

from app.narration.attribution.attribute import _about_speaker_only
from app.narration.attribution.marks import spans
from app.narration.attribution.mentions import NAME_RUN, read_phrase
from app.narration.attribution.people import Person
from app.narration.attribution.sieves import Context, _name_before_complement, leading_cue
from app.narration.quotes import attribute_paragraphs


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q["speaker"] for q in attribute_paragraphs(paragraphs)]


# -- descriptions -------------------------------------------------------------------------

def test_a_capitalised_determiner_is_not_a_name():
    m = read_phrase("The retired strategist")
    assert m is not None and m.kind == "nominal" and m.role == "strategist"
    assert speakers(['The retired strategist said, "The tide waits for nobody."']) == [
        "the retired strategist"]


def test_a_description_is_labelled_with_whom_it_is_tied_to():
    assert speakers(['"The budget is gone," said a longtime adviser to Mayor Quist.']) == [
        "a longtime adviser to Mayor Quist"]
    # an adjective after the noun ("familiar with", "close to") keeps the noun as the head
    m = read_phrase("a source familiar with the council's plans")
    assert m is not None and m.role == "source"
    assert speakers(['A source close to the harbour board said, "They will sell."']) == [
        "a source close to the harbour board"]


def test_where_a_description_stood_stays_out_of_its_label():
    assert speakers(['"Why now?" asked a ferry worker at the quay.']) == ["a ferry worker"]


def test_a_document_speaks_for_the_organisation_named_with_it():
    assert speakers(['"Fares will rise by a tenth," the Leith Council report stated.']) == [
        "Leith Council"]
    assert speakers(['"The plan is reckless," an editorial in The Harbour Gazette said.']) == [
        "Harbour Gazette"]


def test_according_to_a_document_does_not_take_a_named_speakers_quote():
    got = speakers(['"We are ready," Ann Quist said, according to a pool report. '
                    '"The boats are fuelled."'])
    assert got == ["Ann Quist", "Ann Quist"]


# -- subjects -----------------------------------------------------------------------------

def test_a_pronoun_opening_the_clause_is_its_subject():
    got = speakers(["Tomas Berg is a retired pilot.",
                    'He often breaks with Labour, saying, "They know the river."'])
    assert got == ["Tomas Berg"]


def test_the_name_before_who_speaks_even_after_from():
    got = speakers(['The mayor won support from a colleague, from Ruth Lindqvist, who '
                    'declared on Friday, '
                    '"This bridge will be built."'])
    assert got == ["Ruth Lindqvist"]


def test_of_a_name_then_a_speech_participle():
    assert speakers(['The film shows footage of Dora Quist asking, "Who pays for this?"']) == [
        "Dora Quist"]


def test_a_long_subject_speaks_by_the_name_before_its_prepositional_phrase():
    runs = list(NAME_RUN.finditer("engineers Ann Roe and Kai Lind of the Leith Institute for "
                                  "Rivers and Coastal Studies"))
    phrase = ("engineers Ann Roe and Kai Lind of the Leith Institute for Rivers and Coastal "
              "Studies")
    assert _name_before_complement(phrase, runs) == "Kai Lind"
    ctx = Context("The flood maps were redrawn, engineers Ann Roe and Kai Lind of the Leith "
                  "Institute for Rivers and Coastal Studies wrote in May: ", "", 0, 0)
    cue = leading_cue(ctx)
    assert cue is not None and cue.mention.name == "Kai Lind"


def test_a_name_with_its_speech_verb_outranks_the_sentences_first_name_for_a_pronoun():
    got = speakers(["The ferry could run all winter, which Oslo has refused before, "
                    "Jonas Berg said.", '"It is a question of money," he said.'])
    assert got == ["Jonas Berg"]
    got = speakers(["Whether Leith or Oslo wins the route will be clear by May, said Karl "
                    "Moen, a port analyst.", '"Both have a case," he said.'])
    assert got == ["Karl Moen"]


# -- continuation -------------------------------------------------------------------------

def test_narration_only_about_the_speaker_keeps_the_next_bare_quote_theirs():
    paragraphs = ['"We came with nothing," Omar Haddad said. When they went out, the '
                  "neighbours' children would come up to him.", '"They asked me what to do.']
    assert speakers(paragraphs) == ["Omar Haddad", "Omar Haddad"]


def test_narration_naming_another_or_of_the_other_sex_breaks_the_turn():
    person = Person("Omar Haddad")
    assert _about_speaker_only("The children would come up to him.", person)
    assert not _about_speaker_only("The children would come up to her.", person)
    assert not _about_speaker_only("Then Lena Berg stood up.", person)
    paragraphs = ['"We came with nothing," Omar Haddad said. When they went out, the '
                  "neighbours' children would come up to her.", '"They asked me what to do.']
    assert speakers(paragraphs) == ["Omar Haddad", None]


# -- quote marks --------------------------------------------------------------------------

def test_a_mistyped_opener_inside_a_quotation_does_not_swallow_its_close():
    text = "‘Prices ran away as in the “20s,’ Ann Roe said. ‘It hurt us.’"
    assert [text[s.open_at:s.close_at + 1] for s in spans(text)] == [
        "‘Prices ran away as in the “20s,’", "‘It hurt us.’"]
    text = "‘If I asked “em, they helped,’ said Ann Roe. ‘Every one of them.’"
    assert len(spans(text)) == 2
    # a real nested quotation still nests
    text = "‘The officer told me “pack a bag” and drove off,’ said Lena Marsh."
    assert [text[s.open_at:s.close_at + 1] for s in spans(text)] == [text[:text.index(" said")]]


def test_a_stage_direction_between_quotes_keeps_the_speakers_turn():
    paragraphs = ['"I am calling from the harbour office," Eva Lind said into the phone.',
                  "She pauses.", '"Well, thank you so much."', "Pause.", '"Goodbye then."']
    assert speakers(paragraphs) == ["Eva Lind", "Eva Lind", "Eva Lind"]
    # a fragment or someone else's action is no stage direction of hers
    paragraphs = ['"I am calling from the harbour office," Eva Lind said into the phone.',
                  "@harbour.", '"Well, thank you so much."']
    assert speakers(paragraphs) == ["Eva Lind", None]
    paragraphs = ['"I am calling from the harbour office," Eva Lind said into the phone.',
                  "Tom Reyes hangs up.", '"Well, thank you so much."']
    assert speakers(paragraphs) == ["Eva Lind", None]
    # a short sentence about something else is narration, not her stage direction
    paragraphs = ['"I am calling from the harbour office," Eva Lind said into the phone.',
                  "The ferry sailed late.", '"Well, thank you so much."']
    assert speakers(paragraphs) == ["Eva Lind", None]


def test_a_colon_introduction_naming_no_one_continues_the_speaker():
    paragraphs = ['"We should never have built it there," Tom Reyes told the paper in May.',
                  'Then, later that month on the radio: "It was a mistake from the start."']
    assert speakers(paragraphs) == ["Tom Reyes", "Tom Reyes"]
    paragraphs = ['"We should never have built it there," Tom Reyes told the paper in May.',
                  'Then, later that month, Ann Quist: "It was a mistake from the start."']
    assert speakers(paragraphs)[1] != "Tom Reyes"


def test_a_function_word_alone_before_a_speech_verb_is_a_surname():
    paragraphs = ["The columnist Helen Will has covered the council for years.",
                  '"Nobody reads the minutes," Will wrote.']
    assert speakers(paragraphs) == ["Helen Will"]
    assert speakers(['Party founder Al From spoke last. "We needed the banks," From said.']) == [
        "Al From"]
    # a word of time or a pronoun there is no one's name
    assert speakers(['"It rained all week," when asked about the harbour.']) == [None]

"""Attribution kinds added in issue 13's fourth pass: each with sentences written for it."""

from __future__ import annotations

import unicodedata

from app.importer.article import Block
from app.narration.attribution.attribute import (
    acts,
    in_opening_phrase,
    is_nickname,
    reporting_clause,
)
from app.narration.attribution.marks import spans
from app.narration.attribution.mentions import (
    clean_name,
    is_crowd,
    name_mentions,
    read_phrase,
    role_gender,
)
from app.narration.attribution.people import Person
from app.narration.attribution.sieves import subject_phrase
from app.narration.attribution.text import sentence_ends
from app.narration.quotes import analyse_blocks, attribute_paragraphs


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q["speaker"] for q in attribute_paragraphs(paragraphs)]


def _mention(text: str, name: str):
    return next(m for m in name_mentions(text) if m.name == name)


# -- salience: the reporting clause is the main clause -------------------------------------

def test_a_reporting_clause_after_a_comma_is_the_main_clause():
    text = "Pedro Alves won over the hall, Tom Hale said."
    assert reporting_clause(text, _mention(text, "Tom Hale"))
    text = "Pedro Alves, Tom Hale said, won over the hall."
    assert reporting_clause(text, _mention(text, "Tom Hale"))
    text = "The vote was close, said Ian Reed, a county clerk."
    assert reporting_clause(text, _mention(text, "Ian Reed"))


def test_a_name_opening_the_sentence_or_followed_by_its_own_verb_reports_nothing():
    text = "Tom Hale said the hall was full."
    assert not reporting_clause(text, _mention(text, "Tom Hale"))
    # "said Ian Reed should …": Ian Reed is the reported clause's subject, not the reporter
    text = "The clerk, a former sailor, said Ian Reed should stand again."
    assert not reporting_clause(text, _mention(text, "Ian Reed"))


def test_a_pronoun_after_a_reported_sentence_means_the_reporter_not_its_subject():
    got = speakers(["Pedro Alves won over the hall in the first minute, Tom Hale said.",
                    '"He had them from his first line," he said.'])
    assert got == ["Tom Hale"]
    got = speakers(["Pedro Alves, Tom Hale said, had never lost a debate.",
                    '"Nobody prepares like him," he said.'])
    assert got == ["Tom Hale"]


def test_the_subject_of_an_ordinary_sentence_stays_the_pronouns_person():
    got = speakers(["Pedro Alves said Tom Hale would lose the seat.",
                    '"He has no ground game," he said.'])
    assert got == ["Pedro Alves"]


# -- a possessive is no speech verb's subject ----------------------------------------------

def test_a_possessive_name_before_a_noun_spelt_like_a_verb_does_not_speak():
    assert not _mention("Nora Quist's claim surprised the board.", "Nora Quist").speaks
    assert not _mention("Ben Lowe’s remarks were brief.", "Ben Lowe").speaks
    assert _mention("Nora Quist claimed the board knew.", "Nora Quist").speaks


# -- a name first seen modifying a noun ------------------------------------------------------

def test_a_name_first_read_as_an_organisation_is_a_person_once_it_speaks():
    # "the Moreno campaign": the name modifies a noun; "Moreno said": she speaks herself
    got = speakers(["Voters heard the Moreno campaign on the radio all May.",
                    "Moreno said the ads had worked.", '"We reached every county," she said.'])
    assert got == ["Moreno"]


def test_an_organisation_that_speaks_stays_an_organisation():
    got = speakers(["A new timetable from the Northlink Buses depot starts in May.",
                    "Northlink Buses said the timetable would stay.",
                    '"We listened to riders," she said.'])
    assert got == [None]


# -- a name after a determiner modifies a noun ------------------------------------------------

def test_a_name_after_a_determiner_is_not_the_sentences_subject():
    got = speakers(["Anders Holm, the mayor, spoke first at the meeting.",
                    "Since launching his Harbour Board bid, Nils Dahl has taken a firm line "
                    "on ferry fares.", '"Fares must fall," he said.'])
    assert got == ["Nils Dahl"]


# -- a role word after first names is a surname ---------------------------------------------

def test_a_role_word_after_first_names_is_a_surname():
    assert clean_name("Rosa Ann King")[0] == "Rosa Ann King"
    assert clean_name("Mary Bishop")[0] == "Mary Bishop"
    assert clean_name("Republican National Committeeman")[0] is None
    got = speakers(["Boxing great Rosa Ann King remembered the fight well. She sat ringside.",
                    '"It was the loudest night of my life," she said.'])
    assert got == ["Rosa Ann King"]


# -- quotation marks ----------------------------------------------------------------------

def test_an_opening_mark_typed_for_the_close_still_closes():
    text = "“It is late,“ said Ivo Brandt, a ferry pilot. “The tide will not wait.”"
    assert [(s.open_at, s.closed) for s in spans(text)] == [(0, True), (46, True)]
    assert speakers([text]) == ["Ivo Brandt", "Ivo Brandt"]


def test_an_opening_mark_before_a_word_inside_a_quotation_still_nests():
    text = "“They called it “the long night” for a reason,” said Ivo Brandt."
    assert [(s.open_at, s.close_at) for s in spans(text)] == [(0, text.index("” said"))]


def test_a_quoted_title_the_sentence_runs_on_from_is_not_speech():
    for text in ('Her first film, "Salt Roads," opened in Leith last week.',
                 "The station's new drama, “Night Ferry,” returns in May.",
                 'A band called "The Tide Tables," formed in 2010, played first.'):
        assert attribute_paragraphs([text]) == [], text


def test_a_short_capitalised_quotation_said_or_cued_is_speech():
    assert speakers(['"Never Again," she said.']) == [None]  # speech, no one named
    assert speakers(['"Not Today," said Ivo Brandt.']) == ["Ivo Brandt"]
    got = attribute_paragraphs(['Ivo Brandt shouted out, "Stop The Boat," and ran.'])
    assert [q["speaker"] for q in got] == ["Ivo Brandt"]


def test_a_closing_single_mark_after_a_stray_space_still_closes():
    text = "‘We tried it twice, ’ Ivo Brandt said. ‘It held.’"
    assert [s.closed for s in spans(text)] == [True, True]
    assert speakers([text]) == ["Ivo Brandt", "Ivo Brandt"]


def test_a_nested_quotes_closer_left_over_does_not_hide_the_cue():
    # the nested quotation is closed with the wrong mark, so its closer stands after the close
    text = "‘She kept saying, “we will get there,'’ said Ivo Brandt."
    assert speakers([text]) == ["Ivo Brandt"]


# -- sex: a "-man" role word yields to a woman's first name ---------------------------------

def test_a_man_role_word_yields_to_a_womans_first_name():
    assert role_gender("spokesman", "Hope Larsen") == ""
    assert role_gender("spokesman", "Tom Larsen") == "m"
    assert role_gender("spokeswoman", "Tom Larsen") == "f"
    got = speakers(["Tomas Berg said the ferry would run. Port spokesman Hope Larsen "
                    'confirmed the timetable. "It starts in May," she said.'])
    assert got == ["Hope Larsen"]


def test_a_man_role_word_does_not_make_a_woman_called_so_male_for_her_voice():
    blocks = [Block("paragraph", "Port spokesman Hope Larsen confirmed the timetable."),
              Block("paragraph", '"It starts in May," Larsen said.')]
    _segments, genders = analyse_blocks(blocks)
    # the text tells nothing then: the first name decides (voices.py), never "spokesman"
    assert genders["Hope Larsen"] == ""


# -- a number word opening a sentence is no name ----------------------------------------------

def test_a_number_word_opening_a_sentence_is_not_its_speaker():
    got = speakers(["Tomas Berg has backed the ferry for years.",
                    'Eight years ago, he backed the first plan and said, "It will pay."'])
    assert got == ["Tomas Berg"]


# -- a possessive inside a name run: the owner, then who or what is owned --------------------

def test_a_name_run_is_cut_after_a_possessive_inside_it():
    got = [(m.text, m.name) for m in name_mentions("Radio Leith's Ann Moss asked him.")]
    assert got == [("Radio Leith's", "Radio Leith"), ("Ann Moss", "Ann Moss")]
    assert _mention("Radio Leith's Ann Moss asked him.", "Ann Moss").speaks


def test_a_description_with_a_possessive_before_the_name_it_describes():
    got = speakers(["Tomas Berg, the owner, spoke first. The Harbour Group's chief executive, "
                    "Ann Moss, said the ferry would run.", '"We are ready," she said.'])
    assert got == ["Ann Moss"]
    got = speakers(["Tomas Berg spoke first. The Harbour Group's CEO, Ann Moss, said the "
                    "ferry would run.", '"We are ready," she said.'])
    assert got == ["Ann Moss"]


# -- a one-word surname that acts is a person --------------------------------------------------

def test_a_lone_surname_before_its_verb_is_a_person():
    text = "Moreno openly admitted the plan was late."
    assert acts(text, _mention(text, "Moreno"))
    text = "Moreno’s plan was late."
    assert not any(acts(text, m) for m in name_mentions(text))
    text = "Leithbury is a port."  # no surname of the lists
    assert not any(acts(text, m) for m in name_mentions(text))


def test_a_pronoun_after_a_lone_surname_that_acts_means_that_person():
    got = speakers(["Peter Berg went with the odds, even though he picked the Leith side in an "
                    "interview.", 'Moreno openly admitted that his pick was about the vote. '
                    '"It is for Carolina," he said.'])
    assert got == ["Moreno"]


def test_an_empty_paragraph_after_a_speakers_quote_is_read_without_error():
    got = speakers(['"We will go," said Ann Roe.', "", '"At dawn," she said.'])
    assert got == ["Ann Roe", "Ann Roe"]


# -- the same paragraph: a long cue, or narration only about the speaker ---------------------

def test_a_quote_after_a_long_trailing_cue_keeps_its_speaker():
    text = ('"We sailed at dawn," said Ivo Brandt, one of the three original crew members of '
            "the first winter crossing, along with the retired captain Mia Holm of the harbour "
            "service, the pilot Per Lund and the late engineer Ole Dahl of the Leith ferry "
            'company. "It was cold."')
    assert speakers([text]) == ["Ivo Brandt", "Ivo Brandt"]


def test_a_quote_after_narration_only_about_the_speaker_keeps_its_speaker():
    text = ('"We sailed at dawn," said Ana Ruiz, 44, a nurse from Leith who joined the crew in '
            "the spring. A sailor since her teens, she moved to Leith in 2010 and has sailed "
            "every summer since then with the club on the fjord and its islands, whatever the "
            'weather on the coast. "It changed my life."')
    assert speakers([text]) == ["Ana Ruiz", "Ana Ruiz"]


def test_a_quote_after_narration_about_someone_else_is_not_the_speakers():
    text = ('"We sailed at dawn," said Ana Ruiz, 44, a nurse from Leith who joined the crew in '
            "the spring. Tomas Berg, the skipper, has sailed every summer since then with the "
            "club on the fjord and its islands, whatever the weather on the coast, and he keeps "
            'the log. "It changed my life."')
    assert speakers([text]) == ["Ana Ruiz", None]


def test_a_leading_cue_with_long_adjuncts_after_its_verb_still_tells():
    text = ("Ana Ruiz, 44, the club's captain, said on the radio on Monday, in reference to the "
            "first crossing of the winter, a six-hour trip, “It was hard.”")
    assert speakers([text]) == ["Ana Ruiz"]


def test_a_colon_label_of_a_name_then_where_it_appeared_is_the_persons():
    assert speakers(['Ana Ruiz, Instagram: "The ferry is back."']) == ["Ana Ruiz"]
    assert speakers(['Ana Ruiz, The Leith Courier: "The ferry is back."']) == ["Ana Ruiz"]


# -- the writer of a post or statement ---------------------------------------------------------

def test_the_name_after_a_post_from_is_its_writer():
    assert _mention("It came in a post from Ana Ruiz.", "Ana Ruiz").speaks
    assert not _mention("It came in a van from Ana Ruiz.", "Ana Ruiz").speaks
    got = speakers(["Tomas Berg runs the ferry. The timetable will change, according to a post "
                    "from Ana Ruiz.", '"We start in May," she wrote.'])
    assert got == ["Ana Ruiz"]


def test_a_focus_word_before_the_subject_is_not_part_of_it():
    assert subject_phrase("Despite the storm, even a veteran skipper ") == "a veteran skipper"
    got = speakers(["Alongside KLM delays, even a senior adviser said the airport will have to "
                    'choose, saying, "At some point the runway must close."'])
    assert got == ["a senior adviser"]


# -- names in decomposed or mis-decoded text ------------------------------------------------------

def test_a_name_with_decomposed_accents_is_one_name():
    name = unicodedata.normalize("NFD", "José Núñez")
    assert speakers([f'"We start in May," said {name}, a port official.']) == [name]


def test_a_mis_decoded_name_is_one_name():
    name = "Ana Mu\u00c3\u0083\u00c2\u00b1oz".replace("\u00b1", "\u00e9")  # bytes read twice
    got = speakers([f'"We start in May," said {name}, a port official.'])
    assert got == [name]


# -- an opening phrase holds no subject ------------------------------------------------------------

def test_a_name_in_an_opening_phrase_is_not_the_sentences_subject():
    text = "Ann Roe spoke. Regarding the Leith Harbour Board, Moreno said little."
    ends = sentence_ends(text)
    assert in_opening_phrase(text, text.index("Leith"), ends)
    assert not in_opening_phrase(text, text.index("Moreno"), ends)
    assert not in_opening_phrase(text, text.index("Ann"), ends)
    # "For Jo Quist, …": whose view it is, not where or when
    text = "For Jo Quist, the plan is late."
    assert not in_opening_phrase(text, text.index("Jo"), sentence_ends(text))


def test_a_pronoun_skips_names_inside_an_opening_phrase():
    got = speakers(["Regarding Omar Haddad’s speech at last week’s Leith Harbour Convention, "
                    "Wood shared her view.", '"Nobody doubted him," she said.'])
    assert got == ["Wood"]


# -- a text quoted as it reads ---------------------------------------------------------------------

def test_a_quote_that_reads_in_a_papers_editorial_is_the_papers():
    got = speakers(['"The ferry is a lifeline," reads a Monday editorial in The Leith Courier.'])
    assert got == ["Leith Courier"]
    got = speakers(['"The ferry is a lifeline," reads the editorial.'])
    assert got == [None]  # a text no one is named for: read unattributed


# -- a nickname inside a name; a word of service before it --------------------------------------

def test_a_quoted_nickname_inside_a_name_does_not_split_it():
    text = 'Down by the quay, Pablo "Chico" Ortega of Leith carried the flag.'
    assert is_nickname(text, spans(text)[0])
    other = 'He called it "Chico" at first.'
    assert not is_nickname(other, spans(other)[0])
    got = speakers(["In downtown San Remo, the crowd marched in silence.",
                    text + ' "I cried the whole way," he said.'])
    assert got == ["Pablo Ortega"]


def test_a_word_of_service_before_a_full_name_is_not_the_first_name():
    assert Person("Marine John Berg").sex == "m"
    assert Person("Marine Le Quellec").sex == "f"
    assert Person("Christine Todd Berg").sex == "f"


# -- a leading cue's verb after another quotation --------------------------------------------------

def test_a_verb_after_an_earlier_quotation_takes_the_sentences_subject():
    text = ("Ana Ruiz, who waved a flag bearing the words, “Ferry Now,” shouted, “We will not "
            "wait another winter!”")
    got = attribute_paragraphs([text])
    assert got[-1]["speaker"] == "Ana Ruiz"
    # a verb with its own subject between the quotations is not this reading
    text = ("Ana Ruiz waved a flag bearing the words, “Ferry Now,” and the crowd shouted, “We will "
            "not wait another winter!”")
    assert attribute_paragraphs([text])[-1]["speaker"] != "Ana Ruiz"


def test_a_voice_in_a_text_keeps_the_text_in_its_label():
    got = speakers(['"Who pays for the ferry?" a narrator in the Harbour Party ad asks.'])
    assert got == ["a narrator in the Harbour Party ad"]
    # where someone stood is still left out of the label
    got = speakers(['"Who pays for the ferry?" a passenger in the front row asked.'])
    assert got == ["a passenger"]


# -- a crowd described by its number ----------------------------------------------------------

def test_a_crowd_described_by_its_number_speaks_as_one():
    mention = read_phrase("Dozens of pro-ferry protesters")
    assert mention is not None and is_crowd(mention) and mention.plural
    assert read_phrase("Dozens of boats") is None or not is_crowd(read_phrase("Dozens of boats"))
    got = speakers(["Dozens of pro-ferry protesters marched along the quay on Monday, chanting "
                    '"Ferry Now, Not Later," as the council met.'])
    assert got == ["Dozens of pro-ferry protesters"]


def test_a_lone_surname_the_paragraph_also_uses_as_a_place_does_not_act():
    text = "Houston voted first, and the count in Houston ran late."
    assert not acts(text, _mention(text, "Houston"))

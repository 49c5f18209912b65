"""Each sieve alone, and the mention reader and the people resolver it hands over to."""

from __future__ import annotations

import pytest

from app.narration.attribution.mentions import Mention, read_phrase
from app.narration.attribution.people import People
from app.narration.attribution.sieves import (
    Context,
    according_to,
    colon_intro,
    leading_cue,
    trailing_cue,
    transcript_label,
)


def named(cue) -> str | None:
    if cue is None:
        return None
    m = cue.mention
    return m.name or m.text


@pytest.mark.parametrize(("after", "who"), [
    (", said Lea Moss.", "Lea Moss"),
    (", Lea Moss said.", "Lea Moss"),
    (", said Sgt. Lea Moss of the county police.", "Lea Moss"),
    (", Mr. Moss, a retired pilot, said in an interview.", "Moss"),
    (", bus driver Lea Moss told reporters.", "Lea Moss"),
    (", Rep. Lea Moss (D-Ore.) said.", "Lea Moss"),
    (", she added.", "she"),
    (", said a spokeswoman for the depot, Lea Moss.", "Lea Moss"),
    (", according to Lea Moss.", "Lea Moss"),
])
def test_trailing_cue_finds_the_speaker_after_the_quote(after, who):
    assert named(trailing_cue(Context("", after))) == who


@pytest.mark.parametrize("after", [
    ", promising the Friends of the Park a reply.",  # a participle's object, not a speaker
    " The mayor said the road would close.",  # a new sentence, not a cue
    " and the rain kept falling.",
])
def test_trailing_cue_is_not_fooled(after):
    assert trailing_cue(Context("", after, ended=after.startswith(" The"))) is None


@pytest.mark.parametrize(("before", "who"), [
    ("Lea Moss said: ", "Lea Moss"),
    ("Lea Moss, a nurse, told the crowd at the town hall: ", "Lea Moss"),
    ("He also vowed, ", "He"),
    ("The crowd had gone home when Lea Moss said, ", "Lea Moss"),
    ("Moss went to the window, Moss said, adding: ", "Moss"),
    ("Said Lea Moss, who runs the shop, ", "Lea Moss"),
])
def test_leading_cue_finds_the_subject_of_the_verb_before_the_quote(before, who):
    assert named(leading_cue(Context(before, ""))) == who


def test_according_to_before_the_quote():
    assert named(according_to(Context("According to Lea Moss, ", ""))) == "Lea Moss"


def test_colon_introduction_without_a_speech_verb():
    assert named(colon_intro(Context("The rain stopped. Lea Moss, briefly: ", ""))) == \
        "Lea Moss"
    assert colon_intro(Context("The rain stopped. ", "")) is None


@pytest.mark.parametrize(("phrase", "kind", "name", "gender"), [
    ("Republican strategist Lea Moss", "name", "Lea Moss", ""),
    ("Mrs. Moss", "name", "Moss", "f"),
    ("Vermont Sen. Tom Bale", "name", "Tom Bale", ""),
    ("the spokeswoman", "nominal", None, "f"),
    ("a spokesperson for Harbour Ferries", "org", "Harbour Ferries", ""),
    ("the Water Board", "org", "Water Board", ""),
    ("she", "pronoun", None, "f"),
])
def test_read_phrase_tells_kind_name_and_gender(phrase, kind, name, gender):
    m = read_phrase(phrase)
    assert m is not None and (m.kind, m.name, m.gender) == (kind, name, gender)


def test_people_surname_and_pronoun_resolution():
    people = People()
    lea = people.add(Mention("name", "Lea Moss", "Lea Moss", "f"), (0, 0, 0), True)
    tom = people.add(Mention("name", "Tom Bale", "Tom Bale", "m"), (0, 1, 40), True)
    assert people.find("Moss") is lea and people.find("Bale") is tom
    assert people.pronoun("f", (1, 0, 0)) is lea
    assert people.pronoun("m", (1, 0, 0)) is tom
    assert people.pronoun("m", (9, 0, 0)) is None  # too far back: no one


def test_people_description_finds_the_person_with_that_title():
    people = People()
    sen = people.add(Mention("name", "Sen. Tom Bale", "Tom Bale", titled=True), (0, 0, 0))
    assert people.by_role("senator", (1, 0, 0)) is sen
    assert people.by_role("mayor", (1, 0, 0)) is None


@pytest.mark.parametrize(("before", "who"), [
    ("The row grew so loud that Harbour Commissioner Lea Moss said, ", "Lea Moss"),
    ("Tom Bale, head of the Ferry Workers Union stated, ", "Tom Bale"),
    ("In a talk with the reporter Ann Cole, Bale said he would stay and added, ", "Bale"),
    ("Bale gave a sharp retort to the board, telling them, ", "Bale"),
])
def test_leading_cue_subject_in_longer_sentences(before, who):
    assert named(leading_cue(Context(before, ""))) == who


@pytest.mark.parametrize(("after", "who"), [
    (", the depot's night manager, Lea Moss, said in an interview.", "Lea Moss"),
    (", Moss, the longest-serving driver on the route and a union delegate since the strike "
     "of the late nineties, said when asked.", "Moss"),
])
def test_trailing_cue_with_appositions(after, who):
    assert named(trailing_cue(Context("", after))) == who


def test_transcript_label_names_the_speaker():
    assert named(transcript_label(Context("", "", inner="MOSS: We stayed open."))) == "Moss"
    assert transcript_label(Context("", "", inner="We stayed open: all night.")) is None


def test_names_in_any_cased_script():
    assert named(trailing_cue(Context("", ", said Ana Łukasiewicz."))) == "Ana Łukasiewicz"


def test_infinitive_speech_verb_takes_the_clauses_subject():
    assert named(leading_cue(Context("Lea Moss laughed, but went on to say, ", ""))) == \
        "Lea Moss"


def test_a_time_can_end_the_sentence_before_a_cue():
    got = leading_cue(Context("Bale says he will wait until 7 p.m. He says ", ""))
    assert got is not None and got.mention.kind == "pronoun"


@pytest.mark.parametrize(("run", "name"), [
    ("Democrat Ann Cole", "Ann Cole"),
    ("Retired Harbour Police Sgt. Lea Moss", "Lea Moss"),
    ("Republican National Convention", "Republican National Convention"),
    ("Republican National Committeeman", None),
])
def test_clean_name_drops_descriptions_before_a_name(run, name):
    from app.narration.attribution.mentions import clean_name
    assert clean_name(run)[0] == name


@pytest.mark.parametrize(("after", "who"), [
    (" Lea Moss said.", "Lea Moss"),
    (" She told reporters on Monday.", "She"),
    (" Moss wrote in a statement.", "Moss"),
])
def test_trailing_cue_takes_a_sentence_of_only_a_subject_and_its_verb(after, who):
    assert named(trailing_cue(Context("", after, ended=True))) == who


def test_trailing_cue_leaves_a_new_sentence_with_its_own_object():
    assert trailing_cue(Context("", " Lea Moss said that the pier would close.",
                                ended=True)) is None


def test_a_capitalised_participle_is_not_part_of_a_name():
    from app.narration.attribution.mentions import clean_name
    assert clean_name("Following Moss")[0] == "Moss"
    assert clean_name("Regarding Lea Moss")[0] == "Lea Moss"
    assert clean_name("Sterling Moss")[0] == "Sterling Moss"  # a first name
    assert clean_name("Gosling")[0] == "Gosling"  # alone: a surname


def test_a_name_describing_the_next_name_is_not_the_subject():
    from app.narration.attribution.mentions import name_mentions
    first, second = name_mentions("Quist spokeswoman Lea Moss criticised the plan.")
    assert first.name == "Quist" and first.after_preposition and not first.speaks
    assert second.name == "Lea Moss" and second.gender == "f"


@pytest.mark.parametrize(("before", "who"), [
    ("Here's Lea Moss in the spring of 1998: ", "Lea Moss"),
    ("More from Moss: ", "Moss"),
    ("The closure of Quist's depot does not surprise union organiser Lea Moss: ", "Lea Moss"),
])
def test_colon_introduction_without_a_person_subject_takes_the_nearest_name(before, who):
    assert named(colon_intro(Context(before, ""))) == who


@pytest.mark.parametrize(("after", "who"), [
    (", Scott Roe, the harbour master of Leith, one of the ports closed, said on Monday.",
     "Scott Roe"),
    (", Ann Roe, 35, the daughter of the founder, said.", "Ann Roe"),
])
def test_trailing_cue_reads_a_name_through_its_appositions(after, who):
    assert named(trailing_cue(Context("", after))) == who


def test_leading_cue_reads_a_name_whose_apposition_is_not_closed():
    before = "Sam Lau, the spokesman for the Leith Ferry Company said in a statement. "
    assert named(leading_cue(Context(before, ""))) == "Sam Lau"


@pytest.mark.parametrize(("before", "who"), [
    ("Lea Moss defended the decision, calling the protester ", "Lea Moss"),
    ("And Moss called Quist ", "Moss"),
])
def test_leading_cue_takes_a_naming_verb_when_no_speech_verb_leads_in(before, who):
    assert named(leading_cue(Context(before, ""))) == who


def test_leading_cue_gives_a_relative_clause_to_the_name_it_follows():
    before = "Among the replies was this one from Rikkie Moss, who wrote, "
    assert named(leading_cue(Context(before, ""))) == "Rikkie Moss"


def test_a_name_speaks_through_its_relative_clause():
    from app.narration.attribution.mentions import name_mentions
    (m,) = name_mentions("It was backed by Lea Moss, who said the pier was safe.")
    assert m.speaks


@pytest.mark.parametrize(("before", "who"), [
    ("Some fans shouted at the stewards, with Quist reportedly yelling: ", "Quist"),
    ("In December, a woman in the back row at the meeting in Leith asked: ", "a woman"),
    ("The crowd cheered Nicky Roe, 24, from Leith, who said ", "Nicky Roe"),
    ("On Monday the plan won praise from Lea Moss, who declared, ", "Lea Moss"),
    ("Ferry users agree - Lea Moss: ", "Lea Moss"),
])
def test_leading_cue_finds_the_subject_in_longer_sentences(before, who):
    assert named(leading_cue(Context(before, ""))) == who


def test_leading_cue_reads_a_pronoun_after_a_conjunction_and_comma():
    assert named(leading_cue(Context("But, she told the harbour board, ", ""))) == "she"


def test_a_possessive_pronoun_s_campaign_speaks_for_its_person():
    from app.narration.attribution.mentions import read_phrase
    m = read_phrase("her campaign")
    assert m.kind == "pronoun" and m.gender == "f"
    assert read_phrase("his lawyers").gender == "m"


def test_an_introductory_phrase_of_place_is_not_the_subject():
    before = "On Radio Leith, she answered one of the mayor's claims by saying, "
    assert named(leading_cue(Context(before, ""))) == "she"


def test_reported_speech_ending_the_paragraph_before_names_the_speaker():
    from app.narration.attribution.sieves import reported_speech
    cue = reported_speech(Context("The talks ran late. Lea Moss said the pier would stay shut.",
                                  ""))
    assert named(cue) == "Lea Moss"
    assert reported_speech(Context("The talks ran late into the night.", "")) is None


def test_a_quote_only_paragraph_after_reported_speech_goes_to_its_speaker():
    from app.narration.quotes import attribute_paragraphs
    paragraphs = ["Ines Varga said the ferry timetable had been cut without warning.",
                  '"Nobody asked the islanders."']
    assert [q["speaker"] for q in attribute_paragraphs(paragraphs)] == ["Ines Varga"]


def test_leading_cue_skips_a_verb_in_a_clause_of_time():
    assert named(leading_cue(Context('"Fine," Lea Moss said after Quist spoke. ', ""))) == \
        "Lea Moss"


def test_a_place_after_a_place_s_comma_does_not_speak():
    from app.narration.attribution.mentions import name_mentions
    ms = name_mentions("Her son was hurt in Leith, Scotland, in 2012, said the report.")
    assert [m.name for m in ms] == ["Leith", "Scotland"]
    assert all(m.after_preposition and not m.speaks for m in ms)


def test_a_speech_verb_in_a_clause_of_time_does_not_make_a_speaker():
    from app.narration.attribution.mentions import name_mentions
    (m,) = name_mentions("The mayor hesitated when Quist asked about the budget.")
    assert not m.speaks


def test_a_subject_after_an_opening_place_phrase_still_speaks():
    from app.narration.attribution.mentions import name_mentions
    place, person = name_mentions("During a visit to Leith, Ann Quist said the pier was safe.")
    assert place.after_preposition and not person.after_preposition and person.speaks


@pytest.mark.parametrize(("phrase", "role", "label"), [
    ("Protesters marching through the square", "protesters", "Protesters"),
    ("Ann Quist's son", "son", "Ann Quist's son"),
])
def test_plural_and_possessive_descriptions_are_people(phrase, role, label):
    from app.narration.attribution.mentions import is_personal, read_phrase
    m = read_phrase(phrase)
    assert m.kind == "nominal" and m.role == role and m.text == label and is_personal(m)


def test_leading_cue_takes_the_absolute_subject_of_two_joined_participles():
    before = 'Fans joined in, with Lea Moss posting that it was "a disgrace" and asking, '
    assert named(leading_cue(Context(before, ""))) == "Lea Moss"

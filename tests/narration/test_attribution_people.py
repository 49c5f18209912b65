"""Mention-to-person resolution: first-name data, and pronouns by salience."""

from __future__ import annotations

from app.narration.attribution import analyse, person_sex
from app.narration.attribution.lexicons import lexicon_for
from app.narration.attribution.mentions import Mention
from app.narration.attribution.namelists import (
    first_name_sex,
    is_first_name,
    is_surname,
    looks_personal,
)
from app.narration.attribution.people import People, described_sex
from app.narration.quotes import attribute_paragraphs


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q["speaker"] for q in attribute_paragraphs(paragraphs)]


def test_first_names_tell_a_likely_sex_and_shared_names_tell_nothing():
    assert first_name_sex("Margaret") == "f"
    assert first_name_sex("Gordon") == "m"
    assert first_name_sex("Casey") == ""  # given to girls and boys alike
    assert first_name_sex("Larkin") == ""
    assert is_first_name("margaret") and not is_first_name("Tuesday")


def test_a_name_reads_as_personal_by_its_first_name_or_surname():
    assert looks_personal("Margaret Oduya")
    assert looks_personal("Tomasz Miller")
    assert not looks_personal("Crimson Tide")
    assert not looks_personal("Miller")


def test_a_pronoun_skips_a_person_whose_first_name_disagrees():
    people = People()
    people.add(Mention("name", "Gordon Pike", "Gordon Pike"), (0, 0, 0), True)
    people.add(Mention("name", "Margaret Oduya", "Margaret Oduya"), (0, 1, 40), True)
    people.add(Mention("name", "Gordon Pike", "Gordon Pike"), (0, 2, 80), True)
    assert people.pronoun("f", (1, 0, 0)).name == "Margaret Oduya"
    assert people.pronoun("m", (1, 0, 0)).name == "Gordon Pike"


def test_the_text_outranks_the_first_name():
    # a first name mostly given to girls, but the text says "he"
    assert speakers(['Shirley Okafor opened the gate. "Come in," he said.']) == [
        "Shirley Okafor"]


def test_a_chain_of_narration_pronouns_keeps_its_person():
    paragraphs = [
        "Margaret Oduya runs the ferry. At the pier on Monday, she spoke about the winter "
        "timetable. She also criticised the council, telling the Harbour Board that Gordon Pike "
        "had promised more boats.",
        '"We were told there would be four crossings a day," she said.',
    ]
    assert speakers(paragraphs) == ["Margaret Oduya"]


def test_a_subject_pronoun_outranks_a_name_later_in_its_sentence():
    paragraphs = [
        "Ines Varga said the lake had been cleaned. She thanked Gordon Pike for the boats.",
        '"Nobody thought it could be done," she said.',
    ]
    assert speakers(paragraphs) == ["Ines Varga"]




def test_an_indefinite_description_is_a_new_speaker_named_by_it():
    paragraphs = [
        'Ferry captain Ines Varga said the crossing was safe. "We sail in any weather," '
        "she said.",
        '"I was sick the whole way," one passenger shouted.',
    ]
    assert speakers(paragraphs) == ["Ines Varga", "one passenger"]


def test_a_definite_description_finds_the_described_speaker_again():
    paragraphs = [
        '"The pier is closed," said a harbour official.',
        "Boats were turned back all morning.",
        '"It will open on Friday," the official added.',
    ]
    assert speakers(paragraphs) == ["a harbour official", "a harbour official"]


def test_a_description_is_not_the_person_whose_name_it_carries():
    paragraphs = [
        'Mayor Ada Quist spoke at noon. "We will rebuild," Quist said.',
        '"She has no plan," said one Quist adviser.',
    ]
    assert speakers(paragraphs) == ["Ada Quist", "one Quist adviser"]


def test_a_statement_is_no_speaker_of_its_own():
    from app.narration.attribution.mentions import is_personal, read_phrase
    assert not is_personal(read_phrase("the statement"))
    assert is_personal(read_phrase("the passengers"))


def test_an_unresolved_pronoun_cue_is_not_given_the_previous_speaker():
    paragraphs = [
        '"We will not move," said Ines Varga.',
        '"We will see about that," they said.',
    ]
    assert speakers(paragraphs) == ["Ines Varga", None]


def test_a_title_in_a_name_is_a_role_the_person_is_found_by_again():
    paragraphs = [
        "Former Leith Gov. Ann Quist opened the bridge on Monday.",
        '"We waited a long time," said bus driver Tom Reyes.',
        '"It took eleven years," the former governor said.',
    ]
    assert speakers(paragraphs) == ["Tom Reyes", "Ann Quist"]


def test_where_a_described_speaker_stood_is_not_part_of_the_description():
    assert speakers(['"Will she run again?" a council staffer in the room wondered.']) == [
        "a council staffer"]


def test_a_newspaper_named_with_an_adjective_keeps_its_whole_name():
    assert speakers(['According to the Daily Courier, "the depot will close in May."']) == [
        "Daily Courier"]


def test_a_possessive_name_is_not_the_subject_a_pronoun_means():
    paragraphs = [
        "Gordon Quist's plan for the harbour worries residents, Tom Reyes said on Monday.",
        '"Nobody asked us," he said.',
    ]
    assert speakers(paragraphs) == ["Tom Reyes"]


def test_a_stage_direction_is_no_signature_but_a_titled_name_is():
    assert speakers(['"We will be back," the crowd heard.', "Applause."]) == [None]
    assert speakers(['"Thank you all for coming."', "— President Quist."]) == ["Quist"]


def test_a_paragraph_naming_someone_else_is_not_the_last_speaker_s_next_turn():
    paragraphs = [
        '"We sang it every night," said Lea Moss.',
        '"Nobody sings it now." The song was written by Tom Reyes in 1990.',
    ]
    assert speakers(paragraphs) == ["Lea Moss", None]


def test_a_surname_or_paper_name_spelt_like_a_describing_noun_is_still_a_name():
    assert speakers(['"We open at nine," said Lea Farmer.']) == ["Lea Farmer"]
    assert speakers(['According to the Morning Observer, "the depot will close."']) == [
        "Morning Observer"]


def test_a_pronoun_prefers_someone_known_to_be_a_person_over_a_capitalised_place():
    paragraphs = [
        "Gordon Pike spoke at the harbour. Crimson Tide welcomed the ferry.",
        '"The water was very calm," he said.',
    ]
    assert speakers(paragraphs) == ["Gordon Pike"]


def test_an_object_her_does_not_make_a_man_a_woman():
    paragraphs = [
        "Inspector Kevin Pike said the closure was hurting her in the polls, meaning the "
        "mayor.",
        '"Everybody thought she was unbeatable," he said.',
    ]
    assert speakers(paragraphs) == ["Kevin Pike"]


def test_the_first_name_is_found_behind_words_before_it():
    from app.narration.attribution.people import Person
    assert Person("Harbour Master Kevin Pike").sex == "m"
    assert Person("Crimson Tide").sex == ""


def test_a_name_after_a_preposition_counts_when_described_as_a_person():
    paragraphs = [
        "Gordon Pike opened the fair. The loudest costume came courtesy of Wes Okoro, a "
        "delegate from the harbour board.",
        '"It took a week to sew," he said.',
    ]
    assert speakers(paragraphs) == ["Wes Okoro"]


def test_a_crowd_described_by_a_plural_is_its_own_speaker():
    assert speakers(['Protesters marching through the square chanted "Open the pier!"']) == [
        "Protesters"]


def test_a_pronoun_goes_against_a_first_name_only_for_someone_just_written_about():
    paragraphs = [
        "Gordon Pike opened the new pier on Monday.",
        "The work took three years.",
        "Boats were already waiting.",
        '"It is a good day for the island," she said.',
    ]
    assert speakers(paragraphs) == [None]


def test_a_no_break_space_inside_a_cue_is_a_space():
    paragraphs = ["After the vote, Ann Quist issued a\u00a0statement, \u201cWe will appeal.\u201d"]
    (q,) = attribute_paragraphs(paragraphs)
    assert q["speaker"] == "Ann Quist"
    assert paragraphs[0][q["start"]:q["end"]] == "We will appeal."


# -- what sex a person is taken to be (one owner: people.person_sex) ---------------------------

def test_person_sex_takes_the_texts_word_first_then_the_first_name():
    assert person_sex("Greta Holm") == "f" and person_sex("Tobias Lind") == "m"
    assert person_sex("Greta Holm", told="m") == "m"  # the article said "he": it wins
    assert person_sex("Tobias Lind", told="f") == "f"
    assert person_sex("Casey Brandt") == ""  # a first name given to girls and boys alike
    assert person_sex("Qwendolin Brask") == ""  # not a first name of the lists
    assert person_sex("") == "" and person_sex("", told="f") == "f"


def test_person_sex_reads_the_first_first_name_past_titles_and_roles():
    assert person_sex("Dr Greta Holm") == "f"
    assert person_sex("Harbour Master Tobias Lind") == "m"
    assert person_sex("Marine Tobias Lind") == "m"  # a word of service, then the first name
    assert person_sex("Marine Dufresne") == "f"  # the first name Marine


def test_person_sex_guesses_nothing_from_one_word():
    assert person_sex("Greta") == "" and person_sex("Holm") == ""
    assert person_sex("Holm", told="f") == "f"


def test_person_sex_looks_first_names_up_without_their_accents():
    assert person_sex("José Ortega") == person_sex("Jose Ortega") == "m"
    assert person_sex("Zoë Marsh") == "f" and person_sex("Inés Prado") == "f"
    assert person_sex("René Aubert") == "m"
    assert is_first_name("Zoë") and not is_surname("Zoë")


def test_person_sex_knows_first_names_the_1990_census_lacks():
    # common in Britain and Ireland now, or in the other languages Hark narrates
    assert person_sex("Liam Cottle") == "m" and person_sex("Aoife Brennan") == "f"
    assert person_sex("Jürgen Maas") == "m" and person_sex("Søren Dahl") == "m"
    assert person_sex("Małgorzata Wrona") == "f" and person_sex("Élodie Brun") == "f"


def test_a_role_word_anywhere_in_the_article_tells_a_speakers_sex_in_other_languages():
    # the role word is in a sentence of its own, not in the quote's cue
    _found, genders = analyse(["Der Rat tagte am Montag. Bürgermeisterin Eike Vogel kam spät.",
                               "„Wir bauen weiter“, sagte Vogel."], language="de")
    assert genders == {"Eike Vogel": "f"}
    _found, genders = analyse(["Der Rat tagte am Montag. Eike Vogel, der Kämmerer, kam spät.",
                               "„Wir bauen weiter“, sagte Vogel."], language="de")
    assert genders == {"Eike Vogel": "m"}
    _found, genders = analyse(["El pleno votó el lunes. La alcaldesa Noa Ruiz llegó tarde.",
                               "«Seguiremos», dijo Ruiz."], language="es")
    assert genders == {"Noa Ruiz": "f"}


def test_described_sex_reads_titles_and_describing_words_next_to_the_name():
    assert described_sex("Later, Ms Holm spoke.", "Tobias Holm") == "f"
    assert described_sex("Tobias Holm, the club's chairwoman, spoke.", "Tobias Holm") == "f"
    assert described_sex("fans will miss Holm", "Greta Holm") == ""  # a verb, not a title
    assert described_sex("Greta Holm, whose son was hurt, spoke.", "Greta Holm") == ""
    assert described_sex("Frau Vogel kam.", "Eike Vogel", lexicon_for("de")) == "f"
    assert described_sex("Eike Vogel, die neue Bürgermeisterin, kam.", "Eike Vogel",
                         lexicon_for("de")) == "f"


def test_analyse_tells_only_what_the_text_says_not_the_first_name():
    # the first name is person_sex's to add, for a voice
    _found, genders = analyse(['"We are ready," said Greta Holm.'])
    assert genders == {"Greta Holm": ""}
    assert person_sex("Greta Holm", genders["Greta Holm"]) == "f"


def test_the_article_of_a_one_form_noun_tells_the_sex_in_romance_languages():
    fr, es, de = lexicon_for("fr"), lexicon_for("es"), lexicon_for("de")
    assert described_sex("La maire Dominique Leroy a répondu.", "Dominique Leroy", fr) == "f"
    assert described_sex("Le maire Dominique Leroy a répondu.", "Dominique Leroy", fr) == "m"
    assert described_sex("Dominique Leroy, la ministre de la Culture, a répondu.",
                         "Dominique Leroy", fr) == "f"
    assert described_sex("Dominique Leroy, maire de Rennes, a répondu.",
                         "Dominique Leroy", fr) == ""  # no article: nothing told
    assert described_sex("Habló la portavoz Noa Ruiz.", "Noa Ruiz", es) == "f"
    # German one-form nouns have a grammatical gender of their own ("die Person")
    assert described_sex("Die Person Eike Vogel kam.", "Eike Vogel", de) == ""
    _found, genders = analyse(["« Nous sommes prêts », a déclaré la maire Dominique Leroy."],
                              language="fr")
    assert genders == {"Dominique Leroy": "f"}

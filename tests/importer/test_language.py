"""An article's language: detected from its text, with the page's declaration winning ties."""

import pytest

from app.importer import import_document
from app.importer.language import MIN_LETTERS, detect_language, primary_subtag

from ..conftest import FIXTURES, make_app

LANGUAGES = FIXTURES / "articles" / "languages"

# One news sentence per language, written for these tests.
SENTENCES = {
    "en": "The council approved the new footbridge on Tuesday after two years of work.",
    "de": "Der Stadtrat hat die neue Fußgängerbrücke am Dienstag nach zwei Jahren freigegeben.",
    "fr": "Le conseil municipal a inauguré mardi la nouvelle passerelle après deux ans de travaux.",
    "es": "El ayuntamiento inauguró el martes la nueva pasarela tras dos años de obras.",
    "it": "Il comune ha inaugurato martedì la nuova passerella dopo due anni di lavori.",
    "pt": "A câmara inaugurou na terça-feira a nova ponte pedonal depois de dois anos de obras.",
    "nl": "De gemeente heeft dinsdag de nieuwe voetgangersbrug geopend na twee jaar bouwen.",
    "pl": "Władze miasta otworzyły we wtorek nową kładkę dla pieszych po dwóch latach budowy.",
    "ru": "Во вторник городские власти открыли новый пешеходный мост после двух лет работ.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_one_sentence_is_enough_to_tell_the_language(lang):
    assert detect_language(SENTENCES[lang], None) == lang


def test_the_text_wins_over_a_declaration_it_plainly_contradicts():
    # A site template that says lang="en" on every page, around a German article.
    assert detect_language(SENTENCES["de"], "en-US") == "de"


def test_a_declaration_the_detector_nearly_agrees_with_wins_the_tie():
    # Croatian, Bosnian and Serbian share most words: the page knows which it is.
    text = ("Novi most preko rijeke otvoren je u utorak, a gradonačelnik je zahvalio "
            "svim radnicima na trudu.")
    assert detect_language(text, None) == "hr"
    assert detect_language(text, "bs-BA") == "bs"
    assert detect_language(text, "sl") == "hr"  # Slovenian: no tie, the detector decides


def test_a_short_text_takes_the_declaration_then_the_site_language(tmp_path):
    short = "Brücke offen"
    assert len(short) < MIN_LETTERS
    assert detect_language(short, "de_DE") == "de"
    assert detect_language(short, None, default="fr") == "fr"
    assert detect_language(short, None) == "en"  # outside an app
    app = make_app(tmp_path, SITE_LANGUAGE="nl-BE")
    with app.app_context():
        assert detect_language(short, None) == "nl"


@pytest.mark.parametrize("tag, primary", [("en-GB", "en"), ("fr_FR", "fr"), ("pt-br", "pt"),
                                          ("DE", "de"), ("no", "nb"), ("", None), ("*", None)])
def test_declarations_are_read_as_bcp47_primary_subtags(tag, primary):
    assert primary_subtag(tag) == primary


@pytest.mark.parametrize("name, lang", [("de-bruecke.html", "de"), ("de-bruecke.txt", "de"),
                                        ("fr-quartier.html", "fr"), ("fr-quartier.txt", "fr"),
                                        ("es-puente.txt", "es"), ("it-passerella.txt", "it"),
                                        ("pt-ponte.txt", "pt"), ("nl-brug.txt", "nl"),
                                        ("pl-kladka.txt", "pl"), ("ru-most.txt", "ru"),
                                        ("tl-tulay.txt", "tl")])
def test_imported_articles_carry_their_language(name, lang):
    doc = import_document((LANGUAGES / name).read_bytes(), filename=name)
    assert doc.language == lang


def test_a_page_declaring_english_around_a_german_article_is_german():
    page = (LANGUAGES / "de-bruecke.html").read_text().replace('lang="de"', 'lang="en"')
    assert import_document(page.encode(), filename="page.html").language == "de"

"""A quote in another language than its article's is marked with its own language."""

from __future__ import annotations

from app.importer.article import Block
from app.narration.quotes import analyse_blocks, quote_language


def quotes(language: str, *paragraphs: str) -> list[tuple[str | None, str | None]]:
    segments, _ = analyse_blocks([Block("paragraph", p) for p in paragraphs], language,
                                 quote_languages=True)
    return [(s.speaker, s.language) for s in segments if s.quote]


def test_an_english_quote_in_a_german_article_is_marked_english():
    assert quotes("de", "„We are very proud of everyone who worked on this bridge“, sagte "
                  "die Ingenieurin Jane Moore.",
                  "„Wir sind sehr stolz auf alle, die an dieser Brücke gearbeitet haben“, "
                  "sagte Bürgermeister Karl Vogt.") == [("Jane Moore", "en"),
                                                        ("Karl Vogt", None)]


def test_a_french_quote_in_an_english_article_is_marked_french():
    assert quotes("en", "“Nous sommes très fiers de ce pont et de ceux qui l’ont construit,” "
                  "said the mayor, Anne Roux.") == [("Anne Roux", "fr")]


def test_short_or_unsure_quotes_keep_the_articles_language():
    assert quote_language("Merci beaucoup", "en") is None  # too few words to judge
    assert quote_language("The bridge opens on Tuesday at ten in the morning", "en") is None
    assert quote_language("Die Brücke wird am Dienstag um zehn Uhr eröffnet", "de") is None
    assert quote_language("Die Brücke wird am Dienstag um zehn Uhr eröffnet", "en") == "de"


def test_quote_languages_are_asked_for_only():
    # narration's default: no detector model loaded, every quote in the article's language
    segments, _ = analyse_blocks([Block("paragraph", "„We are very proud of everyone who "
                                        "worked on this bridge“, sagte Jane Moore.")], "de")
    assert [s.language for s in segments if s.quote] == [None]

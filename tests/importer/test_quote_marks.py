"""Quotation marks of any language never make a paragraph look like boilerplate (issue 15)."""

import pytest

from app.importer import import_document

FRENCH = [
    "Les travaux du pont de Kerhuon s'achèveront en avril, a annoncé la mairie mardi soir.",
    "« C'est une étape importante pour tout le quartier. Nous l'attendions depuis dix ans. »",
    "Les cyclistes disposeront d'une voie séparée sur le nouvel ouvrage, long de 300 mètres.",
]
GERMAN = [
    "Die Bauarbeiten an der Lahnbrücke sollen im April abgeschlossen sein, teilte die Stadt mit.",
    "„Wir sind stolz auf dieses Bauwerk. Es hat lange gedauert.“",
    "Radfahrer bekommen eine eigene Spur, und die Busse der Linie 12 fahren wieder wie früher.",
]
# French typography puts a (narrow) no-break space inside the guillemets
SPACES = [" ", "\u00a0", "\u202f"]


def _whole_page_paste(paragraphs: list[str], crumbs: str) -> str:
    return "\n\n".join([crumbs, "Le pont ouvrira au printemps", "3 mars 2026", *paragraphs,
                        "Partager", "À lire aussi"])


@pytest.mark.parametrize("space", SPACES)
def test_french_paste_keeps_a_paragraph_quoted_in_guillemets_and_the_one_after(space):
    paragraphs = [p.replace("« ", f"«{space}").replace(" »", f"{space}»") for p in FRENCH]
    article = import_document(_whole_page_paste(paragraphs, "Accueil » Actualités » Brest"))
    assert article.paragraphs == FRENCH  # every paragraph, its spaces made plain


def test_german_paste_keeps_a_paragraph_quoted_in_low_high_marks():
    article = import_document(_whole_page_paste(GERMAN, "Startseite » Region » Gießen"))
    assert article.paragraphs == GERMAN


@pytest.mark.parametrize("paragraphs", [FRENCH, GERMAN])
def test_html_page_keeps_quoted_paragraphs_of_either_language(paragraphs):
    page = ("<html><head><title>Pont</title></head><body><article><h1>Le pont</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    assert import_document(page).paragraphs == paragraphs

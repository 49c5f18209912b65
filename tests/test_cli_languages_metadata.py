"""`inspect` on the articles in other languages: their byline and date, pasted and as pages."""

import json

import pytest

from .conftest import FIXTURES

LANGUAGES = FIXTURES / "articles" / "languages"
WRITTEN = {  # slug -> (byline, date) as each article's text gives them
    "de-bruecke": ("Katrin Hoffmann", "2024-05-14"), "fr-quartier": ("Claire Morvan", "2024-03-08"),
    "es-puente": ("Lucía Martín", "2024-06-12"), "it-passerella": ("Giulia Ferri", "2024-10-03"),
    "nl-brug": ("Sanne de Vries", "2024-04-09"), "pl-kladka": ("Anna Nowak", "2024-05-15"),
    "pt-ponte": ("Ana Sousa", "2024-05-21"), "ru-most": ("Ольга Смирнова", "2024-05-16"),
}
PAGES = {"de-bruecke": "de-bruecke-page.html", "fr-quartier": "fr-quartier-page.html"}


@pytest.mark.parametrize("name", [f"{slug}.txt" for slug in WRITTEN]
                         + [PAGES.get(slug, f"{slug}.html") for slug in WRITTEN])
def test_inspect_gives_the_byline_and_date_of_an_article_in_another_language(runner, name):
    result = runner.invoke(args=["inspect", str(LANGUAGES / name)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    byline, published = WRITTEN[name.split(".")[0].removesuffix("-page")]
    assert data["byline"] == byline
    assert data["published"] == published
    assert not any(byline in p for p in data["paragraphs"])  # a byline, not a paragraph

"""Metadata: title, byline, date, site, language and lead-image alt text."""

from app.importer import import_document

from ..conftest import FIXTURES

PAGES = FIXTURES / "importer"


def test_news_page_metadata():
    article = import_document((PAGES / "news_figure.html").read_bytes())
    assert article.title == "Harbour ferry returns after winter repairs"
    assert article.byline == "Priya Lindqvist"
    assert article.published == "2026-03-14"
    assert article.site_name == "The Coastal Gazette"
    assert article.language == "en"
    assert article.image_alt == "The ferry Marigold leaving the north quay at dawn"


def test_site_name_is_cut_from_the_title_tag():
    article = import_document((PAGES / "magazine_chunks.html").read_bytes())
    assert article.title == "The quiet return of the night train"
    assert article.site_name == "Rails Monthly"


def test_page_without_metadata_gets_title_from_markup():
    story = " ".join(["The council met on Tuesday to discuss the new bus timetable."] * 8)
    html = f"<html><body><h1>Buses to run later</h1><p>{story}</p><p>{story}</p></body></html>"
    article = import_document(html)
    assert article.title == "Buses to run later"
    assert article.byline is None and article.published is None
    assert article.paragraphs[0].startswith("The council met")

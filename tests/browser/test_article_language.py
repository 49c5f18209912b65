"""Articles in eight languages in a real browser: `lang` where it belongs, and axe-core passes.

The page itself is in the site's language (its menus and buttons); the title, the transcript and
the text carry the article's; a quotation in a third language carries its own, and the
transcript's "Narrator" label, a word of the interface, the site's.
"""

import threading

import pytest
from werkzeug.serving import make_server

from app.jobs import run_pending

from ..conftest import FIXTURES, make_app
from .conftest import axe_violations

LANGUAGES = FIXTURES / "articles" / "languages"
# (fixture, language, a word of its body); HTML pages and pastes both
ARTICLES = [("de-bruecke.html", "de", "Brücke"), ("fr-quartier.txt", "fr", "médiathèque"),
            ("es-puente.html", "es", "puente"), ("it-passerella.txt", "it", "passerella"),
            ("pt-ponte.html", "pt", "ponte"), ("nl-brug.txt", "nl", "brug"),
            ("pl-kladka.html", "pl", "kładka"), ("ru-most.txt", "ru", "мост")]
# A German article quoting an English visitor in English (text written for this test).
MIXED = """Britischer Architekt lobt die neue Brücke

Die neue Brücke über die Lahn hat auch im Ausland Aufmerksamkeit gefunden. Am Samstag besuchte
eine Gruppe von Architekten aus Manchester die Baustelle und ließ sich die Konstruktion erklären.

„This bridge shows what a small town can build when everyone pulls in the same direction“,
sagte der Architekt James Holloway nach dem Rundgang.

Die Stadt will die Pläne im Herbst auf einer Fachtagung in Frankfurt vorstellen.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("languages")
    app = make_app(tmp)
    runner = app.test_cli_runner()
    mixed = tmp / "de-mixed.txt"
    mixed.write_text(MIXED, encoding="utf-8")
    for path in [*(LANGUAGES / name for name, _, _ in ARTICLES), mixed]:
        assert runner.invoke(args=["import", str(path)]).exit_code == 0
    assert run_pending(app) == len(ARTICLES) + 1
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize("article_id, lang, word",
                         [(i, lang, word) for i, (_, lang, word) in enumerate(ARTICLES, 1)])
def test_an_article_page_in_another_language_says_so_and_passes_axe(site, page, article_id,
                                                                     lang, word):
    page.goto(f"{site}/articles/{article_id}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == lang
    cues = page.locator("ol[data-transcript]")
    assert cues.get_attribute("lang") == lang and word in cues.inner_text()
    # What a screen reader reads the transcript in: the nearest lang, as the browser computes it.
    assert page.evaluate("() => document.querySelector('.cue').closest('[lang]').lang") == lang
    narrator = page.locator(".cue-speaker", has_text="Narrator").first
    assert narrator.get_attribute("lang") == "en"  # the interface's word, in its language
    assert page.locator("ol[data-transcript] li[lang]").count() == 0  # no quote in a 3rd one
    assert axe_violations(page) == []


def test_a_quote_in_another_language_than_the_articles_carries_its_own(site, page):
    page.goto(f"{site}/articles/{len(ARTICLES) + 1}")
    assert page.locator("h1").get_attribute("lang") == "de"
    quoted = page.locator("ol[data-transcript] li[lang='en']")
    assert quoted.count() >= 1 and "This bridge shows" in quoted.first.inner_text()
    lang_of = "(el) => el.closest('[lang]').lang"
    german = page.locator(".cue", has_text="Frankfurt").first
    assert german.evaluate(lang_of) == "de"
    assert quoted.first.locator(".cue").evaluate(lang_of) == "en"
    assert axe_violations(page) == []

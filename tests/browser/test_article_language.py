"""Articles in German and French in a real browser: `lang` where it belongs, and axe-core passes."""

import threading

import pytest
from werkzeug.serving import make_server

from app.jobs import run_pending

from ..conftest import FIXTURES, make_app
from .conftest import axe_violations

LANGUAGES = FIXTURES / "articles" / "languages"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("languages"))
    runner = app.test_cli_runner()
    for name in ("de-bruecke.html", "fr-quartier.txt"):
        assert runner.invoke(args=["import", str(LANGUAGES / name)]).exit_code == 0
    assert run_pending(app) == 2
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize("article_id, lang, word", [(1, "de", "Brücke"), (2, "fr", "médiathèque")])
def test_an_article_page_in_another_language_says_so_and_passes_axe(site, page, article_id,
                                                                     lang, word):
    page.goto(f"{site}/articles/{article_id}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == lang
    cues = page.locator("ol[data-transcript]")
    assert cues.get_attribute("lang") == lang and word in cues.inner_text()
    # What a screen reader reads the transcript in: the nearest lang, as the browser computes it.
    assert page.evaluate("() => document.querySelector('.cue').closest('[lang]').lang") == lang
    assert axe_violations(page) == []

"""Issue 13 in Chromium: an operator moves a wrongly attributed quote to the right person on
the article's speakers page, the article is narrated again, and the transcript and the audio
follow. The pages that show each quote pass axe-core, errors included."""

from __future__ import annotations

import re

from app.jobs import run_pending
from app.models import Article, db

from ..conftest import FIXTURES
from .conftest import axe_violations
from .test_operator_pages import sign_in

TITLE = "Island ferry to stop in winter"
# Written for the tests (tests/web/test_speakers.py reads it too). The last two paragraphs
# have no cue of their own: the quote finder gives the first to the councillor (a
# conversation turn), though the manager says it, and finds no one for the second.
FERRY = (FIXTURES / "articles" / "island-ferry.txt").read_text().strip()
NUMBERS = "The numbers do not add up"


def _cue(vtt: str, words: str) -> str:
    # the cue's text without read-along's word timestamps (<00:00:01.250>)
    return next(c for c in vtt.split("\n\n")
                if words in re.sub(r"<\d\d:\d\d:\d\d\.\d{3}>", "", c))


def test_a_moved_quote_is_heard_and_read_as_the_right_person(live_site, page, tmp_path):
    live, app = live_site
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY)
    assert app.test_cli_runner().invoke(args=["import", str(path)]).exit_code == 0
    assert run_pending(app) >= 1
    with app.app_context():
        article = db.session.scalar(db.select(Article).filter_by(title=TITLE))
        article_id, before = article.id, article.episode
        old_audio, old_vtt = before.audio_name, before.transcript_name
    assert "<v Maeve Dunne>" in _cue(page.request.get(f"{live}/media/{old_vtt}").text(),
                                     NUMBERS)

    sign_in(page, live)
    page.goto(f"{live}/admin/articles/{article_id}/speakers")
    quote = page.locator("fieldset", has_text=NUMBERS)
    assert "Said by Maeve Dunne." in quote.inner_text()
    assert "Why: conversation turn" in quote.inner_text()
    orphan = page.locator("fieldset", has_text="Bring back the summer boats")
    assert "No speaker found" in orphan.inner_text()
    assert axe_violations(page) == [], "speakers page with each quote"

    # A mistake first: "someone new" without a name is refused, accessibly.
    orphan.get_by_label("Who says it").select_option(label="Someone new (type the name below)")
    page.get_by_role("button", name="Save quote changes and narrate again").click()
    page.wait_for_selector("#quotes-error")
    assert page.inner_text("#quotes-error") == ("“Bring back the summer boats.”: Type the new "
                                                "speaker's name.")
    assert axe_violations(page) == [], "speakers page with a quote error"
    orphan = page.locator("fieldset", has_text="Bring back the summer boats")
    assert orphan.get_by_label("Who says it").input_value() == "new"  # the choice is kept
    name = orphan.get_by_label("New speaker’s name")
    assert name.get_attribute("aria-invalid") == "true"
    name.fill("Nadia Bell")

    page.locator("fieldset", has_text=NUMBERS).get_by_label("Who says it").select_option(
        label="Ivan Petrov")
    page.get_by_role("button", name="Save quote changes and narrate again").click()
    page.wait_for_url(re.compile(rf"/articles/{article_id}$"))
    assert "2 quotes moved" in page.content()

    assert run_pending(app) >= 1  # the worker narrates the article again
    with app.app_context():
        after = db.session.get(Article, article_id).episode
        new_audio, new_vtt = after.audio_name, after.transcript_name
    assert new_audio != old_audio  # a new episode: the audio changed
    audio = page.request.get(f"{live}/media/{new_audio}")
    assert audio.status == 200 and len(audio.body()) > 10_000
    vtt = page.request.get(f"{live}/media/{new_vtt}").text()
    assert "<v Ivan Petrov>" in _cue(vtt, NUMBERS)
    assert "<v Maeve Dunne>" in _cue(vtt, "We will write to the company")  # only that quote
    assert "<v Nadia Bell>" in _cue(vtt, "Bring back the summer boats")

    # The article page's transcript and player follow.
    page.goto(f"{live}/articles/{article_id}")
    assert "Ivan Petrov" in page.locator("section.transcript li", has_text=NUMBERS).inner_text()
    html = page.content()
    assert new_audio in html and old_audio not in html

    page.goto(f"{live}/admin/articles/{article_id}/speakers")
    moved = page.locator("fieldset", has_text=NUMBERS).inner_text()
    assert "Said by Ivan Petrov." in moved and "the reader had Maeve Dunne" in moved
    assert axe_violations(page) == [], "speakers page after a move"
    page.goto(f"{live}/admin/audit")
    assert page.locator("td[data-label=Action]").all_inner_texts()[0] == "move quote"


def test_the_preview_flags_quotes_with_no_speaker(live, page):
    sign_in(page, live)
    page.fill("#text", FERRY.replace(TITLE, "Island ferry, a draft"))
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/drafts/"))
    assert "1 quote with no speaker found" in page.inner_text("#people")
    page.locator("fieldset.speaker", has_text="Ivan Petrov").locator("summary").click()
    assert "Why: “said Ivan Petrov, who manages it.” (trailing cue)" in page.inner_text(
        "#people")
    assert axe_violations(page) == [], "preview with a quote flagged"
    page.click('button[value="discard"]')  # leave no draft behind for other tests
    page.wait_for_url(re.compile(r"/admin/(import|drafts)$"))

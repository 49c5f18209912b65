"""The operator's desk in Chromium (issue 19): undo brings a deleted article back with its
audio; a bulk import is saved from the drafts inbox; the preview edits text and plays voice
samples; pronunciations are heard and edited; every page reflows at 320 px; axe-core finds
nothing on any page or state."""

from __future__ import annotations

import re

from app.jobs import run_pending
from app.models import Article, db

from .conftest import axe_violations
from .test_operator_pages import sign_in

PLAYING = ("() => { const a = document.querySelector('#sample-audio');"
           " return a && !a.paused && a.currentTime > 0.2; }")


def _story(title: str, person: str) -> str:
    return (f"{title}\n\n"
            f"The town council met on Tuesday to talk about {title.lower()}.\n\n"
            f'"We will decide by the end of the month," said {person}.')


def _stored_article(app, runner_path, title: str, person: str) -> int:
    runner_path.write_text(_story(title, person))
    assert app.test_cli_runner().invoke(args=["import", str(runner_path)]).exit_code == 0
    assert run_pending(app) >= 1
    with app.app_context():
        return db.session.scalar(db.select(Article.id).filter_by(title=title))


def test_undo_restores_a_deleted_article_with_its_audio(live_site, page, tmp_path):
    live, app = live_site
    title = "Lighthouse keeper retires after forty years"
    article_id = _stored_article(app, tmp_path / "lighthouse.txt", title, "Agnes Moor")
    with app.app_context():
        audio = db.session.get(Article, article_id).episode.audio_name
    sign_in(page, live)
    page.click("nav >> text=Articles")
    page.get_by_role("button", name=f"Delete {title}").click()
    page.wait_for_selector("#undo-toast")
    assert f"Deleted “{title}” and its audio." in page.inner_text("#undo-toast")
    # Focus is on Undo, so a keyboard or screen-reader user is one key away from it.
    assert page.evaluate("document.activeElement.id") == "undo-button"
    assert axe_violations(page) == [], "articles with the undo toast"
    assert page.request.get(f"{live}/articles/{article_id}").status == 404  # gone at once
    listener = page.context.browser.new_context()
    assert listener.request.get(f"{live}/articles/{article_id}").status == 404
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/articles/{article_id}$"))
    assert f"Restored “{title}” with its audio." in page.content()
    assert listener.request.get(f"{live}/articles/{article_id}").status == 200
    media = listener.request.get(f"{live}/media/{audio}")
    assert media.status == 200 and len(media.body()) > 1000
    listener.close()
    page.goto(live + "/admin/audit")
    actions = page.locator("td[data-label=Action]").all_inner_texts()[:2]
    assert actions == ["undo delete", "delete"]


def test_a_five_file_bulk_import_is_saved_from_the_drafts_inbox(live_site, page):
    live, app = live_site
    people = ["Ellen Shaw", "Omar Patel", "Lena Ortiz", "Peter Quill", "Nina Brandt"]
    titles = [f"Bulk story {i}: the {w} plan" for i, w in
              enumerate(["harbour", "market", "library", "bridge", "school"], 1)]
    files = [{"name": f"story-{i}.txt", "mimeType": "text/plain",
              "buffer": _story(t, p).encode()}
             for i, (t, p) in enumerate(zip(titles, people, strict=True))]
    files.append({"name": "photo.html", "mimeType": "text/html",
                  "buffer": b"\x89PNG\r\n\x1a\n" + bytes(200)})
    sign_in(page, live)
    page.set_input_files("#file", files)
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/drafts$"))
    done = page.locator("#report-done")
    failed = page.locator("#report-failed")
    assert done.get_attribute("role") == "status" and failed.get_attribute("role") == "alert"
    assert done.locator("li").all_inner_texts() == titles
    assert "photo.html" in failed.inner_text() and "photo.html" not in done.inner_text()
    assert axe_violations(page) == [], "drafts inbox with both boxes"
    # The nav counts the drafts; from here on, only clicks: no address is typed.
    assert page.get_by_role("link", name="Drafts (5)", exact=True).count() == 1
    page.get_by_role("link", name=titles[0]).click()
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r"/admin/drafts/[\w-]+$"))  # straight to the next draft
    assert "4 more to check: here is the next one." in page.content()
    assert page.input_value("#title") == titles[1]
    page.get_by_role("link", name="Drafts (4)", exact=True).click()
    page.get_by_role("button", name="Save all 4").click()
    page.wait_for_selector("#report-done")
    assert page.locator("#report-done li").all_inner_texts() == titles[1:]
    assert "No drafts waiting" in page.content()
    assert axe_violations(page) == [], "drafts inbox after save all"
    with app.app_context():
        saved = set(db.session.scalars(db.select(Article.title)))
    assert set(titles) <= saved


def test_the_preview_edits_text_asks_for_a_title_and_plays_voice_samples(live_site, page):
    live, app = live_site
    untitled = ("The allotments by the river will get a new water supply before the summer "
                "and the old pump will be kept as a monument to the gardeners.\n\n"
                '"It has served us for sixty years," said Margaret Hale.\n\n'
                "Subscribe to our newsletter for more.")
    sign_in(page, live)
    page.focus("#text")
    page.keyboard.insert_text(untitled)
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/drafts/[\w-]+$"))
    # No headline: a clear "needs a title" state, not the first sentence cut at "…".
    assert "Needs a title." in page.inner_text("form")
    assert page.input_value("#title") == ""
    assert axe_violations(page) == [], "preview of an untitled paste"
    page.click('button[value="save"]')
    page.wait_for_selector("#form-errors")
    assert page.evaluate("document.activeElement.id") == "title"  # focus on the first error
    assert page.get_attribute("#title", "aria-invalid") == "true"
    assert axe_violations(page) == [], "preview refusing an empty title"
    # Fix the text: a title, a leftover line out, a new person quoted.
    page.fill("#title", "Allotments get running water")
    text = page.input_value("#text")
    assert "the old pump will be kept" in text
    page.fill("#text", text.replace("Subscribe to our newsletter for more.", "").strip()
              + '\n\n"About time too," said Omar Patel.')
    # Leaving the text box updates the people in place (htmx) and says so.
    page.focus("#byline")
    page.wait_for_selector("text=Found as “Omar Patel”")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('follows your edit')")
    assert page.evaluate("document.activeElement.id") == "byline"  # focus kept
    assert page.get_by_role("button", name="Listen to the voice chosen for Omar Patel"
                            ).is_visible()
    # Without scripts the button does the same (a whole page).
    page.click('button[value="update"]')
    page.wait_for_selector("text=Found as “Omar Patel”")
    assert "The people quoted are the same." in page.content()
    legends = page.locator("fieldset.speaker legend").all_inner_texts()
    assert legends == ["Found as “Margaret Hale”", "Found as “Omar Patel”"]
    # Margaret's proposed voice is a woman's, from her first name.
    assert page.input_value("#voice-0") in {"amy", "isla", "kim", "nora"}
    # Listen plays a short sample in the chosen voice, in place.
    page.select_option("#voice-0", "nora")
    page.get_by_role("button", name="Listen to the voice chosen for Margaret Hale").click()
    page.wait_for_function(PLAYING, timeout=60_000)
    assert page.evaluate("document.querySelector('#sample-audio').src").endswith(
        "/admin/samples/voice/nora.mp3")
    page.wait_for_function("() => document.querySelector('#sample-status').textContent"
                           ".includes('Playing')")
    assert axe_violations(page) == [], "preview after an edit"
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    with app.app_context():
        article = db.session.scalar(db.select(Article).filter_by(
            title="Allotments get running water"))
        assert [b.text for b in article.blocks][-1] == '"About time too," said Omar Patel.'
        assert {s.name: s.voice for s in article.speakers}["Margaret Hale"] == "nora"


def test_pronunciations_are_heard_edited_and_single_words(live_site, page):
    live, _app = live_site
    sign_in(page, live)
    page.goto(live + "/admin/pronunciations")
    page.fill("#word", "Saoirse Byrne")
    page.fill("#said", "Seer-sha Burn")
    page.click("form.form >> text=Save pronunciation")
    page.wait_for_selector("#form-errors")
    assert "A rule is for one word" in page.inner_text("#form-errors")
    assert page.evaluate("document.activeElement.id") == "word"
    assert axe_violations(page) == [], "pronunciations with an error"
    page.fill("#word", "Saoirse")
    page.fill("#said", "Seer-sha")
    page.get_by_role("button", name="Listen to how it will be said").click()
    page.wait_for_function(PLAYING, timeout=60_000)
    page.click("form.form >> text=Save pronunciation")
    page.wait_for_selector("text=“Saoirse” will be said as “Seer-sha”")
    page.get_by_role("button", name="Listen to Saoirse").click()
    page.wait_for_function(PLAYING, timeout=60_000)
    page.click("summary:has-text('Edit')")
    rule_form = page.locator("details.rule-edit form")
    rule_form.locator("input[name=said]").fill("Sur-sha")
    rule_form.locator("button[type=submit]").click()
    page.wait_for_selector("text=“Saoirse” will be said as “Sur-sha”")
    assert axe_violations(page) == [], "pronunciations with a rule"
    page.goto(live + "/admin/audit")
    assert "Saoirse → Seer-sha changed to Saoirse → Sur-sha" in page.content()


def test_every_operator_page_reflows_at_320_px(live_site, browser):
    live, app = live_site
    with app.app_context():
        article_id = db.session.scalar(db.select(Article.id).order_by(Article.id))
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    overflow = "() => document.documentElement.scrollWidth - window.innerWidth"
    page.goto(live + "/login")
    page.click("form.form button[type=submit]")  # the empty form's error
    page.wait_for_selector("#login-error")
    assert page.evaluate(overflow) <= 0, "login with an error"
    assert "Write your operator name and password" in page.inner_text("#login-error")
    sign_in(page, live)
    page.set_input_files("#file", [{"name": f"n{i}.txt", "mimeType": "text/plain",
                                    "buffer": _story(f"Narrow story {i}", "Ellen Shaw")
                                    .encode()} for i in range(2)])
    assert page.evaluate(overflow) <= 0, "import with files chosen"
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/drafts$"))
    assert page.evaluate(overflow) <= 0, "drafts inbox"
    page.get_by_role("link", name="Narrow story 0").click()
    assert page.evaluate(overflow) <= 0, "preview"
    for path in ["/admin/import", "/admin/articles", "/admin/audit", "/admin/pronunciations",
                 f"/admin/articles/{article_id}/edit", f"/admin/articles/{article_id}/speakers",
                 f"/articles/{article_id}"]:
        page.goto(live + path)
        assert page.evaluate(overflow) <= 0, path
    page.goto(live + "/admin/import")
    page.fill("#urls", "http://127.0.0.1/private")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#import-error")
    assert page.evaluate(overflow) <= 0, "import with an error"
    assert ("refused: 127.0.0.1 is a private or local address. To allow this host, add it "
            "to URL_ALLOW_LIST.") in page.inner_text("#import-error")
    context.close()


def test_the_speakers_page_plays_each_voice_and_passes_axe(live_site, page):
    live, app = live_site
    with app.app_context():
        article = db.session.scalar(db.select(Article).where(Article.speakers.any())
                                    .order_by(Article.id))
        article_id, person = article.id, article.speakers[0].shown
    sign_in(page, live)
    page.goto(f"{live}/admin/articles/{article_id}/speakers")
    page.get_by_role("button", name=f"Listen to the voice chosen for {person}").click()
    page.wait_for_function(PLAYING, timeout=60_000)
    assert axe_violations(page) == [], "speakers page"
    page.fill("input[id^=name-]", "   ")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#speakers-error")
    assert page.evaluate("document.activeElement.id") == "speakers-error"
    assert axe_violations(page) == [], "speakers page with an error"

"""The operator's pages in Chromium: signed in from the keyboard, every page and state
(errors included) passes axe-core at WCAG 2.2 AA, and the import desk works by keyboard."""

from __future__ import annotations

import re

from .conftest import OPERATOR, axe_violations

STORY = ("Ferry timetable changes for the winter\n\n"
         "The island ferry will sail twice a day from November.\n\n"
         '"Fewer sailings means we can keep the fares down," said Nora Quinn, '
         "the ferry company's manager.")


def sign_in(page, live) -> None:
    page.goto(live + "/login")
    page.focus("#name")
    page.keyboard.type(OPERATOR[0])
    page.keyboard.press("Tab")
    page.keyboard.type(OPERATOR[1])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/import$"))


def test_sign_in_errors_are_accessible(live, page):
    page.goto(live + "/login")
    page.fill("#name", "editor")
    page.fill("#password", "not the password")
    page.keyboard.press("Enter")
    page.wait_for_selector("#login-error")
    assert page.get_attribute("#password", "aria-invalid") == "true"
    assert axe_violations(page) == []
    # An empty form is not answered as a wrong password: it says what is missing.
    page.fill("#name", "editor")
    page.fill("#password", "")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Write your password too")
    assert page.evaluate("document.activeElement.id") == "password"
    assert page.get_attribute("#name", "aria-invalid") is None
    assert axe_violations(page) == [], "sign-in with the password missing"


def test_every_operator_page_and_state_passes_axe(live_site, page):
    live, app = live_site
    # Drafts other tests left in the shared site's inbox would make Save open the next
    # draft instead of the article this test saves.
    with app.app_context():
        from app.models import Draft, db

        db.session.execute(db.delete(Draft))
        db.session.commit()
    sign_in(page, live)
    assert axe_violations(page) == [], "/admin/import"
    # A refused import: the errors are linked to the fields and announced.
    page.fill("#urls", "http://127.0.0.1/private")
    page.click("button[type=submit]")
    page.wait_for_selector("#import-error")
    assert page.evaluate("document.activeElement.id") == "import-error"
    assert axe_violations(page) == [], "import with errors"
    # A good paste, from the keyboard: to the preview, rename the speaker, save.
    page.fill("#urls", "")
    page.focus("#text")
    page.keyboard.insert_text(STORY)
    page.focus("button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/drafts/"))
    assert "Nora Quinn" in page.content()
    assert axe_violations(page) == [], "preview"
    page.goto(live + "/admin/drafts")
    assert axe_violations(page) == [], "/admin/drafts"
    page.go_back()
    page.focus('button[value="save"]')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    article = page.url.rsplit("/", 1)[1]
    assert axe_violations(page) == [], "article while narrating"
    page.goto(live + "/")
    assert axe_violations(page) == [], "library with an article narrating"
    for path in ["/admin/articles", f"/admin/articles/{article}/edit",
                 f"/admin/articles/{article}/speakers", "/admin/pronunciations",
                 "/admin/audit", "/admin/no-such-page"]:
        page.goto(live + path)
        assert axe_violations(page) == [], path
    # The edit page refuses a blank title (the browser itself refuses an empty one).
    page.goto(live + f"/admin/articles/{article}/edit")
    page.fill("#title", "   ")
    page.click("form.form button[type=submit]")
    page.wait_for_selector("#edit-error")
    assert page.evaluate("document.activeElement.id") == "edit-error"  # focus on the error
    assert axe_violations(page) == [], "edit with an error"


def test_listener_pages_with_content_pass_axe(live, page):
    page.goto(live + "/")
    page.click('form[data-queue-add="last"][data-article="1"] button')
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('Added')")
    page.goto(live + "/queue")
    assert axe_violations(page) == [], "queue with an item"
    link = page.input_value("#device-link")
    page.goto(link)
    assert axe_violations(page) == [], "use this queue on this device"
    page.goto(live + "/subscribe")
    page.click("form[action$='/subscribe/new'] button")
    page.wait_for_selector("input[readonly]")
    assert axe_violations(page) == [], "subscribe with a personal feed"
    page.goto(live + "/?q=nothing-matches-this")
    assert axe_violations(page) == [], "library search with no results"
    page.goto(live + "/articles/999")
    assert axe_violations(page) == [], "404"

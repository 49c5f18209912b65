"""A player left open keeps saving, and a save the server refuses is said (issue 22, item
5): CSRF tokens live as long as the session, and a refused POST is announced instead of an
"Added …" that never happened. Real Chromium against the live app."""

from __future__ import annotations

import time

from .test_listening import press_on


def test_csrf_tokens_live_as_long_as_the_session(live_site):
    _url, app = live_site
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None


def test_a_refused_save_is_announced_not_hidden(live_site, page):
    url, app = live_site
    page.goto(url + "/")
    app.config["WTF_CSRF_TIME_LIMIT"] = 1  # what an hour-old page met with the old setting
    try:
        time.sleep(1.5)
        press_on(page, 'form[data-queue-add="last"][data-article="2"] button')
        page.wait_for_function("() => document.querySelector('#announcer').textContent"
                               ".includes('not saved')")
        said = page.evaluate("() => document.querySelector('#announcer').textContent")
        assert "Reload the page" in said and "Added" not in said
    finally:
        app.config["WTF_CSRF_TIME_LIMIT"] = None
    page.reload()  # a fresh page saves again
    press_on(page, 'form[data-queue-add="last"][data-article="2"] button')
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('Added')")

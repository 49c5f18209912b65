"""Listening in real Chromium: every action by keyboard, axe-core on every page and state."""

from __future__ import annotations

import re

from .conftest import axe_violations, shot


def wait_playing(page, past: float = 0.3) -> float:
    page.wait_for_function(f"() => !document.querySelector('#player-audio').paused && "
                           f"document.querySelector('#player-audio').currentTime > {past}",
                           timeout=15000)
    return page.evaluate("() => document.querySelector('#player-audio').currentTime")


def announced(page) -> str:
    page.wait_for_function("() => document.querySelector('#announcer').textContent.length > 0")
    return page.inner_text("#announcer")


def press_on(page, selector: str, key: str = "Enter") -> None:
    page.focus(selector)
    page.keyboard.press(key)


def test_every_page_passes_axe(live, page):
    for path, name in [("/", "library"), ("/articles/1", "article"), ("/queue", "queue-empty"),
                       ("/subscribe", "subscribe"), ("/login", "login")]:
        page.goto(live + path)
        assert axe_violations(page) == [], path
        if name in ("library", "article"):
            shot(page, name)
    page.goto(live + "/articles/1")
    press_on(page, "[data-help]")
    assert page.is_visible("#help-dialog")
    assert axe_violations(page) == []
    page.keyboard.press("Escape")


def test_play_from_the_keyboard_and_time_advances(live, page):
    page.goto(live + "/articles/1")
    press_on(page, 'form[data-queue-add="now"] button')
    start = wait_playing(page)
    later = wait_playing(page, start + 0.5)
    assert later > start
    assert page.inner_text("#player-now") == "Gulls learn to open bins in the old town"
    # Alt+Shift+P pauses without touching the mouse.
    page.keyboard.press("Alt+Shift+KeyP")
    page.wait_for_function("() => document.querySelector('#player-audio').paused")
    assert axe_violations(page) == []  # the page with the player showing


def test_transcript_cue_seeks_and_is_highlighted(live, page):
    page.goto(live + "/articles/1")
    cues = page.query_selector_all("[data-transcript] .cue")
    assert len(cues) >= 3
    target = cues[-1]
    t = float(target.get_attribute("data-seek"))
    target.focus()
    page.keyboard.press("Enter")
    now = wait_playing(page, t)
    assert now >= t
    page.wait_for_function("() => document.querySelector('.cue[aria-current=\"true\"]')")
    assert "Ellen Shaw" in page.inner_text("[data-transcript]")
    legend = page.inner_text(".legend")
    assert "Narrator" in legend and "Ellen Shaw" in legend


def test_speed_change_by_keyboard_is_remembered(live, page):
    page.goto(live + "/articles/2")
    press_on(page, 'form[data-queue-add="now"] button')
    wait_playing(page)
    shown = "() => document.querySelector('#player-speed').selectedOptions[0]?.textContent"
    assert page.evaluate(shown) == "1×"
    page.keyboard.press("Alt+Shift+Period")  # 1x -> 1.25x
    page.wait_for_function("() => document.querySelector('#player-audio').playbackRate === 1.25")
    page.keyboard.press("Alt+Shift+Period")  # and faster again: 1.5x
    page.wait_for_function("() => document.querySelector('#player-audio').playbackRate === 1.5")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           " === 'Speed 1.5 times'")
    page.reload()
    page.wait_for_function("() => document.querySelector('#player-speed').value === '1.5'")
    for _ in range(2):  # 1.75x, then 2x: a whole number shows in the menu too
        page.keyboard.press("Alt+Shift+Period")
    page.wait_for_function("() => document.querySelector('#player-audio').playbackRate === 2")
    assert page.evaluate(shown) == "2×"


def test_queue_add_play_next_reorder_remove_by_keyboard(live, page):
    page.goto(live + "/")
    press_on(page, 'form[data-queue-add="last"][data-article="1"] button')
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('Added')")
    press_on(page, 'form[data-queue-add="last"][data-article="2"] button')
    press_on(page, '#card-3 .menu summary')  # Play next sits in the card's small menu
    press_on(page, 'form[data-queue-add="next"][data-article="3"] button')
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('will play next')")
    page.goto(live + "/queue")
    order = lambda: page.eval_on_selector_all(  # noqa: E731
        ".queue-title", "els => els.map(e => e.textContent)")
    assert order() == ["Gulls learn to open bins in the old town", "Choir wins regional prize",
                       "Night bus returns to the valley"]
    shot(page, "queue")
    assert axe_violations(page) == []
    # Move the last one up, from the keyboard.
    press_on(page, '.queue-item:nth-child(3) [data-queue-action="up"]')
    page.wait_for_function("() => document.querySelector('.queue-item:nth-child(2) "
                           ".queue-title').textContent.startsWith('Night bus')")
    assert "Moved Night bus returns to the valley to position 2 of 3" in announced(page)
    press_on(page, '.queue-item:nth-child(1) [data-queue-action="remove"]')
    page.wait_for_function("() => document.querySelectorAll('.queue-item').length === 2")
    assert "Removed Gulls learn to open bins" in announced(page)
    assert axe_violations(page) == []


def test_two_quick_presses_by_a_new_listener_fill_one_queue(live, page):
    page.goto(live + "/")
    page.evaluate("""() => {
        document.querySelector('form[data-queue-add="last"][data-article="3"]').requestSubmit();
        document.querySelector('form[data-queue-add="last"][data-article="1"]').requestSubmit();
    }""")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('Gulls')")
    items = page.evaluate("async () => (await (await fetch('/queue.json')).json()).items")
    assert [i["article"] for i in items] == [3, 1]


def test_auto_advance_to_the_next_in_queue_and_mark_played(live, page):
    page.goto(live + "/")
    press_on(page, 'form[data-queue-add="last"][data-article="3"] button')
    press_on(page, 'form[data-queue-add="now"][data-article="2"] button')
    wait_playing(page)
    page.wait_for_function("() => isFinite(document.querySelector('#player-audio').duration)")
    page.evaluate("() => { const a = document.querySelector('#player-audio');"
                  " a.currentTime = a.duration - 0.3; }")
    page.wait_for_function("() => document.querySelector('#player-now').textContent"
                           " === 'Choir wins regional prize'", timeout=30000)
    wait_playing(page)
    page.goto(live + "/?show=played")
    assert "Night bus returns to the valley" in page.inner_text("#library-results")


def test_resume_where_the_listener_left_off_after_reload(live, page):
    page.goto(live + "/articles/1")
    press_on(page, 'form[data-queue-add="now"] button')
    wait_playing(page, 2.0)
    page.keyboard.press("Alt+Shift+KeyP")
    page.wait_for_function("() => document.querySelector('#player-audio').paused")
    left_at = page.evaluate("() => document.querySelector('#player-audio').currentTime")
    page.reload()
    page.wait_for_function("() => document.querySelector('#player-now').textContent"
                           ".startsWith('Gulls')")
    page.wait_for_function(f"() => Math.abs(document.querySelector('#player-audio')"
                           f".currentTime - {left_at}) < 1.5", timeout=10000)
    assert re.fullmatch(r"\d:\d\d", page.inner_text("#player-time"))
    assert re.fullmatch(r"\d:\d\d", page.inner_text("#player-length"))


def test_boosted_navigation_keeps_the_player_and_moves_focus(live, page):
    page.goto(live + "/articles/1")
    press_on(page, 'form[data-queue-add="now"] button')
    wait_playing(page)
    press_on(page, 'nav a[href="/queue"]')
    page.wait_for_function("() => document.title.startsWith('Queue')")
    page.wait_for_function("() => document.activeElement && "
                           "document.activeElement.tagName === 'H1'")
    assert not page.evaluate("() => document.querySelector('#player-audio').paused")


def test_without_javascript_the_article_still_plays_natively(browser, live):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live + "/articles/1")
    assert page.is_visible("[data-native-player] audio")
    src = page.get_attribute("[data-native-player] audio", "src")
    assert page.request.get(live + src).status == 200
    context.close()


def test_pages_reflow_at_320_css_pixels(browser, live):
    """400% zoom of a 1280 px window is 320 CSS px: no sideways scrolling."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/", "/articles/1", "/queue"):
        page.goto(live + path)
        assert page.evaluate("() => document.documentElement.scrollWidth <= 321"), path
    context.close()


def test_search_as_you_type_announces_the_count(live, page):
    page.goto(live + "/")
    page.focus("#q")
    page.keyboard.type("choir")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           " === '1 article'")
    assert page.locator("#library-results h2").all_inner_texts() == ["Choir wins regional prize"]
    page.keyboard.type("zzz")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           " === 'No articles match'")
    assert axe_violations(page) == []

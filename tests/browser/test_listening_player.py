"""Issue 18 in real Chromium, one test per numbered item: a player that outlives every
swap, Back and Forward; a phone mini-player; focus after queue actions; visible state;
names that read as words; a one-stop speaker bar; fresh media; the device link's speed;
narration announced once; human dates; a compact phone header; and the looks (artwork, dark
mode, reduced motion). Articles are written here; nothing is mocked."""

from __future__ import annotations

from app.jobs import run_pending
from app.models import Article, Block, db

from .conftest import axe_violations

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

PLAYING = ("() => !document.querySelector('#player-audio').paused && "
           "document.querySelector('#player-audio').currentTime > {past}")


def wait_playing(page, past: float = 0.3) -> float:
    page.wait_for_function(PLAYING.format(past=past), timeout=15000)
    return page.evaluate("() => document.querySelector('#player-audio').currentTime")


def new_page(browser, **options):
    context = browser.new_context(**({"viewport": {"width": 1280, "height": 900}} | options),
                                  bypass_csp=True)
    return context, context.new_page()


def import_article(live_site, tmp_path, name: str, text: str) -> int:
    _, app = live_site
    src = tmp_path / f"{name}.txt"
    src.write_text(text)
    result = app.test_cli_runner().invoke(args=["import", str(src)])
    assert result.exit_code == 0, result.output
    assert run_pending(app) == 1
    return int(result.output.split("\t")[0])


def mark_document(page) -> None:
    """A mark on window and on the player's <audio>: a full page load would lose both."""
    page.evaluate("() => { window.__kept = document.querySelector('#player-audio'); }")


def document_kept(page) -> bool:
    return page.evaluate("() => window.__kept === document.querySelector('#player-audio')")


def bar_visible(page) -> bool:
    return page.evaluate("""() => { const b = document.querySelector('#player');
        const r = b.getBoundingClientRect();
        return !b.hidden && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight + 1; }""")


# ---- 1 and 4: Back, Forward, reloads and every link keep the player -----------------------------

def test_back_and_forward_keep_playing_with_the_bar_visible(live, page):
    page.goto(live + "/articles/1")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page)
    mark_document(page)
    page.click('nav a[href="/"]')
    page.wait_for_function("() => document.title.startsWith('Library')")
    page.click('#card-2 h2 a')
    page.wait_for_function("() => document.querySelector('h1').textContent"
                           ".startsWith('Night bus')")
    page.go_back()
    page.wait_for_function("() => document.title.startsWith('Library')")
    assert document_kept(page) and bar_visible(page)
    before = wait_playing(page)
    page.go_back()
    page.wait_for_function("() => document.querySelector('h1').textContent.startsWith('Gulls')")
    page.go_forward()
    page.wait_for_function("() => document.title.startsWith('Library')")
    assert document_kept(page) and bar_visible(page)
    assert wait_playing(page, before + 0.3) > before
    # Play now after Back: the bar shows what plays.
    page.click('form[data-queue-add="now"][data-article="3"] button')
    page.wait_for_function("() => document.querySelector('#player-now').textContent"
                           " === 'Choir wins regional prize'")
    wait_playing(page)
    assert bar_visible(page) and document_kept(page)


def test_links_keep_the_audio_playing(live, page):
    page.goto(live + "/articles/2")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page)
    mark_document(page)
    page.click("#player-now")  # the title in the player
    page.wait_for_function("() => document.querySelector('h1').textContent"
                           ".startsWith('Night bus')")
    page.click('nav a[href="/login"]')
    page.wait_for_function("() => document.title.startsWith('Operator sign-in')")
    assert document_kept(page)
    page.click('nav a[href="/subscribe"]')
    page.wait_for_function("() => document.title.startsWith('Listen in a podcast app')")
    page.click("form[action$='/subscribe/new'] button")
    page.wait_for_selector("#personal-feed")
    assert document_kept(page) and bar_visible(page)
    wait_playing(page)


def test_a_reload_shows_the_servers_state(live, page):
    page.goto(live + "/articles/3")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page, 1.0)
    page.reload()
    page.wait_for_function("() => document.querySelector('#player-now').textContent"
                           " === 'Choir wins regional prize'")
    assert bar_visible(page)
    page.wait_for_function("() => document.querySelector('#player-audio').currentTime > 0.8")


# ---- 2 and 12: the phone ------------------------------------------------------------------------

def test_phone_mini_player_is_in_the_viewport_after_play_now(live, browser):
    context, page = new_page(browser, **PHONE)
    try:
        page.goto(live + "/articles/1")
        header = page.eval_on_selector(".site-header", "e => e.getBoundingClientRect().height")
        assert header < 844 / 6, header  # compact header
        assert not page.is_visible("[data-help]")  # no keyboard list on a touch screen
        play = page.locator('form[data-queue-add="now"] button')
        box = play.bounding_box()
        assert box["y"] + box["height"] <= 844 * 0.6, box  # Play now in the first screen
        play.tap()
        wait_playing(page)
        assert bar_visible(page)
        bar = page.eval_on_selector("#player", "e => e.getBoundingClientRect().toJSON()")
        assert bar["height"] < 844 / 4, bar
        for control in ('[data-player="toggle"]', '[data-player="back15"]',
                        '[data-player="fwd15"]', "#player-seek", "#player-now"):
            assert page.is_visible(control), control
            r = page.eval_on_selector(control, "e => e.getBoundingClientRect().toJSON()")
            assert r["bottom"] <= 844 and r["right"] <= 390, control
        assert not page.is_visible('[data-player="next"]')
        page.tap('[data-player="expand"]')
        assert page.get_attribute('[data-player="expand"]', "aria-expanded") == "true"
        for control in ('[data-player="next"]', '[data-player="prev"]', "#player-speed"):
            assert page.is_visible(control), control
        page.tap('[data-player="toggle"]')
        page.wait_for_function("() => document.querySelector('#player-audio').paused")
        # Lock screens: the Media Session knows what plays.
        assert page.evaluate("() => navigator.mediaSession.metadata.title") == \
            "Gulls learn to open bins in the old town"
        # Nothing sideways, and the last of the page can scroll clear of the bar.
        assert page.evaluate("() => document.documentElement.scrollWidth <= 391")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        footer = page.eval_on_selector(".site-footer", "e => e.getBoundingClientRect().bottom")
        top_of_bar = page.eval_on_selector("#player", "e => e.getBoundingClientRect().top")
        assert footer <= top_of_bar + 1
    finally:
        context.close()


# ---- 3 and issue 19: focus after every queue action, and the undo -------------------------------

def queue_of_three(page, live):
    page.goto(live + "/")
    for article in (1, 2, 3):
        page.click(f'form[data-queue-add="last"][data-article="{article}"] button')
        page.wait_for_function(f"() => document.querySelector('[data-queue-badge=\"{article}\"]')"
                               ".textContent !== ''")
    page.goto(live + "/queue")


FOCUSED = """() => { const e = document.activeElement;
    const row = e.closest('li[data-entry]');
    return (row ? row.dataset.article + ':' : '') +
           (e.dataset.queueAction || e.id || e.className); }"""


def focused(page) -> str:
    """Where focus is, once it has settled (the swap moves it a moment after the list lands)."""
    try:
        page.wait_for_function(f"() => ({FOCUSED})() !== 'has-player' && "
                               "document.activeElement !== document.body", timeout=3000)
    except Exception:  # noqa: BLE001 - the assertion below names where it ended up
        pass
    return page.evaluate(FOCUSED)


def test_focus_lands_after_each_queue_action(live, page):
    queue_of_three(page, live)
    page.focus('li[data-article="1"] [data-queue-action="down"]')
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('li[data-entry]').dataset.article === '2'")
    assert focused(page) == "1:down"  # the moved item's same button
    page.keyboard.press("Enter")  # and the next Enter works
    page.wait_for_function("() => document.querySelectorAll('li[data-entry]')[2].dataset.article"
                           " === '1'")
    assert focused(page) == "1:up"  # at the end Move down is off: its other move button
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('li[data-entry]')[1].dataset.article"
                           " === '1'")
    assert focused(page) == "1:up"
    page.focus('li[data-article="1"] [data-queue-action="remove"]')
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('li[data-entry]').length === 2")
    assert focused(page) == "3:queue-title"  # the item after the removed one
    page.focus("form[data-action=clear] button")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-toast]")
    assert focused(page) == "queue-heading"
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".startsWith('Cleared 2 articles')")
    assert axe_violations(page) == []
    page.wait_for_timeout(10500)  # the undo is offered for at least 10 seconds
    assert page.is_visible("[data-toast] button")
    page.keyboard.press("Tab")  # the undo is the next stop after the heading
    assert page.evaluate("() => document.activeElement.closest('[data-toast]') !== null")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('li[data-entry]').length === 2")
    order = page.eval_on_selector_all("li[data-entry]", "els => els.map(e => e.dataset.article)")
    assert order == ["2", "3"]
    assert focused(page) == "2:queue-title"


# ---- 5: visible state ---------------------------------------------------------------------------

def test_cards_and_rows_show_what_is_queued_and_playing(live, page):
    page.goto(live + "/")
    page.click('form[data-queue-add="now"][data-article="2"] button')
    wait_playing(page)
    page.click('form[data-queue-add="last"][data-article="3"] button')
    page.wait_for_function("() => document.querySelector('[data-queue-badge=\"3\"]').textContent"
                           " === 'In queue · 2nd'")
    assert page.is_visible('#card-3 [data-queue-badge="3"]')
    assert page.inner_text('#card-2 [data-queue-badge="2"]') == "Playing"
    page.wait_for_function("() => document.querySelector('#announcer').textContent === "
                           "'Added Choir wins regional prize to the queue, 2nd of 2'")
    page.reload()  # the server says the same (once the page has read the queue)
    page.wait_for_function("() => document.querySelector('#card-3 [data-queue-badge=\"3\"]')"
                           ".textContent === 'In queue · 2nd'")
    page.click('[data-player="toggle"]')
    wait_playing(page)
    page.click('nav a[href="/queue"]')
    page.wait_for_selector("li[data-entry]")
    rows = page.locator("li[data-entry] .meta").all_inner_texts()
    assert all(("s" in r or "min" in r) for r in rows) and rows[0].startswith("Playing")
    assert page.locator('li[data-entry] [data-queue-action="play"]').count() == 2
    # The list follows auto-advance: the finished article leaves, the next is Playing.
    page.wait_for_function("() => isFinite(document.querySelector('#player-audio').duration)")
    page.evaluate("() => { const a = document.querySelector('#player-audio');"
                  " a.currentTime = a.duration - 0.3; }")
    page.wait_for_function("() => document.querySelectorAll('li[data-entry]').length === 1",
                           timeout=20000)
    assert page.inner_text('li[data-entry] [data-queue-badge]') == "Playing"
    assert page.inner_text("#player-now") == "Choir wins regional prize"


def test_a_drag_released_outside_the_list_is_saved(live, page):
    queue_of_three(page, live)
    last = page.locator('li[data-article="3"]').bounding_box()
    first = page.locator('li[data-article="1"]').bounding_box()
    page.mouse.move(last["x"] + 30, last["y"] + last["height"] / 2)
    page.mouse.down()
    page.mouse.move(first["x"] + 30, first["y"] + 5, steps=8)
    page.mouse.move(first["x"] + 30, 5, steps=4)  # out of the list, over the header
    page.mouse.up()
    page.wait_for_function("async () => (await (await fetch('/queue.json')).json())"
                           ".items[0].article === 3")


# ---- 6: names that read as words ----------------------------------------------------------------

def test_player_names_read_as_words_and_the_toggle_has_one_pattern(live_site, page, tmp_path):
    live, _ = live_site
    article = import_article(live_site, tmp_path, "harbour", (
        "Harbour wall repaired\n\nThe harbour wall was repaired this week.\n\n"
        '"We started in May. We finished on Friday. It will last," said engineer Rosa Marin.'))
    page.goto(f"{live}/articles/{article}")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page)
    toggle = page.locator('[data-player="toggle"]')
    toggle.click()  # paused, so the short article cannot end under the test
    page.get_by_role("button", name="Play", exact=True).wait_for(timeout=5000)
    for name in ("Back 30 seconds", "Back 15 seconds", "Forward 15 seconds",
                 "Forward 30 seconds", "Previous in queue", "Next in queue", "Play"):
        assert page.get_by_role("button", name=name, exact=True).count() == 1, name
    assert toggle.get_attribute("aria-pressed") is None  # one pattern: the name changes
    toggle.click()
    page.get_by_role("button", name="Pause", exact=True).wait_for(timeout=5000)
    assert toggle.get_attribute("aria-pressed") is None
    rosa = [t for t in page.locator("[data-transcript] .cue").all_text_contents()
            if "Friday" in t or "last" in t or "May" in t]
    assert len(rosa) >= 2 and all(" ".join(t.split()).startswith("Rosa Marin:") for t in rosa)


# ---- 7: the speaker bar -------------------------------------------------------------------------

def test_speaker_turns_are_one_tab_stop_with_arrow_keys(live, page):
    page.goto(live + "/articles/1")
    turns = page.locator("[data-turns] .turn")
    assert turns.count() >= 2
    for box in (turns.nth(i).bounding_box() for i in range(turns.count())):
        assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.5.8
    page.focus(".downloads a:last-child")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('[data-turns] .turn')")
    page.keyboard.press("Tab")  # one stop: the next Tab leaves the bar
    assert not page.evaluate("() => document.activeElement.closest('[data-turns]')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowRight")
    second = turns.nth(1)
    assert page.evaluate("(e) => document.activeElement === e", second.element_handle())
    assert second.get_attribute("tabindex") == "0"
    assert turns.nth(0).get_attribute("tabindex") == "-1"
    t = float(second.get_attribute("data-seek"))
    page.keyboard.press("Enter")
    assert wait_playing(page, t) >= t
    page.wait_for_function("() => document.querySelector('[data-next-turn]').textContent"
                           ".startsWith('Now: Ellen Shaw')")
    assert "%" in page.inner_text(".legend")  # each voice's share
    assert axe_violations(page) == []


# ---- 8: fresh media -----------------------------------------------------------------------------

def test_a_renarrated_episode_plays_the_new_file_at_the_same_place(live_site, page, tmp_path):
    live, app = live_site
    article = import_article(live_site, tmp_path, "ferry", (
        "Ferry timetable changes\n\nThe ferry leaves earlier from next week, at ten to six.\n\n"
        "Tickets bought before then stay valid for the whole summer season."))
    page.goto(f"{live}/articles/{article}")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page, 2.0)
    page.keyboard.press("Alt+Shift+KeyP")
    page.wait_for_function("() => document.querySelector('#player-audio').paused")
    old = page.get_attribute("#player-audio", "src")
    at = page.evaluate("() => document.querySelector('#player-audio').currentTime")
    with app.app_context():
        block = db.session.scalars(db.select(Block).filter_by(article_id=article)).first()
        block.text = "The ferry leaves earlier from next week, at five to six."
        db.session.commit()
    assert app.test_cli_runner().invoke(args=["narrate", str(article)]).exit_code == 0
    page.click('nav a[href="/queue"]')  # any page visit asks the server
    page.wait_for_function(f"() => document.querySelector('#player-audio').getAttribute('src')"
                           f" !== '{old}'")
    page.wait_for_function(f"() => Math.abs(document.querySelector('#player-audio').currentTime"
                           f" - {at}) < 1.5")
    page.reload()
    assert page.get_attribute("#player-audio", "src") != old


def test_a_deleted_article_leaves_the_player_with_a_message(live_site, page, tmp_path):
    live, app = live_site
    article = import_article(live_site, tmp_path, "kiosk", (
        "Kiosk closes\n\nThe beach kiosk closes for the winter on Sunday."))
    page.goto(f"{live}/articles/{article}")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page)
    with app.app_context():
        db.session.delete(db.session.get(Article, article))
        db.session.commit()
    page.click('nav a[href="/"]')
    page.wait_for_selector("#player-message")
    assert "Kiosk closes" in page.inner_text("#player-message")
    assert "no longer in the library" in page.inner_text("#player-message")
    page.wait_for_function("() => document.querySelector('#player-audio').paused")


def test_after_the_queue_ends_a_reload_shows_no_finished_article(live, page):
    page.goto(live + "/articles/3")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page)
    page.wait_for_function("() => isFinite(document.querySelector('#player-audio').duration)")
    page.evaluate("() => { const a = document.querySelector('#player-audio');"
                  " a.currentTime = a.duration - 0.3; }")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('The queue is empty')", timeout=20000)
    page.reload()
    page.wait_for_timeout(800)
    assert page.evaluate("() => document.querySelector('#player').hidden")


# ---- 9: the device link carries the speed -------------------------------------------------------

def test_the_device_link_carries_queue_position_and_speed(live, page, browser):
    page.goto(live + "/articles/1")
    page.click('form[data-queue-add="now"] button')
    wait_playing(page)
    page.keyboard.press("Alt+Shift+Period")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           " === 'Speed 1.25 times'")
    page.goto(live + "/queue")
    link = page.input_value("#device-link")
    context, phone = new_page(browser, **PHONE)
    try:
        phone.goto(link)
        phone.click("form button[type=submit]")
        phone.wait_for_function("() => document.querySelector('#player-now').textContent"
                                ".startsWith('Gulls')")
        phone.wait_for_function("() => document.querySelector('#player-speed').value === '1.25'")
        assert phone.evaluate("() => document.querySelector('#player-audio').playbackRate") == 1.25
    finally:
        context.close()


# ---- 10: narration status, announced once, no reload --------------------------------------------

def test_narration_ready_is_announced_once_without_a_reload(live_site, page, tmp_path):
    live, app = live_site
    src = tmp_path / "lighthouse.txt"
    src.write_text("Lighthouse opens to visitors\n\nThe old lighthouse opens to visitors in June.")
    article = app.test_cli_runner().invoke(args=["import", str(src)]).output.split("\t")[0]
    page.goto(f"{live}/articles/{article}")
    page.evaluate("""() => { window.__said = []; window.__kept = true;
        new MutationObserver(() => { const t = document.querySelector('#announcer').textContent;
            if (t) window.__said.push(t); })
        .observe(document.querySelector('#announcer'), {childList: true, characterData: true,
                                                        subtree: true}); }""")
    assert not page.evaluate("() => document.querySelector('#status-" + article +
                             "').closest('[aria-live]')")
    page.focus('nav a[href="/queue"]')
    page.wait_for_timeout(4500)  # two polls say nothing
    assert page.evaluate("() => window.__said") == []
    assert run_pending(app) == 1
    page.wait_for_selector("[data-native-player]", state="attached", timeout=15000)
    page.wait_for_function("() => window.__said.length > 0")
    page.wait_for_timeout(4500)
    said = page.evaluate("() => window.__said")
    assert said == ["Lighthouse opens to visitors is ready to play"]
    assert page.evaluate("() => window.__kept") is True  # no reload
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "/queue"
    assert page.is_enabled('form[data-queue-add="now"] button')


# ---- 11: human dates ----------------------------------------------------------------------------

def test_dates_read_as_words_with_a_machine_date(live_site, page, tmp_path):
    live, app = live_site
    article = import_article(live_site, tmp_path, "market", (
        "Market moves to the square\n\nThe Saturday market moves to the square."))
    with app.app_context():
        db.session.get(Article, article).published = "2024-03-14"
        db.session.commit()
    for path in ("/", f"/articles/{article}"):
        page.goto(live + path)
        time = page.locator('time[datetime="2024-03-14"]').first
        assert time.inner_text() == "14 March 2024", path


# ---- 13: the looks ------------------------------------------------------------------------------

def test_artwork_dark_mode_and_reduced_motion(live, browser):
    context, page = new_page(browser, color_scheme="dark", reduced_motion="reduce")
    try:
        page.goto(live + "/")
        arts = page.locator(".article-card .art")
        assert arts.count() >= 3
        look = page.evaluate("(e) => getComputedStyle(e).backgroundImage",
                             arts.first.element_handle())
        assert "wave.svg" in look and "linear-gradient" in look, look
        assert page.request.get(live + "/static/icons/wave.svg").ok
        assert page.locator(".article-card .excerpt").count() >= 3
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert sum(int(x) for x in background[4:-1].split(",")) < 3 * 60, background
        assert page.evaluate("() => getComputedStyle(document.querySelector('button'))"
                             ".transitionDuration") == "0s"
        page.click('form[data-queue-add="now"][data-article="1"] button')
        wait_playing(page)
        names = page.eval_on_selector_all("#player button",
                                          "els => els.map(e => e.textContent.trim())")
        assert all(names), names  # every icon button keeps its words
    finally:
        context.close()


def test_the_card_menu_closes_on_escape_back_to_its_button(live, page):
    page.goto(live + "/")
    page.focus("#card-2 .menu summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('form[data-queue-add=\"next\"]')"
                         " !== null")
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.querySelector('#card-2 .menu').open")
    assert page.evaluate("() => document.activeElement.matches('#card-2 .menu summary')")

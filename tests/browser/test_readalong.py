"""Read along (issue 21) in real Chromium: the spoken word is marked as the audio plays, at
1x and 3x; a word seeks; the listener's style is remembered; axe-core in every style."""

from __future__ import annotations

import pytest

from .conftest import axe_violations, shot

# Every change of the marked word, with the playhead at that moment, recorded in the page.
RECORD = """() => {
    window.raLog = [];
    const words = Array.from(document.querySelectorAll('[data-transcript] .ra-word'));
    const audio = document.querySelector('#player-audio');
    new MutationObserver((changes) => {
        for (const c of changes) {
            if (c.target.classList.contains('ra-current')) {
                window.raLog.push([words.indexOf(c.target), audio.currentTime]);
            }
        }
    }).observe(document.querySelector('[data-transcript]'),
               {subtree: true, attributes: true, attributeFilter: ['class']});
}"""
WORDS = """() => Array.from(document.querySelectorAll('[data-transcript] .ra-word')).map(
    (w) => [Number(w.dataset.seek), Number(w.dataset.end), w.closest('li') ? Array.from(
        w.closest('ol').children).indexOf(w.closest('li')) : -1])"""


def play_from_the_start(page, rate: float) -> None:
    page.click('form[data-queue-add="now"] button')
    page.wait_for_function("() => !document.querySelector('#player-audio').paused")
    page.evaluate(f"""() => {{ const a = document.querySelector('#player-audio');
                             a.playbackRate = {rate}; a.currentTime = 0; }}""")


@pytest.mark.parametrize("rate", [1, 3])
def test_the_mark_moves_word_by_word_with_the_audio(live, page, rate):
    page.goto(live + "/articles/1")
    words = page.evaluate(WORDS)
    assert len(words) > 20
    page.evaluate(RECORD)
    play_from_the_start(page, rate)
    # About six seconds of speech, however fast it plays.
    page.wait_for_function("() => document.querySelector('#player-audio').currentTime > 6",
                           timeout=20000)
    page.evaluate("() => document.querySelector('#player-audio').pause()")
    log = page.evaluate("() => window.raLog")
    assert page.evaluate("() => document.querySelector('#player-audio').playbackRate") == rate
    print(f"{rate}x: {len(set(i for i, _t in log))} words marked in 6 s of audio")
    marked = [i for i, _t in log]
    # Each mark is the word under the playhead when it was made (a frame late at most).
    late = 0.05 * rate
    for i, t in log:
        start, end, _cue = words[i]
        assert start - late <= t < max(end, words[i + 1][0] if i + 1 < len(words) else end) + late
    # Word by word, in order: every word spoken in those seconds was marked, none skipped.
    spoken = [i for i, (s, e, _c) in enumerate(words) if s >= 0.05 and e <= 5.9]
    after_start = [i for i in marked if words[i][0] >= 0.05]
    assert set(spoken) <= set(marked), sorted(set(spoken) - set(marked))
    assert after_start == sorted(after_start)


def test_choosing_a_word_seeks_to_it_and_marks_it(live, page):
    page.goto(live + "/articles/1")
    target = page.locator("[data-transcript] .ra-word").nth(14)
    start = float(target.get_attribute("data-seek"))
    target.click()
    page.wait_for_function(f"() => !document.querySelector('#player-audio').paused && "
                           f"document.querySelector('#player-audio').currentTime >= {start}")
    t = page.evaluate("() => document.querySelector('#player-audio').currentTime")
    assert start <= t < start + 1.0
    page.evaluate("() => document.querySelector('#player-audio').pause()")
    page.evaluate(f"() => {{ document.querySelector('#player-audio').currentTime = "
                  f"{start + 0.01}; }}")
    page.wait_for_function("(el) => el.classList.contains('ra-current')",
                           arg=target.element_handle())


def test_the_style_is_remembered_and_every_style_passes_axe_light_and_dark(live, page):
    page.goto(live + "/articles/1")
    assert page.eval_on_selector("#ra-style", "s => s.value") == "background"
    assert not page.is_checked("#ra-follow")  # following is off until asked for
    # A word marked (played to the middle of the second sentence, then paused).
    word = page.locator("[data-transcript] .ra-word").nth(16)
    word.click()
    page.wait_for_function("(el) => el.classList.contains('ra-current')",
                           arg=word.element_handle())
    page.evaluate("() => document.querySelector('#player-audio').pause()")
    page.evaluate(f"""() => {{ document.querySelector('#player-audio').currentTime =
                     {float(word.get_attribute("data-seek")) + 0.01}; }}""")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_timeout(600)  # the page's colour transitions settle before axe reads
        for style in ("background", "underline", "off"):
            page.select_option("#ra-style", style)
            assert page.get_attribute("[data-transcript]", "data-ra-style") == style
            assert axe_violations(page) == [], (scheme, style)
            marked = page.eval_on_selector(".ra-current", """w => {
                const s = getComputedStyle(w);
                return [s.backgroundColor, s.textDecorationLine];}""")
            if style == "background":
                assert marked[0] not in ("rgba(0, 0, 0, 0)", "transparent")
            elif style == "underline":
                assert marked[1] == "underline"
            else:
                assert marked == ["rgba(0, 0, 0, 0)", "none"]
            shot(page, f"readalong-{style}-{scheme}")
    # High contrast (forced colours): the mark takes the system's Highlight colours.
    page.emulate_media(color_scheme="light", forced_colors="active")
    page.select_option("#ra-style", "background")
    colours = page.evaluate("""() => [document.querySelector('.ra-current'),
        document.querySelector('.ra-word:not(.ra-current)')].map(
        (w) => getComputedStyle(w).backgroundColor)""")
    assert colours[0] != colours[1]
    # Big text: the underline grows with the words (em sizes).
    page.emulate_media(forced_colors="none")
    page.select_option("#ra-style", "underline")
    thin = page.eval_on_selector(".ra-current", "w => getComputedStyle(w).textDecorationThickness")
    page.evaluate("() => { document.documentElement.style.fontSize = '300%'; }")
    thick = page.eval_on_selector(".ra-current", "w => getComputedStyle(w).textDecorationThickness")
    assert float(thick.rstrip("px")) > float(thin.rstrip("px"))
    assert axe_violations(page) == []
    page.reload()
    assert page.eval_on_selector("#ra-style", "s => s.value") == "underline"
    assert page.get_attribute("[data-transcript]", "data-ra-style") == "underline"


def test_following_is_switched_off_when_the_listener_scrolls(live, page):
    page.set_viewport_size({"width": 600, "height": 420})
    page.emulate_media(reduced_motion="reduce")
    page.goto(live + "/articles/1")
    page.check("#ra-follow")
    page.evaluate("() => window.scrollTo(0, 0)")
    play_from_the_start(page, 2)
    page.wait_for_function("() => window.scrollY > 0", timeout=15000)  # the page follows
    page.mouse.wheel(0, -200)
    page.wait_for_function("() => !document.querySelector('#ra-follow').checked")
    page.reload()
    assert not page.is_checked("#ra-follow")


def test_the_hint_leads_to_the_settings_by_keyboard(live, page):
    page.goto(live + "/articles/1")
    page.focus(".transcript .hint .ra-jump")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "ra-style"
    page.keyboard.press("ArrowDown")  # the select takes arrows: nothing scrolls or stops
    assert page.eval_on_selector("#ra-style", "s => s.value") == "underline"

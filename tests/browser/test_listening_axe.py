"""axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on every listener page and state, at
390 and 1280 CSS px, in light and dark; screenshots of the main pages on the way.

Screenshots go to tests/screenshots/ (ignored by git); HARK_DOCS_SCREENSHOTS=1 writes them to
docs/screenshots/ instead, for a commit that shows the pages.
"""

from __future__ import annotations

import os

import pytest

from .conftest import ROOT, SCREENSHOTS, axe_violations

DOCS_SHOTS = ROOT / "docs" / "screenshots" if os.environ.get("HARK_DOCS_SCREENSHOTS") \
    else SCREENSHOTS
SIZES = {390: {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
         1280: {"viewport": {"width": 1280, "height": 800}}}


def check(page, state: str, found: dict) -> None:
    violations = axe_violations(page)
    if violations:
        found[state] = violations


def snap(page, name: str) -> None:
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SHOTS / f"{name}.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_every_listener_page_and_state_passes_axe(live, browser, width, scheme):
    context = browser.new_context(**SIZES[width], color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    found: dict[str, list] = {}
    tag = f"{width}-{scheme}"
    try:
        page.goto(live + "/queue")
        check(page, "queue empty", found)
        page.goto(live + "/")
        check(page, "library", found)
        page.click('form[data-queue-add="last"][data-article="2"] button')
        page.click('#card-3 .menu summary')
        check(page, "library, card menu open", found)
        page.click('form[data-queue-add="next"][data-article="3"] button')
        page.wait_for_function("() => document.querySelector('[data-queue-badge=\"3\"]')"
                               ".textContent !== ''")
        page.click('form[data-queue-add="now"][data-article="1"] button')
        page.wait_for_function("() => !document.querySelector('#player-audio').paused")
        page.evaluate("() => window.scrollTo(0, 0)")
        check(page, "library, playing, badges", found)
        snap(page, f"library-{tag}")
        page.click("#card-1 h2 a")
        page.wait_for_function("() => document.querySelector('[data-article-page]')")
        page.wait_for_timeout(300)
        check(page, "article, playing", found)
        page.click('[data-player="toggle"]')  # paused, so the transcript stops scrolling
        page.wait_for_function("() => document.querySelector('#player-audio').paused")
        page.evaluate("() => window.scrollTo(0, 0)")
        snap(page, f"article-{tag}")
        if width == 390:
            page.click('[data-player="expand"]')
            check(page, "mini-player expanded", found)
            snap(page, f"player-expanded-{tag}")
            page.click('[data-player="expand"]')
        else:
            page.keyboard.press("Alt+Shift+Slash")
            page.wait_for_selector("#help-dialog[open]")
            check(page, "help dialog", found)
            page.keyboard.press("Escape")
        page.click('nav a[href="/queue"]')
        page.wait_for_selector("li[data-entry]")
        check(page, "queue with items", found)
        snap(page, f"queue-{tag}")
        link = page.input_value("#device-link")
        page.click("form[data-action=clear] button")
        page.wait_for_selector("[data-toast]")
        check(page, "queue cleared, undo offered", found)
        page.click("[data-toast] button")
        page.wait_for_selector("li[data-entry]")
        page.goto(link)
        check(page, "use this queue here", found)
        page.goto(live + "/subscribe")
        check(page, "subscribe", found)
        page.click("form[action$='/subscribe/new'] button")
        page.wait_for_selector("#personal-feed")
        check(page, "subscribe, personal feed", found)
        page.goto(live + "/?q=no-such-article-anywhere")
        check(page, "library, nothing found", found)
        page.goto(live + "/login")
        check(page, "sign-in", found)
        page.goto(live + "/articles/99999")
        check(page, "not found", found)
    finally:
        context.close()
    assert found == {}

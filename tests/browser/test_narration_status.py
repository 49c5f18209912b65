"""Narration seen from the browser: the status polls in place (the page around it stays),
a library card comes back playable when its article is ready, and the article page
swaps its player in without reloading."""

from __future__ import annotations

from app.jobs import run_pending

from .conftest import axe_violations


def test_status_polls_in_place_and_the_finished_card_is_playable(live_site, page, tmp_path):
    live, app = live_site
    src = tmp_path / "lifeboat.txt"
    src.write_text("Lifeboat crew honoured\n\nThe lifeboat crew received a medal on Friday.\n\n"
                   '"We just did our job," said coxswain Mel Ward.')
    result = app.test_cli_runner().invoke(args=["import", str(src)])
    assert result.exit_code == 0, result.output
    article = result.output.split("\t")[0]
    card = f"#card-{article}"
    play = f'{card} form[data-queue-add="now"] button'
    page.goto(live + "/")
    assert page.is_disabled(play)
    # Two polls later the library is still whole and still says the article waits.
    page.wait_for_timeout(4500)
    assert page.locator("#library-results h2").count() >= 4
    assert page.inner_text(f"#status-{article}") == "Waiting to be narrated"
    page.focus(f"{card} h2 a")  # the card is swapped whole: focus must not fall to <body>
    assert run_pending(app) == 1
    page.wait_for_function(f"() => !document.querySelector('{play}').disabled", timeout=15000)
    page.wait_for_function(f"() => document.activeElement.matches('{card} h2 a')")
    page.wait_for_function("() => document.querySelector('#announcer').textContent"
                           ".includes('Lifeboat crew honoured is ready to play')")
    assert page.inner_text(f"#status-{article}") == "Ready to play"
    assert page.locator("#library-results h2").count() >= 4
    assert axe_violations(page) == []


def test_the_article_page_swaps_its_player_in_when_ready(live_site, page, tmp_path):
    live, app = live_site
    src = tmp_path / "pier.txt"
    src.write_text("Pier lights restored\n\nThe pier lights were switched on again on Tuesday.")
    article = app.test_cli_runner().invoke(args=["import", str(src)]).output.split("\t")[0]
    page.goto(f"{live}/articles/{article}")
    assert page.query_selector("[data-native-player] audio") is None
    page.wait_for_timeout(2500)  # a poll while waiting leaves the page as it was
    assert page.inner_text("h1") == "Pier lights restored"
    assert run_pending(app) == 1
    page.evaluate("() => { window.__same_page = true; }")
    page.wait_for_selector("[data-native-player] audio", state="attached", timeout=15000)
    assert page.inner_text("h1") == "Pier lights restored"
    assert page.evaluate("() => window.__same_page") is True

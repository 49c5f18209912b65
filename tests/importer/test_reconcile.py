"""trafilatura's balanced reading as the recall base, its precision reading as evidence.

Pages and blocks here are written for the tests; none is copied from a benchmark.
"""

from pathlib import Path

import trafilatura

from app.importer import extract_text
from app.importer.article import Block
from app.importer.reconcile import reconcile

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "importer" / \
    "story_outside_precision.html"

STORY = [Block("paragraph", f"Story paragraph {n} says what the council decided about the "
                            f"harbour lamps and why it took so long.") for n in range(3)]


def test_story_that_precision_mode_prunes_is_kept():
    # a standfirst in the article's <header> and a paragraph in a bordered box: trafilatura's
    # favor_precision drops both, its balanced mode keeps them
    raw = PAGE.read_bytes()
    precise = trafilatura.extract(raw, favor_precision=True) or ""
    assert "After three dark winters" not in precise  # the kind this test is about
    assert "first lit in 1891" not in precise
    text = extract_text(raw)
    assert text.startswith("After three dark winters")
    assert "The lamps were first lit in 1891" in text
    assert "dark green they wore a century ago." in text
    assert "Ferry timetable" not in text and "Privacy" not in text


def test_blocks_before_and_between_sure_blocks_are_kept():
    lead = Block("paragraph", "A lead paragraph the precise reading left out.")
    middle = Block("paragraph", "A short boxed paragraph between two story paragraphs.")
    balanced = [lead, STORY[0], middle, STORY[1]]
    assert reconcile(balanced, [STORY[0], STORY[1]], {}) == balanced


def test_link_text_left_out_by_the_precise_reading_goes_wherever_it_stands():
    links = Block("paragraph", "Ferry timetable changes Lifeboat crew rescues two walkers")
    balanced = [STORY[0], links, STORY[1]]
    kept = reconcile(balanced, [STORY[0], STORY[1]], {links.text: len(links.text)})
    assert kept == [STORY[0], STORY[1]]


def test_after_the_story_headline_like_lines_go_and_sentences_stay():
    heading = Block("heading", "More from the coast")
    teaser = Block("paragraph", "Fish market to open on Sundays from March")
    closing = Block("paragraph", "The lamps will be lit every night from October to March.")
    balanced = [STORY[0], STORY[1], closing, heading, teaser]
    kept = reconcile(balanced, [STORY[0], STORY[1]], {})
    assert kept == [STORY[0], STORY[1], closing]


def test_sure_blocks_are_never_dropped_even_when_linked():
    linked = Block("paragraph", "Read the council's report here.")
    balanced = [STORY[0], linked]
    assert reconcile(balanced, [STORY[0], linked], {linked.text: len(linked.text)}) == balanced


def test_when_the_readings_share_nothing_the_larger_unlinked_one_wins():
    menu = Block("paragraph", "Home News Sport Weather")
    assert reconcile([menu], [], {menu.text: len(menu.text)}) == []
    assert reconcile(STORY, [], {}) == STORY
    other = [Block("paragraph", "A different, much longer reading of the same page " * 5)]
    assert reconcile(STORY[:1], other, {}) == other


def test_ruby_annotations_are_not_read_twice():
    # furigana: the reading printed over each kanji, in <rt>; a reader shows it small above
    # the word, a narrator must not say the word twice
    sentence = ("<p><ruby>雨<rt>あめ</rt></ruby>が<ruby>三日<rt>みっか</rt></ruby>"
                "<ruby>続<rt>つづ</rt></ruby>いて、<ruby>川<rt>かわ</rt></ruby>の"
                "<ruby>水<rt>みず</rt></ruby>が<ruby>増<rt>ふ</rt></ruby>えました。</p>")
    page = ("<html lang='ja'><head><title>川の水</title></head><body><article>"
            + sentence * 6 + "</article></body></html>")
    text = extract_text(page)
    assert "雨が三日続いて、川の水が増えました。" in text
    assert "あめ" not in text and "みっか" not in text


def test_a_line_introducing_what_follows_is_not_taken_for_a_headline():
    intro = Block("paragraph", "The new winter fares, from the first of November")
    colon = Block("paragraph", "The new winter fares, from the first of November:")
    fares = Block("paragraph", "Adults £4.50 return, children and pensioners £2.")
    assert reconcile([STORY[0], intro, fares], [STORY[0]], {}) == [STORY[0], fares]
    assert reconcile([STORY[0], colon, fares], [STORY[0]], {}) == [STORY[0], colon, fares]


def test_a_pull_quote_set_as_a_closing_heading_stays():
    from app.importer.boilerplate import drop_boilerplate_blocks

    quote = Block("heading", "She lit the lamps herself. Nobody asked her to.")
    label = Block("heading", "More from the coast")
    assert drop_boilerplate_blocks([*STORY, quote]) == [*STORY, quote]
    assert drop_boilerplate_blocks([*STORY, label]) == STORY

import pytest

from app.narration.normalize import speakable


@pytest.mark.parametrize(("text", "said"), [
    ("from £4.99 a month", "from 4 pounds 99 a month"),
    ("only £1 with delivery", "only 1 pound with delivery"),
    ("costs $20bn", "costs 20 billion dollars"),
    ("a £1.5m grant", "a 1.5 million pounds grant"),
    ("€3.50 each", "3 euros 50 each"),
    ("just 50p", "just 50p"),
    ("£0.75", "75 p"),
    ("£1,250,000", "1250000 pounds"),
    ("in the 1990s", "in the nineteen nineties"),
    ("since the 2010s", "since the two thousand and tens"),
    ("at No. 10", "at number 10"),
    ("see https://www.example.com/news/page?id=1 today", "see example dot com today"),
    ("visit www.bbc.co.uk.", "visit bbc dot co dot uk"),
    ("e.g. this", "for example this"),
    ("at 30 km/h", "at 30 kilometres per hour"),
])
def test_rewrites_what_espeak_misreads(text, said):
    assert speakable(text) == said


def test_emoji_and_control_characters_are_dropped():
    assert speakable("Great \U0001F600 news\x07 today\u200b!") == "Great news today!"


def test_pronunciation_list_applies_to_whole_words_only():
    rules = {"Oseman": "Oh-seh-man", "GIF": "jif"}
    assert speakable("Alice Oseman's GIFs and a GIF", rules) == \
        "Alice Oh-seh-man's GIFs and a jif"


def test_plain_text_is_unchanged():
    text = "They can't keep their hands off each other, said Joe Locke."
    assert speakable(text) == text

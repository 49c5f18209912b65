"""Shown words <- spoken words: the alignment of the article's text with its normalized form."""

from __future__ import annotations

from app.narration.align import source_words
from app.narration.engine import WordTiming


def timings(said, times):
    """One WordTiming per whitespace token of `said` (as espeak-ng reports words)."""
    out, at = [], 0
    for token, (begin, finish) in zip(said.split(), times, strict=True):
        at = said.index(token, at)
        out.append(WordTiming(at, at + len(token.rstrip(".,")), begin, finish))
        at += len(token)
    return out


def test_a_symbol_said_as_several_words_is_one_shown_word_spanning_them():
    said = "It cost five million pounds last year."
    t = timings(said, [(0, .1), (.1, .3), (.3, .5), (.5, .8), (.8, 1.1), (1.1, 1.3),
                       (1.3, 1.6)])
    words = source_words("It cost £5m last year.", said, t)
    assert [(w.text, w.start, w.end) for w in words] == [
        ("It", 0, .1), ("cost", .1, .3), ("£5m", .3, 1.1), ("last", 1.1, 1.3),
        ("year.", 1.3, 1.6)]


def test_several_changed_tokens_share_the_spoken_words_by_what_each_says():
    text = "Open on 3/4/2025, 50% off."
    said = "Open on the third of april twenty twenty five, fifty percent off."
    t = timings(said, [(i, i + 1) for i in range(len(said.split()))])
    words = source_words(text, said, t)
    assert [(w.text, w.start, w.end) for w in words] == [
        ("Open", 0, 1), ("on", 1, 2), ("3/4/2025,", 2, 9), ("50%", 9, 11), ("off.", 11, 12)]


def test_unspoken_tokens_join_a_neighbour_and_a_position_that_steps_back_is_the_next_word():
    text = "— Boats; most of them — left 🎉"
    said = "Boats; most of them left"
    t = [WordTiming(0, 5, 0.0, 0.4), WordTiming(7, 11, 0.5, 0.7),
         WordTiming(8, 12, 0.7, 0.8),  # espeak-ng put "of" inside "most"
         WordTiming(15, 19, 0.8, 1.0), WordTiming(20, 24, 1.0, 1.3)]
    words = source_words(text, said, t)
    assert [w.text for w in words] == ["— Boats;", "most", "of", "them —", "left 🎉"]
    assert [(w.start, w.end) for w in words] == [(0, .4), (.5, .7), (.7, .8), (.8, 1), (1, 1.3)]


def test_no_events_no_words():
    assert source_words("Quiet.", "Quiet.", []) == []


def test_a_changed_stretch_is_shared_out_by_the_article_languages_own_normalization():
    # A German line: "14.05." is said as two words, "2024" as one, by the German normalizer
    text = "Am 14.05. 2024 begann es."
    said = "Am vierzehnten Mai zweitausendvierundzwanzig begann es."
    t = timings(said, [(i, i + 1) for i in range(len(said.split()))])
    german = {"14.05.": "vierzehnten Mai", "2024": "zweitausendvierundzwanzig"}
    words = source_words(text, said, t, say=lambda token: german.get(token, token))
    assert [(w.text, w.start, w.end) for w in words] == [
        ("Am", 0, 1), ("14.05.", 1, 3), ("2024", 3, 4), ("begann", 4, 5), ("es.", 5, 6)]
    # a normalizer that says the year in more words than the date shares it the other way
    other = {"14.05.": "fourteen", "2024": "two thousand twenty four"}
    shared = source_words(text, said, t, say=lambda token: other.get(token, token))
    assert [(w.text, w.start, w.end) for w in shared][1:3] == [("14.05.", 1, 2), ("2024", 2, 4)]

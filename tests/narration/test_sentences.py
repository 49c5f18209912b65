from app.narration.sentences import MAX_SENTENCE, split_sentences


def test_splits_on_sentence_ends():
    assert split_sentences("One two. Three four! Five six? Seven.") == [
        "One two.", "Three four!", "Five six?", "Seven."]


def test_keeps_abbreviations_and_initials_inside_a_sentence():
    text = "Dr. Roe met Mr. J. Smith at 9 a.m. on Friday. They talked."
    assert split_sentences(text) == ["Dr. Roe met Mr. J. Smith at 9 a.m. on Friday.",
                                     "They talked."]


def test_closing_quotes_stay_with_their_sentence():
    assert split_sentences('He said "go." Then he left.') == ['He said "go."', "Then he left."]


def test_very_long_runs_are_cut_at_clauses_or_words():
    text = ", ".join(["word " * 10] * 40)
    parts = split_sentences(text)
    assert len(parts) > 1
    assert all(len(p) <= MAX_SENTENCE for p in parts)
    assert " ".join(parts).split() == text.split()


def test_unbroken_text_is_cut_too():
    parts = split_sentences("x" * 1000)
    assert all(len(p) <= MAX_SENTENCE for p in parts)
    assert "".join(parts) == "x" * 1000


def test_empty_and_blank_text_give_nothing():
    assert split_sentences("") == []
    assert split_sentences("  \n ") == []

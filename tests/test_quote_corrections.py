"""One quote corrected at a time: the key, applying corrections, and what operators see."""

from app import removals
from app.importer.article import Article as ArticleDoc
from app.importer.article import Block
from app.models import Article, QuoteCorrection, db
from app.narration.quotes import segment_blocks
from app.speakers import (
    OPERATOR_SIEVE,
    UNATTRIBUTED,
    apply_corrections,
    explain,
    quote_key,
    quote_views,
)

FERRY = [
    "The ferry to the island will stop running in winter, its owners said on Monday.",
    '"We cannot keep losing money on empty crossings," said Ivan Petrov, who manages it.',
    'Councillor Maeve Dunne met angry islanders on the pier. "We will write to the company '
    'this week," Dunne said.',
    '"The numbers do not add up, whatever the council says."',
]
NUMBERS = "The numbers do not add up, whatever the council says."


def blocks(paragraphs):
    return [Block("paragraph", p) for p in paragraphs]


def quotes_by_text(segments):
    return {s.text: s for s in segments if s.quote}


def fix(text, speaker):
    return QuoteCorrection(key=quote_key(text), quote=text, speaker=speaker)


def test_key_folds_case_space_and_mark_styles_but_not_words():
    assert quote_key("It wasn’t  me,\nhonest") == quote_key("it wasn't me, honest")
    assert quote_key("It wasn't me") != quote_key("It was me")
    assert len(quote_key("x")) == 64


def test_without_corrections_the_segments_are_the_quote_finders():
    segments = segment_blocks(blocks(FERRY))
    assert apply_corrections(segments, []) == segments


def test_a_quote_moves_to_another_speaker_and_only_that_quote():
    segments = segment_blocks(blocks(FERRY))
    assert quotes_by_text(segments)[NUMBERS].speaker == "Maeve Dunne"  # the finder's guess
    fixed = quotes_by_text(apply_corrections(segments, [fix(NUMBERS, "Ivan Petrov")]))
    assert fixed[NUMBERS].speaker == "Ivan Petrov"
    assert fixed[NUMBERS].sieve == OPERATOR_SIEVE and fixed[NUMBERS].cue is None
    dunne = "We will write to the company this week,"
    assert fixed[dunne].speaker == "Maeve Dunne" and fixed[dunne].sieve != OPERATOR_SIEVE


def test_a_quote_given_to_a_new_name_to_nobody_or_to_the_narrator():
    segments = segment_blocks(blocks(FERRY))
    new = quotes_by_text(apply_corrections(segments, [fix(NUMBERS, "Ailsa Gray")]))
    assert new[NUMBERS].speaker == "Ailsa Gray"
    nobody = quotes_by_text(apply_corrections(segments, [fix(NUMBERS, UNATTRIBUTED)]))
    assert nobody[NUMBERS].speaker is None and nobody[NUMBERS].quote
    narrated = apply_corrections(segments, [fix(NUMBERS, None)])
    assert NUMBERS not in quotes_by_text(narrated)
    assert [s for s in narrated if s.text == NUMBERS and not s.quote and s.speaker is None]
    assert len(narrated) == len(segments)


def test_a_correction_survives_edits_to_other_paragraphs_and_around_the_quote():
    correction = [fix(NUMBERS, "Ivan Petrov")]
    edited = ["A new first paragraph, added after the correction was made.", *FERRY[:2],
              "Councillor Maeve Dunne, who chairs the transport committee, met islanders.",
              # the quote's own paragraph gains a cue, and curly marks
              f"“{NUMBERS}” The reply came by letter."]
    fixed = quotes_by_text(apply_corrections(segment_blocks(blocks(edited)), correction))
    assert fixed[NUMBERS].speaker == "Ivan Petrov"


def test_editing_the_quoted_words_makes_it_another_quote():
    correction = [fix(NUMBERS, "Ivan Petrov")]
    edited = [*FERRY[:3], '"The numbers never add up, whatever the council says."']
    fixed = quotes_by_text(apply_corrections(segment_blocks(blocks(edited)), correction))
    assert fixed["The numbers never add up, whatever the council says."].sieve != OPERATOR_SIEVE


def test_views_say_who_and_why_and_flag_quotes_with_no_speaker():
    doc = ArticleDoc(title="Ferry", blocks=blocks([
        'Depot manager Pete Larkin said the drivers had been wary. "Nobody likes a new '
        'timetable," he said.',
        "It rained all week.",
        '"Bring back the old one."',
    ]))
    views = {v.text: v for v in quote_views(doc)}
    larkin = views["Nobody likes a new timetable,"]
    assert larkin.speaker == "Pete Larkin" and not larkin.flagged
    assert larkin.why == "“he said.” (trailing cue)"
    orphan = views["Bring back the old one."]
    assert orphan.speaker is None and orphan.flagged and orphan.why == "no speaker found"


def test_views_show_corrections_and_renames():
    doc = ArticleDoc(title="Ferry", blocks=blocks(FERRY))
    views = {v.text: v for v in quote_views(
        doc, [fix(NUMBERS, "Ivan Petrov")], {"Ivan Petrov": "Ivan Petrov-Lund"})}
    moved = views[NUMBERS]
    assert moved.corrected and moved.found == "Maeve Dunne"
    assert moved.speaker == "Ivan Petrov-Lund" and moved.why == "moved by an operator"
    back = {v.text: v for v in quote_views(doc, [fix(NUMBERS, None)])}[NUMBERS]
    assert back.narrator and not back.flagged and back.speaker is None


def test_explain_names_the_sieve_when_the_cue_is_not_the_articles_words():
    segments = segment_blocks(blocks(FERRY))
    turn = quotes_by_text(segments)[NUMBERS]
    assert explain(turn, FERRY[3]).startswith(f"{turn.sieve}: ")


def test_undoing_a_delete_brings_the_corrections_back(app):
    with app.app_context():
        article = Article(title="Ferry")
        article.quote_corrections.append(fix(NUMBERS, "Ivan Petrov"))
        db.session.add(article)
        db.session.commit()
        removal = removals.remove_article(article, None)
        db.session.commit()
        assert db.session.scalars(db.select(QuoteCorrection)).all() == []  # gone with it
        restored = removals.restore(removal)
        db.session.commit()
        assert [(c.key, c.speaker) for c in restored.quote_corrections] == [
            (quote_key(NUMBERS), "Ivan Petrov")]

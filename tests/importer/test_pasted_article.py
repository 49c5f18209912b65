"""A whole news page pasted as text (tests/fixtures/articles/pasted-radio-drama.txt): the
story's lines come through whole and in order; the photo caption, its alt text, link-list
headers and promos do not, and a promo glued onto the last real sentence is cut off."""

import pytest

from app.importer import import_document

from ..conftest import PASTED_PAGE

BODY_STARTS = [
    "Listeners who stayed up for The Night Ferry",
    '"They bicker about everything, from the tide tables',
    '"What began as a summer crush',
    "She credited the change to Wren's new-found",
    "Ada and Wren are not the only passengers",
    '"With Marek and Jonah on board, something big is coming," said Tomasz Orrell.',
    '"I still remember hearing an old play on the wireless',
    "The new series follows the crew through a winter crossing",
    '"I always knew where the crossing would end',
    '"And I think three series will carry the ferry',
]
DROPPED = ["Ada holds a lantern", "on the ferry deck in The Night Ferry", "Read more",
           "More like this", "Visit our Radio Guide", "Subscribe to Airwaves Weekly",
           "£3.49", "£2", "Tideline is also available"]


@pytest.fixture(scope="module")
def article():
    return import_document(PASTED_PAGE.read_bytes(), filename=PASTED_PAGE.name)


def test_pasted_page_keeps_the_body_lines_whole_and_in_order(article):
    lines = [line.strip() for line in PASTED_PAGE.read_text(encoding="utf-8").splitlines()]
    paragraphs = article.paragraphs
    for start in BODY_STARTS:
        source = next(line for line in lines if line.startswith(start))
        assert source in paragraphs, start
    positions = [paragraphs.index(next(p for p in paragraphs if p.startswith(s)))
                 for s in BODY_STARTS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("unwanted", DROPPED)
def test_pasted_page_drops_caption_alt_text_link_lists_and_promos(article, unwanted):
    assert not any(unwanted in p for p in article.paragraphs)


def test_a_fact_keeps_its_words_without_the_promo_glued_onto_it(article):
    # "on Tidelinesign up for Tideline from £3.49 a month": the fact is read, the offer is not
    assert article.paragraphs[-1] == (
        "The Night Ferry series 2 begins on Monday 6th October on Tideline.")
    assert len(article.paragraphs) == len(BODY_STARTS) + 1


def test_pasted_page_title_is_derived_from_the_first_sentence(article):
    assert article.title.startswith("Listeners who stayed up for The Night Ferry")
    assert len(article.title) <= 81
    assert article.language == "en"

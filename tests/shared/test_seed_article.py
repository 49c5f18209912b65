"""The shared seed article (../shared/seed), pasted with its photo caption and promos.
The same behaviour on the project's own page: tests/importer/test_pasted_article.py."""

import pytest

from app.importer import import_document

from ..conftest import SEED

pytestmark = pytest.mark.shared

BODY_STARTS = [
    "Heartstopper fans will be thrilled to hear",
    '"They can\'t keep their hands off each other," said Joe Locke.',
    '"The relationship is becoming more like a proper relationship',
    "He attributed that shift to Charlie's growing",
    "And it's not just Nick and Charlie who have a lot to smile about",
    '"Now with Elle and Tao, it\'s going to be a moment," said Yasmin Finney.',
    '"I remember when I watched that Pose scene',
    "The season 2 plot will see the characters navigate their relationships",
    '"I definitely have an end point in mind',
    '"And I imagine four seasons would see out the whole story of Heartstopper."',
]
DROPPED = ["Elle at the cinema with a friend", "Read more:", "More like this",
           "Check out more of our Drama coverage", "Try Radio Times magazine",
           "£4.99", "Netflix is also available"]


@pytest.fixture(scope="module")
def seed_article():
    if not SEED.exists():
        pytest.fail(f"the shared seed article is missing: {SEED}")
    return import_document(SEED.read_bytes(), filename=SEED.name)


def test_seed_keeps_the_ten_body_lines_whole_and_in_order(seed_article):
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    paragraphs = seed_article.paragraphs
    for start in BODY_STARTS:
        source = next(line for line in lines if line.startswith(start))
        assert source in paragraphs, start
    positions = [paragraphs.index(next(p for p in paragraphs if p.startswith(s)))
                 for s in BODY_STARTS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("unwanted", DROPPED)
def test_seed_drops_caption_alt_text_link_lists_and_promos(seed_article, unwanted):
    assert not any(unwanted in p for p in seed_article.paragraphs)


def test_seed_premiere_date_is_kept_without_the_glued_on_promo(seed_article):
    # the line is a fact with a subscription offer run into it ("Netflixsign up for Netflix
    # from £4.99 a month"): the fact is read, the offer is not
    assert seed_article.paragraphs[-1] == (
        "Heartstopper season 2 premieres on Thursday 3rd August on Netflix.")
    assert len(seed_article.paragraphs) == 11


def test_seed_title_is_derived_from_the_first_sentence(seed_article):
    assert seed_article.title.startswith("Heartstopper fans will be thrilled")
    assert len(seed_article.title) <= 81
    assert seed_article.language == "en"

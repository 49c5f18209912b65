"""Uses the shared seed article (../shared/seed/): every quote goes to the right person.
The same behaviour on the project's own page: tests/narration/test_quotes_pasted_article.py."""

import pytest

from app.importer import import_document
from app.narration.quotes import segment_blocks

from ..conftest import SEED

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def segments():
    if not SEED.is_file():
        raise FileNotFoundError(f"the shared seed article is missing: {SEED}")
    doc = import_document(SEED.read_bytes())
    return doc, segment_blocks(doc.blocks)


def test_every_seed_quote_has_the_speaker_a_careful_reader_would_give(segments):
    doc, segs = segments
    got = [(s.speaker, s.text.split()[0]) for s in segs if s.quote]
    assert got == [
        ("Joe Locke", "They"), ("Joe Locke", "In"), ("Joe Locke", "The"),
        ("Joe Locke", "Charlie"),
        ("Yasmin Finney", "Now"), ("Yasmin Finney", "It"), ("Yasmin Finney", "I"),
        ("Alice Oseman", "I"), ("Alice Oseman", "And"),
    ]


def test_pose_scene_quote_stays_inside_yasmin_finneys_segment(segments):
    _doc, segs = segments
    (pose,) = [s for s in segs if s.quote and "Pose scene" in s.text]
    assert pose.speaker == "Yasmin Finney"
    assert '"Do you love me as a trans woman?"' in pose.text


def test_scare_quote_and_narration_stay_with_the_narrator(segments):
    _doc, segs = segments
    narrator = " ".join(s.text for s in segs if not s.quote)
    assert '"outward confidence in both himself and his relationship"' in narrator
    assert "said Joe Locke." in narrator and "writer Alice Oseman told OK!" in narrator

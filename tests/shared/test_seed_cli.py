"""Uses the shared seed article (../shared/seed/), as the foundation issue asks. `speak` and
`inspect` on the project's own page: tests/test_cli_pasted_article.py."""

import json

import pytest

from ..conftest import SEED

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        raise FileNotFoundError(f"the shared seed article is missing: {SEED}")
    return SEED


def test_inspect_seed_prints_paragraphs_and_speakers(runner, seed):
    result = runner.invoke(args=["inspect", str(seed)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert any(p.startswith("Heartstopper fans will be thrilled") for p in data["paragraphs"])
    speakers = {s["speaker"] for s in data["segments"] if s["speaker"]}
    assert {"Joe Locke", "Yasmin Finney", "Alice Oseman"} <= speakers


"""Uses the shared seed article (../shared/seed/), as the foundation issue asks."""

import json
import subprocess

import pytest

from .conftest import SHARED

SEED = SHARED / "seed" / "000_87e789a2473f025a.txt"


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


def test_speak_seed_writes_playable_mp3_vtt_and_chapters(runner, seed, tmp_path):
    out = tmp_path / "seed.mp3"
    result = runner.invoke(args=["speak", str(seed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                            "-of", "csv=p=0", str(out)], capture_output=True, text=True,
                           check=True)
    assert float(probe.stdout) > 60  # the seed's body is a few hundred words
    vtt = (tmp_path / "seed.vtt").read_text()
    for name in ("Joe Locke", "Yasmin Finney", "Alice Oseman"):
        assert f"<v {name}>" in vtt
    assert json.loads((tmp_path / "seed.chapters.json").read_text())["chapters"]

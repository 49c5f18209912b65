"""`inspect` and `speak` on a whole pasted news page (tests/fixtures/articles/)."""

import json
import subprocess

from .conftest import PASTED_PAGE

SPEAKERS = ("Priya Vance", "Tomasz Orrell", "Dara Quinlan")


def test_inspect_prints_paragraphs_and_speakers(runner):
    result = runner.invoke(args=["inspect", str(PASTED_PAGE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["paragraphs"][0].startswith("Listeners who stayed up for The Night Ferry")
    assert {s["speaker"] for s in data["segments"] if s["speaker"]} == set(SPEAKERS)


def test_speak_writes_playable_mp3_vtt_and_chapters(runner, tmp_path):
    out = tmp_path / "page.mp3"
    result = runner.invoke(args=["speak", str(PASTED_PAGE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                            "-of", "csv=p=0", str(out)], capture_output=True, text=True,
                           check=True)
    assert float(probe.stdout) > 60  # the body is a few hundred words
    vtt = (tmp_path / "page.vtt").read_text()
    for name in SPEAKERS:
        assert f"<v {name}>" in vtt
    assert json.loads((tmp_path / "page.chapters.json").read_text())["chapters"]

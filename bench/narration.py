"""Narration speed and memory against the floor measured in the same run.

Floor: `espeak-ng -w` on the same text, then one ffmpeg MP3 encode (DESIGN.md).
Targets (issue 5): cold <= 1.5x floor; unchanged re-narration <= 5% of cold; one edited
paragraph <= 25% of cold; peak memory for a 20,000-word article <= 250 MB.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.importer.article import Block  # noqa: E402
from app.narration import narrate  # noqa: E402
from app.narration.assemble import COMPRESSION  # noqa: E402
from bench.article import make_article, plain_text  # noqa: E402
from bench.report import write_section  # noqa: E402


def floor_seconds(text: str, work: Path, *lame: str) -> float:
    """espeak-ng -w on the whole text, then one ffmpeg MP3 encode (extra LAME options)."""
    (work / "floor.txt").write_text(text)
    start = time.perf_counter()
    subprocess.run(["espeak-ng", "-v", "en", "-w", str(work / "floor.wav"), "-f",
                    str(work / "floor.txt")], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(work / "floor.wav"), "-ac", "1",
                    "-b:a", "64k", *lame, str(work / "floor.mp3")], check=True)
    return time.perf_counter() - start


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def peak_memory_mb(words: int) -> float:
    """Narrate `words` words in a child process; its own peak RSS plus the engine's."""
    code = (
        "import sys, resource, tempfile; from pathlib import Path;"
        f"sys.path.insert(0, {str(ROOT)!r});"
        "from bench.article import make_article; from app.narration import narrate;"
        f"narrate(make_article({words}, seed=7), Path(tempfile.mkdtemp()));"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    own, children = (int(x) for x in out.stdout.split()[-2:])
    return max(own, children) / 1024


def main() -> None:
    article = make_article(900, seed=int(time.time()) % 997)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        floor = min(floor_seconds(plain_text(article), work) for _ in range(3))
        # The same floor with the LAME speed setting Hark itself uses, for a fair reading.
        floor_same = min(floor_seconds(plain_text(article), work, "-compression_level",
                                       COMPRESSION) for _ in range(3))
        cold, first = timed(lambda: narrate(article, work / "cache"))
        warm, _ = timed(lambda: narrate(article, work / "cache"))
        blocks = list(article.blocks)
        blocks[2] = Block("paragraph", blocks[2].text + " The vote is expected in June.")
        edited, second = timed(lambda: narrate(replace(article, blocks=blocks), work / "cache"))
    words = sum(len(p.split()) for p in article.paragraphs)
    memory = peak_memory_mb(20_000)
    rows = [
        ("floor: espeak-ng -w + one ffmpeg encode (defaults)", f"{floor:.2f} s", "1.00×", ""),
        (f"floor, ffmpeg with Hark's -compression_level {COMPRESSION}", f"{floor_same:.2f} s",
         f"{floor_same / floor:.2f}× floor", ""),
        ("cold narration", f"{cold:.2f} s",
         f"{cold / floor:.2f}× floor ({cold / floor_same:.2f}× same-setting floor)",
         "≤ 1.5× floor"),
        ("re-narration, nothing changed", f"{warm:.2f} s", f"{warm / cold:.1%} of cold",
         "≤ 5%"),
        ("re-narration, one paragraph edited", f"{edited:.2f} s",
         f"{edited / cold:.1%} of cold", "≤ 25%"),
        ("peak memory, 20,000 words", f"{memory:.0f} MB", "", "≤ 250 MB"),
    ]
    table = ["| measure | value | ratio | target |", "|---|---|---|---|"]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    note = (f"{words}-word article, three quoted speakers, {first.rendered} sentences; "
            f"the edit re-rendered {second.rendered}. Machine: {_machine()}.")
    text = "\n".join(table) + "\n\n" + note + "\n"
    print(text)
    write_section("Narration", text)
    print(json.dumps({"cold_over_floor": cold / floor, "cold_over_same": cold / floor_same,
                      "warm_share": warm / cold, "edit_share": edited / cold, "peak_mb": memory}))


def _machine() -> str:
    import os
    import platform

    return f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()

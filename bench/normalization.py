"""Text normalization judged as heard: Hark against espeak-ng alone, in the same run.

Runs the shared scorer (`../shared/bench/normalization/score.py`, 1,415 cases: a Google TN
sample and NeMo's English test cases; output and reference both turned into espeak-ng phonemes)
on `app.narration.normalize:speakable` and on espeak-ng alone (`--raw`), and writes the table
to docs/benchmarks.md. Targets (issue 14): Google TN lenient >= 92%, NeMo cases >= 98%.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402

SCORER = ROOT.parent / "shared" / "bench" / "normalization" / "score.py"
SUITES = [("googletn", "Google TN sample (CC BY 4.0)", "lenient ≥ 92%"),
          ("nemo-en", "NeMo's English test cases (news classes)", "≥ 98%")]


def score(*args: str) -> dict:
    """The scorer's JSON for one function (or `--raw`)."""
    out = subprocess.run([sys.executable, str(SCORER), *args, "--json"], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def _cell(suite: dict) -> str:
    return f"{suite['heard_pct']:.1f} / {suite['lenient_pct']:.1f}%"


def main() -> None:
    if not SCORER.exists():
        sys.exit(f"normalization benchmark not found at {SCORER}")
    start = time.perf_counter()
    raw = score("--raw")
    hark = score("app.narration.normalize:speakable", "--sys-path", str(ROOT))
    took = time.perf_counter() - start
    rows = ["| suite (as heard; strict / lenient) | cases | espeak-ng alone | Hark | target |",
            "|---|---:|---:|---:|---|"]
    for key, name, target in SUITES:
        a, h = raw["suites"][key]["all"], hark["suites"][key]["all"]
        rows.append(f"| {name} | {h['n']} | {_cell(a)} | **{_cell(h)}** | {target} |")
    t = hark["timing"]
    note = (f"Judged by espeak-ng {hark['espeak_ng']} ({hark['voice']}). Hark: NeMo "
            f"text-processing grammars + Hark's rules (`app/narration/normalize.py`); "
            f"grammar load {t['load_s']:.1f} s (compiled once beforehand), "
            f"{t['mean_ms']:.1f} ms a case (median {t['median_ms']:.1f}, p95 {t['p95_ms']:.0f}); "
            f"{hark['errors']} errors. Run took {took:.0f} s.")
    text = "\n".join(rows) + "\n\n" + note + "\n"
    print(text)
    write_section("Text normalization", text)


if __name__ == "__main__":
    main()

"""Quote detection and speaker attribution on public news articles (issue 13).

Runs the shared scorer (../shared/bench/attribution/score.py: 648 PolNeAR articles, 3,368
direct quotes with their speakers) on `app.narration.quotes:attribute_paragraphs`, as the
articles are and rewritten in British house style (‘…’ with “…” nested), and writes the table
to docs/benchmarks.md. Targets: detection F1 >= 0.975, attribution accuracy >= 0.92, no
speaker <= 5%, end-to-end >= 0.90 (British >= 0.88), under 20 ms an article.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402

SCORE = ROOT.parent / "shared" / "bench" / "attribution" / "score.py"
SYSTEM = "app.narration.quotes:attribute_paragraphs"
STYLES = {"as-is": 0.90, "british": 0.88}  # style -> end-to-end target


def run(style: str) -> dict:
    """One score.py run in `style`; its JSON result."""
    cmd = [sys.executable, str(SCORE), "run", SYSTEM, "--sys-path", str(ROOT),
           "--style", style, "--json"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"score.py failed ({style}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def best_ms_per_article(runs: int = 3) -> float:
    """Time of `attribute_paragraphs` alone, ms an article, best of `runs` passes over the
    dev articles in this process (the scorer's own figure includes its British rewrite and
    whatever else the shared machine is doing)."""
    from app.narration.quotes import attribute_paragraphs

    gold = SCORE.parent / "polnear_dev.jsonl"
    docs = [json.loads(line)["paragraphs"] for line in gold.open(encoding="utf-8")]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for paragraphs in docs:
            attribute_paragraphs(paragraphs)
        best = min(best, (time.perf_counter() - start) * 1000 / len(docs))
    return best


def row(style: str, res: dict, ms: float) -> str:
    """One markdown row, with whether the issue's targets hold."""
    f1, acc = res["detection"]["f1"], res["attribution_accuracy"]
    none, e2e = res["attributed_none_share"], res["end_to_end_recall"]
    met = (f1 >= 0.975 and acc >= 0.92 and none <= 0.05 and e2e >= STYLES[style]
           and ms < 20)
    return (f"| {style} | {res['articles']} | {res['gold_quotes']} | {f1:.3f} | {acc:.3f} | "
            f"{none:.1%} | {e2e:.3f} | {ms:.1f} | {'met' if met else 'not met'} |")


def main() -> None:
    results = {style: run(style) for style in STYLES}
    ms = best_ms_per_article()
    lines = ["| style | articles | quotes | detection F1 | attribution accuracy | no speaker "
             "| end-to-end | ms/article | targets |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    lines += [row(style, res, ms) for style, res in results.items()]
    kinds = results["as-is"]["wrong_speaker_kinds"]
    body = "\n".join(lines) + (
        "\n\nTargets (issue 13): detection F1 ≥ 0.975, attribution accuracy ≥ 0.92, found quotes "
        "with no speaker ≤ 5%, end-to-end ≥ 0.90 (British ≥ 0.88), < 20 ms an article. "
        f"Scored by `../shared/bench/attribution/score.py run {SYSTEM}` on the 648 dev articles "
        "(PolNeAR, US political news); `british` rewrites every quotation as ‘…’ with “…” "
        "nested. ms/article: `attribute_paragraphs` alone, best of 3 passes in one process. "
        "The gold is noisy where a reader must resolve: its pronoun speakers were resolved to "
        "names by CoreNLP coreference, about 83% right by the corpus's own hand check, and a "
        "speaker the article gives only by a description (\"the Republican nominee\") is "
        "scored by the description's words, so a quote resolved to the person described counts "
        "as wrong. A hand check of the remaining wrong pronoun rows (2026-11-30, fourth pass) "
        "found most of them such: the quote's own cue and paragraph name the speaker Hark "
        "gives. Most of what British style loses against as-is comes from the rewrite of "
        "originals that mix marks (“…\" becomes ‘…\", a single opener left with a straight "
        "double close, which no house style writes). "
        "Wrong speakers by kind (as-is): "
        + ", ".join(f"{k} {n}" for k, n in kinds.items())
        + f". Machine: {platform.machine()}, Python {platform.python_version()}.")
    write_section("Quote attribution", body)
    print(body)


if __name__ == "__main__":
    main()

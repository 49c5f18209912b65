"""Article extraction quality and speed, against trafilatura measured in the same run.

Runs the shared scorer (../shared/bench/extraction/evaluate.py, 181 pages with hand-made
ground truth) on `app.importer:extract_text` in both input modes: raw HTML, and the page
rendered to plain text (a whole-page paste). Targets (issues 3, 16): HTML F1 >= 0.975 in no more
time a page than trafilatura's; pasted-text F1 >= 0.92.
"""

from __future__ import annotations

import gzip
import json
import platform
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.importer.html import parse_html  # noqa: E402
from bench.page_language import guess_language  # noqa: E402
from bench.report import write_section  # noqa: E402

EVALUATE = ROOT.parent / "shared" / "bench" / "extraction" / "evaluate.py"
TRAFILATURA_KWARGS = {"favor_precision": True, "include_comments": False}
COLUMNS = ["extractor", "input", "pages", "P", "R", "F1", "F1 sd", "BoW F1", "exact",
           "ms mean", "ms p95", "errors"]
# (label, input mode, extractor, extra evaluate.py arguments)
RUNS = [
    ("hark", "html", "app.importer:extract_text", ["--sys-path", str(ROOT)]),
    ("trafilatura (precision)", "html", "trafilatura:extract",
     ["--kwargs", json.dumps(TRAFILATURA_KWARGS)]),
    ("trafilatura (defaults)", "html", "trafilatura:extract", []),
    ("hark", "text", "app.importer:extract_text", ["--sys-path", str(ROOT)]),
    ("trafilatura on text", "text", "reference_extractors:trafilatura_on_text", []),
    ("identity (paste unchanged)", "text", "reference_extractors:identity", []),
]
# (F1 at least, time per page at most trafilatura's in the same run); issue 16
TARGETS = {"html": (0.975, True), "text": (0.92, False)}


def run(label: str, mode: str, extractor: str, extra: list[str]) -> dict:
    """One evaluate.py run; its markdown row as a dict keyed by column name, plus the per-page
    scores under "per_page"."""
    with tempfile.NamedTemporaryFile(suffix=".json") as pages:
        cmd = [sys.executable, str(EVALUATE), extractor, "--input", mode, "--label", label,
               "--no-header", "--quiet", "--per-page", pages.name, *extra]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        rows = [line for line in done.stdout.splitlines() if line.startswith("|")]
        if done.returncode or not rows:
            raise SystemExit(f"evaluate.py failed for {label} ({mode}):\n{done.stderr[-2000:]}")
        per_page = json.loads(Path(pages.name).read_text())
    cells = [cell.strip() for cell in rows[-1].strip("|").split("|")]
    return {**dict(zip(COLUMNS, cells, strict=False)), "per_page": per_page}


def page_languages() -> dict[str, str]:
    """Each page's language: its ground-truth text guessed, else the page's <html lang>."""
    truth = json.loads((EVALUATE.parent / "ground-truth.json").read_text(encoding="utf-8"))
    langs = {}
    for pid, item in truth.items():
        lang = guess_language(item["articleBody"])
        if not lang:
            raw = gzip.decompress((EVALUATE.parent / "html" / f"{pid}.html.gz").read_bytes())
            tree = parse_html(raw.decode("utf-8", "replace"))
            lang = ((tree.get("lang") or "?") if tree is not None else "?").split("-")[0]
        langs[pid] = lang.lower()
    return langs


def macro_f1(pages: list[dict]) -> float:
    """evaluate.py's F1: harmonic mean of the page-averaged precision and recall."""
    ps = [p["precision"] for p in pages if p["precision"] is not None]
    p = sum(ps) / max(len(ps), 1)
    r = sum(page["recall"] or 0 for page in pages) / max(len(pages), 1)
    return 2 * p * r / max(p + r, 1e-9)


def language_table(results: list[dict]) -> str:
    """F1 per language of Hark and trafilatura, in both input modes, and Hark's HTML F1 minus
    the better of trafilatura's two settings (issue 15: no language below it)."""
    langs = page_languages()
    cols = [(r["extractor"], r["input"], {p["id"]: p for p in r["per_page"]}) for r in results
            if r["extractor"] != "identity (paste unchanged)"]
    groups: dict[str, list[str]] = defaultdict(list)
    for pid in cols[0][2]:
        groups[langs.get(pid, "?")].append(pid)
    head = ("| language | pages | " + " | ".join(f"{n} ({m})" for n, m, _ in cols)
            + " | hark − best trafilatura (html) |")
    lines = [head, "|---|---:|" + "---:|" * (len(cols) + 1)]
    for lang in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        idx = groups[lang]
        f1s = [macro_f1([pages[i] for i in idx]) for _, _, pages in cols]
        hark = next(f for (n, m, _), f in zip(cols, f1s, strict=True)
                    if n == "hark" and m == "html")
        best = max(f for (n, m, _), f in zip(cols, f1s, strict=True)
                   if n.startswith("trafilatura (") and m == "html")
        lines.append(f"| {lang} | {len(idx)} | " + " | ".join(f"{f:.3f}" for f in f1s)
                     + f" | {hark - best:+.3f} |")
    return "\n".join(lines)


def table(results: list[dict[str, str]]) -> str:
    """Markdown table: each row's F1 and time as ratios to trafilatura's in the same mode."""
    reference = {}
    for row in results:
        if row["extractor"].startswith("trafilatura") and row["input"] not in reference:
            reference[row["input"]] = row
    lines = ["| extractor | input | P | R | F1 | F1 vs trafilatura | ms/page | time vs "
             "trafilatura | target |", "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in results:
        ref = reference[row["input"]]
        f1, ms = float(row["F1"]), float(row["ms mean"])
        target = ""
        if row["extractor"] == "hark":
            min_f1, timed = TARGETS[row["input"]]
            met = f1 >= min_f1 and (not timed or ms <= float(ref["ms mean"]))
            target = f"F1 ≥ {min_f1}" + (", time ≤ trafilatura's" if timed else "")
            target += " (met)" if met else " (NOT met)"
        lines.append(
            f"| {row['extractor']} | {row['input']} | {row['P']} | {row['R']} | {row['F1']} | "
            f"{f1 / float(ref['F1']):.3f}× | {ms:.1f} | {ms / float(ref['ms mean']):.2f}× | "
            f"{target} |")
    return "\n".join(lines)


def main() -> int:
    if not EVALUATE.exists():
        print(f"missing {EVALUATE}: the shared benchmark is not checked out", file=sys.stderr)
        return 1
    results = []
    for label, mode, extractor, extra in RUNS:
        print(f"  {label} ({mode})…", flush=True)
        results.append(run(label, mode, extractor, extra))
    body = table(results) + "\n\nF1 per language (guessed from the ground truth):\n\n" + (
        language_table(results))
    print(body)
    note = (
        "181 pages of the shared extraction benchmark (Zyte's article-extraction-benchmark), "
        "4-token-shingle F1 macro-averaged over pages, scored by "
        "`../shared/bench/extraction/evaluate.py`; `text` feeds each page rendered to plain "
        "text, as a whole-page paste. trafilatura (precision) is "
        f"`trafilatura.extract(**{TRAFILATURA_KWARGS})`. Machine: "
        f"{platform.machine()}, Python {platform.python_version()}.")
    write_section("Extraction", body + "\n\n" + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())

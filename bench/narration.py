"""Narration speed and memory against the floor measured in the same run.

Floor: `espeak-ng -w` on the same text, then one ffmpeg MP3 encode (DESIGN.md).
Targets (issue 5): cold <= 1.5x floor; unchanged re-narration <= 5% of cold; one edited
paragraph <= 25% of cold; peak memory for a 20,000-word article <= 250 MB.
Loudness (issue 14), measured on the cold narration's MP3 with ffmpeg's ebur128: -16 LUFS
integrated (within 1 LU), true peak <= -1 dBTP, no clipped sentence, every voice within
1 LU of the narrator.
"""

from __future__ import annotations

import array
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import wave
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.importer.article import Block  # noqa: E402
from app.narration import EpisodeFiles, narrate  # noqa: E402
from app.narration.assemble import COMPRESSION, SAMPLE_RATE, _levelled  # noqa: E402
from app.narration.loudness import ebur128  # noqa: E402
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
        loud = loudness_figures(work / "cache", first.files)
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
    spread = max(abs(v - loud["voices"]["Narrator"]) for v in loud["voices"].values())
    rows += [
        ("episode loudness (integrated)", f"{loud['integrated']:.1f} LUFS", "",
         "-16 ± 1 LUFS"),
        ("episode true peak", f"{loud['true_peak']:.1f} dBTP", "", "≤ -1 dBTP"),
        ("sentences with clipped samples", f"{loud['clipped']} of {loud['sentences']}", "",
         "0"),
        ("voices' loudness, furthest from the narrator", f"{spread:.1f} LU",
         ", ".join(f"{k} {v:.1f}" for k, v in loud["voices"].items()), "≤ 1 LU"),
    ]
    table = ["| measure | value | ratio | target |", "|---|---|---|---|"]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    note = (f"{words}-word article, three quoted speakers, {first.rendered} sentences; "
            f"the edit re-rendered {second.rendered}. Machine: {_machine()}.")
    text = "\n".join(table) + "\n\n" + note + "\n"
    print(text)
    write_section("Narration", text)
    print(json.dumps({"cold_over_floor": cold / floor, "cold_over_same": cold / floor_same,
                      "warm_share": warm / cold, "edit_share": edited / cold, "peak_mb": memory,
                      "lufs": loud["integrated"], "dbtp": loud["true_peak"],
                      "clipped": loud["clipped"], "voice_spread_lu": spread}))


def loudness_figures(cache: Path, files: EpisodeFiles) -> dict:
    """ebur128 on the episode, on each speaker's cues, and clipping in each sentence."""
    episodes = cache / "episodes"
    mp3 = episodes / files.audio_name
    whole = ebur128(mp3)
    spans: dict[str, list[tuple[float, float]]] = {}
    for block in (episodes / files.transcript_name).read_text().split("\n\n"):
        cue = re.search(r"(\d+):(\d+):([\d.]+) --> (\d+):(\d+):([\d.]+)", block)
        if not cue:
            continue
        h1, m1, s1, h2, m2, s2 = cue.groups()
        start = int(h1) * 3600 + int(m1) * 60 + float(s1)
        end = int(h2) * 3600 + int(m2) * 60 + float(s2)
        voice = re.search(r"<v ([^>]+)>", block)
        spans.setdefault(voice.group(1) if voice else "Narrator", []).append((start, end))
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", str(mp3), "-f", "s16le", "-ac", "1",
                          "-ar", str(SAMPLE_RATE), "-"], capture_output=True, check=True).stdout
    voices = {}
    for speaker, parts in spans.items():
        path = cache / "speaker.wav"
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(SAMPLE_RATE)
            for a, b in parts:
                w.writeframes(pcm[2 * round(a * SAMPLE_RATE):2 * round(b * SAMPLE_RATE)])
        voices[speaker] = ebur128(path).integrated
    segments = list((cache / "segments").rglob("*.wav"))
    clipped = sum(1 for p in segments if _clips(_levelled(p)))
    return {"integrated": whole.integrated, "true_peak": whole.true_peak, "voices": voices,
            "clipped": clipped, "sentences": len(segments)}


def _clips(pcm: bytes) -> bool:
    samples = array.array("h", pcm)
    return max(samples, default=0) == 32767 or min(samples, default=0) == -32768


def _machine() -> str:
    import os
    import platform

    return f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()

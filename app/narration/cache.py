"""Content-addressed audio cache: a segment's key is its text, voice and engine.

Each sentence's WAV has its word timings beside it (`<key>.words.json`: the engine's
WordTimings), so a cached sentence keeps its timings and only what changed is spoken again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import wave
from pathlib import Path

from app.episodes.files import episodes_dir, write_atomic

from .engine import SAMPLE_RATE, SpeechEngine, WordTiming
from .voices import Voice


class SegmentCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root) / "segments"

    def key(self, text: str, voice: Voice, engine: SpeechEngine) -> str:
        material = json.dumps(
            {"text": text, "voice": voice.settings(), "engine": engine.name,
             "version": engine.version},
            sort_keys=True,
        )
        return hashlib.sha256(material.encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def render(self, text: str, voice: Voice, engine: SpeechEngine) -> tuple[Path, float, bool]:
        """Return (wav path, seconds, was_cached), synthesizing only on a miss. A sentence
        whose audio or word timings are missing or damaged is a miss."""
        path = self.path(self.key(text, voice, engine))
        if path.exists():
            seconds = checked_wav_seconds(path)
            if seconds is not None and read_timings(path) is not None:
                os.utime(path)  # recency, for eviction
                return path, seconds, True
            path.unlink(missing_ok=True)  # damaged (empty, truncated, garbage): say it again
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".wav.part", dir=path.parent)
        os.close(fd)
        try:
            speech = engine.timed_synthesize(text, voice, Path(tmp))
            # Timings first: a WAV in place always has its timings beside it.
            write_atomic(timings_path(path),
                         json.dumps([list(w) for w in speech.words]).encode())
            os.replace(tmp, path)  # atomic: readers see the whole file or none
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return path, speech.seconds, False


def timings_path(wav: Path) -> Path:
    """Where a cached sentence's word timings are kept: beside its WAV."""
    return wav.with_suffix(".words.json")


def read_timings(wav: Path) -> list[WordTiming] | None:
    """The word timings of the cached sentence `wav` (seconds from its start), or None when
    they are missing or cannot be read."""
    try:
        data = json.loads(timings_path(wav).read_text())
        return [WordTiming(int(a), int(b), float(c), float(d)) for a, b, c, d in data]
    except (OSError, ValueError, TypeError):
        return None


def checked_wav_seconds(path: Path) -> float | None:
    """The length in seconds of a cached sentence, or None if the file cannot be trusted:
    not a WAV, not the engine's format (mono, 16-bit, SAMPLE_RATE), no samples, or fewer
    sample bytes than its header announces (a truncated write or a damaged disk)."""
    try:
        with wave.open(str(path), "rb") as w:
            n = w.getnframes()
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, SAMPLE_RATE):
                return None
            if n == 0 or len(w.readframes(n)) != 2 * n:
                return None
            return n / SAMPLE_RATE
    except (OSError, EOFError, wave.Error):
        return None


def evict(root: Path, max_bytes: int, keep: set[str]) -> list[Path]:
    """Bring the audio cache under `max_bytes`, least recently used first.

    Segment and chunk audio go first (they only speed up re-narration); episode files go
    only when their name is not in `keep` (the files published episodes refer to).
    """
    root = Path(root)
    segments = [p for p in (root / "segments").rglob("*.wav") if p.is_file()]
    segments += [p for p in (root / "chunks").rglob("*.mp3") if p.is_file()]
    episodes = [p for p in episodes_dir(root).glob("*") if p.is_file()]
    stats = {p: p.stat() for p in segments + episodes}
    total = sum(st.st_size for st in stats.values())
    removable = sorted(segments, key=lambda p: stats[p].st_mtime) + sorted(
        (p for p in episodes if p.name not in keep and not p.name.endswith(".part")),
        key=lambda p: stats[p].st_mtime,
    )
    removed: list[Path] = []
    for path in removable:
        if total <= max_bytes:
            break
        try:
            path.unlink()
        except FileNotFoundError:
            continue  # another worker got there first
        if path.suffix == ".wav":
            timings_path(path).unlink(missing_ok=True)
        total -= stats[path].st_size
        removed.append(path)
    return removed

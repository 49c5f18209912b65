"""Content-addressed audio cache: a segment's key is its text, voice and engine."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .engine import SpeechEngine, wav_seconds
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
        """Return (wav path, seconds, was_cached), synthesizing only on a miss."""
        path = self.path(self.key(text, voice, engine))
        if path.exists():
            os.utime(path)  # recency, for eviction
            return path, wav_seconds(path), True
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".wav.part", dir=path.parent)
        os.close(fd)
        try:
            seconds = engine.synthesize(text, voice, Path(tmp))
            os.replace(tmp, path)  # atomic: readers see the whole file or none
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return path, seconds, False

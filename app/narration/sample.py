"""A short MP3 of some text in one voice: what operators hear before choosing a voice or
saving a pronunciation. Real espeak-ng (through the engine) and ffmpeg, cached on disk by
text, voice and engine, like the segment cache."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path

from .engine import Pyttsx3Engine
from .voices import Voice

MAX_CHARS = 300  # a sample is a sentence or a word, not an article


def sample_path(cache_root: str | Path, text: str, voice: Voice, engine_id: str) -> Path:
    """Where the sample for (text, voice, engine) is kept: <cache>/samples/<sha256>.mp3."""
    key = hashlib.sha256(json.dumps({"text": text, "voice": voice.settings(),
                                     "engine": engine_id}, sort_keys=True).encode()).hexdigest()
    return Path(cache_root) / "samples" / f"{key}.mp3"


def render_sample(cache_root: str | Path, text: str, voice: Voice) -> Path:
    """The MP3 (mono, 64 kbit/s) of `text` (at most MAX_CHARS characters) said by `voice`;
    rendered once, then served from the cache. Raises SynthesisError or CalledProcessError
    (ffmpeg) when it cannot be made."""
    text = " ".join(text.split())[:MAX_CHARS]
    with Pyttsx3Engine() as engine:
        path = sample_path(cache_root, text, voice, f"{engine.name} {engine.version}")
        if path.is_file():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
            wav, mp3 = Path(tmp) / "s.wav", Path(tmp) / "s.mp3"
            engine.synthesize(text, voice, wav)
            subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(wav),
                            "-ac", "1", "-codec:a", "libmp3lame", "-b:a", "64k", str(mp3)],
                           check=True, capture_output=True, timeout=60)
            os.replace(mp3, path)  # atomic: a reader sees the whole file or none
    return path

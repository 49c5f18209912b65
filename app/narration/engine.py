"""Speech synthesis behind a small interface; pyttsx3 on espeak-ng in a child process.

pyttsx3 is not thread-safe, keeps global espeak state, prints to stdout and (2.99) can stop
early on multi-sentence text. So it runs in its own process, one sentence per request, with a
timeout per request; the parent checks every file and restarts a child that hangs.
"""

from __future__ import annotations

import functools
import json
import select
import subprocess
import sys
import wave
from pathlib import Path
from typing import NamedTuple, Protocol

from .voices import Voice

SAMPLE_RATE = 22050  # what pyttsx3's espeak driver writes
CHILD = Path(__file__).with_name("espeak_child.py")


class SynthesisError(RuntimeError):
    """A sentence could not be rendered; the message says which and why."""


class WordTiming(NamedTuple):
    """One word as the engine spoke it: its characters in the text it was given
    (`text[start:end]`) and its sound in the rendering, in seconds from the rendering's
    start. `begin` is where the engine's WORD event puts it; `finish` is where its sound
    ends (the next word's begin, unless a silence of 30 ms or more lies between)."""

    start: int
    end: int
    begin: float
    finish: float


class Speech(NamedTuple):
    seconds: float
    words: list[WordTiming]


class SpeechEngine(Protocol):
    name: str
    version: str

    def synthesize(self, text: str, voice: Voice, path: Path) -> float:
        """Write `text` spoken by `voice` to `path` (WAV, 22.05 kHz mono); return seconds."""
        ...

    def timed_synthesize(self, text: str, voice: Voice, path: Path) -> Speech:
        """As synthesize, and where each word of `text` is spoken (the engine's events)."""
        ...

    def close(self) -> None: ...


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


def expected_seconds(text: str, rate_wpm: int) -> float:
    """A low estimate of how long `text` takes to say, to catch truncated renderings."""
    words = max(1, len(text.split()))
    return words * 60.0 / rate_wpm


class Pyttsx3Engine:
    """pyttsx3 (espeak-ng driver) in a child process that is killed if it hangs."""

    name = "pyttsx3-espeak-ng"

    def __init__(self, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self.version = _library_versions()

    def start(self) -> None:
        """Start the child now, so that it loads pyttsx3 while the caller does other work."""
        self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            # Run by path, not as a module: the child imports pyttsx3 and nothing of Hark.
            self._proc = subprocess.Popen(
                [sys.executable, str(CHILD)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        return self._proc

    def synthesize(self, text: str, voice: Voice, path: Path) -> float:
        return self.timed_synthesize(text, voice, path).seconds

    def timed_synthesize(self, text: str, voice: Voice, path: Path) -> Speech:
        """The WAV at `path`, its length in seconds and its words, in order of the audio
        (espeak-ng's espeakEVENT_WORD: character position, length, first sample).

        Raises SynthesisError if the engine fails, hangs or stops early."""
        for attempt in (1, 2):
            speech = self._request(text, voice, path)
            # The 2.99 driver sometimes stops early: a rendering far shorter than the
            # slowest plausible reading is retried once, then refused.
            if speech.seconds >= 0.35 * expected_seconds(text, voice.rate) or attempt == 2:
                break
        if speech.seconds < 0.35 * expected_seconds(text, voice.rate):
            raise SynthesisError(
                f"speech stopped early ({speech.seconds:.1f} s) for: {text[:60]!r}")
        return speech

    def _request(self, text: str, voice: Voice, path: Path) -> Speech:
        proc = self._start()
        assert proc.stdin and proc.stdout
        request = {"text": text, "voice": voice.settings(), "path": str(path)}
        try:
            proc.stdin.write(json.dumps(request).encode() + b"\n")
            proc.stdin.flush()
        except BrokenPipeError as e:
            self.close()
            raise SynthesisError("the speech engine process died") from e
        ready, _, _ = select.select([proc.stdout], [], [], self.timeout)
        if not ready:
            self.close()
            raise SynthesisError(
                f"speech engine timed out after {self.timeout:g} s on: {text[:60]!r}"
            )
        line = proc.stdout.readline()
        if not line:
            self.close()
            raise SynthesisError(f"the speech engine process died on: {text[:60]!r}")
        reply = json.loads(line)
        if "error" in reply:
            raise SynthesisError(reply["error"])
        words = [WordTiming(a, b, begin / SAMPLE_RATE, finish / SAMPLE_RATE)
                 for a, b, begin, finish in reply.get("words", [])]
        return Speech(wav_seconds(path), words)

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            self._proc = None

    def __enter__(self) -> Pyttsx3Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@functools.cache
def _library_versions() -> str:
    from importlib.metadata import version

    espeak = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True)
    return f"pyttsx3 {version('pyttsx3')}; {espeak.stdout.strip()[:60]}"

"""WebVTT transcript and Podcasting 2.0 chapters from timed lines (pure)."""

from __future__ import annotations

import html
import json
import re
import textwrap
from dataclasses import dataclass

from .script import Line

LINE_WIDTH = 65


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    speaker: str
    text: str


def timestamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _voice_name(name: str) -> str:
    # A voice annotation ends at ">" and may not hold line breaks or markup.
    return " ".join(name.replace("<", "").replace(">", "").replace("&", "and").split())


def to_vtt(cues: list[Cue]) -> str:
    """WebVTT with a `<v Speaker>` on every cue, and a visible "Speaker:" label (class
    `speaker`) where the speaker changes, since players do not show voice names."""
    out = ["WEBVTT", ""]
    previous = None
    for i, cue in enumerate(cues, 1):
        name = _voice_name(cue.speaker)
        label = f"{name}: " if name != previous else ""
        previous = name
        wrapped = textwrap.wrap(label + cue.text, LINE_WIDTH, break_long_words=True) or [""]
        lines = [_escape(w) for w in wrapped]
        tag = _escape(label.rstrip())
        if label and lines[0].startswith(tag):
            lines[0] = f"<c.speaker>{tag}</c>{lines[0][len(tag):]}"
        body = "\n".join(lines)
        out += [str(i), f"{timestamp(cue.start)} --> {timestamp(cue.end)}",
                f"<v {name}>{body}", ""]
    return "\n".join(out)


def to_chapters(lines: list[Line], starts: list[float]) -> str:
    chapters = [{"startTime": round(t, 3), "title": line.chapter}
                for line, t in zip(lines, starts, strict=True) if line.chapter]
    return json.dumps({"version": "1.2.0", "chapters": chapters}, ensure_ascii=False, indent=1)


_TIMING = re.compile(r"^(\d+):(\d{2}):(\d{2})\.(\d{3}) --> (\d+):(\d{2}):(\d{2})\.(\d{3})")
_VOICE = re.compile(r"<v\s+([^>]*)>")
_LABEL = re.compile(r"<c\.speaker>.*?</c>\s*")
_TAGS = re.compile(r"<[^>]*>")


def parse_vtt(vtt: str) -> list[Cue]:
    """Cues of a Hark WebVTT transcript: times, speaker, and plain text (no label)."""
    cues = []
    for block in re.split(r"\n\s*\n", vtt.replace("\r\n", "\n")):
        lines = block.strip().split("\n")
        for i, line in enumerate(lines):
            m = _TIMING.match(line)
            if not m:
                continue
            g = [int(x) for x in m.groups()]
            start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
            end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
            raw = " ".join(lines[i + 1:])
            voice = _VOICE.search(raw)
            text = html.unescape(_TAGS.sub("", _LABEL.sub("", raw))).strip()
            cues.append(Cue(start, end, voice.group(1).strip() if voice else "Narrator", text))
            break
    return cues


@dataclass(frozen=True)
class Turn:
    """A stretch of the episode in one voice, for the speaker timeline."""

    start: float
    end: float
    speaker: str


def speaker_turns(cues: list[Cue]) -> list[Turn]:
    turns: list[Turn] = []
    for cue in cues:
        if turns and turns[-1].speaker == cue.speaker:
            turns[-1] = Turn(turns[-1].start, cue.end, cue.speaker)
        else:
            turns.append(Turn(cue.start, cue.end, cue.speaker))
    return turns

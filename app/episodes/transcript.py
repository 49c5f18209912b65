"""The transcript's one owner: cues to WebVTT and chapters, and Hark's WebVTT read back
(once, by one parser) into cues, speaker turns and the Podcasting 2.0 JSON transcript. Pure."""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for the annotation: app.narration imports this module
    from app.narration.script import Line

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


def to_chapters(lines: Sequence[Line], starts: list[float]) -> str:
    """Podcasting 2.0 chapters JSON: one chapter per line that starts one (`line.chapter`)."""
    chapters = [{"startTime": round(t, 3), "title": line.chapter}
                for line, t in zip(lines, starts, strict=True) if line.chapter]
    return json.dumps({"version": "1.2.0", "chapters": chapters}, ensure_ascii=False, indent=1)


# Hark writes h:mm:ss.mmm; mm:ss.mmm is valid WebVTT too, and a voice may carry classes.
_TIMING = re.compile(r"^\s*((?:\d+:)?\d{1,2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}\.\d{3})")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_LABEL = re.compile(r"<c\.speaker>.*?</c>\s*")  # the visible "Name:" label; the voice says it
_TAGS = re.compile(r"</?[^>]*>")


def _seconds(stamp: str) -> float:
    parts = [float(p) for p in stamp.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0.0)
    h, m, s = parts
    return round(h * 3600 + m * 60 + s, 3)


def _read_cues(vtt: str) -> list[tuple[float, float, str | None, str]]:
    """(start, end, voice or None, plain text) of every cue: wrapped lines joined, the
    speaker label dropped, markup removed and character references decoded."""
    cues = []
    for block in re.split(r"\r?\n[ \t]*\r?\n", vtt.replace("\r\n", "\n").strip()):
        lines = block.split("\n")
        at = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if at is None:
            continue  # the header, NOTE, STYLE and REGION blocks
        start, end = _TIMING.match(lines[at]).groups()  # type: ignore[union-attr]
        raw = " ".join(line.strip() for line in lines[at + 1:] if line.strip())
        voice = _VOICE.search(raw)
        text = html.unescape(_TAGS.sub("", _LABEL.sub("", raw))).strip()
        cues.append((_seconds(start), _seconds(end),
                     html.unescape(voice.group(1).strip()) if voice else None, text))
    return cues


def parse_vtt(vtt: str, default_speaker: str = "Narrator") -> list[Cue]:
    """Cues of a Hark WebVTT transcript: times, speaker (`default_speaker` for a cue with no
    voice), and plain text without the speaker label."""
    return [Cue(start, end, voice or default_speaker, text)
            for start, end, voice, text in _read_cues(vtt)]


def json_transcript(vtt: str) -> dict[str, Any]:
    """The Podcasting 2.0 JSON transcript of a WebVTT file.

    One segment per cue: the `<v Name>` voice is the speaker (omitted when the cue has none),
    wrapped lines are joined, and markup and character references are decoded to plain text.
    """
    segments = []
    for start, end, voice, text in _read_cues(vtt):
        segment: dict[str, Any] = {"startTime": start, "endTime": end, "body": text}
        if voice is not None:
            segment = {"speaker": voice, **segment}
        segments.append(segment)
    return {"version": "1.0.0", "segments": segments}


@dataclass(frozen=True)
class Turn:
    """A stretch of the episode in one voice, for the speaker timeline."""

    start: float
    end: float
    speaker: str


def speaker_turns(cues: list[Cue]) -> list[Turn]:
    """Consecutive cues in one voice joined into one turn."""
    turns: list[Turn] = []
    for cue in cues:
        if turns and turns[-1].speaker == cue.speaker:
            turns[-1] = Turn(turns[-1].start, cue.end, cue.speaker)
        else:
            turns.append(Turn(cue.start, cue.end, cue.speaker))
    return turns

"""The transcript's one owner: cues to WebVTT and chapters, and Hark's WebVTT read back
(once, by one parser) into cues, speaker turns and the Podcasting 2.0 JSON transcript. Pure.

Word timings travel in the WebVTT as cue timestamp tags (WebVTT, W3C, section 4.2.2): a
tag before a word is where the word starts; a tag right after a word, before the space, is
where its sound ends when a pause follows (otherwise it ends where the next word starts).
"""

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
class Word:
    """One word of the shown text (punctuation kept on it) and when it is spoken, in
    seconds: from the episode's start in a Cue, from the sentence's start in narration."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    speaker: str
    text: str
    words: tuple[Word, ...] = ()  # when word timings are known: `text`'s words, in order


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


def _timed_tokens(cue: Cue) -> list[tuple[str, str]]:
    """(markup, visible text) of each word of a cue with timings: a timestamp tag before
    every word (the first: unless it starts with the cue), and one after a word whose
    sound ends before the next word starts (a pause)."""
    tokens = []
    for i, w in enumerate(cue.words):
        next_start = cue.words[i + 1].start if i + 1 < len(cue.words) else cue.end
        first_at_start = i == 0 and round(w.start, 3) <= round(cue.start, 3)
        before = "" if first_at_start else f"<{timestamp(w.start)}>"
        after = (f"<{timestamp(w.end)}>" if round(w.end, 3) < round(next_start, 3)
                 and round(w.end, 3) > round(w.start, 3) else "")
        tokens.append((before + _escape(w.text) + after, w.text))
    return tokens


def _wrap(tokens: list[tuple[str, str]]) -> list[str]:
    """Greedy wrap at LINE_WIDTH visible characters (markup not counted), whole tokens."""
    lines: list[list[str]] = [[]]
    width = 0
    for markup, visible in tokens:
        if lines[-1] and width + 1 + len(visible) > LINE_WIDTH:
            lines.append([])
            width = 0
        width += len(visible) + (1 if lines[-1] else 0)
        lines[-1].append(markup)
    return [" ".join(line) for line in lines]


def to_vtt(cues: list[Cue]) -> str:
    """WebVTT with a `<v Speaker>` on every cue, and a visible "Speaker:" label (class
    `speaker`) where the speaker changes, since players do not show voice names. A cue
    with `words` carries their times as timestamp tags (see the module's docstring)."""
    out = ["WEBVTT", ""]
    previous = None
    for i, cue in enumerate(cues, 1):
        name = _voice_name(cue.speaker)
        label = f"{name}: " if name != previous else ""
        previous = name
        tag = _escape(label.rstrip())
        if cue.words:
            head = [(f"<c.speaker>{tag}</c>", label.rstrip())] if label else []
            lines = _wrap(head + _timed_tokens(cue))
        else:
            wrapped = textwrap.wrap(label + cue.text, LINE_WIDTH, break_long_words=True) or [""]
            lines = [_escape(w) for w in wrapped]
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
_STAMP = r"<((?:\d+:)?\d{1,2}:\d{2}\.\d{3})>"
# One word of a timed cue: an optional start tag, the word, an optional end tag.
_TIMED_WORD = re.compile(rf"^(?:{_STAMP})?(.*?)(?:{_STAMP})?$")


def _seconds(stamp: str) -> float:
    parts = [float(p) for p in stamp.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0.0)
    h, m, s = parts
    return round(h * 3600 + m * 60 + s, 3)


def _plain(markup: str) -> str:
    return html.unescape(_TAGS.sub("", markup))


def _read_words(raw: str, start: float, end: float) -> tuple[Word, ...]:
    """The timed words of a cue's text (speaker label and voice already removed): empty
    when the cue has no timestamp tags. Every word after the first starts with a tag; a
    token without one belongs to the word before it ("2024 —"). A word without an end tag
    ends where the next starts (the last: at the cue's end)."""
    if not re.search(_STAMP, raw):
        return ()
    found: list[list[Any]] = []  # [start, end or None, text]
    for token in raw.split():
        m = _TIMED_WORD.match(token)
        assert m is not None  # the pattern matches any token
        begin, word, finish = m.groups()
        text = _plain(word)
        if begin is None and found:
            found[-1][2] += " " + text
            found[-1][1] = _seconds(finish) if finish else None
        elif text:
            found.append([_seconds(begin) if begin else start,
                          _seconds(finish) if finish else None, text])
    return tuple(Word(begin, finish if finish is not None else
                      (found[i + 1][0] if i + 1 < len(found) else end), text)
                 for i, (begin, finish, text) in enumerate(found))


def _read_cues(vtt: str) -> list[tuple[float, float, str | None, str, tuple[Word, ...]]]:
    """(start, end, voice or None, plain text, timed words) of every cue: wrapped lines
    joined, the speaker label dropped, markup removed and character references decoded."""
    cues = []
    for block in re.split(r"\r?\n[ \t]*\r?\n", vtt.replace("\r\n", "\n").strip()):
        lines = block.split("\n")
        at = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if at is None:
            continue  # the header, NOTE, STYLE and REGION blocks
        start, end = _TIMING.match(lines[at]).groups()  # type: ignore[union-attr]
        raw = " ".join(line.strip() for line in lines[at + 1:] if line.strip())
        voice = _VOICE.search(raw)
        unlabelled = _LABEL.sub("", raw)
        text = _plain(unlabelled).strip()
        words = _read_words(_VOICE.sub("", unlabelled).replace("</v>", ""),
                            _seconds(start), _seconds(end))
        cues.append((_seconds(start), _seconds(end),
                     html.unescape(voice.group(1).strip()) if voice else None, text, words))
    return cues


def parse_vtt(vtt: str, default_speaker: str = "Narrator") -> list[Cue]:
    """Cues of a Hark WebVTT transcript: times, speaker (`default_speaker` for a cue with no
    voice), plain text without the speaker label, and the timed words where it has them."""
    return [Cue(start, end, voice or default_speaker, text, words)
            for start, end, voice, text, words in _read_cues(vtt)]


def json_transcript(vtt: str) -> dict[str, Any]:
    """The Podcasting 2.0 JSON transcript of a WebVTT file.

    One segment per word where the cue has word timings (timestamp tags: the word-level
    segments the Podcasting 2.0 transcript format allows), else one per cue. The
    `<v Name>` voice is the speaker (omitted when the cue has none), wrapped lines are
    joined, and markup and character references are decoded to plain text.
    """
    segments = []
    for start, end, voice, text, words in _read_cues(vtt):
        parts = [(w.start, w.end, w.text) for w in words] or [(start, end, text)]
        for begin, finish, body in parts:
            segment: dict[str, Any] = {"startTime": begin, "endTime": finish, "body": body}
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

"""The narration script: what is said, by which voice, with which pauses (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.importer.article import Block

from .quotes import Segment
from .sentences import split_sentences
from .voices import NARRATOR, UNATTRIBUTED, Voice

NARRATOR_NAME = "Narrator"
UNKNOWN_NAME = "Unknown speaker"

PAUSE_PARAGRAPH = 0.6
PAUSE_HEADING = 0.9
PAUSE_QUOTE = 0.25  # a short breath around quotes, besides the change of voice
PAUSE_SENTENCE = 0.05
PAUSE_AFTER_TITLE = 0.9

_SPEAKABLE = re.compile(r"\w")


@dataclass(frozen=True)
class Line:
    """One sentence (or clause) to synthesize: a transcript cue."""

    text: str
    speaker: str  # shown in the transcript: Narrator, a person, or Unknown speaker
    voice: Voice
    pause_before: float
    block: int  # -1 for the title
    chapter: str | None = None  # a heading (or the title) starts a chapter here


def build_script(
    title: str,
    blocks: list[Block],
    segments: list[Segment],
    voices: dict[str, Voice],
    byline: str | None = None,
) -> list[Line]:
    """Turn segmented blocks into lines with voices and pauses, in reading order."""
    intro = f"{title}." if not title.endswith((".", "!", "?")) else title
    if byline:
        intro += f" By {byline}."
    lines = [Line(s, NARRATOR_NAME, NARRATOR, 0.0, -1, title if i == 0 else None)
             for i, s in enumerate(split_sentences(intro))]
    pause = PAUSE_AFTER_TITLE
    previous_quote: bool | None = None
    last_block = -1
    for seg in segments:
        block = blocks[seg.block]
        if seg.block != last_block:
            pause = max(pause, PAUSE_HEADING if block.kind == "heading" else PAUSE_PARAGRAPH)
            if last_block >= 0 and blocks[last_block].kind == "heading":
                pause = max(pause, PAUSE_HEADING)
            last_block = seg.block
            previous_quote = None
        elif previous_quote is not None and previous_quote != seg.quote:
            pause = max(pause, PAUSE_QUOTE)
        if seg.quote:
            voice = voices.get(seg.speaker, UNATTRIBUTED) if seg.speaker else UNATTRIBUTED
            speaker = seg.speaker or UNKNOWN_NAME
        else:
            voice, speaker = NARRATOR, NARRATOR_NAME
        chapter = block.text if block.kind == "heading" else None
        for i, sentence in enumerate(split_sentences(seg.text)):
            if not _SPEAKABLE.search(sentence):
                continue  # punctuation or symbols alone: nothing to say
            lines.append(Line(sentence, speaker, voice, pause, seg.block,
                              chapter if i == 0 else None))
            pause = PAUSE_SENTENCE
        previous_quote = seg.quote
    return lines

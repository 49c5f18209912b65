"""The narration script: what is said, by which voice, with which pauses (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.importer.article import Block

from .normalize import speakable
from .quotes import Segment
from .sentences import split_sentences
from .voices import NARRATOR, UNATTRIBUTED, Voice

if TYPE_CHECKING:
    from .languages import Cast

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

    text: str  # what the transcript shows: the article's own words
    speaker: str  # shown in the transcript: Narrator, a person, or Unknown speaker
    voice: Voice
    pause_before: float
    block: int  # -1 for the title
    chapter: str | None = None  # a heading (or the title) starts a chapter here
    spoken: str = ""  # what is said, after normalisation; empty means the same as text

    @property
    def said(self) -> str:
        return self.spoken or self.text


def build_script(
    title: str,
    blocks: list[Block],
    segments: list[Segment],
    voices: dict[str, Voice],
    byline: str | None = None,
    *,
    pronunciations: dict[str, str] | None = None,
    lead_ins: bool = True,
    cast: Cast | None = None,
) -> list[Line]:
    """Turn segmented blocks into lines with voices and pauses, in reading order.

    With `lead_ins`, the narrator names a person before their first quote, so a listener
    knows whose new voice they hear, unless the text names them there itself: just before
    the quote, or in the attribution that ends its sentence ("…," said Joe Locke), which
    would make the listener hear the name twice.
    `cast`: the voices and text rules of the article's language (languages.cast_for);
    None: English.
    """
    # the article's language chooses narrator, whisper and rules.
    narrator = cast.narrator if cast else NARRATOR
    unattributed = cast.unattributed if cast else UNATTRIBUTED
    say, by = (cast.speakable, cast.by) if cast else (speakable, "By")
    intro = f"{title}." if not title.endswith((".", "!", "?")) else title
    if byline:
        intro += f" {by} {byline}." if by else f" {byline}."
    lines = [Line(s, NARRATOR_NAME, narrator, 0.0, -1, title if i == 0 else None,
                  say(s, pronunciations))
             for i, s in enumerate(split_sentences(intro))]
    introduced: set[str] = set()
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
            voice = voices.get(seg.speaker, unattributed) if seg.speaker else unattributed
            speaker = seg.speaker or UNKNOWN_NAME
        else:
            voice, speaker = narrator, NARRATOR_NAME
        chapter = block.text if block.kind == "heading" else None
        if lead_ins and seg.quote and seg.speaker and seg.speaker not in introduced:
            introduced.add(seg.speaker)
            if not _named_around(seg.speaker, block.text, seg):
                lines.append(Line(f"{seg.speaker}:", NARRATOR_NAME, narrator, pause,
                                  seg.block, chapter, f"{seg.speaker}."))
                pause, chapter = PAUSE_QUOTE, None
        for i, sentence in enumerate(split_sentences(seg.text)):
            spoken = say(sentence, pronunciations)
            if not _SPEAKABLE.search(spoken):
                continue  # punctuation, symbols or emoji alone: nothing to say
            lines.append(Line(sentence, speaker, voice, pause, seg.block,
                              chapter if i == 0 else None, spoken))
            pause = PAUSE_SENTENCE
        previous_quote = seg.quote
    return lines


LEAD_IN_LOOKBACK = 120  # characters before a quote in which a name counts as just said


def _named_around(name: str, text: str, quote: Segment) -> bool:
    """Whether the text names the speaker (any part of the name) around their quote.

    Around means just before the quote, or after it up to the end of the sentence the
    quote ends in: the attribution clause ("…," said Joe Locke. / "…?" asked Locke.).
    """
    before = text[: quote.start][-LEAD_IN_LOOKBACK:]
    rest = split_sentences(text[quote.end:])
    after = rest[0] if rest else ""
    return any(part in before or part in after for part in name.split() if len(part) > 2)

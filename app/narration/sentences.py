"""Sentence splitting for synthesis and transcript cues."""

from __future__ import annotations

import re

from .titles import ABBREVIATED

# Abbreviated titles come from the one list of titles; the rest are other abbreviations.
_ABBREVIATIONS = {t.lower() for t in ABBREVIATED} | {
    "st", "sr", "jr", "vs", "etc", "no", "inc", "ltd", "co", "corp", "mt", "ft",
    "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
}
# A sentence ends at . ! ? or … (plus closing quotes/brackets) followed by space.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
MAX_SENTENCE = 400  # characters; longer runs are cut at clause or word boundaries


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, keeping abbreviations and initials inside them."""
    text = " ".join(text.split())
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start()]
        last_word = before.rsplit(" ", 1)[-1].rstrip(".").lower()
        if before.endswith(".") and (last_word in _ABBREVIATIONS or len(last_word) == 1):
            continue
        nxt = text[m.end() : m.end() + 1]
        if nxt and nxt.islower():
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [piece for s in out if s for piece in _cut_long(s)]


def _cut_long(sentence: str) -> list[str]:
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    pieces: list[str] = []
    rest = sentence
    while len(rest) > MAX_SENTENCE:
        window = rest[:MAX_SENTENCE]
        cut = max(window.rfind(", "), window.rfind("; "), window.rfind(": "), window.rfind(" – "))
        if cut < MAX_SENTENCE // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE - 1
        pieces.append(rest[: cut + 1].strip())
        rest = rest[cut + 1 :].strip()
    if rest:
        pieces.append(rest)
    return pieces

"""Sentence edges inside narration (pure): where a cue's sentence starts or ends.

A full stop after a title ("Sen.", "Dr."), an initial ("J.") or a dotted acronym ("U.S.")
does not end a sentence: the speaker finder must read "said Sen. Ted Cruz" as one clause.
"""

from __future__ import annotations

import re

from app.narration.titles import ABBREVIATED

ABBREVIATIONS = frozenset({t.lower() for t in ABBREVIATED} | {
    "st", "jr", "sr", "vs", "etc", "no", "inc", "ltd", "co", "corp", "mt", "ft", "e.g", "i.e",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.k", "d.c", "a.m", "p.m"})
_CLOSING_ABBREVIATIONS = frozenset({"a.m", "p.m", "etc"})
_LAST_WORD = re.compile(r"([\w.]+)$")
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")


def _is_end(text: str, m: re.Match[str]) -> bool:
    nxt = text[m.end():].lstrip()[:1]
    if nxt.islower():
        return False  # "(D-Mo.) said": a sentence goes on after a lower-case word
    if m.group(0)[0] != ".":
        return True
    word = _LAST_WORD.search(text, max(0, m.start() - 24), m.start())
    w = word.group(1).lower() if word else ""
    if w in _CLOSING_ABBREVIATIONS:
        return nxt.isupper()  # "…at 7 p.m. He says": a time or "etc." can end a sentence
    return not (w in ABBREVIATIONS or len(w) == 1 or re.fullmatch(r"(?:\w\.)+\w", w))


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence-final mark in `text`."""
    return [m.end() for m in _END.finditer(text) if _is_end(text, m)]


def first_sentence(text: str) -> str:
    """`text` up to and including its first sentence end."""
    for end in sentence_ends(text):
        return text[:end]
    return text


def last_sentence(text: str) -> str:
    """The last sentence of `text` (all of it when it has no sentence end but at its end)."""
    ends = [e for e in sentence_ends(text) if text[e:].strip()]
    return text[ends[-1]:] if ends else text

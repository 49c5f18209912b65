"""Text normalization before speech: what is said for what is written (pure once loaded).

The stage, in order: the operator's pronunciation list; Hark's rules for what the engine
gets wrong for a British news narrator (`normalize_rules.before_engine`, with
`normalize_numbers` for what is written with digits, then `electronic` for site names);
NVIDIA NeMo's grammars (`tn_engine`), only for the words around what needs them; then
`electronic.after_engine` and `normalize_rules.after_engine` for espeak-ng.
The transcript keeps the article's own words; only what is spoken changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from . import electronic, normalize_rules, tn_engine

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")  # left where an emoji was dropped
# What the engine has work to do on: digits, symbols, "word.word" (web addresses, initials),
# a short capitalized word with a full stop ("Gov.", "Jan."). Anything else it leaves as is.
_NEEDS_ENGINE = re.compile(r"[0-9$£€¥%&@#°/+=×²³½¼¾]|\w\.\w|\b[A-Z][A-Za-z]{0,4}\.")

_TOKEN = re.compile(r"\S+")
# A plain whole number ("45,702", "(3") espeak-ng reads as the engine would, unless a month,
# a unit or a short abbreviation stands next to it; those windows skip the engine.
_PLAIN_NUMBER = re.compile(r"\(?(?:\d{1,3}(?:,\d{3})+|\d{1,3})[.,;:)]?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _plain_word(word: str) -> bool:
    """A lowercase word of three letters or more with a vowel, neither a month nor "per"."""
    w = word.strip(".,;:()")
    return (len(w) >= 3 and w.isalpha() and w.islower() and bool(re.search("[aeiouy]", w))
            and not w.startswith(_MONTHS) and w not in ("per", "percent"))


CONTEXT = 4  # words either side of a token the engine must read: months, units, "million"

tn_engine.start_loading()  # in the background: a narration seldom has to wait for it


def _drop_unspeakable(text: str) -> str:
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Co", "Cs") and ch not in "\n\t":
            continue  # control and format characters
        if cat == "So" and ch != "°" or 0x1F000 <= ord(ch) <= 0x1FAFF:
            continue  # emoji and pictographs: espeak-ng would read out their names
        out.append(ch)
    return "".join(out)


def _engine_windows(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` for the engine: each token it must read, with CONTEXT words
    either side, overlapping spans merged. The engine's cost grows faster than the length
    of its input, so a long sentence with one number costs a few words, not the sentence."""
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    marked = [i for i, (a, b) in enumerate(tokens) if _NEEDS_ENGINE.search(text, a, b)]
    windows: list[list[int]] = []
    for i in marked:
        lo, hi = max(0, i - CONTEXT), min(len(tokens) - 1, i + CONTEXT)
        if windows and lo <= windows[-1][1] + 1:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [(tokens[lo][0], tokens[hi][1]) for lo, hi in windows]


def _plain(text: str, start: int, end: int) -> bool:
    """Whether the window holds only plain numbers among plain words (espeak-ng's own work)."""
    words = text[start:end].split()
    for i, word in enumerate(words):
        if _PLAIN_NUMBER.fullmatch(word):
            if not all(_plain_word(w) for w in words[max(0, i - 2):i] + words[i + 1:i + 3]):
                return False
        elif _NEEDS_ENGINE.search(word):
            return False
    return True


def _with_engine(text: str) -> str:
    out, last = [], 0
    for start, end in _engine_windows(text):
        if _plain(text, start, end):
            continue
        said = tn_engine.normalize(text[start:end])
        if said is None:
            return text  # no engine: Hark's rules and espeak-ng alone
        out += [text[last:start], said]
        last = end
    return "".join(out + [text[last:]])


@lru_cache(maxsize=16384)
def _spoken(text: str) -> str:
    written = text = electronic.before_engine(normalize_rules.before_engine(text))
    spell = normalize_rules.initialisms(text)
    text = _with_engine(text)
    text = electronic.after_engine(text, written)
    text = normalize_rules.after_engine(text, spell, written)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split()))
    if _SENTENCE_END.search(written) and not _SENTENCE_END.search(text):
        text += "."  # "... from 1 Dec.": the engine's "december" took the sentence's full stop
    return text


def _literal(said: str) -> Callable[[re.Match[str]], str]:
    """A re.sub replacement that is `said` as it is (no group references, no escapes)."""
    return lambda _m: said


def speakable(text: str, pronunciations: dict[str, str] | None = None) -> str:
    """What the narrator hands espeak-ng for `text` (one sentence or fragment of English).

    `pronunciations` (written word -> said form, whole words) is the operator's list and is
    applied first. Waits for the grammars the first time if they are still loading.
    """
    text = _drop_unspeakable(unicodedata.normalize("NFC", text))
    for word, said in (pronunciations or {}).items():
        if word.strip():
            # A function, not a template: a backslash in `said` is text, not a group reference.
            text = re.sub(rf"(?<!\w){re.escape(word.strip())}(?!\w)", _literal(said), text)
    return _spoken(text)

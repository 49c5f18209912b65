"""Text normalization before speech: what is said for what is written (pure once loaded).

The stage, in order: the operator's pronunciation list; web addresses cut to their host;
Hark's rules for what the engine gets wrong for a British news narrator
(`normalize_rules.before_engine`); NVIDIA NeMo's grammars (`tn_engine`), only for sentences
holding something to normalize; then `normalize_rules.after_engine` for espeak-ng.
The transcript keeps the article's own words; only what is spoken changes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import normalize_rules, tn_engine

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")  # left where an emoji was dropped
# What the engine has work to do on: digits, symbols, "word.word" (web addresses, initials),
# a short capitalized word with a full stop ("Gov.", "Jan."). Anything else it leaves as is.
_NEEDS_ENGINE = re.compile(r"[0-9$£€¥%&@#°/+=×²³½¼¾]|\w\.\w|\b[A-Z][A-Za-z]{0,4}\.")

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


@lru_cache(maxsize=16384)
def _spoken(text: str) -> str:
    text = normalize_rules.before_engine(text)
    spell = normalize_rules.initialisms(text)
    if _NEEDS_ENGINE.search(text):
        said = tn_engine.normalize(text)
        if said is not None:
            text = said
    text = normalize_rules.after_engine(text, spell)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split()))


def speakable(text: str, pronunciations: dict[str, str] | None = None) -> str:
    """What the narrator hands espeak-ng for `text` (one sentence or fragment of English).

    `pronunciations` (written word -> said form, whole words) is the operator's list and is
    applied first. Waits for the grammars the first time if they are still loading.
    """
    text = _drop_unspeakable(unicodedata.normalize("NFC", text))
    for word, said in (pronunciations or {}).items():
        if word.strip():
            text = re.sub(rf"(?<!\w){re.escape(word.strip())}(?!\w)", said, text)
    return _spoken(text)

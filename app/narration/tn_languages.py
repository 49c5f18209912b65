"""NeMo's text-normalization grammars for languages other than English, compiled once, cached.

NeMo text processing 1.2.0 has deterministic TN grammars for de, fr, es, it and pt among Hark's
news languages (also hu, sv, zh, ar, hy, hi, ja ...); its ru grammar is non-deterministic only
(it refuses deterministic use: several readings, to be picked with audio); none for nl or pl.
They are compiled once into the same folder as the English ones (tn_engine.grammar_dir's
parent: HARK_TN_GRAMMARS or instance/tn-grammars/), one folder per language, under a lock so
concurrent processes compile once. Narration uses none of them: bench/normalization_languages.py
measured Hark's rules ahead on news text (docs/benchmarks.md); the bench compiles them for its
comparison. Without pynini/NeMo, `load` returns None.
"""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path
from typing import Any

from . import tn_engine

log = logging.getLogger(__name__)

NEMO_VERSION = tn_engine.NEMO_VERSION
NEMO_LANGUAGES = ("de", "fr", "es", "it", "pt")  # NeMo 1.2.0 TN grammars of Hark's languages
_locks: dict[str, threading.Lock] = {lang: threading.Lock() for lang in NEMO_LANGUAGES}


def grammar_root() -> Path:
    """The folder holding every language's compiled grammars (the English ones' folder)."""
    return tn_engine.grammar_dir().parent


def grammar_dir(lang: str) -> Path:
    """Compiled grammars (FAR files) of one language for this NeMo version."""
    return grammar_root() / f"nemo-{NEMO_VERSION}-{lang}-cased"


@functools.cache
def load(lang: str) -> Any | None:
    """NeMo's Normalizer for `lang`, compiled into grammar_dir(lang) the first time, or None
    (no grammars for the language, or NeMo unavailable). Loaded once per process."""
    if lang not in NEMO_LANGUAGES:
        return None
    try:
        return tn_engine.compiled_normalizer(lang, grammar_dir(lang))[0]
    except Exception:  # noqa: BLE001 - no grammar is espeak-ng's own reading, not a failure
        log.exception("NeMo text-normalization grammars for %s unavailable", lang)
        return None


@functools.lru_cache(maxsize=4096)
def normalize(lang: str, text: str) -> str | None:
    """NeMo's spoken form of one sentence in `lang` (cached), or None without its grammars."""
    normalizer = load(lang)
    if normalizer is None:
        return None
    with _locks[lang]:  # a Normalizer is not thread-safe
        spoken: str = normalizer.normalize(text, verbose=False, punct_post_process=True)
        return spoken

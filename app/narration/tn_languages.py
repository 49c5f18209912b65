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

import fcntl
import functools
import logging
import os
import shutil
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
        from nemo_text_processing.utils.logging import logger as nemo_log

        nemo_log.setLevel(logging.WARNING)
        nemo_log.addFilter(lambda record: record.levelno >= logging.WARNING)
        from nemo_text_processing.text_normalization.normalize import Normalizer

        folder = grammar_dir(lang)
        folder.parent.mkdir(parents=True, exist_ok=True)
        with open(folder.parent / f".{folder.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if folder.is_dir():
                return Normalizer(input_case="cased", lang=lang, cache_dir=str(folder),
                                  overwrite_cache=False)
            for stale in folder.parent.glob(f".{folder.name}.tmp*"):
                shutil.rmtree(stale, ignore_errors=True)
            work = folder.parent / f".{folder.name}.tmp{os.getpid()}"
            normalizer = Normalizer(input_case="cased", lang=lang, cache_dir=str(work),
                                    overwrite_cache=False)
            os.replace(work, folder)
            return normalizer
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

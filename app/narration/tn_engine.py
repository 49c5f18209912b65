"""The text-normalization engine: NVIDIA NeMo's English grammars, compiled once, loaded once.

NeMo text processing (Apache-2.0) normalizes with weighted finite-state grammars, one class per
kind (cardinal, date, measure, money, time, ...), tagged then verbalized (Zhang et al., "NeMo
Inverse Text Normalization: From Development to Production", 2021; Bakhturina et al., "Shallow
Fusion of Weighted Finite-State Transducer and Language Model for Text Normalization", 2022).

Compiling the grammars takes 30-60 s; the compiled FAR files are cached on disk, in
`HARK_TN_GRAMMARS` when set, else in the project's instance folder (`instance/tn-grammars/`,
git-ignored; the same folder Flask's `create_app()` uses). Loading the cache takes about a second
and starts in a background thread when this module is imported, so a narration never waits
for it unless it starts within that second. Without pynini/NeMo (or if loading fails) the
engine is absent and `normalize` returns None: Hark's own rules still run.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

NEMO_VERSION = "1.2.0"  # the grammars' version: a new one compiles into a folder of its own
_ROOT = Path(__file__).resolve().parents[2]

_loaded = threading.Event()
_start_lock = threading.Lock()
_call_lock = threading.Lock()  # one pynini call at a time: the Normalizer is not thread-safe
_started = False
_normalizer = None  # nemo_text_processing Normalizer, once loaded
load_seconds: float | None = None  # how long the last load (or compile) took
compiled: bool = False  # whether this process compiled the grammars (first run)


def grammar_dir() -> Path:
    """Folder of the compiled grammars (FAR files) for this NeMo version."""
    base = os.environ.get("HARK_TN_GRAMMARS")
    root = Path(base) if base else _ROOT / "instance" / "tn-grammars"
    return root / f"nemo-{NEMO_VERSION}-en-cased"


def compiled_normalizer(lang: str, folder: Path, announce: bool = False) -> tuple[Any, bool]:
    """NeMo's cased Normalizer for `lang` (a NeMo language code) with its grammars (FAR files)
    in `folder`, compiled there the first time: (normalizer, whether it was compiled now).

    Several processes (test workers, web and narration workers) may start at once: the first
    compiles, the others wait on a lock file beside `folder` and then read its files.
    Compiling writes into a temporary folder renamed when complete, so a process stopped
    halfway never leaves half a grammar behind. With `announce`, the one-off compile is said
    on stderr. Raises whatever NeMo or pynini raise (ImportError without them).
    """
    from nemo_text_processing.utils.logging import logger as nemo_log

    # It logs every load and every skipped sign at INFO, and resets its level on each call:
    # a filter keeps warnings and errors only.
    nemo_log.setLevel(logging.WARNING)
    nemo_log.addFilter(lambda record: record.levelno >= logging.WARNING)
    from nemo_text_processing.text_normalization.normalize import Normalizer

    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if folder.is_dir():
            return Normalizer(input_case="cased", lang=lang, cache_dir=str(folder),
                              overwrite_cache=False), False
        if announce:
            print(f"hark: compiling text-normalization grammars once into {folder} "
                  "(about a minute)...", file=sys.stderr, flush=True)
        for stale in folder.parent.glob(f".{folder.name}.tmp*"):
            shutil.rmtree(stale, ignore_errors=True)
        work = folder.parent / f".{folder.name}.tmp{os.getpid()}"
        normalizer = Normalizer(input_case="cased", lang=lang, cache_dir=str(work),
                                overwrite_cache=False)
        os.replace(work, folder)
        return normalizer, True


def _load() -> None:
    global _normalizer, load_seconds, compiled
    start = time.perf_counter()
    try:
        _normalizer, compiled = compiled_normalizer("en", grammar_dir(), announce=True)
        load_seconds = time.perf_counter() - start
        if compiled:
            print(f"hark: text-normalization grammars compiled in {load_seconds:.1f} s",
                  file=sys.stderr, flush=True)
    except Exception:  # noqa: BLE001 - no engine is a degraded mode, never a failed narration
        log.exception("text-normalization grammars unavailable; Hark's rules only")
        _normalizer = None
    finally:
        _loaded.set()


def start_loading() -> None:
    """Begin loading (or, the first time, compiling) the grammars in a background thread."""
    global _started
    with _start_lock:
        if _started:
            return
        _started = True
    threading.Thread(target=_load, name="tn-grammars", daemon=True).start()


def ready(timeout: float | None = None) -> bool:
    """Wait up to `timeout` seconds (None: as long as it takes) for the grammars; True if usable."""
    start_loading()
    _loaded.wait(timeout)
    return _normalizer is not None


@lru_cache(maxsize=4096)
def normalize(text: str) -> str | None:
    """NeMo's spoken form of one sentence (cached by sentence), or None without the engine."""
    if not ready() or _normalizer is None:
        return None
    with _call_lock:
        spoken: str = _normalizer.normalize(text, verbose=False, punct_post_process=True)
        return spoken

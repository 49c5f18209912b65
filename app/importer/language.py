"""An article's language: what a detector reads in its text, weighed against what the page declares.

The detector is py3langid (langid.py's maintained fork: Lui & Baldwin 2012, a naive Bayes model
over byte n-grams, 142 labels, shipped inside the package, nothing downloaded). It was chosen
over lingua-language-detector on measurement: both named all 90 of our one-sentence news texts
in nine languages when limited to them, and 89 vs 90 among all their languages, but lingua's
full model took ~45 s and 925 MB to load against py3langid's ~3 s and 136 MB.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# Below this many letters a detector guesses: headlines of two words were misread in our
# measurement (Russian taken for Bulgarian, Dutch for Afrikaans).
MIN_LETTERS = 25
# The opening says the language as well as the whole, and cost grows with length: on the
# 1,030 benchmark pages that declare a language, 1,000 characters agree with the declaration
# as often as 5,000 (1,002 vs 1,003) at 6 ms a page instead of 15.
SAMPLE_CHARS = 1000
# A declared language the detector ranks at least this share of its best guess's probability
# is a tie, and the page's own declaration wins it (a Norwegian page the model finds Danish).
TIE_SHARE = 0.2
FALLBACK = "en"  # outside an app, when neither text nor page says

_LETTER = re.compile(r"[^\W\d_]")
_SUBTAG = re.compile(r"[-_]")
# The detector's labels that are not the BCP 47 primary subtag an espeak-ng voice answers to.
_BCP47 = {"no": "nb", "iw": "he", "in": "id", "jw": "jv"}
NOT_A_LANGUAGE = {"zxx", "und", "mis", "mul"}  # BCP 47's "no linguistic content" and kin


def primary_subtag(tag: str | None) -> str | None:
    """`en-GB`, `fr_FR`, `pt-br` -> `en`, `fr`, `pt` (BCP 47's primary language subtag), or None."""
    if not tag or not tag.strip():
        return None
    primary = _SUBTAG.split(tag.strip(), maxsplit=1)[0].lower()
    if not primary.isalpha() or not 2 <= len(primary) <= 8:
        return None
    return _BCP47.get(primary, primary)


@functools.cache
def _identifier() -> Any:
    # Loaded once per process (about 3 s): the model is only read when an article comes in.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _site_language() -> str:
    from flask import current_app, has_app_context

    if has_app_context():
        return primary_subtag(current_app.config.get("SITE_LANGUAGE")) or FALLBACK
    return FALLBACK


def ranked_languages(text: str) -> list[tuple[str, float]]:
    """The detector's languages for `text`, best first: (BCP 47 primary subtag, probability 0-1)."""
    ranked = _identifier().rank(text[:SAMPLE_CHARS])
    return [(_BCP47.get(lang, lang), float(p)) for lang, p in ranked]


def detect_language(text: str, declared: str | None, default: str | None = None) -> str:
    """The BCP 47 primary subtag of the language `text` is written in (`de`, `fr`, ...).

    `declared` is what the document says (`<html lang>`, og:locale, Content-Language; any
    BCP 47 or POSIX form). It wins when the detector agrees or nearly so (a tie: at least
    TIE_SHARE of the best guess's probability), and whenever the text is too short to judge
    (fewer than MIN_LETTERS letters). Without a declaration, a short text gets `default`,
    else the app's SITE_LANGUAGE, else "en". Pure but for reading SITE_LANGUAGE.
    """
    said = primary_subtag(declared)
    if len(_LETTER.findall(text[:SAMPLE_CHARS])) < MIN_LETTERS:
        return said or primary_subtag(default) or _site_language()
    ranked = ranked_languages(text)
    best, best_p = ranked[0]
    if best in NOT_A_LANGUAGE:
        return said or primary_subtag(default) or _site_language()
    if said and said != best:
        p = dict(ranked).get(said, 0.0)
        if p >= TIE_SHARE * best_p:
            return said
    return best

"""A page's language guessed for the benchmarks' per-language tables, from the gold text.

Only the benches use it, to group pages by language when the gold text carries none. Hark's own
detection (app/importer/language.py, py3langid) is what the importer uses; this rough guess
(the script, else the commonest short words) stays as it was so the per-language tables in
docs/benchmarks.md keep grouping pages the same way.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the and of to in is that for it was with on as his her be by are this have from",
    "de": "der die und das ist nicht mit sich auf für ein eine dem den von zu im auch",
    "fr": "le la les et des est une que pour dans qui pas sur au du avec ce il",
    "es": "el la los las y que de en un una por con para es se del lo al",
    "pt": "o a os as e que de em um uma para com não do da dos das no na se",
    "it": "il la le e che di un una per con non è del della sono gli si",
    "nl": "de het een en van is dat niet op te zijn voor met die",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"\w+")


def guess_language(text: str) -> str | None:
    """A two-letter language code from the script or the commonest short words, or None."""
    sample = text[:5000]
    scripts: Counter[str] = Counter()
    for ch in sample:
        if "\uac00" <= ch <= "\ud7a3":
            scripts["ko"] += 1
        elif "\u3040" <= ch <= "\u30ff":
            scripts["ja"] += 1
        elif "\u0400" <= ch <= "\u04ff":
            scripts["ru"] += 1
        elif "\u4e00" <= ch <= "\u9fff":
            scripts["zh"] += 1
        elif "\u0600" <= ch <= "\u06ff":
            scripts["ar"] += 1
    if scripts:
        lang, count = scripts.most_common(1)[0]
        if count > len(sample) / 10:
            # kanji are shared; kana mark Japanese even when outnumbered
            return "ja" if lang == "zh" and scripts["ja"] else lang
    words = Counter(w.lower() for w in _WORD.findall(sample))
    hits = {lang: sum(words[w] for w in stop) for lang, stop in _STOPSETS.items()}
    lang = max(hits, key=hits.__getitem__)
    return lang if hits[lang] >= 3 else None

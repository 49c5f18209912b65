"""Text normalisation before speech: what espeak-ng would misread, rewritten (pure).

The transcript keeps the article's own words; only what is spoken changes.
"""

from __future__ import annotations

import re
import unicodedata

_CURRENCIES = {"£": ("pound", "pounds", "p"), "$": ("dollar", "dollars", "cent"),
               "€": ("euro", "euros", "cent")}
_SCALES = {"k": "thousand", "m": "million", "bn": "billion", "tn": "trillion"}

_MONEY = re.compile(
    r"(?P<cur>[£$€])\s?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d{1,2}))?"
    r"(?:\s?(?P<scale>k|m|bn|tn|million|billion|trillion)\b)?",
    re.I,
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")  # left where an emoji was dropped
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.I)
_DECADE = re.compile(r"\b(1[0-9]|20)([0-9])0s\b")
_NUMBER_SIGN = re.compile(r"\bNo\.\s?(?=\d)")
_UNITS = [(re.compile(r"(?<=\d)\s?km/h\b"), " kilometres per hour"),
          (re.compile(r"(?<=\d)\s?mph\b"), " miles per hour")]
_ABBREVIATIONS = [(re.compile(r"\be\.g\.", re.I), "for example"),
                  (re.compile(r"\bi\.e\.", re.I), "that is"),
                  (re.compile(r"\bvs\.?(?=\s)", re.I), "versus"),
                  (re.compile(r"\betc\.", re.I), "et cetera")]
_DECADE_WORDS = {"1": "tens", "2": "twenties", "3": "thirties", "4": "forties", "5": "fifties",
                 "6": "sixties", "7": "seventies", "8": "eighties", "9": "nineties"}
_CENTURY = {"19": "nineteen", "18": "eighteen", "17": "seventeen", "16": "sixteen",
            "15": "fifteen", "14": "fourteen", "13": "thirteen", "12": "twelve",
            "11": "eleven", "10": "ten", "20": "two thousand and"}


def _money(m: re.Match[str]) -> str:
    one, many, minor = _CURRENCIES[m.group("cur")]
    whole = m.group("int").replace(",", "")
    frac = m.group("frac")
    scale = m.group("scale")
    if scale:
        word = _SCALES.get(scale.lower(), scale.lower())
        amount = f"{whole}.{frac}" if frac else whole
        return f"{amount} {word} {many}"
    unit = one if whole == "1" else many
    if frac and int(frac):
        cents = frac.ljust(2, "0")
        if whole == "0":
            return f"{int(cents)} {minor}" + ("" if minor == "p" else "s")
        return f"{whole} {unit} {int(cents)}"
    return f"{whole} {unit}"


def _url(m: re.Match[str]) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group(0), flags=re.I).split("/")[0]
    host = host.rstrip(".,;:)")
    return " dot ".join(p for p in host.split(".") if p)


def _decade(m: re.Match[str]) -> str:
    century, tens = m.group(1), m.group(2)
    if tens == "0":
        return m.group(0)  # 1900s, 2000s: espeak-ng reads these well enough
    return f"{_CENTURY.get(century, century)} {_DECADE_WORDS[tens]}"


def _drop_unspeakable(text: str) -> str:
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Co", "Cs") and ch not in "\n\t":
            continue  # control and format characters
        if cat == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF:
            continue  # emoji and pictographs: espeak-ng would read out their names
        out.append(ch)
    return "".join(out)


def speakable(text: str, pronunciations: dict[str, str] | None = None) -> str:
    """Rewrite `text` so espeak-ng says it as a person would."""
    text = _drop_unspeakable(unicodedata.normalize("NFC", text))
    for word, said in (pronunciations or {}).items():
        if word.strip():
            # A function, not a template: a backslash in `said` is text, not a group reference.
            text = re.sub(rf"(?<!\w){re.escape(word.strip())}(?!\w)",
                          lambda _m, said=said: said, text)
    text = _URL.sub(_url, text)
    text = _MONEY.sub(_money, text)
    text = _DECADE.sub(_decade, text)
    text = _NUMBER_SIGN.sub("number ", text)
    for pattern, words in _UNITS + _ABBREVIATIONS:
        text = pattern.sub(words, text)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(text.split()))

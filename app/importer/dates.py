"""Dates written out in a line of text ("14. März 2025", "3 de marzo de 2025", "14.03.2025").

Finding where a date is written is Hark's (a small pattern: a day number, a month word or number,
a four-digit year); reading the month word in any language is dateparser's, whose month names
come from the Unicode CLDR, genitive forms included ("14 marca", "14 марта"). dateparser alone
would read a weekday or "yesterday" as a date; the pattern only hands it spans that say a day,
a month and a year, so nothing is invented.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime

# dateparser's language codes tried on a month word, after the article's own language when it
# is known: the languages of the news Hark reads. A month word is rarely shared with another
# meaning ("mars" is March in French and Swedish, and both say the 3rd month).
DATE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "da", "nb",
                  "cs", "sk", "fi", "ro", "hu", "tr", "uk", "ca", "hr", "sl", "el", "id")
# Day first, as every one of those languages but English writes numeric dates (14.03.2025);
# English month-first dates are written with the month as a word here.
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY",
             "STRICT_PARSING": True, "PREFER_LOCALE_DATE_ORDER": False}

_MONTH_WORD = r"[^\W\d_]{3,12}\.?"
_YEAR = r"(?:1[89]|20)\d{2}"
_DATE_SPAN = re.compile(
    rf"\b(?:(?P<iso>{_YEAR}-\d{{2}}-\d{{2}})"
    # 14.03.2025, 14. 3. 2025 (day first, dots: the European numeric form)
    rf"|(?P<num>\d{{1,2}}\.\s?\d{{1,2}}\.\s?{_YEAR})"
    # 14. März 2025, 2 septembre 2025, 1er mars, 3 de marzo de 2025, 3rd May 2024, 16 мая 2024
    rf"|(?P<dmy>\d{{1,2}}(?:\.|er|º|ª|st|nd|rd|th)?\s+(?:de\s+)?(?P<m1>{_MONTH_WORD}),?\s+(?:de\s+)?{_YEAR})"
    # May 3, 2024 / March 3rd 2024 (English)
    rf"|(?P<mdy>(?P<m2>{_MONTH_WORD})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}))(?!\d)")


def written_date(text: str, language: str | None = None) -> str | None:
    """The first date written in `text` (day, month and year all given) as YYYY-MM-DD, or None.

    `language` (a BCP 47 primary subtag) is tried first for month words; the others of
    DATE_LANGUAGES after it. Pure; dateparser loads its language data on first use.
    """
    for m in _DATE_SPAN.finditer(text):
        word = m.group("m1") or m.group("m2")
        if word and word.rstrip(".").lower() not in _month_words():
            continue  # "14 Prozent 2025": not worth dateparser's trying every language
        if m.group("iso"):
            found = _parse(m.group("iso"), ("en",))
        else:
            found = _parse(m.group(0), _languages(language))
        # dateparser reads "14 heures 2025" as a time from now: keep only what the span says
        if found and str(found.year) in m.group(0) and _day_written(found.day, m.group(0)):
            return found.strftime("%Y-%m-%d")
    return None


@functools.cache
def _languages(language: str | None) -> tuple[str, ...]:
    if language in DATE_LANGUAGES:
        return (language, *(lang for lang in DATE_LANGUAGES if lang != language))
    return DATE_LANGUAGES


@functools.cache
def _month_words() -> frozenset[str]:
    """Every month name and abbreviation dateparser knows in DATE_LANGUAGES, lowercased."""
    from dateparser.languages import default_loader

    months = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
    words: set[str] = set()
    for lang in DATE_LANGUAGES:
        info = default_loader.get_locale(lang).info
        for month in months:
            words.update(w.rstrip(".").lower() for w in info.get(month, []))
    return frozenset(words)


def _day_written(day: int, span: str) -> bool:
    return day in {int(n) for n in re.findall(r"\d+", span)}


def _parse(span: str, languages: Sequence[str]) -> datetime | None:
    import dateparser  # its language data loads on first use, only when a date is written

    try:
        return dateparser.parse(span, languages=list(languages), settings=_SETTINGS)
    except (ValueError, OverflowError):  # an impossible day or month (31.02.2025)
        return None

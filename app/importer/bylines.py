"""Bylines: every author the page names, not only the first."""

from __future__ import annotations

import re

# Between two names in one byline: "Ann Lee and Tom Berg", "A; B", "A & B", "A und B".
_NAME_JOINS = re.compile(r"\s*(?:;|&|\|)\s*|\s+(?:and|und|et|y|e|en|i|og|och)\s+", re.I)
_BY = re.compile(r"^(?:by|von|par|por|di|door|av)\s+", re.I)


def author_names(value: str | None) -> list[str]:
    """The names in one author value; commas split only when every piece is a full name."""
    if not value or value.startswith(("http://", "https://")):
        return []
    value = _BY.sub("", " ".join(value.split()))
    names: list[str] = []
    for piece in _NAME_JOINS.split(value):
        commas = [p.strip() for p in piece.split(",")]
        # "Lee, Ann" is one name written surname first; "Ann Lee, Tom Berg" is two
        if len(commas) > 1 and all(len(p.split()) >= 2 for p in commas):
            names.extend(commas)
        elif piece.strip():
            names.append(piece.strip())
    return [n for n in names if n]


def byline(candidates: list[str | None]) -> str | None:
    """One byline from every author value found (meta tags, JSON-LD through trafilatura).

    The source naming the most authors wins; names are joined as people write them
    ("Ann Lee and Tom Berg", "A, B and C"). None when no source names anyone.
    """
    best: list[str] = []
    for value in candidates:
        names = list(dict.fromkeys(author_names(value)))
        if len(names) > len(best):
            best = names
    if not best:
        return None
    text = best[0] if len(best) == 1 else ", ".join(best[:-1]) + " and " + best[-1]
    return text[:200]

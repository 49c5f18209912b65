"""Bylines: every author the page names, not only the first, in the languages Hark reads."""

from __future__ import annotations

import re

# The words that open a byline, as each language writes it: "By Ann Lee", "Von …", "Par …",
# "Por …", "Di …", "Door …", "Av …" (sv, nb), "Af …" (da); and the labels followed by a colon.
BYLINE_WORDS = ("by", "written by", "words by", "von", "par", "por", "di", "a cura di", "door",
                "av", "af", "od")
BYLINE_LABELS = ("author", "authors", "autor", "autorin", "autoren", "autore", "autori",
                 "auteur", "auteurs", "autores", "autorzy", "tekst", "text", "texte", "texto",
                 "testo", "автор", "авторы", "текст")
# "and" between the last two names, per language (BCP 47 primary subtag).
AND_WORDS = {"en": "and", "de": "und", "fr": "et", "es": "y", "ca": "i", "it": "e", "pt": "e",
             "nl": "en", "pl": "i", "cs": "a", "sk": "a", "ru": "и", "uk": "і", "sv": "och",
             "da": "og", "nb": "og", "fi": "ja", "ro": "și", "hu": "és", "tr": "ve"}
# Lowercase words inside a name: "Sanne de Vries", "Ludwig van der Berg", "Ana dos Santos".
NAME_PARTICLES = frozenset("de da do dos das del della di du des le la van von der den ter te "
                           "ten zu y e bin ibn al".split())

# The "and" words that split an author value into names: one-letter "a" (cs, sk) and short
# words that are also English ("ja", "ve") would split "Ann Lee is a reporter".
_SPLIT_WORDS = ("and", "und", "et", "y", "e", "en", "i", "og", "och", "и", "і", "oraz", "és")
_AND_PATTERN = "|".join(re.escape(w) for w in _SPLIT_WORDS)
# Between two names in one byline: "Ann Lee and Tom Berg", "A; B", "A & B", "A und B".
_NAME_JOINS = re.compile(rf"\s*(?:;|&|\|)\s*|\s+(?:{_AND_PATTERN})\s+", re.I)
_BY = re.compile(
    r"^(?:(?:{words})\s+|(?:{labels})\s*:?\s+)".format(
        words="|".join(re.escape(w) for w in BYLINE_WORDS),
        labels="|".join(re.escape(w) for w in BYLINE_LABELS)), re.I)
# A byline line: its opening word, then names only (capitalised words, initials, particles,
# "and" words, commas). "Por fin podemos ir" or "Di recente" are sentences, not bylines.
_BYLINE_LINE = re.compile(
    r"^(?:(?:{words})\s+|(?:{labels})\s*:\s*|(?:{labels})\s+)(?P<names>\S.*?)\s*$".format(
        words="|".join(re.escape(w) for w in BYLINE_WORDS),
        labels="|".join(re.escape(w) for w in BYLINE_LABELS)), re.I)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.'’-]*")
MAX_BYLINE_CHARS = 100
MAX_NAME_WORDS = 12


def byline_line(line: str) -> str | None:
    """The names of a byline line ("Von Katrin Hoffmann und Jonas Weber" -> the names as
    written, "Katrin Hoffmann und Jonas Weber"), or None when the line is not a byline."""
    line = " ".join(line.split())
    m = _BYLINE_LINE.match(line)
    if not m or len(line) > MAX_BYLINE_CHARS:
        return None
    names = m.group("names").rstrip(".")
    joins = {w.lower() for w in AND_WORDS.values()} | {"oraz", "&"}
    words = names.replace(",", " ").split()
    if not words or len(words) > MAX_NAME_WORDS or not words[0][:1].isupper():
        return None
    for word in words:
        if word.lower() in joins or word in NAME_PARTICLES:
            continue
        if not (_NAME_TOKEN.fullmatch(word) and word[:1].isupper()):
            return None
    return names


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


def byline(candidates: list[str | None], language: str | None = None) -> str | None:
    """One byline from every author value found (meta tags, JSON-LD through trafilatura).

    The source naming the most authors wins; names are joined as people write them in the
    article's `language` ("Ann Lee and Tom Berg", "A, B und C"; English when the language
    is unknown). None when no source names anyone.
    """
    best: list[str] = []
    for value in candidates:
        names = list(dict.fromkeys(author_names(value)))
        if len(names) > len(best):
            best = names
    if not best:
        return None
    and_word = AND_WORDS.get(language or "en", "and")
    text = best[0] if len(best) == 1 else ", ".join(best[:-1]) + f" {and_word} " + best[-1]
    return text[:200]

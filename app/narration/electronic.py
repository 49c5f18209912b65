"""Web addresses as a listener hears them (pure).

NeMo's electronic class reads "digitaljournal.com" as "digitaljournal dot com": the glued
name stays one word that espeak-ng mangles, and a country code ("nz", "at") is said as a
word. A site named in running text ("reported by Weatherbase.com") is a name: a narrator says
the words it is made of ("weather base dot com"), as Google's text-normalization references
do (Sproat & Jaitly 2016). An address given to visit (a scheme, "www.", a path or an e-mail)
is said label by label as written, for the listener to type. Country codes are spelled
("dot n z") in both. Labels are split with wordninja (a unigram model of English Wikipedia,
shipped with the package); a split is kept only if every piece has a vowel and two letters
or more, so names it cannot read ("github" -> "g it hub") stay whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

import wordninja

_TOP_LEVEL_WORDS = "com|org|net|edu|gov|info|biz|news|online|blog"
# A bare host name in running text: labels and a lowercase top-level domain, with no scheme,
# "www.", path, port or "@" next to it.
_SITE_NAME = re.compile(
    rf"(?<![\w@/.:-])(?!www\.)(?P<host>(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:{_TOP_LEVEL_WORDS}|[a-z]{{2}}))"
    r"(?![\w@/:-]|\.\w)")
_GLUED = re.compile(r"[A-Za-z]{6,}")  # shorter labels are words or names, not glued ones
_PIECE = re.compile(r"[a-z]*[aeiouy][a-z]*", re.ASCII)  # "do", "bio"; not "g", "gs"
# What the engine makes of an address: labels joined by its connectives; a two-letter last
# label (before a path or at the end) is a country code.
_COUNTRY = re.compile(r"(?<=\bdot )(?P<cc>[a-zA-Z]{2})(?= slash |\b(?! (?:dot|dash) ))")


@lru_cache(maxsize=4096)
def split_label(label: str) -> str:
    """The words of one glued label ("Weatherbase" -> "weather base"), else the label as is."""
    pieces = wordninja.split(label.lower())
    if len(pieces) < 2 or "".join(pieces) != label.lower() \
            or not all(_PIECE.fullmatch(p) for p in pieces):
        return label
    return " ".join(pieces)


def _site_name(m: re.Match[str]) -> str:
    return _GLUED.sub(lambda g: split_label(g.group(0)), m.group("host"))


def before_engine(text: str) -> str:
    """Split the glued words of site names in running text (pure, str -> str)."""
    if "." not in text:
        return text
    return _SITE_NAME.sub(_site_name, text)


def after_engine(text: str, written: str) -> str:
    """Spell the country codes of the addresses in the engine's output `text`.

    `written` is the text before the engine: without an address in it, nothing changes
    (so "a dot on the map" stays as it is).
    """
    if not re.search(r"\w\.[A-Za-z]{2}\b", written):
        return text
    return _COUNTRY.sub(lambda m: ".".join(m.group("cc").upper()) + ".", text)

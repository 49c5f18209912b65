"""Personal-name data (pure lookups): which words are first names, of which sex, and which are
surnames, from the US Census Bureau's 1990 name frequency lists.

The lists ship inside the `names` package (MIT; the census data is public domain): 1,219 male
and 4,275 female first names and 88,799 surnames, each with its share of the population.
Accented spellings are looked up without their accents ("José" as "jose"). A 1990 US list lacks
many first names common in Britain and Ireland today (Liam, Isla, Aoife) and in the other
languages Hark narrates (Jürgen, Søren, Élodie, Małgorzata): a short list of those, each of one
conventional sex, fills in where the census holds nothing (EXTRA_FIRST_NAMES; the census's own
figures win where it has the name). Other names tell nothing. A first name's sex is the one
whose share is at least `SEX_RATIO` times the other's ("Jean" f, "Terry" m); a name common to
both sexes tells nothing. A reader's assumption, never a fact: the text's own words (pronouns,
titles) come first.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

SEX_RATIO = 3.0
# Surnames so rare that they are more often ordinary words at the start of a sentence
# ("Dancing", "Senate") are left out: a surname must be held by this share (percent) at least.
MIN_SURNAME_SHARE = 0.001


def _read(filename: str) -> dict[str, float]:
    """NAME -> share of the population (percent), from one census list."""
    out: dict[str, float] = {}
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].lower()] = float(parts[1])
    return out
# First names the census lists lack, by the sex they are conventionally given: names among the
# most given in England and Wales, Scotland and Ireland in recent decades (ONS, NRS and CSO
# baby-name tables), and common given names in the languages Hark narrates. Written as the
# lookup key is (lower case, accents off; ø and ł are letters of their own, so both spellings).
EXTRA_FIRST_NAMES = {
    "m": """liam muhammad ruairi oisin cian eoin seamus jurgen soren søren francois lars sven
        jens klaus lukas matteo luca alessandro piotr krzysztof tomasz pawel paweł andrzej
        sergei sergey dmitry dmitri vladimir igor bjorn bjørn nils henrik olivier thierry didier
        laurent joao tiago hamza yusuf arjun rohan rahul dieter wolfgang matthias jean-pierre
        jean-luc alain rainer uwe helmut joachim gerhard yannick mathieu guillaume sebastien
        paolo massimo stefano""".split(),
    "f": """isla priya aoife niamh saoirse orla elodie amelie agnieszka malgorzata małgorzata
        katarzyna giulia chiara ekaterina yekaterina freya imogen poppy maeve sinead anke
        frauke margaux manon aurelie federica zainab anjali deepa sunita""".split(),
}


@cache
def _first_names() -> dict[str, str]:
    male, female = _read("dist.male.first"), _read("dist.female.first")
    out: dict[str, str] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        out[name] = "m" if m >= SEX_RATIO * f and m else "f" if f >= SEX_RATIO * m and f else ""
    for sex, extra in EXTRA_FIRST_NAMES.items():
        for name in extra:
            out.setdefault(name, sex)
    return out


@cache
def _surnames() -> frozenset[str]:
    return frozenset(n for n, share in _read("dist.all.last").items()
                     if share >= MIN_SURNAME_SHARE)


def _key(word: str) -> str:
    """The lists' spelling of a word: lower case, without the accents the census lists do
    not write ("José" -> "jose", "Zoë" -> "zoe"; a letter of its own such as ø stays)."""
    folded = unicodedata.normalize("NFKD", word.strip(".,’'").lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def is_first_name(word: str) -> bool:
    """Whether `word` ("Hillary", "jean") is a first name of the census lists."""
    return _key(word) in _first_names()


def first_name_sex(word: str) -> str:
    """ "f", "m" or "" (unknown, or common to both sexes) for one first name."""
    return _first_names().get(_key(word), "")


def is_surname(word: str) -> bool:
    """Whether `word` ("Larkin") is a surname held by at least MIN_SURNAME_SHARE percent."""
    return _key(word) in _surnames()


def looks_personal(name: str) -> bool:
    """A name of two words or more that reads as a person's: a first name before its last
    word, or a surname as its last ("Pete Larkin", "Senate Whip Jo Quist", "Hana
    Virtanen"), not "Dirty Dancing"."""
    words = name.split()
    return len(words) > 1 and (any(is_first_name(w) for w in words[:-1])
                               or is_surname(words[-1]))

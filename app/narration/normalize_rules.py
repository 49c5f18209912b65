"""Hark's own normalization rules: what the engine gets wrong for a British news narrator (pure).

`before_engine` rewrites raw text into forms the engine (or espeak-ng alone) reads right:
regnal and sequel numerals, titles, road words and abbreviations, letters joined by "&",
and (in `normalize_numbers`) everything written with digits. `after_engine` fixes the engine's
output for espeak-ng: "AM"/"PM" as "a.m."/"p.m." and initialisms spelled letter by letter.
Sources: the Guardian and BBC News style guides (dates day first; "the 1990s", "the 90s";
scores "won 3-1" said "three-one", "2-0" said "two-nil"; acronyms said as words are written
Nato, Unesco, so capitals are spelled); Oxford Style Manual on regnal numbers.
"""

from __future__ import annotations

import re

from . import normalize_numbers
from .normalize_numbers import UNIT_SYMBOLS, WEEKDAYS
from .titles import ABBREVIATED, TITLES

# --- data ---------------------------------------------------------------------------------

# Given names of monarchs, popes and emperors: a Roman numeral after one is regnal ("the third").
REGNAL_NAMES = frozenset("""
Alexander Alfonso Amadeus Anne Baldwin Benedict Boniface Carl Carlos Casimir Catherine Charles
Christian Clement Constantine Darius David Edmund Edward Eric Elizabeth Ferdinand Francis Frederick
Friedrich George Gregory Gustav Gustaf Haakon Harald Henry Honorius Innocent Ivan James Joanna John
Juan Julius Leo Leopold Louis Ludwig Malcolm Manuel Margaret Maria Mary Michael Mohammed Napoleon
Nicholas Olaf Otto Paul Pedro Peter Philip Philippe Pius Ptolemy Rama Ramesses Richard Robert
Rudolf Selim Sixtus Stephen Suleiman Urban Victor Wilhelm William
""".split())
# Titles that make the name after them regnal even when the name is not in the list above.
REGNAL_TITLES = frozenset("King Queen Pope Emperor Empress Tsar Czar Tsarina Kaiser Sultan Shah "
                          "Pharaoh Prince Princess Duke Emir".split())

# Nouns that number what follows: after them any numeral is a cardinal ("Part XL", "World
# War I", "Super Bowl LVIII"). NeMo's key words (data/roman/key_word.tsv) and Hark's.
NUMBERED_WORDS = frozenset("""
part chapter class article section paragraph volume book act scene phase stage series round
division grade type episode war bowl
""".split())

# Road and place words, written short -> said (the personal titles live in titles.py).
ROAD_WORDS = {"Rd": "Road", "Ave": "Avenue", "Ln": "Lane", "Sq": "Square", "Blvd": "Boulevard",
              "Cres": "Crescent", "Pde": "Parade", "Hwy": "Highway", "Tce": "Terrace"}
# Acronyms said as words (the BBC and the Guardian write most of these Nato, Unesco...);
# every other short all-capital word is an initialism, spelled letter by letter.
ACRONYM_WORDS = frozenset("""
AIDS ASBO ASEAN BAFTA COVID CAD DEFRA FIFA GIF ISIS ISIL JPEG LASER NAFTA NASA NASDAQ NATO NIMBY
OFCOM OFGEM OFSTED OFWAT OPEC PIN RADAR SARS SCUBA SIM SWAT UEFA UNESCO UNICEF OK TUC
""".split())
# Pronounceable letter sequences (an English onset, vowels, a coda) are said as words, as
# "Nato" is; others ("IUCN", "JSTOR") are spelled. After Sproat et al., "Normalization of
# non-standard words" (2001), on acronyms read as words versus letter sequences.
ONSETS = frozenset("""
B C D F G H J K L M N P Q R S T V W X Z BL BR CH CL CR DR DW FL FR GL GR KN PH PL PR QU SC SH SK
SL SM SN SP SQ ST SW TH TR TW WH WR SCR SPL SPR STR SHR THR
""".split())
CODAS = frozenset("""
B C D F G H K L M N P R S T V W X Z CH CK CT FT LD LF LK LL LM LP LT MP ND NG NK NT PT RB RC RD
RF RG RK RL RM RN RP RS RT SH SK SP SS ST TH TCH NCH RST
""".split())
_INNER_CLUSTERS = frozenset({"STR", "NST", "NDR", "MPL", "NTR"})
_ODD_VOWELS = frozenset({"AA", "II", "UU", "IU", "UA", "IA"})

_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}

# --- patterns -----------------------------------------------------------------------------

_ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_NUMERAL_AFTER_WORD = re.compile(
    rf"\b(?P<title>(?:[A-Z][a-z]+\s+)?)(?P<initial>[A-Z]\.\s+)?(?P<name>[A-Z][A-Za-z]+)\s+"
    rf"(?=[IVXLCDM]+\b)(?P<num>{_ROMAN})\b(?P<after>\S*)")
_DIGIT_NEXT = re.compile(r"\s*\d")
_DIGIT = re.compile(r"\d")
_AMBIGUOUS_NUMERALS = frozenset("MM CD DC MC CM CC XL LI MI DI CV MD DL MIX DIV LIV MIV CIV XXX"
                                .split())
# A numeral standing alone ("Society, IX: 42", "in XIV"): espeak-ng would say "roman nine".
# Up to XXXIX; after "a"/"an" ("an IV drip") letters, spelled; before a number, a model name.
_LONE_NUMERAL = re.compile(r"(?<![\w.'’-])(?P<num>[IVX]{2,6})(?![\w'’-]|\s*\d)")
_ARTICLE_END = re.compile(r"\b[Aa]n? $")
_INITIAL_LETTERS = re.compile("[LCDM]")  # past XXXIX, a numeral after a plain name is rare
# Initials written apart ("A H Bullen"): one capital letter after another are letters, and
# espeak-ng would say a lone "A" as the article.
_INITIALS = re.compile(r"\b[A-Z](?: [A-Z]\b)+(?= [A-Z][a-z])")
# "GIS / University": a spaced slash between words is said, not read as a web address (the
# engine lowercases the words around it and loses their initialisms).
_SPACED_SLASH = re.compile(r"(?<=[A-Za-z]) / (?=[A-Za-z])")
_QUOTE = re.compile(r'"')
_TITLE_WORD = re.compile(
    r"\b(?P<t>" + "|".join(sorted((re.escape(t) for t in ABBREVIATED), key=len, reverse=True))
    + r")\b\.?(?=\s+[A-Z])")
_ROAD = re.compile(r"\b(?P<n>[A-Z][a-z]+) (?P<w>" + "|".join(ROAD_WORDS) + r")\b\.?")
_SAINT = re.compile(r"\b[Ss]t\.?(?=\s+[A-Z])")
_SAINTE = re.compile(r"\bSte\.?(?=[\s-]+[A-Z])")  # French, "Sault Ste. Marie": "Sainte"
# Letters joined by an ampersand ("A&E", "P&O", "AT&T"): the engine runs them into one word
# ("AANDE"); joined by hyphens espeak-ng says the letters and "and" ("A-and-E").
_AMPERSAND_LETTERS = re.compile(r"\b(?P<a>[A-Z]{1,3})&(?P<b>[A-Z]{1,3})\b")
# "WWII", "WW2": World War Two (the BBC writes "World War Two" or "Second World War").
# Weekdays written short in a range or after a preposition ("Mon-Fri", "on Tue."); "Sun"
# alone may be the newspaper.
_WEEKDAY_NAMES = "|".join(WEEKDAYS)
_WEEKDAY_RANGE = re.compile(rf"\b(?P<a>{_WEEKDAY_NAMES})\.?\s?[-–]\s?(?P<b>{_WEEKDAY_NAMES})\b"
                            r"(?:\.(?=\s+[a-z\d]))?")
_WEEKDAY_AFTER = re.compile(r"\b(?P<p>[Oo]n|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Ee]very|[Nn]ext|"
                            r"[Ll]ast) "
                            r"(?P<d>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\b(?:\.(?=\s+[a-z\d]))?"
                            r"(?![\w'’-])")
_WORLD_WAR = re.compile(r"\bWW(?P<n>II|I|2|1)\b")
# "Mill St", "York st", "1428 Elm St. It was": a street after a name that is not itself
# first in its sentence, unless a name follows ("St Paul's" is a saint).
_STREET = re.compile(r"\b(?P<n>[A-Z][a-z]+) [Ss]t\b(?P<dot>\.?)(?=\s*$|[,;:)!?]|\s+[a-z0-9])")
_STREET_DOT = re.compile(r"(?<=[\w,] )(?P<n>[A-Z][a-z]+) [Ss]t(?P<dot>\.)(?=\s+[A-Z])")
_MOUNT = re.compile(r"\b[Mm]t\.?(?=\s+[A-Z])")
_SUFFIX = re.compile(r"\b(?P<n>[A-Z][a-z]+) (?P<s>[Jj]r|[Ss]r)\b\.?")
_PER_UNIT = re.compile(r"\bper (?P<u>" + "|".join(sorted(UNIT_SYMBOLS, key=len, reverse=True))
                       + r")(?![\w/])")
_ABBREVIATIONS = [(re.compile(r"\bvs\b\.?", re.I), "versus"),
                  (re.compile(r"\betc\b", re.I), "etcetera"),
                  (re.compile(r"\b[Vv]ol\b\.?"), "volume"),
                  (re.compile(r"\b[Bb]ros\b\.?"), "brothers"),
                  (re.compile(r"\b[Gg]ovt\b\.?"), "government"),
                  (re.compile(r"\b[Aa]pprox\b\.?"), "approximately"),
                  # before a year only: "c. 1850" is circa (Hart's Rules). "p. 12" stays
                  # "p twelve": the Google references read citations so.
                  (re.compile(r"\bc\.\s?(?=\d{3,4}\b)"), "circa "),
                  (re.compile(r"\bc\.(?=\d)"), "circa "),  # joined: "c.65%"
                  (re.compile(r"\b[Ee]st\.\s?(?=\d{4}\b)"), "established "),  # "est. 1878"
                  (re.compile(r"\b[Ff]igs\.\s?(?=\d)"), "figures "),
                  (re.compile(r"\b[Ff]ig\.\s?(?=\d)"), "figure "),
                  (re.compile(r"\b(?:[Cc]h|[Cc]hap)\.\s?(?=\d)"), "chapter "),
                  (re.compile(r"\b[Aa]\.[Kk]\.[Aa]\.?(?=\s)"), "also known as"),
                  (re.compile(r"\bRt\.? Hon\b\.?"), "Right Honourable"),
                  # "p.a.": per annum; a sentence's own full stop stays
                  (re.compile(r"\bp\.a\.(?=\s+[a-z(])"), "per annum"),
                  (re.compile(r"\bp\.a(?=\.)"), "per annum"),
                  (re.compile(r"\beds\.(?=[\s)]|$)"), "editors")]

_AM_PM = re.compile(r"\b(?P<h>one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|\w+teen|\w+ty|o'clock|hundred|oh|\d+) "
                    r"(?:(?P<x>[AP])M\b\.?|(?P<x2>[ap])\.? ?m\b\.?)")
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,5}")
_CAPS = re.compile(r"(?<![\w.'’-])(?P<w>[A-Z]{2,})(?P<s>s|['’]s)?(?![\w'’-])")


# --- before the engine --------------------------------------------------------------------

def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"


def roman_value(numeral: str) -> int:
    """The value of a valid Roman numeral ("XIV" -> 14); 0 for an empty string."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total


def _numeral(m: re.Match[str]) -> str:
    num, name, title = m.group("num"), m.group("name"), m.group("title").strip()
    model = (_DIGIT_NEXT.match(m.string, m.end()) and not m.group("after")
             and name not in REGNAL_NAMES)
    if not num or name in REGNAL_TITLES or model:
        return m.group(0)  # "Meizu MX 4": letters of a model name, not a numeral
    value = roman_value(num)
    if name.lower() in NUMBERED_WORDS:
        return f"{m.group('title')}{m.group('initial') or ''}{name} {value}{m.group('after')}"
    regnal = name in REGNAL_NAMES or title in REGNAL_TITLES
    # A generational suffix after a person's full name ("John D. Rockefeller III", "Henry
    # Ford II") is said as a regnal number is: given name (or a middle initial), surname.
    generational = (2 <= value <= 4 and "L" not in num
                    and (title in REGNAL_NAMES or bool(m.group("initial"))))
    if len(num) == 1 or num in _AMBIGUOUS_NUMERALS or (
            not (regnal or generational) and _INITIAL_LETTERS.search(num)):
        # One letter, or letters that are as often an abbreviation or initials ("Compton LV"):
        # only after a monarch, and "I" only where the pronoun cannot follow a name (end of
        # clause, "'s", "was"). NeMo reads numerals past XLIX only after its key words too.
        after = m.group("after")
        if not regnal or (num == "I" and after and after[0].isalnum()):
            return m.group(0)
        if num not in ("I", "V") and title not in REGNAL_TITLES:
            return m.group(0)  # "Malcolm X": a letter, unless a king or pope is named
    said = f"the {_ordinal(value)}" if regnal or generational else str(value)
    return f"{m.group('title')}{m.group('initial') or ''}{name} {said}{m.group('after')}"


def _lone_numeral(m: re.Match[str]) -> str:
    num = m.group("num")
    if _ARTICLE_END.search(m.string, 0, m.start()):
        return ".".join(num) + "."
    if not re.fullmatch(_ROMAN, num) or num in _AMBIGUOUS_NUMERALS:
        return num
    return str(roman_value(num))


def _title(m: re.Match[str]) -> str:
    return TITLES[m.group("t")]


def _quotes(text: str) -> str:
    # Straight double quotes come in pairs; a lone one right after a digit is the inch sign.
    # Quote marks are silent for espeak-ng, so the pairs go (the engine reads them as inches).
    if text.count('"') % 2 and re.search(r'\d"', text):
        return text
    return _QUOTE.sub(" ", text)


def _letters(group: str) -> str:
    return group if len(group) == 1 else ".".join(group) + "."


def before_engine(text: str) -> str:
    """Rewrite what the engine misreads into forms it reads right (pure, str -> str)."""
    text = _quotes(text)
    text = _AMPERSAND_LETTERS.sub(
        lambda m: f"{_letters(m.group('a'))}-and-{_letters(m.group('b'))}", text)
    text = _WORLD_WAR.sub(lambda m: "World War " + ("Two" if m.group("n") in ("II", "2")
                                                    else "One"), text)
    text = _SAINTE.sub("Sainte", text)
    text = _WEEKDAY_RANGE.sub(lambda m: f"{WEEKDAYS[m.group('a')]} to {WEEKDAYS[m.group('b')]}",
                              text)
    text = _WEEKDAY_AFTER.sub(lambda m: f"{m.group('p')} {WEEKDAYS[m.group('d')]}", text)
    text = _NUMERAL_AFTER_WORD.sub(_numeral, text)
    text = _LONE_NUMERAL.sub(_lone_numeral, text)
    if _DIGIT.search(text):  # most sentences have none: their number rules are skipped
        text = normalize_numbers.before_engine(text)
    text = _INITIALS.sub(lambda m: m.group(0).replace(" ", ".") + ".", text)
    text = _SPACED_SLASH.sub(" slash ", text)
    text = _TITLE_WORD.sub(_title, text)
    text = _SUFFIX.sub(lambda m: m.group("n") + (" junior" if m.group("s")[0] in "Jj"
                                                  else " senior"), text)
    for pattern, words in _ABBREVIATIONS:
        text = pattern.sub(words, text)
    return _PER_UNIT.sub(lambda m: f"per {UNIT_SYMBOLS[m.group('u')]}", text)


# --- after the engine ---------------------------------------------------------------------

def pronounceable(word: str) -> bool:
    """Whether an all-capital word of 4-5 letters reads as an English word ("NATO", "LEED")."""
    m = re.fullmatch(r"([^AEIOUY]*)((?:[AEIOUY]+[^AEIOUY]*)+)", word)
    if not m or len(word) < 4 or (m.group(1) and m.group(1) not in ONSETS):
        return False
    vowels = re.findall(r"[AEIOU]+", word)
    if any(len(v) > 2 or v in _ODD_VOWELS for v in vowels):
        return False
    clusters = re.findall(r"[^AEIOU]+", word[len(m.group(1)):])
    for i, cluster in enumerate(clusters):
        if i == len(clusters) - 1 and word.endswith(cluster):
            if cluster not in CODAS:
                return False
        elif len(cluster) > 2 and cluster not in _INNER_CLUSTERS and not _splits(cluster):
            return False
    # A final E after consonants is silent ("NICE", "PASTE"): they must end a word ("ASCE"),
    # unless it makes a syllable with L or R ("TABLE", "ACRE").
    final_e = re.search(r"(?<=[AEIOU])([^AEIOU]+)E$", word)
    return not (final_e and final_e.group(1) not in CODAS and final_e.group(1)[-1] not in "LR")


def syllabifiable(word: str) -> bool:
    """Whether a long all-capital word ("CONACULTA", "SCHOOL") can be read as syllables: a
    vowel, and every run of consonants between two vowels splits into a coda and an onset
    ("NSTR" -> N + STR). "AKDTYK" cannot ("KDT"): it is spelled.

    Y is a vowel between consonants. After the maximal-onset principle of syllabification
    (Kahn 1976; Selkirk 1982), with the onsets and codas above.
    """
    w = re.sub(r"(?<=[^AEIOU])Y(?=[^AEIOU]|$)", "I", word)
    if not re.search("[AEIOU]", w):
        return False
    return all(_splits(run) for run in re.findall(r"(?<=[AEIOU])[^AEIOU]{3,}(?=[AEIOU])", w))


def _splits(run: str) -> bool:
    """Whether consonants between two vowels split into a coda and an onset ("NKL": NK + L)."""
    return any((not run[:i] or run[:i] in CODAS) and run[i:] in ONSETS for i in range(len(run)))


def _as_written(written: str, said: str) -> str:
    # The writer's case stays: "st Helens" is read as the word "saint", "St Helens" as the
    # name's weak "Saint" (espeak-ng says the two differently).
    return said.capitalize() if written[0].isupper() else said


def _spell(m: re.Match[str]) -> str:
    word, plural = m.group("w"), m.group("s") or ""
    if word in ACRONYM_WORDS:
        return m.group(0)
    return ".".join(word) + "." + ("'s" if plural else "")


def _am_pm(m: re.Match[str]) -> str:
    # espeak-ng says "AM" as the word "am" and "a m" as "uh em"; "a.m." it spells.
    return f"{m.group('h')} {(m.group('x') or m.group('x2')).lower()}.m."


def initialisms(text: str) -> frozenset[str]:
    """The all-capital words of `text` to spell out, as written (before the engine).

    Empty for a headline in capitals; words joined by hyphens ("1-800-GO-HAUL") are kept.
    """
    words = re.findall(r"[A-Za-z]{2,}", text)
    if not words or sum(w.isupper() for w in words) * 2 > len(words):
        return frozenset()
    # A word that looks like a Roman numeral is one for the engine; if it is still there after
    # the engine (the rules before it judged it letters, "XI 2013"), it is spelled: left
    # alone, espeak-ng says "roman eleven".
    found = {w for w in (m.group("w") for m in _CAPS.finditer(text)) if w not in ACRONYM_WORDS
             and not (pronounceable(w) if len(w) <= 5 else syllabifiable(w))}
    # written with full stops, letters are letters, even "I.V." or "N.A.T.O."
    found.update(m.group(0).replace(".", "") for m in _DOTTED.finditer(text))  # "Y.W.C.A."
    return frozenset(found)


def after_engine(text: str, spell: frozenset[str] = frozenset(), written: str = "") -> str:
    """Make the engine's output what espeak-ng says right (pure, str -> str).

    `spell` are the initialisms of the text before the engine (see `initialisms`);
    `written` is that text (plurals of numbers are made only where it has one, "747s").
    """
    text = _AM_PM.sub(_am_pm, text)
    text = normalize_numbers.after_engine(text, written)
    for street in (_STREET, _STREET_DOT):
        text = street.sub(lambda m: f"{m.group('n')} Street{m.group('dot')}", text)
    text = _SAINT.sub(lambda m: _as_written(m.group(0), "saint"), text)
    text = _MOUNT.sub(lambda m: _as_written(m.group(0), "mount"), text)
    text = _ROAD.sub(lambda m: f"{m.group('n')} {ROAD_WORDS[m.group('w')]}", text)
    if spell:
        text = _CAPS.sub(lambda m: _spell(m) if m.group("w") in spell else m.group(0), text)
        text = re.sub(r"(?<=\b[A-Z]\.)\.", "", text)  # "YWCA." spelled: one full stop
    return text

"""Mentions of possible speakers in narration text (pure): names, pronouns, descriptions.

A mention is what a reader would point at as "the one who said it": a name with its title
("Sen. Ted Cruz"), a pronoun ("she"), a description ("the spokeswoman", "a spokesperson for
Northlink Buses"). Each carries the gender and number the words themselves tell (CoreNLP's
mention features, Muzny et al. 2017), nothing guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.narration.titles import ABBREVIATED

from .lexicon import (
    ADVERBS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_GENDER,
    SPOKES,
    TITLE_GENDER,
    TITLE_SET,
    VERB_RE,
)
from .namelists import is_first_name, is_surname

_ABBREV_TITLES = sorted({t.lower() for t in ABBREVIATED} | {"jr", "sr"}, key=len, reverse=True)
# Capital letters of every script with case (Łukasiewicz, Ødegaard, Σαμαράς, Путин)
UPPER = "[" + "".join(ch for ch in map(chr, range(0x2000)) if ch.isupper() and ch.isalpha()) + "]"
_CAP_WORD = rf"{UPPER}[\w’'\-]*[\w]|{UPPER}"
_PARTICLE = rf"(?:de|van|von|der|den|da|di|du|bin|al|el|le|la|del|dos|das|ibn|ter)(?=\s+{UPPER})"
# A full stop belongs to a name only after an initial or an abbreviated title ("J. Roe").
_TITLE_DOT = r"(?:" + "|".join(t.capitalize() for t in _ABBREV_TITLES) + r")\."
_NAME_TOKEN = rf"(?:{_TITLE_DOT}|{UPPER}\.(?:{UPPER}\.)*|(?:{_CAP_WORD})|{_PARTICLE})"
NAME_RUN = re.compile(rf"(?<![\w’'])(?:{_NAME_TOKEN})(?:[ \t]+(?:{_NAME_TOKEN}))*")
_VERB_NEXT = re.compile(r"(?:,[^,.;:]{1,80},)?(?:,?\s+who)?\s+(?:(?:"
                        + "|".join(sorted(ADVERBS)) + r")\s+)*" + VERB_RE.pattern)
_DETERMINERS = frozenset("the a an one another his her their its this that".split())
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_POSSESSIVE = re.compile(r"['’]s?$")
_PREPOSITIONS = frozenset("""in at from to of across near into onto with by for on about
against over under between among through toward towards via like than outside inside around
along beyond throughout within without behind beside besides amid amongst upon unlike
including nearby""".split())


@dataclass(frozen=True)
class Mention:
    """One mention: `kind` is "name", "org", "pronoun" or "nominal"."""

    kind: str
    text: str  # as written
    name: str | None = None  # the proper name without titles ("Ted Cruz"), orgs included
    gender: str = ""  # "m", "f" or "" (unknown)
    plural: bool = False
    role: str = ""  # describing noun: "spokeswoman", "nurse"
    titled: bool = False
    start: int = -1  # offset in the paragraph, when known
    after_preposition: bool = False
    speaks: bool = False  # the subject of a speech verb in narration ("Virtanen said the…")


def _words(s: str) -> list[str]:
    return s.split()


def clean_name(run: str) -> tuple[str | None, bool, str]:
    """(name without titles and possessive, had a title, gender the title tells)."""
    words = _words(run)
    titled, gender = False, ""
    while words and (_POSSESSIVE.sub("", words[0].lower().rstrip(".")) in NOT_NAME_WORDS
                     or words[0].lower() in _PREPOSITIONS
                     or _capitalised_word(words[0], alone=len(words) == 1)):
        words = words[1:]
    # "Retired U.S. Air Force Gen. Norman Ham", "Vermont Sen. Bernie Sanders": what comes
    # before the last title describes the person; the name follows it
    last_title = max((i for i, w in enumerate(words[:-1])
                      if w.rstrip(".").lower() in TITLE_SET or _is_role(w)), default=-1)
    if last_title >= 0:
        titled = True
        gender = TITLE_GENDER.get(words[last_title].rstrip(".").lower(), "")
        words = words[last_title + 1:]
    if words and _POSSESSIVE.search(words[-1]) and words[-1][-2:] in ("'s", "’s"):
        words[-1] = words[-1][:-2]
    while words and words[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii"):
        words = words[:-1]
    words = [w for w in words if w]
    while len(words) > 2 and words[0].lower() in _PARTIES and not any(
            w.lower() in ORG_HEADS or w.lower() in _NOT_IN_PERSON_NAMES for w in words):
        words = words[1:]  # "Democrat Hillary Clinton", not "Republican National Convention"
    if not words or _is_role(words[-1]):
        return None, titled, gender  # "Republican National Committeeman": a description
    return " ".join(words), titled, gender


def _capitalised_word(word: str, alone: bool = False) -> bool:
    """A participle or adverb capitalised by its place at a sentence's start ("Following
    Sanders", "Regarding Trump", "Likewise"), unless names know it ("Sterling", "Manning");
    an -ing word standing alone is kept: it may be a rarer surname ("Suckling")."""
    w = word.lower()
    return w.isalpha() and w.endswith(("wise", "side") if alone else ("ing", "wise", "side")) \
        and not is_first_name(w) and not is_surname(w)


def _is_role(word: str) -> bool:
    """A capitalised describing noun inside a name run: "House Speaker", "Committeeman"."""
    w = word.rstrip(".,").lower()
    return w in PERSON_NOUNS or w in ROLE_GENDER or w in _ROLE_COMPOUNDS


# Party words before a name describe the person ("Democrat Hillary Clinton")
_PARTIES = frozenset("""democrat democratic republican gop libertarian independent labour
tory conservative liberal socialist green""".split())
_NOT_IN_PERSON_NAMES = frozenset("national convention conference of america states".split())
_ROLE_COMPOUNDS = frozenset("""committeeman committeewoman assemblyman assemblywoman
anchorman newsman cameraman fireman clergyman layman frontman""".split())


def is_org(name: str) -> bool:
    """An organisation or place rather than a person, by its head word or an acronym."""
    words = name.split()
    last = words[-1].lower().strip(".")
    return last in ORG_HEADS or (len(words) == 1 and name.isupper() and len(name) > 1)


_SPEAKS_FOR = re.compile(r"(his|her)\s+(?:[a-z\-]+\s+){0,2}?(campaign|spokesman|spokeswoman|"
                         r"spokesperson|office|team|aides?|staff|lawyers?|attorneys?)")


def read_phrase(phrase: str, offset: int = -1) -> Mention | None:
    """The mention a subject phrase names: "Republican strategist Fred Davis" -> Fred Davis,
    "Mr. Kelly, a retired astronaut" -> Kelly (m), "she" -> pronoun, "the spokeswoman" ->
    nominal (f), "a spokesperson for Northlink Buses" -> org. None if it names no one."""
    text = _PARENTHESIS.sub("", phrase).strip(" \t,;:—–-")
    head, _, apposition = text.partition(",")
    head = re.split(r"\s+(?:who|which|whose|that)\s+|\s+[(\[—–]|\s+-\s+", head)[0].strip()
    if head and head.split()[0].lower() in _DETERMINERS:
        # "a Democratic staffer in the room", "one voter at the rally": where, not who
        head = re.split(r"\s+(?:in|at|on|inside|outside|near|during|with)\s+", head)[0]
    if not head:
        return None
    # "Jeffrey Lewis of the James Martin Center": the person named before "of", "at", "from"
    of = re.match(rf"^(.*?{_NAME_TOKEN})\s+(?:of|at|from)\s", head)
    if of and NAME_RUN.search(of.group(1)) and of.group(1)[-1:].isalpha():
        person = read_phrase(of.group(1), offset)
        if person is not None and person.kind == "name":
            return person
    low = head.lower()
    if low in PRONOUNS:
        g, pl = PRONOUNS[low]
        return Mention("pronoun", head, None, g, pl, start=offset)
    owner = _SPEAKS_FOR.fullmatch(low)
    if owner:
        # "her campaign", "his spokesman": they speak for the person the pronoun means
        return Mention("pronoun", head, None, "m" if owner.group(1) == "his" else "f", False,
                       owner.group(2), start=offset)
    words = _words(low)
    if words[0].endswith("s") and words[0][:-1] in PERSON_NOUNS and (
            len(words) == 1 or words[1].endswith("ing") or words[1] in _PREPOSITIONS):
        # "Protesters marching through the streets chanted": people described by a plural
        return Mention("nominal", head.split()[0], None, "", True, words[0], start=offset)
    role_words = [w.strip(".,").lower() for w in _words(head + " " + apposition)]
    role = next((w for w in role_words if w in ROLE_GENDER), "")
    role_gender = ROLE_GENDER.get(role, "")
    runs = list(NAME_RUN.finditer(head))
    if runs:
        last = runs[-1]
        tail = head[last.end():].strip()
        name, titled, tgender = clean_name(last.group(0))
        if name and not tail:
            before = head[:last.start()].split()
            prep = bool(before) and before[-1].lower() in _PREPOSITIONS
            if prep and before[-1].lower() in ("for", "at", "of") and (
                    _head_noun(before[:-1]) in SPOKES or is_org(name)):
                # "a spokesperson for Northlink Buses": the organisation speaks
                return Mention("org", head, name, "", False, _head_noun(before[:-1]),
                               start=offset)
            if prep:
                return None
            kind = "org" if is_org(name) and not titled else "name"
            desc = [w.lower() for w in before]
            role = role or next((w for w in desc if w in ROLE_GENDER), "") or (
                desc[-1] if desc else "")
            return Mention(kind, head, name, tgender or ROLE_GENDER.get(role, ""), False,
                           role, titled, offset)
        head_noun = tail.split()[-1].lower() if tail else ""
        possessive = bool(_POSSESSIVE.search(last.group(0))) and not head[:last.start()].strip()
        if name and tail and head_noun in PERSON_NOUNS and not tail[0].isupper() \
                and head_noun not in SPOKES and (low.split()[0] in _DETERMINERS or possessive) \
                and len(tail.split()) <= 3:
            # "the Republican nominee", "the New York businessman", "Ann Roe's son": a
            # person described (a possessive name is a definite description's determiner)
            return Mention("nominal", head, None, ROLE_GENDER.get(head_noun, ""), False,
                           head_noun, start=offset)
        if name and tail and len(tail.split()) <= 2 and not tail[0].isupper() and (
                tail.split()[-1] in ORG_HEADS or tail.split()[-1] in SPOKES):
            # "Clinton campaign spokesman", "the Trump campaign": the organisation speaks
            first = head[:last.start()].split()
            if not first or first[-1].lower() in ("the", "a", "an", "one", "another"):
                return Mention("org", head, (name + " " + tail.split()[0]
                                             if tail.split()[0] in ORG_HEADS else name),
                               "", False, tail.split()[-1].lower(), start=offset)
        return None
    words = _words(low)
    if len(words) > 7 or words[0] not in _DETERMINERS:
        return None
    return Mention("nominal", head, None, role_gender, words[-1].endswith("s")
                   and not words[-1].endswith("ss"), words[-1], start=offset)


_INDEFINITE = frozenset("a an one another some".split())


def is_indefinite(mention: Mention) -> bool:
    """A description that brings in someone new ("a senior official", "one passenger",
    "protesters"), not one that points back ("the official"): indefinite noun phrases
    introduce a new discourse referent (Heim 1982; Poesio & Vieira 1998 for definite
    descriptions)."""
    first = mention.text.split()[0].lower()
    return mention.kind == "nominal" and (first in _INDEFINITE or (
        len(mention.text.split()) == 1 and mention.plural))


def is_personal(mention: Mention) -> bool:
    """A description whose head noun names people ("the spokeswoman", "two passengers"),
    not a thing that speaks for them ("the statement", "a report")."""
    role = mention.role.lower()
    stem = role[:-1] if role.endswith("s") and not role.endswith("ss") else role
    return mention.kind == "nominal" and any(
        w in PERSON_NOUNS or w in ROLE_GENDER for w in (role, stem)) and role not in SPOKES


def description_label(mention: Mention) -> str:
    """How a described speaker is named to the listener: the description as the article
    writes it, its determiner in lower case ("A senior official" -> "a senior official")."""
    words = mention.text.split()
    return " ".join([words[0].lower(), *words[1:]]) if words[0].lower() in _DETERMINERS \
        else mention.text


def _head_noun(words: list[str]) -> str:
    return words[-1].lower() if words else ""


_APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+((?:[\w’'\-]+\s+){0,4}?)([a-z][\w\-]+)"
                         r"(?=\s+(?:of|for|at|in|on|to|from|who)\b|[,.;])")
_NOT_ROLES = _PREPOSITIONS | NOT_NAME_WORDS | {"and", "or", "but", "said", "says", "told"}


def _role_before(word: str) -> str:
    """A describing noun right before a name: "her son Piotr", "nominee Donald Trump"."""
    if word in ROLE_GENDER or (word.isalpha() and word.islower() and word not in _NOT_ROLES
                               and not VERB_RE.fullmatch(word) and len(word) > 3
                               and not word.endswith(("ly", "ed", "ing"))):
        return word
    return ""


def _role_after(text: str) -> str:
    """The head noun of an apposition: "Donald Trump, the Republican nominee," -> nominee."""
    m = _APPOSITION.match(text)
    return m.group(2).lower() if m else ""


_NOUN_ADJUNCT = re.compile(rf"(?:['’]s)?\s+((?:[a-z][\w\-]*\s+){{1,3}}){UPPER}")


def _modifies_a_name(text: str, end: int) -> bool:
    """The name describes the person named next ("Clinton spokeswoman Jennifer Palmieri",
    "Sanders campaign manager Jeff Weaver"): a noun adjunct, not the sentence's subject."""
    m = _NOUN_ADJUNCT.match(text, end)
    return m is not None and any(w in PERSON_NOUNS or w in ROLE_GENDER
                                 for w in m.group(1).split())


_SUBORDINATORS = frozenset("when as after before while until because if since once".split())


def name_mentions(text: str, base: int = 0) -> list[Mention]:
    """Every proper-name mention in a stretch of narration, in order."""
    out: list[Mention] = []
    last_end, last_prep = -10, False
    for m in NAME_RUN.finditer(text):
        name, titled, gender = clean_name(m.group(0))
        if not name or name.lower() in NOT_NAME_WORDS:
            continue
        before = text[:m.start()].split()
        prev = before[-1].lower().strip(",") if before else ""
        # "in Aurora, Colorado,": a name right after a place's comma is the same place
        # ("in Florida, Clinton said": a clause's subject after its opening phrase)
        chained = last_prep and not text[last_end:m.start()].strip(", ") \
            and text[m.end():m.end() + 1] in (",", ".", "")
        prep = prev in _PREPOSITIONS or chained
        last_end, last_prep = m.end(), prep
        role = _role_before(prev) or _role_after(text[m.end():m.end() + 80])
        # "the Islamic State", "a Washington Post poll": a determiner makes it a thing
        kind = "org" if (is_org(name) or prev in ("the", "a", "an")) and not titled else "name"
        # "when Tapper asked": a speech verb in a clause of time is not the sentence's
        speaks = bool(_VERB_NEXT.match(text, m.end())) and prev not in _SUBORDINATORS \
            and not chained
        modifier = _modifies_a_name(text, m.end())
        out.append(Mention(kind, m.group(0), name, gender or ROLE_GENDER.get(role, ""), False,
                           role, titled, base + m.start(), prep or modifier,
                           speaks and not modifier))
    return out

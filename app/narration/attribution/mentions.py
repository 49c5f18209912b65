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
    DETERMINERS,
    DOCUMENT_NOUNS,
    NOT_NAME_WORDS,
    PREPOSITIONS,
    ROLE_GENDER,
    VERB_RE,
)
from .lexicons import Lexicon
from .lexicons.en import LEXICON as EN
from .namelists import first_name_sex, is_first_name, is_surname

_ABBREV_TITLES = sorted({t.lower() for t in ABBREVIATED} | {"jr", "sr"}, key=len, reverse=True)
# Capital letters of every script with case (Łukasiewicz, Ødegaard, Σαμαράς, Путин)
UPPER = "[" + "".join(ch for ch in map(chr, range(0x2000)) if ch.isupper() and ch.isalpha()) + "]"
# A combining accent belongs to its letter (decomposed text: "Jose\u0301"), and C1 control
# characters occur only inside mis-decoded words ("JesÃ\x83Âs" is one word)
_CAP_WORD = rf"{UPPER}[\w’'\-\u0300-\u036f\x80-\x9f]*[\w\u0300-\u036f]|{UPPER}"
_PARTICLES = "de|van|von|der|den|da|di|du|bin|al|el|le|la|del|dos|das|ibn|ter"
# a particle, or a chain of them, before a capitalised word: "Jan van der Berg"
_PARTICLE = rf"(?:{_PARTICLES})(?=(?:\s+(?:{_PARTICLES}))*\s+{UPPER})"
# A full stop belongs to a name only after an initial or an abbreviated title ("J. Roe").
_TITLE_DOT = r"(?:" + "|".join(t.capitalize() for t in _ABBREV_TITLES) + r")\."
_NAME_TOKEN = rf"(?:{_TITLE_DOT}|{UPPER}\.(?:{UPPER}\.)*|(?:{_CAP_WORD})|{_PARTICLE})"
NAME_RUN = re.compile(rf"(?<![\w’'])(?:{_NAME_TOKEN})(?:[ \t]+(?:{_NAME_TOKEN}))*")
_DETERMINERS = DETERMINERS
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_POSSESSIVE = re.compile(r"['’]s?$")
_PREPOSITIONS = PREPOSITIONS
_VERB_NEXT: dict[str, re.Pattern[str]] = {}


def _verb_next(lex: Lexicon) -> re.Pattern[str]:
    """A speech verb right after a name (an apposition and adverbs may come between)."""
    if lex.language not in _VERB_NEXT:
        _VERB_NEXT[lex.language] = re.compile(
            r"(?:,[^,.;:]{1,80},)?" + (r"(?:,?\s+who)?" if lex is EN else "")
            + r"\s+(?:(?:" + "|".join(sorted(lex.adverbs)) + r")\s+)*"
            + lex.verb_re.pattern, lex.verb_re.flags)
    return _VERB_NEXT[lex.language]


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


def clean_name(run: str, lex: Lexicon = EN) -> tuple[str | None, bool, str]:
    """(name without titles and possessive, had a title, gender the title tells)."""
    words = _words(run)
    titled, gender = False, ""
    while words and (_POSSESSIVE.sub("", words[0].lower().rstrip(".")) in lex.not_name_words
                     or words[0].lower() in lex.prepositions
                     or (lex is EN and _capitalised_word(words[0], alone=len(words) == 1))):
        words = words[1:]
    # "Retired U.S. Air Force Gen. Norman Ham", "Vermont Sen. Bernie Sanders": what comes
    # before the last title describes the person; the name follows it
    last_title = max((i for i, w in enumerate(words[:-1])
                      if w.rstrip(".").lower() in lex.title_set or _is_role(w, lex)),
                     default=-1)
    if last_title < 0 and lex.caps_nouns and len(words) >= 3 \
            and words[0].lower().endswith(lex.agent_suffixes):
        last_title = 0  # "Förster Jan Kurz": a job word unknown to the list, then the name
    if last_title >= 0:
        titled = True
        gender = lex.title_gender.get(words[last_title].rstrip(".").lower(), "")
        words = words[last_title + 1:]
        if lex is not EN and words and (words[0].lower() in lex.determiners
                                        or words[0].lower() in lex.prepositions):
            return None, titled, gender  # "Sprecher der Stadt": whose, not who
    if words and _POSSESSIVE.search(words[-1]) and words[-1][-2:] in ("'s", "’s"):
        words[-1] = words[-1][:-2]
    while words and words[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii"):
        words = words[:-1]
    words = [w for w in words if w]
    if lex.caps_nouns:  # "Leipzig der Ort": an article, not a particle, unless after "von"
        cut = next((i for i, w in enumerate(words) if i and w.lower() in lex.determiners
                    and words[i - 1].lower() not in ("von", "van", "zu", "vom", "zum")), 0)
        words = words[:cut] if cut else words
    while lex is not EN and len(words) > 2 and words[0].isupper() and len(words[0]) > 1:
        words = words[1:]  # "ТАСС Анна Белова", "PAP Adam Nowicki": an agency, then the name
    while len(words) > 2 and words[0].lower() in _PARTIES and not any(
            w.lower() in lex.org_heads or w.lower() in _NOT_IN_PERSON_NAMES for w in words):
        words = words[1:]  # "Democrat Hillary Clinton", not "Republican National Convention"
    if not words or (_is_role(words[-1], lex) and not (
            lex is EN and len(words) > 1 and all(is_first_name(w) for w in words[:-1]))):
        # "Republican National Committeeman": a description; but after first names a
        # role word is a surname ("Billie Jean King", "Ann Judge")
        return None, titled, gender
    return " ".join(words), titled, gender


def _capitalised_word(word: str, alone: bool = False) -> bool:
    """A participle or adverb capitalised by its place at a sentence's start ("Following
    Sanders", "Regarding Trump", "Likewise"), unless names know it ("Sterling", "Manning");
    an -ing word standing alone is kept: it may be a rarer surname ("Suckling")."""
    w = word.lower()
    return w.isalpha() and w.endswith(("wise", "side") if alone else ("ing", "wise", "side")) \
        and not is_first_name(w) and not is_surname(w)


def _is_role(word: str, lex: Lexicon = EN) -> bool:
    """A capitalised describing noun inside a name run: "House Speaker", "Committeeman"."""
    w = word.rstrip(".,").lower()
    return w in lex.person_nouns or w in lex.role_gender or w in _ROLE_COMPOUNDS or (
        lex.compound_roles and bool(lex.role(w)))


# Party words before a name describe the person ("Democrat Hillary Clinton")
_PARTIES = frozenset("""democrat democratic republican gop libertarian independent labour
tory conservative liberal socialist green""".split())
_NOT_IN_PERSON_NAMES = frozenset("national convention conference of america states".split())
_ROLE_COMPOUNDS = frozenset("""committeeman committeewoman assemblyman assemblywoman
anchorman newsman cameraman fireman clergyman layman frontman""".split())


def is_org(name: str, lex: Lexicon = EN) -> bool:
    """An organisation or place rather than a person, by its head word or an acronym."""
    words = name.split()
    last = words[-1].lower().strip(".")
    return last in lex.org_heads or (len(words) == 1 and name.isupper() and len(name) > 1)


# Adjectives that follow the noun they describe in news sourcing ("a source familiar with
# the talks", "a person close to the family", "an official briefed on the plan")
_POSTMODIFIER = re.compile(r"\s+(?:familiar|close|knowledgeable|briefed|involved)$")
_SPEAKS_FOR = re.compile(r"(his|her)\s+(?:[a-z\-]+\s+){0,2}?(campaign|spokesman|spokeswoman|"
                         r"spokesperson|office|team|aides?|staff|lawyers?|attorneys?)")


def read_phrase(phrase: str, offset: int = -1, lex: Lexicon = EN) -> Mention | None:
    """The mention a subject phrase names: "Republican strategist Fred Davis" -> Fred Davis,
    "Mr. Kelly, a retired astronaut" -> Kelly (m), "she" -> pronoun, "the spokeswoman" ->
    nominal (f), "a spokesperson for Northlink Buses" -> org. None if it names no one."""
    text = _PARENTHESIS.sub("", phrase).strip(" \t,;:—–-")
    if lex is not EN:  # "l'ingegnera Paola Conti": the elided article is a word of its own
        text = re.sub(r"(?<!\w)([lL][’'])(?=\w)", r"\1 ", text)
    head, _, apposition = text.partition(",")
    head = re.split(r"\s+(?:who|which|whose|that)\s+|\s+[(\[—–]|\s+-\s+", head)[0].strip()
    described = head  # a description's words as the article writes them, for its label
    if lex is EN and head and head.split()[0].lower() in _DETERMINERS:
        # "a Democratic staffer in the room", "one voter at the rally": where, not who
        cut = re.split(r"\s+(?:in|at|on|inside|outside|near|during|with|to)\s+", head)[0]
        # … but "an editorial in The Leith Courier": the paper whose words they are
        head = head if _head_noun(cut.lower().split()) in DOCUMENT_NOUNS else cut
        # its label keeps whom it is tied to ("an adviser to Trump", "a source familiar
        # with the talks"), not where it stood ("a staffer in the room")
        # ("a narrator in the Leith Party ad": a voice of that text, kept whole)
        if not _IN_A_TEXT.search(described):
            described = re.split(r"\s+(?:in|at|on|inside|outside|near|during)\s+"
                                 r"|(?<!familiar)\s+with\s+", described)[0]
        # "a source familiar with", "a person close to": an adjective after the noun
        head = _POSTMODIFIER.sub("", head)
    if not head:
        return None
    # "Jeffrey Lewis of the James Martin Center": the person named before "of", "at", "from"
    of = re.match(rf"^(.*?{_NAME_TOKEN})\s+(?:of|at|from)\s", head)
    if of and NAME_RUN.search(of.group(1)) and of.group(1)[-1:].isalpha():
        person = read_phrase(of.group(1), offset, lex)
        if person is not None and person.kind == "name":
            return person
    low = head.lower()
    if low in lex.pronouns:
        g, pl = lex.pronouns[low]
        return Mention("pronoun", head, None, g, pl, start=offset)
    owner = _SPEAKS_FOR.fullmatch(low) if lex is EN else None
    if owner:
        # "her campaign", "his spokesman": they speak for the person the pronoun means
        return Mention("pronoun", head, None, "m" if owner.group(1) == "his" else "f", False,
                       owner.group(2), start=offset)
    words = _words(low)
    crowd = _CROWD.match(low) if lex is EN else None
    if crowd and crowd.group(1)[:-1] in lex.person_nouns:
        # "Hundreds of demonstrators", "Dozens of pro-Leith supporters": a crowd that speaks
        # as one, described by its plural
        return Mention("nominal", head, None, "", True, crowd.group(1), start=offset)
    if lex is EN and words[0].endswith("s") and words[0][:-1] in lex.person_nouns and (
            len(words) == 1 or words[1].endswith("ing") or words[1] in lex.prepositions):
        # "Protesters marching through the streets chanted": people described by a plural
        return Mention("nominal", head.split()[0], None, "", True, words[0], start=offset)
    role_words = [w.strip(".,").lower() for w in _words(head + " " + apposition)]
    role = next((w for w in role_words if w in lex.role_gender), "") or (
        "" if lex is EN else next((r for w in role_words if (r := lex.role(w))), ""))
    role_gender = lex.role_gender.get(role, "")
    # "The former pollster", "Another source": a capitalised determiner is no name
    runs = [r for r in NAME_RUN.finditer(head) if clean_name(r.group(0), lex)[0]]
    if runs:
        last = runs[-1]
        tail = head[last.end():].strip()
        name, titled, tgender = clean_name(last.group(0), lex)
        if name and lex.caps_nouns and not titled:  # "die Brücke": a common noun
            name = _name_after_noun(last.group(0), name,
                                    (head[:last.start()].split() or [""])[-1].lower(), lex)
        if name and not tail:
            before = head[:last.start()].split()
            prep = bool(before) and before[-1].lower() in lex.prepositions or (
                lex is not EN and last.group(0)[:1].islower())  # "la consejera de Vivienda"
            if prep and before and (before[-1].lower() in ("for", "at", "of") and (
                    _head_noun(before[:-1]) in lex.spokes or is_org(name, lex)) or (
                    lex is EN and before[-1].lower() in ("in", "from")
                    and _head_noun(before[:-1]) in DOCUMENT_NOUNS)):
                # "a spokesperson for Northlink Buses": the organisation speaks; so does
                # the paper of "an editorial in The Leith Courier"
                # "a spokesperson for Northlink Buses": the organisation speaks
                return Mention("org", head, name, "", False, _head_noun(before[:-1]),
                               start=offset)
            if prep:
                return None
            kind = "org" if is_org(name, lex) and not titled else "name"
            desc = [w.lower() for w in before]
            role = role or next((w for w in desc if w in lex.role_gender), "") or (
                desc[-1] if desc else "")
            return Mention(kind, head, name, tgender or lex.role_gender.get(role, ""), False,
                           role, titled, offset)
        head_noun = tail.split()[-1].lower() if tail else ""
        possessive = bool(_POSSESSIVE.search(last.group(0))) and not head[:last.start()].strip()
        if name and tail and head_noun in lex.person_nouns and not tail[0].isupper() \
                and head_noun not in lex.spokes \
                and (low.split()[0] in lex.determiners or possessive) \
                and (len(tail.split()) <= 3 or lex is not EN):
            # "the Republican nominee", "the New York businessman", "Ann Roe's son": a
            # person described (a possessive name is a definite description's determiner)
            return Mention("nominal", head, None, lex.role_gender.get(head_noun, ""), False,
                           head_noun, start=offset)
        if name and tail and len(tail.split()) <= 2 and not tail[0].isupper() and (
                tail.split()[-1] in lex.org_heads or tail.split()[-1] in lex.spokes):
            # "Clinton campaign spokesman", "the Trump campaign": the organisation speaks
            first = head[:last.start()].split()
            if not first or first[-1].lower() in ("the", "a", "an", "one", "another"):
                return Mention("org", head, (name + " " + tail.split()[0]
                                             if tail.split()[0] in lex.org_heads else name),
                               "", False, tail.split()[-1].lower(), start=offset)
        return None
    words = _words(low)
    if len(words) > 7 or words[0] not in lex.determiners:
        return None
    # "la presidente", "o vereador": the article tells the gender a job word may not
    role_gender = role_gender or lex.article_gender.get(words[0], "")
    if lex is not EN:
        role = next((r for w in words if (r := lex.role(w))), "")
        return Mention("nominal", head, None, role_gender, False, role or words[-1],
                       start=offset)
    # labelled with its complement ("a longtime adviser to Trump"), resolved by its head
    return Mention("nominal", described if len(described.split()) <= 8 else head, None,
                   role_gender, words[-1].endswith("s") and not words[-1].endswith("ss"),
                   words[-1], start=offset)


# A description placed in a text rather than a place ("a narrator in the Clinton ad")
_IN_A_TEXT = re.compile(r"^\S+\s+(?:[\w\-]+\s+)?(?:narrator|voice|character|announcer)\s+in\s+"
                        r"(?:the|a|an|[\w’'\-]+['’]s)\s+(?:[\w’'\-]+\s+){0,3}"
                        r"(?:ad|advert|advertisement|commercial|spot|video|film|clip|book|"
                        r"novel|show|series|podcast)$")
_CROWD = re.compile(r"^(?:hundreds|thousands|dozens|scores|tens of thousands|hundreds of "
                    r"thousands|millions) of (?:[\w’'\-]+ ){0,2}([a-z]+s)$")
_INDEFINITE = frozenset("a an one another some".split())


def is_crowd(mention: Mention) -> bool:
    """A crowd described by its number and plural ("hundreds of demonstrators")."""
    return mention.kind == "nominal" and mention.plural \
        and bool(_CROWD.match(mention.text.lower()))


def is_indefinite(mention: Mention) -> bool:
    """A description that brings in someone new ("a senior official", "one passenger",
    "protesters"), not one that points back ("the official"): indefinite noun phrases
    introduce a new discourse referent (Heim 1982; Poesio & Vieira 1998 for definite
    descriptions)."""
    first = mention.text.split()[0].lower()
    return mention.kind == "nominal" and (first in _INDEFINITE or (
        len(mention.text.split()) == 1 and mention.plural))


def is_personal(mention: Mention, lex: Lexicon = EN) -> bool:
    """A description whose head noun names people ("the spokeswoman", "two passengers"),
    not a thing that speaks for them ("the statement", "a report")."""
    role = mention.role.lower()
    stem = role[:-1] if role.endswith("s") and not role.endswith("ss") else role
    return mention.kind == "nominal" and any(
        w in lex.person_nouns or w in lex.role_gender for w in (role, stem)) \
        and role not in lex.spokes


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


def _modifies_a_name(text: str, end: int, lex: Lexicon = EN) -> bool:
    """The name describes the person named next ("Clinton spokeswoman Jennifer Palmieri",
    "Sanders campaign manager Jeff Weaver"): a noun adjunct, not the sentence's subject."""
    m = _NOUN_ADJUNCT.match(text, end)
    return m is not None and any(w in lex.person_nouns or w in lex.role_gender
                                 for w in m.group(1).split())


# Words someone writes or delivers, then "from" or "by" and the one who did
_AUTHORED_BY = re.compile(r"\b(?:post|posts|tweet|tweets|letter|email|e-mail|statement|memo|op-ed|"
                          r"essay|column|message|note|speech|editorial)\s+(?:from|by)\s+$")
_POSSESSIVE_END = re.compile(r"\w(?:['’]s|s['’])$")
_SUBORDINATORS = frozenset("when as after before while until because if since once".split())


class _Run:
    """A stretch of a name run: the parts of re.Match that name_mentions reads."""

    def __init__(self, start: int, text: str) -> None:
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._text)

    def group(self, _index: int = 0) -> str:
        return self._text


_INNER_POSSESSIVE = re.compile(r"\w['’]s(?=[ \t])")


def _name_runs(text: str, lex: Lexicon = EN) -> list[_Run]:
    """The name runs of `text`; in English a run is cut after a possessive inside it ("CNN's
    Chris Cuomo" -> "CNN's", "Chris Cuomo"; "The Leith Group's CEO" -> "The Leith Group's",
    "CEO"): the owner, then the one or the thing owned."""
    out: list[_Run] = []
    for m in NAME_RUN.finditer(text):
        run = m.group(0)
        inner = _INNER_POSSESSIVE.search(run) if lex is EN else None
        if inner is None:
            out.append(_Run(m.start(), run))
            continue
        rest = run[inner.end():]
        out.append(_Run(m.start(), run[:inner.end()]))
        out.append(_Run(m.start() + len(run) - len(rest.lstrip()), rest.lstrip()))
    return out


def name_mentions(text: str, base: int = 0, lex: Lexicon = EN) -> list[Mention]:
    """Every proper-name mention in a stretch of narration, in order."""
    out: list[Mention] = []
    last_end, last_prep = -10, False
    for m in _name_runs(text, lex):
        name, titled, gender = clean_name(m.group(0), lex)
        if not name or name.lower() in lex.not_name_words:
            continue
        before = text[:m.start()].split()
        prev = before[-1].lower().strip(",") if before else ""
        if lex.caps_nouns and not titled:
            name = _name_after_noun(m.group(0), name, prev, lex)
            if not name:
                continue
        # "in Aurora, Colorado,": a name right after a place's comma is the same place
        # ("in Florida, Clinton said": a clause's subject after its opening phrase)
        chained = last_prep and not text[last_end:m.start()].strip(", ") \
            and text[m.end():m.end() + 1] in (",", ".", "")
        prep = prev in lex.prepositions or (lex is not EN and m.group(0)[:1].islower()) \
            or chained
        # "a post from Ann Roe", "a statement by Ann Roe": the writer of the words
        author = lex is EN and bool(_AUTHORED_BY.search(text, max(0, m.start() - 40), m.start()))
        prep = prep and not author
        last_end, last_prep = m.end(), prep
        role = (_role_before(prev) if lex is EN else lex.role_gender.get(prev, "")) \
            or _role_after(text[m.end():m.end() + 80])
        # "the Islamic State", "a Washington Post poll": a determiner makes it a thing
        articles = ("the", "a", "an") if lex is EN else lex.determiners
        kind = "org" if (is_org(name, lex) or prev in articles) and not titled \
            else "name"
        # "when Tapper asked": a speech verb in a clause of time is not the sentence's
        # "Trump's claim", "Calderon’s remarks": a possessive determines a noun, so the
        # word after it is no verb of the name's
        possessive = lex is EN and bool(_POSSESSIVE_END.search(m.group(0)))
        speaks = (bool(_verb_next(lex).match(text, m.end())) and not chained
                  and not (lex is EN and prev in _SUBORDINATORS) and not possessive) or author
        modifier = lex is EN and _modifies_a_name(text, m.end(), lex)
        out.append(Mention(kind, m.group(0), name, gender or role_gender(role, name, lex), False,
                           role, titled, base + m.start(), prep or modifier,
                           speaks and not modifier))
    return out


def role_gender(role: str, name: str, lex: Lexicon = EN) -> str:
    """"m", "f" or "" as a describing noun tells the sex of the person named with it: "-man"
    words (spokesman, chairman) are written for women too in much news copy (AP style used
    them generically), so a first name of the other sex wins over them ("spokesman Hope
    Hicks"); "-woman" words and the rest of the lexicon's words are taken as they are."""
    gender = lex.role_gender.get(role, "")
    if gender == "m" and lex is EN and role.endswith("man") and len(name.split()) > 1 \
            and first_name_sex(name.split()[0]) == "f":
        return ""
    return gender


def common_noun_run(run: str, name: str, prev: str, lex: Lexicon) -> bool:
    """In a language that capitalises every noun (German), a capitalised run is a common
    noun, not a person, when a determiner, preposition, number or inflected adjective comes
    before it ("die Brücke", "vor 300 Gästen", "die neue Brücke"), when it opens with a
    determiner ("Die Brücke ist"), or when a word of it is a listed common noun or ends like
    one ("-ung", "-keit"). A name after a title or a role ("Bürgermeister Thomas Weber") is
    read before this is asked."""
    first = run.split()[0].lower()
    if first in lex.determiners or prev in lex.determiners or prev in lex.prepositions:
        return True
    if prev[:1].isdigit() or (prev.isalpha() and prev.islower() and prev.endswith(
            ("e", "en", "er", "es", "em")) and prev not in lex.not_name_words
            and not lex.verb_re.fullmatch(prev)):
        return True
    return any(w.lower() in lex.common_nouns or w.lower().endswith(lex.noun_suffixes)
               for w in name.split())


def _name_after_noun(run: str, name: str, prev: str, lex: Lexicon) -> str | None:
    """In a language that capitalises nouns, the name in a run that `common_noun_run` says
    opens as a noun: after the run's first word, two capitalised words or more that are not
    nouns themselves ("die Biologin Mira Lenz" -> Mira Lenz); None when there are none."""
    if not common_noun_run(run, name, prev, lex):
        return name
    rest = name.split()[1:]
    if len(rest) >= 2 and rest[0][:1].isupper() \
            and not common_noun_run(" ".join(rest), " ".join(rest), "", lex):
        return " ".join(rest)
    return None

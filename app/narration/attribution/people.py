"""Mention-to-speaker resolution (the second stage of the sieve design): the people an article
names, so that a surname, a title, a pronoun or a description finds its person.

Rules, after CoreNLP's mention resolution for quote attribution (Muzny et al. 2017) adapted to
news: a surname alone is the person of that name the article mentions most, a first name
alone the latest named with it ("Kelly" -> Mark Kelly); a pronoun is the nearest compatible
person before it, the subject of a sentence before any other mention in it (Lappin & Leass
1994: subject and recency salience), first among those evidently people; compatible means
the sex the text tells (pronouns, titles, "spokeswoman"), else the one the first name
suggests (US Census first-name lists, `namelists`), the text winning when they disagree; a
description ("the senator") is the latest person the article described so, an indefinite
one ("a senior official") a new person; otherwise no one (precision over recall).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.narration.titles import TITLES

from .lexicon import PERSON_NOUNS, ROLE_GENDER
from .lexicons import Lexicon
from .lexicons.en import LEXICON as EN
from .mentions import Mention, description_label, role_gender
from .mentions import is_org as is_org_name
from .namelists import first_name_sex, is_first_name, looks_personal

Position = tuple[int, int, int]  # (paragraph, sentence, offset)
# Words of service that are also first names in the census lists ("Marine", "Major")
_SERVICE = frozenset("marine major general private ranger deputy trooper sailor".split())


@dataclass
class Person:
    """One person (or organisation) the article names; `name` is the fullest form seen."""

    name: str
    gender: str = ""
    org: bool = False
    titled: bool = False
    spoke: bool = False
    roles: set[str] = field(default_factory=set)
    described: bool = False  # known only by a description ("a senior official")
    acted: bool = False  # a one-word name seen as a clause's subject before its verb
    last: int = 0  # when last mentioned (order of mentions)
    mentions: int = 0  # how often mentioned

    @property
    def words(self) -> list[str]:
        return self.name.split()

    @property
    def sex(self) -> str:
        """ "f", "m" or "": what the text tells (pronouns, titles, "spokeswoman") first, else
        what the first name suggests ("Hillary Clinton" f)."""
        return self.gender if self.org else person_sex(self.name, self.gender)

    @property
    def person_like(self) -> bool:
        """Someone a "he" or "she" can mean: not an organisation, and either said something,
        has a title or a sex the text or first name gives, or is named with more than one
        word."""
        return not self.org and (self.spoke or self.titled or bool(self.sex)
                                 or len(self.words) > 1 or self.acted)

    @property
    def has_person_role(self) -> bool:
        """Described with a noun for people ("Wes Roe, a delegate", "nurse Ann Roe")."""
        return any(r in PERSON_NOUNS or r in ROLE_GENDER for r in self.roles)

    @property
    def evident(self) -> bool:
        """Known to be a person by more than capital letters: a speech verb, a title, a
        sex, or a name that reads as a person's (not "Atlantic City")."""
        return not self.org and (self.spoke or self.titled or bool(self.sex)
                                 or self.has_person_role or looks_personal(self.name)
                                 or self.acted)

    def agrees(self, gender: str) -> bool:
        """Whether a pronoun of `gender` ("m", "f", "" for either) can mean this person."""
        return not gender or not self.sex or self.sex == gender


def person_sex(name: str, told: str = "") -> str:
    """The sex a reader would take the person called `name` to be: "f", "m" or "" (unknown).

    `told` is what the article's own words tell ("f", "m" or ""), as `analyse` returns it for
    each speaker: pronouns that refer to the person, titles ("Ms Roe", "Frau Roth"),
    describing words ("spokeswoman", "Bürgermeisterin"); it wins. Else the first first name
    of `name` ("Harbour Master Kevin Pike": Kevin; past a word of service that a first name
    follows, "Marine John Tiegen": John, but "Marine Le Pen": Marine) gives its sex from the
    US Census Bureau's 1990 first-name lists (`namelists`, shipped in the `names` package;
    accents folded, "José" as "jose"; a name used for both sexes tells nothing). A name of
    one word tells nothing (alone, a capitalised word is as often a surname: "Kelly said").
    A proposal, never a fact: the operator hears and changes the voice in the preview.
    """
    if told:
        return told
    words = name.split()
    first = next((w for i, w in enumerate(words[:-1]) if is_first_name(w) and not (
        w.lower() in _SERVICE and is_first_name(words[i + 1]) and i + 2 < len(words))), "")
    return first_name_sex(first) if first else ""


# Languages whose one-form nouns for people take the article of the person's sex ("la maire",
# "la portavoz", "la portavoce", "a presidente"). German's have a grammatical gender of their
# own ("die Person", "der Fan"), and its job words a form for each sex ("Bürgermeisterin").
_ARTICLE_TELLS_SEX = frozenset({"fr", "es", "it", "pt"})


def described_sex(text: str, name: str, lex: Lexicon = EN) -> str:
    """ "f" or "m" when a title or a describing word next to `name` anywhere in `text` (an
    article's paragraphs, one string) tells it, else "": "Ms Roe", "Jane Roe, the club's
    chairwoman", "Bürgermeisterin Eva Roth", "Eva Roth, die Bürgermeisterin" (the words of
    `lex`, the article language's lexicon; "-man" words as `mentions.role_gender` reads
    them); in French, Spanish, Italian and Portuguese also the article of a noun that has
    one form for both sexes ("la maire Dominique Leroy"). A capitalised title only ("Ms
    Roe", not "fans will miss Roe"); a describing word of someone else is not the person's
    ("Ann Lee, whose son ...", "the man's lawyer")."""
    if not name.split() or not _describing_words(lex).search(text):
        return ""  # no title, role or article word at all: nothing to compile a name's rules for
    surname = re.escape(name.split()[-1])
    titles = "|".join(lex.title_gender)
    m = re.search(rf"\b({titles})\.?\s+(?:[A-Z][\w'’-]+\s+)?{surname}\b", text, re.I)
    if m and text[m.start(1)].isupper():  # "Ms Roe", not "fans will miss Roe"
        return lex.title_gender[m.group(1).lower()]
    nouns = "|".join(lex.role_gender)
    full = re.escape(name)
    english = lex.language == "en"
    articles = "a|an|the" if english else "|".join(lex.determiners)
    flags = 0 if english else re.I  # "Die Bauleiterin" opens a German sentence
    # "Jane Roe, the club's chairwoman" / "spokeswoman Jane Roe" ("whose son" is not her)
    m = (re.search(rf"\b{full},\s+(?:{articles})\s+(?:[\w'’-]+\s+){{0,3}}?({nouns})(?![\w'’])",
                   text, flags)
         or re.search(rf"\b({nouns})\s+{full}\b", text, flags))
    if m:
        return role_gender(m.group(1).lower(), name, lex)
    if lex.language not in _ARTICLE_TELLS_SEX:
        return ""
    # "la maire Dominique Leroy", "Dominique Leroy, la ministre de …": a one-form noun's article
    arts = "|".join(map(re.escape, lex.article_gender))
    epicene = "|".join(map(re.escape, sorted(lex.person_nouns, key=len, reverse=True)))
    m = (re.search(rf"\b{full},\s+({arts})\s+(?:{epicene})(?![\w'’-])", text, re.I)
         or re.search(rf"(?<![\w'’-])({arts})\s+(?:{epicene})\s+{full}\b", text, re.I))
    return lex.article_gender[m.group(1).lower()] if m else ""


_DESCRIBING: dict[str, re.Pattern[str]] = {}


def _describing_words(lex: Lexicon) -> re.Pattern[str]:
    """Any word described_sex's rules need (a title, a role noun, an article before a noun of
    one form), compiled once per language: a text without one needs no rule of a name (each
    of which is compiled afresh, about 5 ms; an article quoting thousands stays fast)."""
    found = _DESCRIBING.get(lex.language)
    if found is None:
        words = [*lex.title_gender, *lex.role_gender]
        if lex.language in _ARTICLE_TELLS_SEX:
            words += [*lex.article_gender, *lex.person_nouns]
        alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        found = _DESCRIBING[lex.language] = re.compile(rf"\b(?:{alternation})", re.I)
    return found


@dataclass(frozen=True)
class _Seen:
    at: Position
    person: Person
    subject: bool  # first mention of its sentence, not after a preposition (or a speaker)
    speaks: bool = False  # the subject of a speech verb ("Sexton said"), or a quote's speaker
    after_preposition: bool = False


class People:
    """The people named so far in one article, in reading order."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.seen: list[_Seen] = []
        # word -> the people whose name has (or had) it: find() looks only at those, so an
        # article naming thousands of people stays linear (issue 22: no quadratic walk)
        self._by_word: dict[str, list[Person]] = {}

    def _index(self, person: Person) -> None:
        for word in set(person.words):
            named = self._by_word.setdefault(word, [])
            if not named or named[-1] is not person:
                named.append(person)

    def find(self, name: str) -> Person | None:
        """The person a name means: the same name, or a longer one it is part of
        (latest mentioned first)."""
        words = name.split()
        # only people sharing a first or last word with the name can be meant
        candidates = {id(p): p for w in {words[0], words[-1]} for p in self._by_word.get(w, ())}
        order = sorted(candidates.values(), key=lambda p: -p.last)
        for p in order:
            if p.name == name:
                return p
        if len(words) == 1:
            # a bare surname means the person of that name the article is most about
            # ("Clinton" in a story on Hillary Clinton, even just after "Bill Clinton")
            named = [p for p in order if p.words[-1] == words[0]]
            if named:
                return max(named, key=lambda p: (p.mentions, p.last))
        for p in order:
            pw = p.words
            if len(words) > 1 and pw[-1] == words[-1] and (
                    set(words) <= set(pw) or set(pw) <= set(words)):
                return p
        if len(words) == 1:
            for p in order:
                if p.words[0] == words[0] and len(p.words) > 1 and not p.org:
                    return p
        return None

    def add(self, mention: Mention, at: Position | None = None, subject: bool = False) -> Person:
        """Register a name or organisation mention; returns its person (merged if known)."""
        assert mention.name
        p = self.find(mention.name)
        if p is None:
            p = Person(mention.name, org=mention.kind == "org")
            self.people.append(p)
            self._index(p)
        elif len(mention.name.split()) > len(p.words) and not mention.kind == "org":
            p.name = mention.name
            self._index(p)
        if mention.gender and not p.gender:
            p.gender = mention.gender
        if mention.titled:
            p.titled = True
            # "former Florida Gov. Jeb Bush" is the governor, found again as "the governor"
            for word in mention.text.split():
                title = TITLES.get(word.rstrip("."), TITLES.get(word.rstrip(".").capitalize()))
                if title:
                    p.roles.add(title.lower())
        if mention.role:
            p.roles.add(mention.role)
        if mention.speaks:
            p.spoke = True
            if p.org and mention.kind == "name" and not is_org_name(p.name):
                # "the Clinton campaign" then "Clinton said": the name modified a noun
                # there; a name that speaks for itself is a person's
                p.org = False
        if at is not None:
            self._see(_Seen(at, p, subject, mention.speaks, mention.after_preposition))
        return p

    def _see(self, seen: _Seen) -> None:
        self.seen.append(seen)
        seen.person.last = len(self.seen)
        seen.person.mentions += 1

    def describe(self, mention: Mention) -> Person:
        """A person known only by a description ("a senior official"): named by it, found
        again by its role ("the official"), never by the words of its name (so "one Trump
        adviser" is not Trump)."""
        p = Person(description_label(mention), mention.gender, roles={mention.role.lower()},
                   described=True)
        self.people.append(p)
        return p

    def refer(self, person: Person, at: Position, subject: bool) -> None:
        """A pronoun at `at` resolved to `person`: one more mention of that person."""
        self._see(_Seen(at, person, subject))

    def spoke(self, person: Person, at: Position) -> None:
        person.spoke = True
        self._see(_Seen(at, person, True, True))

    def pronoun(self, gender: str, at: Position, window: int = 3, speakers_first: bool = False
                ) -> Person | None:
        """The person `he` (m) or `she` (f) at `at` most likely means: walking back sentence
        by sentence (at most `window` paragraphs back), subjects first, the first person of a
        compatible sex, first among those evidently people, then any; with `speakers_first`,
        one given a speech verb before the rest (a description such as "the lawmaker" is one
        whom the article quotes). Against a first name's sex only in the paragraph or the one
        before, when no one else fits."""
        before = sorted((s for s in self._recent(at[0] - window) if s.at < at),
                        key=lambda s: s.at)
        sentences: dict[tuple[int, int], list[_Seen]] = {}
        for s in before:
            sentences.setdefault(s.at[:2], []).append(s)
        # the first name's sex is a reader's guess: when no one agrees with it, the text's
        # own word wins ("Jo Reyes … he said": Jo is a man here)
        for strict in (None, True, False):
            for key in sorted(sentences, reverse=True):
                if strict is False and key[0] < at[0] - 1:
                    break  # against a first name, only someone just written about
                group = sorted(sentences[key], key=lambda s: (
                    speakers_first and not s.speaks, not s.subject, s.at))
                for s in group:
                    p = s.person
                    if s.after_preposition and not (p.spoke or p.titled or p.has_person_role):
                        continue  # "in South Carolina": a place more often than a person
                    if p.person_like and (p.agrees(gender) and p.evident if strict is None
                                          else p.agrees(gender) if strict else
                                          not gender or not p.gender or p.gender == gender):
                        return p
        return None

    def _recent(self, first_para: int, most: int = 300) -> list[_Seen]:
        """Mentions from paragraph `first_para` on (at most `most`, the latest): `seen` is in
        reading order by paragraph, so the walk back stops early."""
        out: list[_Seen] = []
        for s in reversed(self.seen):
            if s.at[0] < first_para or len(out) >= most:
                break
            out.append(s)
        return out

    def by_role(self, role: str, at: Position) -> Person | None:
        """The latest person before `at` the article described with `role` ("senator")."""
        for s in sorted((s for s in self._recent(at[0] - 20) if s.at < at), key=lambda s: s.at,
                        reverse=True):
            if role in s.person.roles and not s.person.org:
                return s.person
        return None

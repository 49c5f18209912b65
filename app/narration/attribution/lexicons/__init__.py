"""The words the speaker finder reads, one table per language (data only).

`lexicon_for(language)` gives the `Lexicon` for a BCP 47 tag by its primary subtag ("de-AT"
-> German); a language without a table reads with the English one (its verbs never match, so
nothing is attributed by mistake). The English words live in `..lexicon` (kept where the
rest of the code imports them); each other language is one data module here, built with
`build`, which composes the expressions from the word lists (as trafilatura composes its
xpaths from named token tuples).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module


@dataclass(frozen=True)
class Lexicon:
    """One language's words for attribution. Sets hold lower-case words."""

    language: str
    verb_re: re.Pattern[str]  # a speech verb in the forms news uses ("sagte", "a déclaré")
    noun_forms: frozenset[str]  # verb forms that are also nouns ("a reply")
    according_to: re.Pattern[str]  # "according to", "selon", "по словам"
    spokes: frozenset[str]  # those who speak for an organisation ("spokeswoman")
    person_nouns: frozenset[str]  # describing nouns of people ("mayor", "Bürgermeister")
    adverbs: frozenset[str]  # words between a subject and its verb ("also")
    # word -> (gender, plural); a plural's gender is left "" (like "they": no one person)
    pronouns: dict[str, tuple[str, bool]]
    role_gender: dict[str, str]  # describing noun -> "m"/"f"
    title_gender: dict[str, str]  # title before a name -> "m"/"f" ("mrs", "frau")
    org_heads: frozenset[str]  # head words of organisations and places
    not_name_words: frozenset[str]  # capitalised words that open a sentence, not names
    title_set: frozenset[str]  # titles before names ("dr", "prof")
    prepositions: frozenset[str]
    determiners: frozenset[str]
    after_verb_stop: str  # regex: what ends a subject put after its verb ("…," said X in …)
    time_word: re.Pattern[str]  # a phrase after a verb that opens with it says when, not who
    time_at_end: re.Pattern[str]  # "… this summer": when, not who, at a phrase's end
    # the clause a subject belongs to starts after one of these ("… grew so loud that X said")
    clause_split: str = r"\s+(?:that|when|as|while|because|after|before|if|since|where|but|so)\s+"
    according_after: re.Pattern[str] | None = None  # only right after a quote ("so Weber")
    according_opening: re.Pattern[str] | None = None  # only opening a sentence ("Pour X, «…»")
    verb_gender: tuple[tuple[str, str], ...] = ()  # past-tense endings that tell the gender
    plural_verb_endings: tuple[str, ...] = ()  # a pronoun after such a verb is plural
    caps_nouns: bool = False  # every noun is capitalised (German): a capital is not a name
    common_nouns: frozenset[str] = frozenset()  # capitalised nouns that are never names
    noun_suffixes: tuple[str, ...] = ()  # endings of common nouns, never of names
    inverted_pronoun: re.Pattern[str] | None = None  # "a-t-il", "dit-elle": group "p"
    article_gender: dict[str, str] = field(default_factory=dict)  # "la" -> "f"
    compound_roles: bool = False  # a job word may end a compound ("Hafenmeisterin")
    inflects: bool = False  # names take case endings ("według Nowaka" is Jan Nowak)
    agent_suffixes: tuple[str, ...] = ()  # endings of job words ("-er", "-in") before names
    # endings of a person's name that tell the gender: (word index, ending, gender), first
    # match wins (Polish given names in -a are women's; Russian surnames agree in gender)
    name_gender: tuple[tuple[int, str, str], ...] = ()

    def gender_of_verb(self, verb: str) -> str:
        """ "f"/"m" when the verb's own ending tells who spoke (Polish "powiedziała", Russian
        "сказал"), else ""."""
        word = verb.split()[-1].lower()
        for suffix, gender in self.verb_gender:
            if word.endswith(suffix):
                return gender
        return ""


    def role(self, word: str) -> str:
        """The job word `word` is or, in a language of compounds, ends with ("Hafenmeisterin"
        -> "meisterin"), "" if none: a describing noun, not a name."""
        w = word.lower().rstrip(".,")
        if w in self.person_nouns:
            return w
        if self.compound_roles and "-" in w:  # "DRK-Generalsekretär", "Grünen-Chefin"
            return self.role(w.rsplit("-", 1)[1])
        if self.compound_roles:
            for i in range(1, len(w) - 3):  # a head of four letters or more ("chef")
                if w[i:] in self.person_nouns:
                    return w[i:]
        return ""

    def gender_of_name(self, name: str) -> str:
        """ "f"/"m" when the language's name endings tell (two words or more), else ""."""
        parts = name.split()
        if len(parts) < 2:
            return ""
        for index, ending, gender in self.name_gender:
            if parts[index].lower().endswith(ending):
                return gender
        return ""


def words(text: str) -> frozenset[str]:
    """A whitespace-separated word list as a set (lower-cased)."""
    return frozenset(w.lower() for w in text.split())


def alternation(forms: Iterable[str], boundary: bool = True) -> str:
    """A regex alternation of literal forms, longest first (phrases may contain spaces)."""
    items = sorted(set(forms), key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in items)
    return rf"(?<![\w’'-])(?:{body})(?![\w’'-])" if boundary else f"(?:{body})"


def build(language: str, *, verbs: Iterable[str], according_to: Iterable[str],
          pronouns: dict[str, tuple[str, bool]], roles_f: str, roles_m: str,
          person_nouns: str, spokes: str, titles_f: str = "",
          titles_m: str = "", titles: str = "", adverbs: str = "", org_heads: str = "",
          not_name_words: str = "", prepositions: str = "", determiners: str = "",
          stop_words: str = "", stop_extra: str = "", time_words: str = "", **kw: object
          ) -> Lexicon:
    """A `Lexicon` from word lists (whitespace-separated strings, lists for phrases).

    `stop_words` end a subject put after its verb (prepositions of time and place, relative
    pronouns, articles of an indirect object): they never start it, so they only split after
    a word; `stop_extra` is a regex alternative for stops that need context. Flags and
    endings go through `kw` to the dataclass.
    """
    according_to = list(according_to)  # read twice
    role_gender = {**{w: "f" for w in words(roles_f)}, **{w: "m" for w in words(roles_m)}}
    title_gender = {**{w: "f" for w in words(titles_f)}, **{w: "m" for w in words(titles_m)}}
    time_alt = alternation(words(time_words)) if time_words.strip() else r"(?!)"
    stop = alternation(words(stop_words), boundary=False) if stop_words.strip() else r"(?!)"
    return Lexicon(
        language=language,
        verb_re=re.compile(alternation(verbs), re.I),
        noun_forms=frozenset(),
        according_to=re.compile(alternation(according_to), re.I),
        spokes=words(spokes),
        person_nouns=words(person_nouns) | frozenset(role_gender),
        adverbs=words(adverbs),
        pronouns=pronouns,
        role_gender=role_gender,
        title_gender=title_gender,
        org_heads=words(org_heads),
        # "Według Nowaka", "Selon Marie Dupont": an according-to word opens no name
        not_name_words=words(not_name_words) | words(determiners) | words(prepositions)
        | frozenset(p.split()[0].lower() for p in according_to),
        title_set=words(titles) | frozenset(title_gender),
        prepositions=words(prepositions),
        determiners=words(determiners),
        after_verb_stop=rf"[,;:!?(\[—–]|\s[-–—]\s|(?<=\w)\s+{stop}(?=\s|$)"
                        + (f"|{stop_extra}" if stop_extra else ""),
        time_word=re.compile(rf"^{time_alt}", re.I),
        time_at_end=re.compile(rf"(?:\s+{time_alt})+\s*$", re.I),
        **kw,  # type: ignore[arg-type]
    )


_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "ru")


def lexicon_for(language: str | None) -> Lexicon:
    """The lexicon of a language tag ("de", "fr-CH", None -> English)."""
    primary = (language or "en").split("-")[0].split("_")[0].lower()
    name = primary if primary in _LANGUAGES else "en"
    return _load(name)


_CACHE: dict[str, Lexicon] = {}


def _load(name: str) -> Lexicon:
    if name not in _CACHE:
        _CACHE[name] = import_module(f"{__name__}.{name}").LEXICON
    return _CACHE[name]


def supported() -> tuple[str, ...]:
    """The languages with a table of their own (English and `_LANGUAGES`)."""
    return ("en", *_LANGUAGES)

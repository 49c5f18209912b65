"""Who said each quotation of an article (pure): quotes -> mentions -> sieves -> people.

Stage one finds every quotation (`marks`), stage two links each to a mention by the sieves
in order of precision (`sieves`: transcript label, trailing cue, leading cue, "according to",
colon introduction), then by the sieves that read other quotes' speakers, in this order: the
quote next to one of the same speaker's in its paragraph ("same paragraph"), a quote
continued from the paragraph before ("continuation"), a colon ending the paragraph before
("colon, paragraph before"), a paragraph that is only a quote after one of the same
speaker's ("conversation turn") or after reported speech ("reported speech, paragraph
before"), and a signature line after a quote ("signature line"); stage three resolves
mentions to people (`people`): names to the fullest name, pronouns by salience along the
chain of mentions that narration's own pronouns extend (agreement by the text's words, then
by the first name's sex), definite descriptions by role, and an indefinite description
("a senior official") to a new person named by it. Each quote keeps the sieve's name and
the cue's words, so operators can see why. A quote no sieve is sure of keeps speaker None:
it is read in the unattributed-quote voice, never guessed into someone's; nor is a quote
whose own cue names someone no one can be resolved to ("they said").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .lexicon import VERB_RE
from .lexicons import Lexicon, lexicon_for
from .lexicons.en import LEXICON as EN
from .marks import Span, is_dialogue, spans
from .mentions import (
    NAME_RUN,
    Mention,
    clean_name,
    is_indefinite,
    is_org,
    is_personal,
    name_mentions,
)
from .namelists import is_first_name, is_surname
from .people import People, Person, Position, described_sex
from .sieves import (
    NAMING_VERB,
    SIEVES,
    Context,
    Cue,
    colon_intro,
    leading_cue,
    reported_speech,
)
from .text import last_sentence, sentence_ends

SCARE_QUOTE_WORDS = 15
TITLE_WORDS = 6
# A quotation right after a reporting verb and its object is speech, not a scare quote:
# said that "…", telling them "…", called the protester "…", labeling it "…"
_VERB_AT_END = re.compile(rf"(?:{VERB_RE.pattern}(?:\s+that)?|{NAMING_VERB.pattern}"
                          r"(?:\s+(?!and\b|or\b|but\b)[\w’'\-]+){0,4}?(?:\s+as)?)\s*$")


@dataclass(frozen=True)
class Attribution:
    """One quotation: paragraphs[para][start:end] is its text inside the marks."""

    para: int
    start: int
    end: int
    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark, or len(paragraph) when it runs on
    speaker: str | None
    sieve: str | None = None  # which sieve gave the speaker ("trailing cue", ...)
    cue: str | None = None  # the words that tell ("he said")


@dataclass
class _Quote:
    para: int
    span: Span
    person: Person | None = None
    sieve: str | None = None
    cue: str | None = None
    cued: bool = False  # its own cue names someone no one can be resolved to ("they said")


def is_scare_quote(text: str, span: Span, lex: Lexicon = EN) -> bool:
    """A few words quoted inside a running sentence, not introduced as speech, or a title
    that the sentence goes on from (“Broad City” star Arturo Castro)."""
    inner = text[span.start:span.end]
    words = len(inner.split())
    if not span.closed or words > SCARE_QUOTE_WORDS:
        return False
    after = text[span.close_at + 1:span.close_at + 3]
    if lex is not EN and lex.verb_re.match(text[span.close_at + 1:].lstrip(" ,–—-")):
        return False  # «Siamo soddisfatti» dice Marco Gallo: a cue follows, not a title
    if words <= TITLE_WORDS and inner.rstrip()[-1:].isalnum() and after[:1] == " " \
            and after[1:].isalpha():
        return True
    before = text[:span.open_at].rstrip()
    if lex is EN and is_title_in_running_text(text, span):
        return True
    if not before or not before[-1].isalnum():
        return False  # starts a sentence or follows "said:" / a comma: speech
    if lex is not EN:  # Weber sagte „…“ / il a déclaré « … » / secondo il sindaco «…»
        sentence = last_sentence(before).lstrip()
        if lex.according_to.search(sentence) or (
                lex.according_opening and lex.according_opening.match(sentence)):
            return False
        return not re.search(rf"(?:{lex.verb_re.pattern})\W*(?:\w+\W*)?$", before[-60:],
                             lex.verb_re.flags)
    return not _VERB_AT_END.search(before[-60:])


# Words a title leaves in lower case (Chicago Manual of Style 8.159, and name particles)
_TITLE_SMALL_WORDS = frozenset("""a an the and but or nor for of to in on at by with from as
vs de del la le da di von van""".split())
_TITLE_MAX_WORDS = 10
_SPEECH_VERB_BEFORE = re.compile(rf"\b(?:{VERB_RE.pattern})(?:\s+(?:out|back|up))?\s*,?$")
_NOT_A_TITLES_SEQUEL = frozenset("he she they it i we you who".split())


def is_title_in_running_text(text: str, span: Span) -> bool:
    """A quoted title that the sentence runs on from, its comma inside the marks in US
    style: a show called "Long Roads," written by …; her memoir, "Open Water," and …. Every
    word capitalised (a title's small words aside), at most ten, the quotation inside a
    sentence, and the words after it go on with a lower-case word that is no speech verb
    nor pronoun ("Never Again," she said / "Never Again," said Roe: speech). English."""
    if not span.closed:
        return False
    inner = text[span.start:span.end].strip()
    words = inner.rstrip(",").split()
    if not inner.endswith(",") or not words or len(words) > _TITLE_MAX_WORDS:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS
               for w in words) or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    before = text[:span.open_at].rstrip()
    if not before or before[-1] in ".!?:;\"”’'":
        return False  # opens a sentence, or follows a quotation: a quoted phrase of speech
    if _SPEECH_VERB_BEFORE.search(before[-40:]):
        return False  # blurted out, "Oh, God," / chanting "Not Here, Not Now," : words said
    after = re.match(r"[\s\u00a0]+([a-z][\w’'\-]*)", text[span.close_at + 1:])
    return after is not None and after.group(1) not in _NOT_A_TITLES_SEQUEL \
        and not VERB_RE.fullmatch(after.group(1))


def quotations(text: str) -> list[Span]:
    """The quotations of one paragraph that are speech (scare quotes and titles left out)."""
    return [s for s in spans(text) if not is_scare_quote(text, s)]


def _sentence_of(text: str, offset: int, ends: list[int]) -> int:
    return sum(1 for e in ends if e <= offset)


def _register(people: People, para: int, text: str, marked: list[Span], ends: list[int],
              lex: Lexicon = EN) -> None:
    """Every name in the paragraph's narration, with its sentence and whether it leads it."""
    pos = 0
    pieces = []
    # Juan "Chico" Ortiz: a nickname inside a name is left out of it, not a quotation that
    # splits it (its marks and words become spaces: offsets hold)
    nicknames = [s for s in marked if lex is EN and is_nickname(text, s)]
    named = text
    for s in nicknames:
        named = named[:s.open_at] + " " * (s.close_at + 1 - s.open_at) + named[s.close_at + 1:]
    for s in marked:  # names inside any quotation marks (titles, slogans) are not people
        if s in nicknames:
            continue
        pieces.append((pos, s.open_at))
        pos = s.close_at + 1
    pieces.append((pos, len(text)))
    pronouns = [(m.start(), m.group(0).lower()) for a, b in pieces
                for m in _PRONOUN.finditer(text, a, b)]
    # a sentence whose subject is a pronoun ("She escalated her criticism, telling CNN that
    # Trump …") has a name after it that is not its subject
    subject_pronoun = {_sentence_of(text, at, ends): at for at, w in reversed(pronouns)
                       if w in ("he", "she")}
    first_in_sentence: set[int] = set()
    found = [(m, _sentence_of(text, m.start, ends)) for a, b in pieces
             for m in name_mentions(named[a:b], a, lex)]
    reporters = {id(m) for m, _sent in found if _reports(text, m, lex)}
    # "Cruz electrified the crowds, Stovall said.": the reporting clause is the sentence's
    # main clause, so its subject outranks the subject of the clause it reports (Lappin &
    # Leass 1994: a main-clause subject is more salient than an embedded one)
    reported = {sent for m, sent in found if lex is EN and id(m) in reporters
                and reporting_clause(text, m)}
    for m, sent in found:
        # "Trump's rhetoric …, Woods said": a possessive modifies the subject, is not it;
        # nor is a name after a determiner ("his White House bid", "the Clinton campaign"),
        # nor one inside an opening phrase ("Regarding Khan's speech at the Leith
        # Convention, Woods said")
        possessive = m.text.endswith(("'s", "’s", "s’", "s'")) or (
            lex is EN and (_after_determiner(text, m.start)
                           or in_opening_phrase(text, m.start, ends)))
        subject = sent not in first_in_sentence and not m.after_preposition \
            and subject_pronoun.get(sent, len(text)) > m.start and not possessive \
            and sent not in reported
        if id(m) in reporters:
            # "…, Jones said." / "…, said Jake Horowitz": the one whose words the
            # sentence reports is its subject, wherever the name stands
            subject = True
        if not m.after_preposition and not possessive:
            first_in_sentence.add(sent)
        if lex.inflects and m.kind == "name" and m.name and people.find(m.name) is None:
            known = _inflected_form_of(people, m.name)
            m = replace(m, name=known.name) if known is not None else m
        person = people.add(m, (para, sent, m.start), subject)
        if subject and lex is EN and acts(text, m):
            person.acted = True
    _learn_pronouns(people, text, pieces, ends, para)
    _refer_pronouns(people, text, pronouns, ends, para)


_INVERTED_VERB = re.compile(rf"(?:{VERB_RE.pattern})\s+$")
# A finite verb right after a subject: a past or present tense form, or a common irregular one
_FINITE_VERB = re.compile(r"\s+(?:[a-z]+ly\s+|also\s+|then\s+|never\s+)?"
                          r"(?:[a-z]{2,}(?:ed|es)|[a-z]{3,}[^s\W]s|is|was|has|had|did|does|went|"
                          r"sent|said|told|made|gave|took|wrote|spoke|met|ran|won|lost|left|led|"
                          r"saw|got|kept|felt|heard|thought|knew|came|stood|sat|put|let)\b")


def acts(text: str, mention: Mention) -> bool:
    """A one-word name without a title that a finite verb follows ("Cruz openly admitted",
    "Woods shared her view"): a surname of the census lists used as a clause's subject, an
    agent, so a person as much as one named in full; not one the paragraph also puts after
    a preposition of place ("in Houston"). `mention.start` is its offset."""
    name = mention.name or ""
    if mention.kind != "name" or mention.titled or len(name.split()) != 1 \
            or not is_surname(name) or mention.text.endswith(("'s", "’s")):
        return False
    if re.search(rf"\b(?:in|at|from|near|across|outside|inside)\s+{re.escape(name)}\b", text):
        return False  # "Jackson voted … in Jackson": a place the paragraph is in or at
    return _FINITE_VERB.match(text, mention.start + len(mention.text)) is not None
_NAME_WORD = r"[A-Z][a-z][\w’'\-]*"
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)"
                                r"\s+$")


_OPENERS = frozenset("""regarding following despite after before during in on at with without
from about amid among as since while under over through throughout unlike like besides
asked speaking writing""".split())


def in_opening_phrase(text: str, start: int, ends: list[int]) -> bool:
    """The offset `start` lies in a sentence's opening phrase, one that begins with a
    preposition or participle and ends at the sentence's first comma ("Regarding Khan's
    speech at the Leith Convention, Woods said …"): not where the sentence's subject
    stands. `ends` are the paragraph's sentence ends (`sentence_ends`). English."""
    begin = max((e for e in ends if e <= start), default=0)
    sentence = text[begin:]
    lead = len(sentence) - len(sentence.lstrip(" \"“‘'"))
    first = sentence[lead:].split(" ", 1)[0].lower()
    comma = sentence.find(",", lead)
    return first in _OPENERS and comma > 0 and begin + comma > start


_NICKNAME_BEFORE = re.compile(rf"(?:^|\s){_NAME_WORD}[ \t]$")
_NICKNAME = re.compile(rf"{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}}")


def is_nickname(text: str, span: Span) -> bool:
    """A quotation of one to three capitalised words between a first name and a surname
    (Juan "Chico" Ortiz, Dwayne "The Rock" Lane): a nickname inside the name. English."""
    inner = text[span.start:span.end]
    return span.closed and bool(_NICKNAME.fullmatch(inner)) \
        and bool(_NICKNAME_BEFORE.search(text[max(0, span.open_at - 30):span.open_at])) \
        and bool(re.match(rf"[ \t]{_NAME_WORD}", text[span.close_at + 1:]))


def _after_determiner(text: str, start: int) -> bool:
    """A determiner stands right before the name at `start` ("his White House bid", "the
    Clinton campaign"): the name modifies a noun phrase, it is not the clause's subject."""
    return _DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]im|[Hh]er|[Hh]imself|[Hh]erself)\b")


def _reports(text: str, mention: Mention, lex: Lexicon = EN) -> bool:
    """The name is the subject of a reporting verb in narration ("Jones said", "…, said
    Jake Horowitz"): in English, not after a preposition nor as a possessive."""
    return lex is EN and not mention.after_preposition \
        and not mention.text.endswith(("'s", "’s", "s’", "s'")) and (
            mention.speaks
            or bool(_INVERTED_VERB.search(text, max(0, mention.start - 30), mention.start)))


_INVERTED_AFTER_COMMA = re.compile(rf",\s*(?:{VERB_RE.pattern})\s+$")


def reporting_clause(text: str, mention: Mention) -> bool:
    """The name is the subject of a reporting clause set off by a comma after what it
    reports ("Cruz won the crowd over, Stovall said." / "Trump, Sexton said, has …" /
    "…, said Jo Quist, a pollster."): that clause is the sentence's main clause. Not a name
    that a verb follows ("…, said Hillary Clinton should …": the reported clause's
    subject). `mention.start` is its offset in `text`. English."""
    before = text[:mention.start].rstrip()
    after = text[mention.start + len(mention.text):].lstrip()
    if mention.speaks and not mention.after_preposition:
        return before.endswith(",")
    inverted = _INVERTED_AFTER_COMMA.search(text, max(0, mention.start - 30), mention.start)
    return inverted is not None and (not after or after[0] in ",.;(")


def _refer_pronouns(people: People, text: str, pronouns: list[tuple[int, str]],
                    ends: list[int], para: int) -> None:
    """Coreference by salience for the pronouns of narration, in reading order: each
    he/she/his/her means the nearest compatible person before it (`People.pronoun`), and
    becomes a mention of that person, so that a chain of pronouns keeps its person ("Roe
    spoke first. She said … She added, "…"") and a subject pronoun outranks the names after
    it (Lappin & Leass 1994: subject and recency salience)."""
    for at, word in pronouns:
        gender = "m" if word.startswith("h") and word[1] in "ie" and not word.startswith(
            "her") else "f"
        where = (para, _sentence_of(text, at, ends), at)
        person = people.pronoun(gender, where)
        if person is not None:
            people.refer(person, where, subject=word in ("he", "she"))


_SAID_PRONOUN = re.compile(NAME_RUN.pattern + r"\s+(?:[a-z]+ly\s+|also\s+)?"
                           + VERB_RE.pattern + r"\s+(?:that\s+)?(?P<p>he|she)\b")


def _learn_pronouns(people: People, text: str, pieces: list[tuple[int, int]], ends: list[int],
                    para: int) -> None:
    """What narration tells of a person's gender: a sentence that opens with he/she means
    the person the sentences before were about ("Roe ... She said"), he/she right after a
    person's speech verb is that person ("Woods said she does not"), and his/her in a
    sentence whose only person leads it ("Tom Baker has run his shop")."""
    for a, b in pieces:
        said_pronoun = " he " in text[a:b] or " she " in text[a:b]
        for m in _SAID_PRONOUN.finditer(text, a, b) if said_pronoun else ():
            at = [s for s in people.seen[-40:] if s.at[0] == para and s.at[2] == m.start()]
            if at and not at[0].person.sex and not at[0].person.org:
                at[0].person.gender = "m" if m.group("p").lower() == "he" else "f"
        for m in re.finditer(r"(?:^|(?<=[.!?]\s))(He|She)\b", text[a:b]):
            where = (para, _sentence_of(text, a + m.start(), ends), a + m.start())
            p = _lone_person_before(people, where)
            if p is not None and not p.gender:
                p.gender = "m" if m.group(1) == "He" else "f"
        piece = text[a:b]
        recent = [s for s in people.seen[-40:] if s.at[0] == para]
        for m in re.finditer(r"\b(his|him|himself|her|herself)\b", piece):
            sent = _sentence_of(text, a + m.start(), ends)
            here = [s for s in recent if s.at[1] == sent
                    and s.at[2] < a + m.start() and s.person.person_like]
            # (a weak sign, "her" may be an object: never against what a first name tells)
            if len({s.person.name for s in here}) == 1 and here[0].subject \
                    and not here[0].person.sex:
                here[0].person.gender = "m" if m.group(1).startswith("hi") else "f"


def _lone_person_before(people: People, at: Position) -> Person | None:
    """The person of the sentence before `at`, if it names exactly one person-like person
    (so that a "She" opening the next sentence can only mean that person)."""
    before = [s for s in people._recent(at[0] - 1, 60) if s.at < at]
    if not before:
        return None
    last = max(s.at[:2] for s in before)
    named = {s.person.name: s.person for s in before
             if s.at[:2] == last and s.person.person_like}
    return next(iter(named.values())) if len(named) == 1 else None


def _context(text: str, quotes: list[Span], qi: int, lex: Lexicon = EN) -> Context:
    s = quotes[qi]
    b0 = quotes[qi - 1].close_at + 1 if qi else 0
    a1 = quotes[qi + 1].open_at if qi + 1 < len(quotes) else len(text)
    a0 = min(s.close_at + 1, len(text))
    inner = text[s.start:s.end].rstrip()
    return Context(text[b0:s.open_at], text[a0:a1], b0, a0, inner.endswith("."), inner, lex)


def _resolve(people: People, mention: Mention, at: Position, lex: Lexicon = EN
             ) -> Person | None:
    if mention.kind in ("name", "org") and mention.name:
        if lex.inflects and mention.kind == "name" and people.find(mention.name) is None:
            known = _inflected_form_of(people, mention.name)
            if known is not None:  # "według Nowaka", "по словам Петрова": Jan Nowak, Петров
                mention = replace(mention, name=known.name)
        if lex.caps_nouns and mention.kind == "name" and not mention.titled \
                and len((mention.name or "").split()) == 1:
            # German capitalises every noun and every sentence's first word ("Zugleich
            # mahnte sie:", "Kurzes Aufwachen:"): one capitalised word is a person only as
            # the surname of one the article named in full ("sagt Reuter") or titled
            known = people.find(mention.name or "")
            if known is None or (len(known.words) < 2 and not known.titled):
                return None
        return people.add(mention)
    if mention.kind == "pronoun":
        if mention.gender:
            p = people.pronoun(mention.gender, at)
            if p and not p.gender:
                p.gender = mention.gender
            return p
        return None
    if mention.kind == "nominal" and mention.role:
        if is_indefinite(mention):
            # "a senior official", "one passenger": a new person, never an earlier one
            return people.describe(mention) if is_personal(mention, lex) else None
        found = people.by_role(mention.role, at)
        if found is None and mention.role in lex.person_nouns and not mention.plural \
                and mention.text.lower().split()[0] in (("the",) if lex is EN
                                                        else lex.determiners):
            # "the Republican lawmaker": like "he" or "she", the person just written about
            found = people.pronoun(mention.gender, at, window=1, speakers_first=True)
        if found is None and is_personal(mention, lex):
            found = people.describe(mention)  # "the ad's narrator": known only so
        return found
    return None


def _inflected_form_of(people: People, name: str) -> Person | None:
    """The person an inflected name means in a language whose names take case endings
    (Polish "Nowaka", "Kowalskiego"; Russian "Петрова"): the latest person whose surname
    the name's last word extends by at most three letters past a shared stem of four or
    more, and whose other words, if the name has them, do the same."""
    words = name.split()
    for person in sorted(people.people, key=lambda p: -p.last):
        theirs = person.words
        if person.org or len(words) > len(theirs):
            continue
        pairs = list(zip(words[::-1], theirs[::-1], strict=False))
        if all(_same_stem(w, t) for w, t in pairs):
            return person
    return None


def _same_stem(word: str, known: str) -> bool:
    """`word` is `known` with a case ending: they share all but at most three letters of
    `word`'s end and two of `known`'s, and at least four."""
    word, known = word.lower(), known.lower()
    for k in range(0, 4):
        stem = word[:len(word) - k] if k else word
        if len(stem) >= 4 and known.startswith(stem) and len(known) - len(stem) <= 2:
            return True
    return False


def _other_speakers(text: str, lex: Lexicon = EN) -> set[str]:
    """Names in `text` given a speech verb of their own ("Jones replied")."""
    return {m.name for m in name_mentions(text, 0, lex) if m.name and m.speaks}


# No-break and narrow spaces read as spaces (one character for one: offsets hold)
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


def attribute(paragraphs: list[str], headings: frozenset[int] = frozenset(),
              language: str | None = "en") -> list[Attribution]:
    """Every quotation of an article's body, in reading order, with its speaker and why.

    `paragraphs` are the body's blocks in reading order; indices in `headings` are headings
    (never speech, and they end any quote running on); `language` is the article's BCP 47
    tag (its quotation marks and its words: `lexicons`). Pure.
    """
    return analyse(paragraphs, headings, language)[0]


def analyse(paragraphs: list[str], headings: frozenset[int] = frozenset(),
            language: str | None = "en") -> tuple[list[Attribution], dict[str, str]]:
    """`attribute`, and for each speaker "f", "m" or "" as far as the text tells: pronouns
    that refer to the person (resolved as the attribution goes), then a title or describing
    word next to the name anywhere in the article (`people.described_sex`). The first name
    is not asked here: `people.person_sex` adds it for a voice."""
    lex = lexicon_for(language)
    people = People()
    out: list[_Quote] = []
    prev: list[_Quote] = []  # the previous paragraph's quotations
    prev_text = ""
    prev_open = False
    running: list[_Quote] = []  # a quote running over paragraphs, still without a speaker
    for pi, text in enumerate(paragraphs):
        text = text.translate(_SPACES)  # "issued a\xa0statement": one space as another
        if pi in headings:
            prev, prev_text, prev_open, running = [], "", False, []
            continue
        marked = spans(text, language)
        quotes = [s for s in marked if not is_scare_quote(text, s, lex)]
        ends = sentence_ends(text)
        _register(people, pi, text, marked, ends, lex)
        here = [_Quote(pi, s) for s in quotes]
        for qi, q in enumerate(here):
            ctx = _context(text, quotes, qi, lex)
            at = (pi, _sentence_of(text, q.span.open_at, ends), q.span.open_at)
            for sieve in SIEVES:
                cue = sieve(ctx)
                if cue is None:
                    continue
                person = _resolve(people, cue.mention, at, lex)
                if person is not None:
                    _give(q, person, cue, people, at)
                    break
                # "…," they said / "…," he said with no one he can mean: the quote's own
                # cue tells it is someone else's, so no neighbour's speaker is copied onto it
                q.cued = q.cued or cue.mention.kind == "pronoun"
            if q.person is None and not q.cued and qi and lex is EN:
                cue = verb_after_quote(text, quotes[qi - 1], q.span, ends)
                person = _resolve(people, cue.mention, at, lex) if cue else None
                if cue is not None and person is not None:
                    _give(q, person, cue, people, at)
        if here and is_dialogue(text, language) and not any(q.person for q in here) \
                and not (prev and prev[-1].person):
            here = []  # "– 25 proc. mieszkańców …": a dash list item, not speech with no cue
        _same_paragraph(here, text, lex)
        opens_para = bool(here) and (not text[:here[0].span.open_at].strip() or (
            lex is EN and _bare_intro(text[:here[0].span.open_at])))
        if here and opens_para and here[0].sieve == "transcript label":
            pass
        elif here and here[0].person is None and opens_para and not here[0].cued:
            first = here[0]
            if prev_open and prev and prev[-1].person:
                _copy(first, prev[-1], "continuation", "quote runs on from the paragraph before")
            elif prev_text.rstrip().endswith(":"):
                ctx = Context(prev_text, "", 0, 0, lex=lex)
                for sieve in (leading_cue, colon_intro):
                    cue = sieve(ctx)
                    if cue and (person := _resolve(people, cue.mention, (pi, 0, 0), lex)):
                        _give(first, person, cue, people, (pi, 0, 0))
                        first.sieve = "colon, paragraph before"
                        break
            elif prev and prev[-1].person and _quiet_after(prev_text, prev[-1]) \
                    and not _names_another(text, here, prev[-1].person):
                _copy(first, prev[-1], "conversation turn",
                      "paragraph only quotes, after the same speaker's quote")
            elif not prev and prev_text and _only_quotes(text, here):
                cue = reported_speech(Context(prev_text, "", 0, 0, lex=lex))
                if cue and (person := _resolve(people, cue.mention, (pi, 0, 0), lex)):
                    _give(first, person, cue, people, (pi, 0, 0))
            _same_paragraph(here, text, lex)
        signed = prev and all(q.person is None for q in prev) and _signature(text, lex)
        if signed and (_only_quotes(prev_text, prev) or prev_open):
            # "“…”" then "— Bernie Sanders." / "Dean Baker, Center for Economic Research."
            mention = Mention("name", signed, signed)
            person = people.add(mention)
            for q in {id(q): q for q in [*running, *prev]}.values():
                q.person, q.sieve, q.cue = person, "signature line", text.strip()[:60]
            people.spoke(person, (pi, 0, 0))
            running = []
        if here and here[0].person and running and opens_para and prev_open:
            for r in running:  # a quote attributed only at its end: its earlier parts too
                _copy(r, here[0], "continuation", "same quote, attributed at its end")
            running = []
        still_open = bool(here) and not here[-1].span.closed
        if still_open and here[-1].person is None:
            running = ([*running] if prev_open and opens_para else []) + [
                q for q in here if q.person is None]
        elif not still_open:
            running = []
        out.extend(here)
        if not here and prev and prev[-1].person and not prev_open and lex is EN \
                and _aside(text, prev[-1].person):
            continue  # "She pauses.": the speaker's next quotation is still a turn of theirs
        prev, prev_text, prev_open = here, text, still_open
    found = [Attribution(q.para, q.span.start, q.span.end, q.span.open_at, q.span.close_at,
                         q.person.name if q.person else None, q.sieve, q.cue) for q in out]
    speakers = {q.person.name: q.person for q in out if q.person}
    naming = _paragraphs_naming(paragraphs)  # a title or describing word anywhere ("Frau Roth")
    genders = {name: p.gender or described_sex(naming(name), name, lex)
               for name, p in speakers.items()}
    return found, genders


_WORD = re.compile(r"\w+")


def _paragraphs_naming(paragraphs: list[str]) -> Callable[[str], str]:
    """A function giving, for a name, the article's paragraphs that hold its last word (joined
    by newlines): all that described_sex can find a title or describing word next to it in.
    The words are indexed once, so a sex for each of thousands of people stays linear
    (issue 22), not a search of the whole article per name."""
    where: dict[str, list[int]] = {}
    for i, paragraph in enumerate(paragraphs):
        for word in set(_WORD.findall(paragraph.casefold())):
            where.setdefault(word, []).append(i)

    def naming(name: str) -> str:
        words = _WORD.findall(name.casefold())
        return "\n".join(paragraphs[i] for i in where.get(words[-1], ())) if words else ""
    return naming


_ONLY_A_VERB = re.compile(rf"^[\s,—–-]*(?:\w+ly\s+)?(?:{VERB_RE.pattern})[\s,:]*$")


def verb_after_quote(text: str, before: Span, quote: Span, ends: list[int]) -> Cue | None:
    """The leading cue of a quotation whose verb follows another quotation in the same
    sentence, its subject before that one (Perry, wearing a cape bearing the words "Vote
    Now," shouted, "…"): the sentence read without the earlier quotation. English."""
    between = text[before.close_at + 1:quote.open_at]
    if not _ONLY_A_VERB.match(between):
        return None
    start = max((e for e in ends if e <= before.open_at), default=0)
    return leading_cue(Context(text[start:before.open_at] + between, "", start, 0))


def _give(q: _Quote, person: Person, cue: Cue, people: People, at: Position) -> None:
    q.person, q.sieve, q.cue = person, cue.sieve, cue.cue
    people.spoke(person, at)


def _copy(q: _Quote, source: _Quote, sieve: str, cue: str) -> None:
    q.person, q.sieve, q.cue = source.person, sieve, cue


_SIGNATURE = re.compile(rf"^\s*(?:[-—–]\s*)?(?P<name>{NAME_RUN.pattern})"
                        r"(?:\s*,[^.!?]{0,90}|\s+on\s+[^.!?]{0,60})?[.]?[\"”’]?\s*$")


def _signature(text: str, lex: Lexicon = EN) -> str | None:
    """The person a signature line names ("— Bernie Sanders.", "Dean Baker, Center for
    Economic and Policy Research."), None if the paragraph is not one: a personal name
    (two words or more, or one surname), no organisation."""
    m = _SIGNATURE.match(text)
    if not m or len(text.split()) > 15:
        return None
    name, titled, _gender = clean_name(m.group("name"), lex)
    if not name or is_org(name, lex) or name.isupper():
        return None
    if len(name.split()) == 1 and not (titled or is_surname(name) or is_first_name(name)):
        return None  # "Pause.", "Applause.": a stage direction, not a signature
    return name


def _names_another(text: str, quotes: list[_Quote], person: Person) -> bool:
    """The paragraph's narration names someone other than `person` ("“American Skin” was
    written by Springsteen"): then it is not simply the same speaker's next turn."""
    pos, rest = 0, []
    for q in quotes:
        rest.append(text[pos:q.span.open_at])
        pos = q.span.close_at + 1
    rest.append(text[pos:])
    return any(m.kind == "name" and m.name and m.name not in person.name
               and person.name not in m.name for m in name_mentions(" ".join(rest)))


def _only_quotes(text: str, quotes: list[_Quote]) -> bool:
    """Nothing but quotations in the paragraph (no narration, so no cue of its own)."""
    pos, rest = 0, []
    for q in quotes:
        rest.append(text[pos:q.span.open_at])
        pos = q.span.close_at + 1
    rest.append(text[pos:])
    return not re.search(r"\w", "".join(rest))


def _only_own_cue(narration: str, quote: _Quote) -> bool:
    """The narration after a quotation is one sentence, the quotation's own trailing cue,
    however long its apposition ("…," said Jo Quist, one of the negotiators, along with …)."""
    tail = narration.strip()
    return quote.sieve == "trailing cue" and not [e for e in sentence_ends(tail)
                                                  if tail[e:].strip()]


def _quiet_after(text: str, quote: _Quote) -> bool:
    """The paragraph ends with this quotation, or with narration too short to change who
    is talking, or with only the quotation's own cue ("…," Chris Weston, a strategist at
    IG, said in an email to clients.)."""
    tail = text[quote.span.close_at + 1:].strip()
    if len(tail) <= 60:
        return True
    if quote.sieve == "trailing cue" and not [e for e in sentence_ends(tail)
                                              if tail[e:].strip()]:
        return True
    return quote.person is not None and _about_speaker_only(tail, quote.person)


_THIRD_PERSON = re.compile(r"\b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b",
                           re.I)


_ASIDE_WORDS = 5


def _aside(text: str, person: Person) -> bool:
    """A short paragraph of stage direction between one speaker's quotations ("She
    pauses.", "Laughter."): at most five words, naming no one else, its he/she fitting the
    speaker; one of more than two words must be about the speaker (a he/she or their name),
    so narration of something else ("It rained all week.") ends the turn."""
    words = text.split()
    if not words or len(words) > _ASIDE_WORDS or spans(text) or not all(
            re.fullmatch(r"[A-Za-z’'\-]+[.,!?…]*", w) for w in words):
        return False  # "@potus.": a fragment, not a direction
    # "Pause.", "Laughter.": a capitalised word no names list knows is not someone
    words = [w.strip(".,!?…") for w in words]
    if len(words) > 2 and not _THIRD_PERSON.search(text) and not any(
            w in person.name.split() for w in words):
        return False
    if words[0][:1].isupper() and not (is_first_name(words[0]) or is_surname(words[0])):
        text = text.replace(words[0], words[0].lower(), 1)
    return _about_speaker_only(text, person, sex_known=False)


def _bare_intro(text: str) -> bool:
    """A colon introduction that names no one, only when or where ("Then, later that month
    on CNN:"): the quotation after it is read as if it opened the paragraph."""
    stripped = text.strip()
    return stripped.endswith(":") and len(stripped.split()) <= 10 \
        and not _THIRD_PERSON.search(stripped) \
        and not re.search(r"\b(?:I|we|they|you)\b", stripped, re.I) \
        and not VERB_RE.search(stripped) \
        and not any(m.kind == "name" and not m.after_preposition
                    for m in name_mentions(stripped))


def _about_speaker_only(narration: str, person: Person, sex_known: bool = True) -> bool:
    """Narration that names no one else as a subject and whose he/she words all fit the
    speaker ("When they went out, people would come up to him."): it tells the speaker's
    story, so the next paragraph's bare quotation is still the speaker's (a centering
    continuation: the speaker stays the backward-looking center; Grosz, Joshi & Weinstein
    1995). With `sex_known` False, a speaker of unknown sex may be meant by one sex's
    pronouns."""
    if person.org or (sex_known and person.sex not in ("m", "f")):
        return False
    sexes = {k for m in _THIRD_PERSON.finditer(narration) for k, v in m.groupdict().items()
             if v}
    if sexes - {person.sex} if person.sex else len(sexes) > 1:
        return False
    return not any(m.kind == "name" and not m.after_preposition and m.name
                   and m.name not in person.name
                   and person.name not in m.name for m in name_mentions(narration))


def _same_paragraph(here: list[_Quote], text: str, lex: Lexicon = EN) -> None:
    """A quotation without a cue takes the speaker of the quote next to it in the paragraph
    when no one else is named between them ("…," said X. "…")."""
    for qi, q in enumerate(here):
        if q.person is not None or q.cued:
            continue
        for other, between in (
                (here[qi - 1] if qi else None,
                 text[here[qi - 1].span.close_at + 1:q.span.open_at] if qi else ""),
                (here[qi + 1] if qi + 1 < len(here) else None,
                 text[q.span.close_at + 1:here[qi + 1].span.open_at]
                 if qi + 1 < len(here) else "")):
            if other is None or other.person is None:
                continue
            names = _other_speakers(between, lex)
            if all(n in other.person.name or other.person.name in n for n in names) \
                    and (len(between) < 200 or (other is here[qi - 1] and lex is EN and (
                        _only_own_cue(between, other)
                        or _about_speaker_only(between, other.person)))):
                _copy(q, other, "same paragraph", "next to a quote of the same speaker")
                break

"""Quotes and who said them: split blocks into narrator and quote segments (pure).

News style is the model: "…," said Jane Roe. / Jane Roe said: "…" / "…," she added.
A quote that runs over several paragraphs opens each one with a quote mark and closes only
in the last; a partial quote inside a sentence ("scare quotes") stays with the narrator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.importer.article import Block

OPENERS = {"“": "”", "‘": "’", "«": "»", "„": "“"}
CLOSERS = {"”", "’", "»"}
STRAIGHT = '"'

VERBS = (
    "said|says|say|added|adds|told|tells|explained|explains|asked|asks|wrote|writes|"
    "continued|continues|recalled|recalls|noted|notes|insisted|insists|admitted|admits|"
    "joked|jokes|laughed|replied|replies|stated|states|warned|warns|argued|argues|claimed|"
    "claims|tweeted|tweets|posted|posts|commented|comments|revealed|reveals|shared|shares|"
    "explained|added|agreed|agrees|suggested|suggests|observed|remarked|conceded|"
    "acknowledged|confirmed|confirms|announced|declared|urged|urges|cautioned|predicted|"
    "went on|wondered|mused|exclaimed|whispered|shouted|sighed|boasted|quipped|"
    "adding|saying|telling|explaining|noting|insisting|admitting|joking|writing|"
    "according to"
)
TITLES = (
    "Dr|Dr\\.|Prof|Prof\\.|Professor|Mr|Mr\\.|Mrs|Mrs\\.|Ms|Ms\\.|Miss|Mx|Sir|Dame|Lord|Lady|"
    "Rev|Rev\\.|Reverend|Sen\\.|Senator|Rep\\.|Gov\\.|Governor|President|Councillor|Cllr|"
    "Judge|Justice|Detective|Inspector|Sergeant|Sgt|Captain|Capt\\.|Officer|Chief|Mayor|"
    "Minister|Secretary|Coach|Father|Sister|Brother|Rabbi|Imam|Pastor|Archbishop|Bishop|"
    "Chancellor|Commissioner|Superintendent|General|Gen\\.|Colonel|Col\\.|Major|Lieutenant|"
    "Councilmember|Councilwoman|Councilman|Alderman|Assemblymember|Congressman|Congresswoman|"
    "Representative|Premier|Principal|Headteacher|Dean"
)
_PARTICLE = r"(?:de|van|von|der|den|da|di|bin|al|le|la|del)(?=\s+[A-Z])"
# A full stop belongs to a name only after an initial or a title ("J. Roe", "Dr. Roe"):
# "said Jane Roe. She added" ends the name at Roe.
_LONGEST_TITLES = "|".join(sorted(TITLES.split("|"), key=len, reverse=True))  # "Prof." first
_NAME_WORD = rf"(?:(?:{_LONGEST_TITLES})(?!\w)|[A-Z]\.|[A-Z][\w’'\-]*|{_PARTICLE})"
NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
_PRONOUN = r"(?:he|she|they|He|She|They)"
_DESCRIPTOR = r"(?:(?:the|a|an|[a-z][\w\-]*|[A-Z]{2,})\s+){0,4}"

# Attribution after a quote: , said Jane Roe / , Jane Roe said / , she added / writer Jo Bo told
_AFTER = [
    re.compile(rf"^\s*[,.!?…]?\s*(?:{VERBS})\s+(?:{_DESCRIPTOR})?(?P<name>{NAME})"),
    re.compile(rf"^\s*[,.!?…]?\s*{_DESCRIPTOR}(?P<name>{NAME})\s+(?:has\s+|had\s+)?(?:{VERBS})\b"),
    re.compile(rf"^\s*[,.!?…]?\s*(?P<pronoun>{_PRONOUN})\s+(?:{VERBS})\b"),
]
# Attribution before a quote: Jane Roe said: / She added, / according to Jane Roe,
_BEFORE = [
    re.compile(rf"(?P<name>{NAME})\s+(?:has\s+|had\s+|then\s+|also\s+)?(?:{VERBS})"
               rf"(?:\s+(?:\w+\s+){{0,4}}?)?\s*[:,]?\s*$"),
    re.compile(rf"\b(?P<pronoun>{_PRONOUN})\s+(?:has\s+|had\s+|then\s+|also\s+)?(?:{VERBS})"
               rf"(?:\s+(?:\w+\s+){{0,4}}?)?\s*[:,]?\s*$"),
    re.compile(rf"\baccording to\s+(?:{_DESCRIPTOR})?(?P<name>{NAME})\s*[:,]?\s*$"),
    re.compile(r"\b(?P<participle>adding|saying|explaining|noting|insisting|continuing)"
               r"\s*[:,]?\s*$"),
]
_ACCORDING_AFTER = re.compile(rf"^\s*[,.]?\s*according to\s+(?:{_DESCRIPTOR})?(?P<name>{NAME})")
_TITLE_PREFIX = re.compile(rf"^(?:(?:{TITLES})\s+)+")
_NOT_NAMES = {"The", "A", "An", "It", "This", "That", "But", "And", "In", "On", "He", "She",
              "They", "We", "I", "You", "Now", "Then", "When", "Speaking", "Asked", "Writing",
              "Netflix", "OK", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
              "Saturday", "Sunday", "BBC", "CNN"}
SCARE_QUOTE_WORDS = 15
# Full names in narration ("Marta Kowalski opened her bakery"), for later "Kowalski said".
_FULL_NAME = re.compile(r"\b[A-Z][a-z][\w’'\-]*(?:\s+[A-Z][a-z][\w’'\-]*){1,2}\b")
_RELATIVE_GENDER = {"son": "m", "daughter": "f", "wife": "f", "husband": "m", "brother": "m",
                    "sister": "f", "mother": "f", "father": "m", "mum": "f", "dad": "m",
                    "partner": "", "friend": "", "colleague": "", "boss": ""}
_RELATIVE = re.compile(rf"\b(?P<noun>{'|'.join(_RELATIVE_GENDER)})\s+(?P<name>[A-Z][a-z]+)\b",
                       re.I)


@dataclass(frozen=True)
class Segment:
    block: int  # index into the blocks list
    start: int  # text == blocks[block].text[start:end]
    end: int
    text: str  # for quotes: the words inside the marks
    speaker: str | None  # None for the narrator and for unattributed quotes
    quote: bool


@dataclass
class _Span:
    start: int  # inside the marks
    end: int
    open_at: int  # index of the opening mark, or -1 when the quote runs on from before
    close_at: int  # index of the closing mark, or -1 when it runs on to the next paragraph


def _single_quotes_are_speech(blocks: list[Block]) -> bool:
    """British style: ‘…’ used for speech when the article has no double quotes."""
    text = "\n".join(b.text for b in blocks if b.kind == "paragraph")
    if any(c in text for c in '"“”'):
        return False
    return len(re.findall(r"(?:^|[\s(\[—–-])‘\S", text)) >= 1


def _is_opener(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:;,/") and not after.isspace()


def _spans(text: str, singles: bool, running: bool) -> tuple[list[_Span], bool]:
    """Top-level quote spans in one paragraph; returns (spans, still open at the end)."""
    spans: list[_Span] = []
    depth = 0
    start = open_at = -1
    if running:
        depth, start, open_at = 1, 0, -1
    for i, ch in enumerate(text):
        if ch == STRAIGHT:
            opening = _is_opener(text, i) if depth == 0 or i == 0 else (
                _is_opener(text, i) and not (i + 1 < len(text) and text[i + 1] in ".,;:!?"))
            if depth == 0 or (opening and depth >= 1 and not _closes_here(text, i)):
                if depth == 0 or opening:
                    depth += 1
                    if depth == 1:
                        start, open_at = i + 1, i
                    continue
            depth -= 1
        elif ch in "“„«" or (singles and ch == "‘" and _is_opener(text, i)):
            depth += 1
            if depth == 1:
                start, open_at = i + 1, i
            continue
        elif ch in "”»" or (singles and ch == "’" and _is_closer(text, i) and depth > 0):
            if depth == 0:
                continue
            depth -= 1
        else:
            continue
        if depth == 0:
            spans.append(_Span(start, i, open_at, i))
    if depth > 0:
        spans.append(_Span(start, len(text), open_at, -1))
        return spans, True
    return spans, False


def _closes_here(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-")


def _is_closer(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    if before.isalpha() and after.isalpha():
        return False  # an apostrophe: it’s, Charlie’s
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-")


def _clean_name(raw: str) -> str | None:
    name = _TITLE_PREFIX.sub("", raw.strip()).strip(" ,.")
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    while words and (words[-1] in _NOT_NAMES or words[-1].lower() in {"de", "van", "von"}):
        words = words[:-1]
    if not words:
        return None
    if len(words) > 3:
        words = words[-3:] if re.fullmatch(r"[A-Z]\.?", words[-2]) else words[-2:]
    return " ".join(words)


class _People:
    """People named so far, for surname and pronoun follow-ups."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.last: str | None = None
        self.recent: list[str] = []  # most recent last: spoke or was mentioned
        self.gender: dict[str, str] = {}
        self.candidates: list[str] = []  # full names seen in narration, not yet quoted

    def pronoun(self, word: str) -> str | None:
        """The person `he`/`she`/`they` most likely means: the latest one it fits."""
        want = {"he": "m", "she": "f"}.get(word.lower())
        for name in reversed(self.recent):
            if name not in self.names and not self.gender.get(name):
                continue  # a capitalised phrase never quoted nor called he/she: maybe a place
            if want is None or self.gender.get(name, want) in (want, ""):
                if want:
                    self.gender[name] = want
                return name
        return None

    def mentioned(self, text: str) -> None:
        """People named in narration become the likeliest `he`/`she` after it."""
        if m := re.match(r"\s*(He|She)\b", text):
            self.pronoun(m.group(1))  # "He attributed that…" after Locke spoke: Locke is a he
        for m in _FULL_NAME.finditer(text):
            name = _clean_name(m.group(0))
            if name and len(name.split()) >= 2 and name not in self.candidates:
                self.candidates.append(name)
        for m in _RELATIVE.finditer(text):
            name, noun = m.group("name"), m.group("noun").lower()
            if name not in self.candidates:
                self.candidates.append(name)
            self.gender.setdefault(name, _RELATIVE_GENDER.get(noun, ""))
        hits = []
        for name in dict.fromkeys([*self.names, *self.candidates]):
            for part in {name, name.split()[-1]}:
                for m in re.finditer(rf"\b{re.escape(part)}\b", text):
                    hits.append((m.start(), name))
        for _pos, name in sorted(hits):
            self._touch(name)
        # "Roe ... She said" in narration tells us Roe's pronoun for later quotes.
        if hits:
            last = sorted(hits)[-1][1]
            tail = text[sorted(hits)[-1][0]:]
            if re.search(r"\b(?:She|she|her)\b", tail) and last not in self.gender:
                self.gender[last] = "f"
            elif re.search(r"\b(?:He|he|his|him)\b", tail) and last not in self.gender:
                self.gender[last] = "m"

    def _touch(self, name: str) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def resolve(self, name: str) -> str:
        for known in [*reversed(self.names), *reversed(self.candidates)]:
            parts = known.split()
            if name == known or name == parts[-1] or (len(name.split()) == 1
                                                     and name == parts[0]):
                return known
            if name.split()[-1] == parts[-1] and len(name.split()) < len(parts):
                return known
        return name

    def spoke(self, name: str) -> str:
        name = self.resolve(name)
        if name not in self.names:
            self.names.append(name)
        self.last = name
        self._touch(name)
        return name


def _match_after(text: str, people: _People) -> str | None:
    for pattern in _AFTER:
        m = pattern.match(text)
        if m:
            if m.groupdict().get("pronoun"):
                return people.pronoun(m.group("pronoun"))
            name = _clean_name(m.group("name"))
            if name:
                return people.resolve(name)
    m = _ACCORDING_AFTER.match(text)
    if m and (name := _clean_name(m.group("name"))):
        return people.resolve(name)
    return None


def _match_before(text: str, people: _People) -> str | None:
    tail = text[-200:]
    for pattern in _BEFORE:
        m = pattern.search(tail)
        if m:
            groups = m.groupdict()
            if groups.get("pronoun"):
                return people.pronoun(groups["pronoun"])
            if groups.get("participle"):
                return people.last
            name = _clean_name(m.group("name"))
            if name:
                return people.resolve(name)
    return None


def _is_scare_quote(text: str, span: _Span) -> bool:
    """A few words quoted inside a running sentence, not introduced as speech."""
    words = len(text[span.start:span.end].split())
    if span.open_at < 0 or words > SCARE_QUOTE_WORDS:
        return False
    before = text[:span.open_at].rstrip()
    if not before or not before[-1].isalnum():
        return False  # starts a sentence or follows "said:" / a comma: speech
    return not re.search(rf"\b(?:{VERBS})\s*$", before)


def segment_blocks(blocks: list[Block]) -> list[Segment]:
    """Split the body into narrator and quote segments in reading order."""
    return analyse_blocks(blocks)[0]


def analyse_blocks(blocks: list[Block]) -> tuple[list[Segment], dict[str, str]]:
    """The segments, and for each quoted person "f", "m" or "" as far as the text tells.

    The text tells by pronouns that refer to the person ("…," she said), by titles
    ("Ms Roe") and by words such as spokeswoman or father next to the name.
    """
    singles = _single_quotes_are_speech(blocks)
    people = _People()
    out: list[Segment] = []
    running_speaker: str | None = None
    running = False
    unresolved: list[int] = []  # quote segments of a running quote still without a speaker
    previous_speaker: str | None = None  # the last speaker of the previous paragraph
    for bi, block in enumerate(blocks):
        text = block.text
        if block.kind == "heading":
            if text.strip():
                out.append(Segment(bi, 0, len(text), text, None, False))
            running, running_speaker, previous_speaker = False, None, None
            unresolved = []
            continue
        runs_on = running and bool(text) and text.lstrip()[:1] in ('"', "“", "‘", "«")
        if runs_on:
            lead = len(text) - len(text.lstrip())
            text_for_spans = text
            spans, still_open = _spans(text_for_spans[lead + 1:], singles, True)
            spans = [_Span(s.start + lead + 1, s.end + lead + 1, s.open_at + lead + 1
                           if s.open_at >= 0 else lead, s.close_at + lead + 1
                           if s.close_at >= 0 else -1) for s in spans]
        else:
            spans, still_open = _spans(text, singles, False)
        quotes = [s for s in spans if not _is_scare_quote(text, s)]
        if quotes and quotes[0].open_at > 0:
            people.mentioned(text[:quotes[0].open_at])  # "Alvarez said she would…"
        speakers: list[str | None] = []
        for qi, span in enumerate(quotes):
            after_end = span.close_at + 1 if span.close_at >= 0 else len(text)
            next_open = quotes[qi + 1].open_at if qi + 1 < len(quotes) else len(text)
            after = text[after_end:next_open]
            prev_close = quotes[qi - 1].close_at + 1 if qi > 0 else 0
            before = text[prev_close:span.open_at] if span.open_at >= 0 else ""
            speaker = None
            if runs_on and qi == 0:
                speaker = running_speaker
            speaker = speaker or _match_after(after, people) or _match_before(before, people)
            if speaker is None and qi > 0 and speakers[-1] and len(before.strip()) < 100:
                # "…," said X. "…" — the next quote in the paragraph is X's too.
                speaker = speakers[-1]
            speakers.append(speaker)
        # Interrupted quotes: "…," X said, "…" — the first half takes the second's speaker.
        for qi in range(len(quotes) - 2, -1, -1):
            if speakers[qi] is None and speakers[qi + 1] is not None:
                between = text[quotes[qi].close_at + 1:quotes[qi + 1].open_at]
                if len(between) < 80:
                    speakers[qi] = speakers[qi + 1]
        # A paragraph that is only a quote, after a paragraph quoting X, is X again.
        if quotes and speakers[0] is None and previous_speaker and quotes[0].open_at <= 1:
            speakers[0] = previous_speaker
            for qi in range(1, len(speakers)):
                speakers[qi] = speakers[qi] or previous_speaker
        for qi, sp in enumerate(speakers):
            if sp:
                speakers[qi] = people.spoke(sp)
        # A quote that ran on from earlier paragraphs and is attributed only now: the
        # earlier parts were the same person's.
        if runs_on and speakers and speakers[0]:
            for i in unresolved:
                out[i] = replace(out[i], speaker=speakers[0])
            unresolved = []
        pos = 0
        first_new = len(out)
        for span, speaker in zip(quotes, speakers, strict=True):
            left = span.open_at if span.open_at >= 0 else span.start
            _narration(out, bi, text, pos, left)
            inner = text[span.start:span.end]
            lstrip = len(inner) - len(inner.lstrip())
            rstrip = len(inner.rstrip())
            if inner.strip():
                out.append(Segment(bi, span.start + lstrip, span.start + rstrip,
                                   inner.strip(), speaker, True))
            pos = span.close_at + 1 if span.close_at >= 0 else len(text)
        _narration(out, bi, text, pos, len(text))
        for seg in out[first_new:]:
            if not seg.quote:
                people.mentioned(seg.text)
        running = still_open and bool(quotes) and quotes[-1].close_at < 0
        if running and speakers[-1] is None:
            unresolved += [i for i in range(first_new, len(out))
                           if out[i].quote and out[i].speaker is None]
        elif not running:
            unresolved = []
        running_speaker = speakers[-1] if running else None
        previous_speaker = speakers[-1] if quotes and speakers[-1] else None
        if quotes and quotes[-1].close_at >= 0:
            tail = text[quotes[-1].close_at + 1:]
            if len(tail.strip()) > 60:
                previous_speaker = None  # narration moved on after the quote
    text = "\n".join(b.text for b in blocks)
    genders = {}
    for name in people.names:
        genders[name] = people.gender.get(name) or _described_gender(text, name)
    return out, genders


_TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
                 "dame": "f", "lady": "f"}
_NOUN_GENDER = {
    **{n: "f" for n in ("spokeswoman", "chairwoman", "businesswoman", "congresswoman",
                        "actress", "headmistress", "waitress", "grandmother", "mother",
                        "daughter", "wife", "sister", "girl", "woman", "councilwoman")},
    **{n: "m" for n in ("spokesman", "chairman", "businessman", "congressman",
                        "headmaster", "grandfather", "father", "son", "husband", "brother",
                        "boy", "man", "councilman")},
}


def _described_gender(text: str, name: str) -> str:
    """ "f" or "m" when a title or a describing word next to the name says so, else ""."""
    surname = re.escape(name.split()[-1])
    titles = "|".join(_TITLE_GENDER)
    m = re.search(rf"\b({titles})\.?\s+(?:[A-Z][\w'’-]+\s+)?{surname}\b", text, re.I)
    if m and text[m.start(1)].isupper():  # "Ms Roe", not "fans will miss Roe"
        return _TITLE_GENDER[m.group(1).lower()]
    nouns = "|".join(_NOUN_GENDER)
    full = re.escape(name)
    # "Jane Roe, the club's chairwoman" / "spokeswoman Jane Roe" ("whose son" is not her)
    m = (re.search(rf"\b{full},\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?({nouns})(?![\w'’])",
                   text)
         or re.search(rf"\b({nouns})\s+{full}\b", text))
    return _NOUN_GENDER[m.group(1).lower()] if m else ""


def _narration(out: list[Segment], bi: int, text: str, start: int, end: int) -> None:
    piece = text[start:end]
    if not piece.strip() or not re.search(r"\w", piece):
        return
    lead = len(piece) - len(piece.lstrip())
    out.append(Segment(bi, start + lead, start + len(piece.rstrip()), piece.strip(), None,
                       False))

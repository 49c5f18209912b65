"""Quotation marks: where each top-level quotation of a paragraph opens and closes (pure).

One table of mark pairs serves every house style: English double and single, curly and
straight, nested either way; „…“ ‚…‘ »…« «…» ‹…› „…” 「…」 『…』 fit the same stack parser,
and a language's `Convention` says which marks only close there (“ in German, » in French).
A paragraph is read alone: a quotation left open at its end runs to the end (the news
convention for a quote continued in the next paragraph, which opens with a new mark).

Rules that tell a mark from an apostrophe (after the Guardian and AP style guides):
* an opening single mark stands at a word boundary and is followed by a non-space;
* inside a word (letters both sides: it’s, didn't) a single mark is an apostrophe;
* a closing single mark preceded by a letter and followed by a space ("the drivers’ fault")
  is a weak closer: it closes only if no strong closer (after punctuation, or before
  punctuation) comes before the next opening mark;
* two straight single marks side by side ('') are left as text, and so are the straight
  single marks of a paragraph that uses them (they are nested inside the '' pairs);
* a top-level single mark that never closes is an apostrophe (’90s, rock 'n' roll), unless
  it opens a sentence (a quotation running on to the next paragraph); a quotation opening a
  sentence closes only at a sure closer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# opening mark -> the marks that may close it
# (a curly mark may close a straight one and the other way round: pasted text mixes them)
PAIRS: dict[str, str] = {
    "“": "”\"", "‘": "’'", '"': '"”', "'": "'’",
    "„": "“”", "‚": "‘’", "«": "»", "»": "«", "「": "」", "『": "』",
}
# How far a single-mark quotation is searched for its close (bounds the work on odd input)
LOOKAHEAD = 3000  # characters
MAX_MARKS_INSIDE = 60  # quotation marks and apostrophes
SINGLE = frozenset("‘’'‚")
STRAIGHT = frozenset("\"'")
ALWAYS_OPEN = frozenset("“„«「『")  # never an apostrophe nor a closer at top level
_OPEN_AFTER = "([{—–-:;,/“\"‘'«»„‚「『…"
_PUNCT_BEFORE = ".,!?;:…—–-)]’'”\""  # (a closer right after another closes too: ‘…'no'’)
_PUNCT_AFTER = ".,;:!?)]}—–-…"




@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per convention
class Convention:
    """One language's use of the marks: which close which, and which never open."""

    pairs: dict[str, str]  # opening mark -> the marks that may close it
    never_open: frozenset[str] = frozenset()  # marks that only close in this language
    strong_close: str = "”»」』"  # a closer that also ends any quotation left open inside it
    dialogue_dash: bool = False  # a paragraph opening with a dash is speech ("– Tak – mówi.")

    @property
    def mark(self) -> re.Pattern[str]:
        return _mark_re(self)


_CONVENTION_MARKS: dict[int, re.Pattern[str]] = {}


def _mark_re(conv: Convention) -> re.Pattern[str]:
    key = id(conv)
    if key not in _CONVENTION_MARKS:
        chars = set("".join(conv.pairs)) | set("".join(conv.pairs.values()))
        _CONVENTION_MARKS[key] = re.compile("[" + re.escape("".join(sorted(chars))) + "]")
    return _CONVENTION_MARKS[key]


ENGLISH = Convention(PAIRS)
# The conventions of the Unicode CLDR's delimiters data (quotationStart/End and
# alternateQuotationStart/End per locale) and of each language's style guides (Duden for
# German, the Lexique des règles typographiques for French): where a language uses a mark
# only to close, it never opens there (“ closes „ in German; » closes « in French), and the
# straight marks typed in its place close with the language's own closers too.
_LOW_HIGH = Convention(  # „…“ ‚…‘ »…« ›…‹: German, Czech, Slovak, Slovene, Danish (»…«), …
    {**PAIRS, '"': '"”“', "'": "'’‘", "›": "‹"},
    frozenset("“‘«‹"), "”»」』“«‹")
_GUILLEMETS = Convention(  # «…» ‹…› (spaces inside in French and Swiss use)
    {**PAIRS, "‹": "›"}, frozenset("»›"), "”»」』›")
_LOW_HIGH_RIGHT = Convention(  # „…” with «…» inside: Romanian
    {**PAIRS, "‹": "›"}, frozenset("»›"), "”»」』›")
# Polish, Russian and Ukrainian news also give speech as a paragraph opening with a dash:
# "– Jesteśmy gotowi – powiedział burmistrz. – Zaczynamy w maju."
_POLISH = Convention({**PAIRS, "‹": "›"}, frozenset("»›"), "”»」』›", dialogue_dash=True)
_RUSSIAN = Convention({**PAIRS, "‹": "›"}, frozenset("»›"), "”»」』›", dialogue_dash=True)
_HUNGARIAN = Convention({**PAIRS, "›": "‹"}, frozenset("«‹"), "”»」』«‹")  # „…” »…«
_NORDIC = Convention(  # ”…” and »…»: Swedish, Finnish
    {**PAIRS, "”": "”", "»": "»", "’": "’"}, frozenset(), "”»」』")
_BY_LANGUAGE: dict[str, Convention] = {
    **dict.fromkeys("de cs sk sl da bg lt et is lb ka hr sr".split(), _LOW_HIGH),
    **dict.fromkeys("fr es it pt be no nb nn ca el ar fa hy eu gl rm".split(),
                    _GUILLEMETS),
    "ro": _LOW_HIGH_RIGHT, "pl": _POLISH, "ru": _RUSSIAN, "uk": _RUSSIAN,
    "hu": _HUNGARIAN, "sv": _NORDIC, "fi": _NORDIC,
}
_GUILLEMET_REGIONS = frozenset({"ch", "li"})  # Swiss German, French, Italian: «…» ‹…›


def convention(language: str | None) -> Convention:
    """The quotation-mark convention of a BCP 47 tag ("de", "de-CH", None -> English's,
    which reads every pair of the table)."""
    parts = (language or "en").replace("_", "-").lower().split("-")
    if parts[0] in ("de", "fr", "it") and any(p in _GUILLEMET_REGIONS for p in parts[1:]):
        return _GUILLEMETS
    return _BY_LANGUAGE.get(parts[0], ENGLISH)


@dataclass(frozen=True)
class Span:
    """A top-level quotation in one paragraph."""

    open_at: int  # index of the opening mark
    close_at: int  # index of the closing mark, or len(text) when it runs on
    closed: bool

    @property
    def start(self) -> int:
        return self.open_at + 1

    @property
    def end(self) -> int:
        return self.close_at


def _at(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else " "


def _before(text: str, i: int) -> str:
    """The last character before `i` that is not a space ("" at the start)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def _may_open(text: str, i: int) -> bool:
    b, a = _at(text, i - 1), _at(text, i + 1)
    return (i == 0 or b.isspace() or b in _OPEN_AFTER) and not a.isspace()


def _strength(text: str, i: int) -> int:
    """2: surely closes; 1: may close (a possessive plural’s apostrophe looks the same);
    0: cannot close here (an apostrophe inside a word, or a mark before a word)."""
    b, a = _at(text, i - 1), _at(text, i + 1)
    if b.isspace() or i == 0:
        before = _before(text, i)
        if before and before in "’'”\",.!?…" and (a.isspace() or a in _PUNCT_AFTER
                                                  or i + 1 >= len(text)):
            # ‘… ‘Oh, this is important,’ ’ : nested closers set a space apart; ‘… doing
            # this, ’ Roe said: a stray space before the closer, after the quote's comma
            return 2
        return 0
    if b.isalnum() and a.isalnum():
        return 0
    if b in _PUNCT_BEFORE or a in _PUNCT_AFTER or i + 1 >= len(text):
        return 2
    if a.isspace() or a in "”\"’'»«」』":
        return 1
    return 0


def _opens_sentence(text: str, i: int) -> bool:
    before = _before(text, i)
    return not before or before in ".!?:…"


# Words that follow a closing quotation mark in running narration, never a possessive noun
_NARRATION_WORDS = frozenset("""about above after against and as at because before but by
for from he her his if in into is it like nor of on or over said says she since so than that
the their them they this through to told under until was were when where which while who
with wrote added asked""".split())


def _possessive_plural(text: str, j: int) -> bool:
    """ "the United States’ pivot": an s, the mark, then a noun (not a narration word)."""
    if _at(text, j - 1) != "s" or not _at(text, j + 2).islower():
        return False
    m = re.match(r"\s([a-z]+)", text[j + 1:j + 20])
    return m is not None and m.group(1) not in _NARRATION_WORDS


@lru_cache(maxsize=4096)  # asked for the same opener when it opens and again when it closes
def _single_close(text: str, i: int, opener: str, nested: bool = False,
                  conv: Convention = ENGLISH) -> int:
    """Where a single-mark quotation opened at `i` closes, -1 if it never does. In a
    quotation that opens a sentence, "the United States’ pivot" is a plural's apostrophe (a
    quoted sentence ends with punctuation; a quoted title is not followed by a small word
    after an s). A nested straight mark closes only with its own kind, so that the outer
    quotation keeps its closer."""
    closers = opener if nested and opener in STRAIGHT else conv.pairs[opener]
    sure_only = _opens_sentence(text, i)
    weak = -1
    for n, found in enumerate(conv.mark.finditer(text, i + 1,
                                                 min(len(text), i + 1 + LOOKAHEAD))):
        if n >= MAX_MARKS_INSIDE:
            break
        j = found.start()
        ch = text[j]
        if ch in closers:
            s = _strength(text, j)
            if s == 2 and not (_at(text, j + 2) in closers and _at(text, j + 1) in ",.;:!?"
                               and _at(text, j - 1).isalpha()):
                return j  # (the owners’,’ : the first mark is a plural's apostrophe)
            if s == 1 and weak < 0 and not (sure_only and _possessive_plural(text, j)):
                weak = j
        if ch == opener and opener not in closers and _may_open(text, j) and weak >= 0:
            return weak  # a new quotation opens: the weak closer was the close
    return weak


def spans(text: str, language: str | None = "en") -> list[Span]:
    """Top-level quotations of one paragraph, in order (see the module docstring), read by
    the marks' convention in `language` (a BCP 47 tag; see `convention`)."""
    conv = convention(language)
    if is_dialogue(text, language):
        return dash_spans(text)
    pairs = conv.pairs
    out: list[Span] = []
    stack: list[tuple[str, int]] = []  # (opener, index); a closer is known ahead for singles
    top = -1
    n = len(text)
    typewriter = "''" in text
    for found in conv.mark.finditer(text):
        i = found.start()
        ch = text[i]
        depth = len(stack)
        if ch == "'" and typewriter:
            continue  # '' : a typewriter stand-in for a double mark, too often an artifact
        if stack and ch in pairs[stack[-1][0]] and _closes(text, i, stack, conv):
            stack.pop()
        elif stack and _mistyped_close(text, i, stack[-1][0], conv):
            stack.pop()
        elif ch in pairs and ch not in conv.never_open and _opens(text, i, stack, conv):
            stack.append((ch, i))
        elif stack and ch in conv.strong_close and any(ch in pairs[o] for o, _ in stack):
            while stack and ch not in pairs[stack[-1][0]]:
                stack.pop()  # an inner quotation left open: the outer close ends it
            stack.pop()
        else:
            continue
        if depth == 0 and stack:
            top = i
        elif depth > 0 and not stack:
            out.append(Span(top, i, True))
    if stack:
        out.append(Span(top, n, False))
    return out


_DIALOGUE_OPEN = re.compile(r"^\s*[–—―]\s*\S")
_DIALOGUE_CLOSE = re.compile(r"\s[–—―](?=\s*\w)")  # "… – powiedział"
_DIALOGUE_AGAIN = re.compile(r"[.,:!?…]\s+[–—―]\s*(?=\S)")  # "… powiedział. – Dalej …"


def is_dialogue(text: str, language: str | None) -> bool:
    """A paragraph of dialogue-dash speech in a language that writes it (no quotation mark,
    a dash first)."""
    conv = convention(language)
    return conv.dialogue_dash and bool(_DIALOGUE_OPEN.match(text)) and not conv.mark.search(text)


def dash_spans(text: str) -> list[Span]:
    """Speech in a paragraph that opens with a dash (the Polish and Russian dialogue dash):
    the words up to a spaced dash before the cue, then, after the cue's sentence, any part
    that opens with a dash again. The opening dash stands where a mark would."""
    out: list[Span] = []
    m = _DIALOGUE_OPEN.match(text)
    if m is None:
        return out
    open_at = m.end() - 1
    while open_at >= 0:
        open_at = next(i for i in range(open_at, -1, -1) if text[i] in "–—―")
        close = _DIALOGUE_CLOSE.search(text, open_at + 1)
        close_at = close.start() + 1 if close else len(text)
        out.append(Span(open_at, close_at, True))
        again = _DIALOGUE_AGAIN.search(text, close_at + 1) if close else None
        open_at = again.end() - 1 if again else -1
    return out


def _mistyped_close(text: str, i: int, opener: str, conv: Convention = ENGLISH) -> bool:
    """An opening double mark typed where the close belongs ("“It's late,“ said Roe."): it
    stands right after punctuation with a space after it, where no quotation can open (an
    opener is followed by its first word), inside a quotation its kind would close."""
    ch = text[i]
    return ch == "“" and "“" not in conv.never_open and opener in ("“", '"') \
        and _at(text, i - 1) in ",.!?…" and (_at(text, i + 1).isspace() or i + 1 >= len(text))


def _opens(text: str, i: int, stack: list[tuple[str, int]], conv: Convention = ENGLISH
           ) -> bool:
    ch = text[i]
    if ch == '"':
        # at top level a straight double always opens; inside, only at a word's start
        return not stack or (_may_open(text, i) and _at(text, i - 1) != "\"")
    if ch in ALWAYS_OPEN:
        # inside a quotation, a curly opener with no closer of its kind after it is a
        # mistyped apostrophe (“90s, “em, its “word,') and must not swallow the outer close
        return not stack or (not re.match(r"\d+s\b", text[i + 1:i + 8])
                             and any(c in text[i + 1:] for c in conv.pairs[ch]))
    if not _may_open(text, i):
        return False
    if ch in SINGLE:
        if re.match(r"\d+s\b", text[i + 1:i + 8]):
            return False  # ’90s
        close = _single_close(text, i, ch, bool(stack), conv)
        if close < 0:  # runs on to the next paragraph, if it opens a sentence or a clause
            return not stack and (_opens_sentence(text, i) or _before(text, i) == ",")
        if ch == "'" and not stack and _strength(text, close) < 2:
            return False  # rock 'n' roll: straight singles at top level need a sure close
    return True


def _closes(text: str, i: int, stack: list[tuple[str, int]], conv: Convention = ENGLISH
            ) -> bool:
    opener, at = stack[-1]
    ch = text[i]
    if opener == '"' and ch == '"':
        if len(stack) > 1 or i == at + 1:
            return True
        # an inner straight quotation opens at a word's start with no close right after it
        b, a = _at(text, i - 1), _at(text, i + 1)
        return not (b.isspace() and a.isalnum() and '"' in text[i + 1:])
    if opener in SINGLE or ch in SINGLE:
        if _strength(text, i) == 0:
            return False
        close = _single_close(text, at, opener, len(stack) > 1, conv)
        # (a close found earlier was taken by a quotation nested inside: ‘a ‘b’ ’)
        return close == i or (0 <= close < i and _strength(text, i) == 2)
    return True

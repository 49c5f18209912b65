"""Word timings for the article's own words, from the words the engine spoke (pure).

The transcript shows the article's text; the engine speaks its normalized form, which can
have more words ("£5m" -> "five million pounds"), fewer, or other ones. The two token
sequences are aligned as a diff is (difflib's Ratcliff/Obershelp matching on case-folded
letters and digits): tokens that read the same pair up one to one, and each stretch that
differs between two such anchors is said by the spoken tokens of the same stretch, shared
out by how many words each source token says when normalized alone. So every shown word
takes its times from the engine's events for the words said for it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

from app.episodes.transcript import Word

from .engine import WordTiming
from .normalize import speakable

_TOKEN = re.compile(r"\S+")
_KEY = re.compile(r"[^\w]+")

Span = tuple[float, float]


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    return _KEY.sub("", token).casefold()


def _spoken_spans(said: str, tokens: list[tuple[int, int]],
                  timings: Sequence[WordTiming]) -> list[Span | None]:
    """(begin, finish) of each whitespace token of `said`, from the events that fall in it;
    None for a token the engine said nothing for (a dash, a lone symbol).

    espeak-ng sometimes reports a word's position a few characters back, inside the word
    before it (seen after a semicolon: "most of" gave "of" at the "o" of "most"). Events
    come in the order of the words, so an event whose position steps back into the
    previous event's characters belongs to the next token."""
    spans: list[Span | None] = [None] * len(tokens)
    i = 0
    previous_end = -1
    for t in timings:
        if t.start < previous_end and spans[i] is not None:
            i += 1  # a position stepped back: the next word
        while i < len(tokens) and tokens[i][1] <= t.start:
            i += 1
        if i >= len(tokens):
            break
        previous_end = max(previous_end, t.end)
        old = spans[i]
        spans[i] = (t.begin, t.finish) if old is None else (old[0], max(old[1], t.finish))
    return spans


def _share(sources: list[str], spans: list[Span | None],
           say: Callable[[str], str]) -> list[list[Span]]:
    """The spoken tokens of one differing stretch, handed out in order over its source
    tokens: one source token takes them all; several take as many each as each one says
    on its own (`say`: the article language's normalization, its word count), scaled to the
    stretch."""
    if len(sources) == 1:
        return [[s for s in spans if s is not None]]
    weights = [max(1, len(say(token).split())) for token in sources]
    total, n = sum(weights), len(spans)
    out, done, at = [], 0, 0
    for w in weights:
        done += w
        upto = round(n * done / total)
        out.append([s for s in spans[at:upto] if s is not None])
        at = upto
    return out


def source_words(text: str, said: str, timings: Sequence[WordTiming],
                 say: Callable[[str], str] = speakable) -> list[Word]:
    """The words of `text` (whitespace tokens, punctuation kept on them) with the seconds at
    which they start and end, given the engine's `timings` for `said` (its spoken form).

    Every token of `text` is in exactly one Word, in order; a token that nothing was said
    for (a dash, an emoji) joins the word before it (or after it, at the start), so the
    words' texts joined with spaces give `text` with its whitespace collapsed. Times are
    the engine's, ascending: each word starts at or after the previous one ends. Empty
    when the engine reported no words. `say` is the normalization `said` came from (the
    article language's; English by default), used to share a changed stretch out."""
    src = _tokens(text)
    out_tokens = _tokens(said)
    spoken = _spoken_spans(said, out_tokens, timings)
    if not src or not any(spoken):
        return []
    a = [_key(text[s:e]) for s, e in src]
    b = [_key(said[s:e]) for s, e in out_tokens]
    given: list[list[Span]] = [[] for _ in src]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for k in range(i2 - i1):
                if (span := spoken[j1 + k]) is not None:
                    given[i1 + k].append(span)
        elif i2 > i1:
            stretch = [text[s:e] for s, e in src[i1:i2]]
            for k, spans in enumerate(_share(stretch, spoken[j1:j2], say)):
                given[i1 + k] += spans
    units: list[list[int]] = []  # source token indexes per word
    pending: list[int] = []  # untimed tokens before the first timed one
    for i, spans in enumerate(given):
        if spans:
            units.append(pending + [i])
            pending = []
        elif units:
            units[-1].append(i)
        else:
            pending.append(i)
    words = []
    for unit in units:
        spans = [s for i in unit for s in given[i]]
        words.append(Word(min(s[0] for s in spans), max(s[1] for s in spans),
                          " ".join(text[src[i][0]:src[i][1]] for i in unit)))
    return words

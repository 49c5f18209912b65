"""Plain text, typed or pasted from a web page: keep the story, drop the page around it."""

from __future__ import annotations

import re

from .article import Article, Block, ImportFailed
from .boilerplate import LINK_LIST_HEADERS, is_boilerplate_line

_BYLINE = re.compile(r"^by\s+([A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")
_WORDS = re.compile(r"\w+")


def _lines(text: str) -> list[str]:
    """Lines of the text, with hard-wrapped paragraphs joined back into one line each."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for group in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in group.split("\n")]
        lines = [line for line in lines if line]
        wrapped = len(lines) > 1 and all(
            len(line) > 40 and not _SENTENCE_END.search(line) for line in lines[:-1]) and (
            all(nxt[:1].islower() for nxt in lines[1:])
            or (len(lines) >= 3 and max(map(len, lines[:-1])) - min(map(len, lines[:-1])) < 20))
        out.extend([" ".join(lines)] if wrapped else lines)
        out.append("")
    return out


def _is_headline_like(line: str) -> bool:
    return len(line) < 140 and not _SENTENCE_END.search(line)


def _shared_prefix_words(a: str, b: str) -> int:
    wa, wb = _WORDS.findall(a.lower()), _WORDS.findall(b.lower())
    n = 0
    for x, y in zip(wa, wb, strict=False):
        if x != y:
            break
        n += 1
    return n


def _captions(lines: list[str]) -> set[int]:
    """Image alt text followed by its caption: neighbouring lines that start alike."""
    drop: set[int] = set()
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a and b and _shared_prefix_words(a, b) >= 4 and max(len(a), len(b)) < 300:
            drop.update({i, i + 1})
    return drop


def clean_lines(text: str) -> list[str]:
    """Body lines of a paste, in order, with boilerplate lines removed."""
    lines = [line for line in _lines(text)]
    drop = _captions(lines)
    kept: list[str] = []
    in_link_list = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if LINK_LIST_HEADERS.match(line):
            in_link_list = True
            continue
        if in_link_list:
            if _is_headline_like(line) and len(_WORDS.findall(line)) <= 20:
                continue  # a headline in a "Read more" list
            in_link_list = False
        if i in drop or is_boilerplate_line(line):
            continue
        kept.append(line)
    return kept


def _title_from(first: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) <= 80:
        return sentence.rstrip(".")
    cut = sentence[:80].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def extract_plain(text: str) -> Article:
    """Paste mode: title (the first line when it reads as a headline), byline, paragraphs."""
    raw = [line for line in _lines(text) if line]
    if not raw:
        raise ImportFailed("the text is empty")
    title = None
    if len(raw) > 1 and _is_headline_like(raw[0]) and len(raw[0]) > 3:
        title = raw[0]
    body_text = "\n".join(_lines(text))
    if title:
        body_text = body_text.split(title, 1)[1]
    lines = clean_lines(body_text)
    byline = None
    if lines and (m := _BYLINE.match(lines[0])):
        byline, lines = m.group(1), lines[1:]
    if not lines:
        raise ImportFailed("no article text was found in the text")
    return Article(title=title or _title_from(lines[0]),
                   blocks=[Block("paragraph", line) for line in lines], byline=byline)

"""Quotes and who said them: split blocks into narrator and quote segments (pure).

The finding is done by `app.narration.attribution` (a sieve design after CoreNLP's quote
attribution); this module turns its answer into the segments narration reads, and is the
benchmark's entry point (`attribute_paragraphs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.importer.article import Block
from app.importer.language import primary_subtag, ranked_languages

from .attribution import analyse
from .attribution.lexicons import Lexicon, lexicon_for
from .attribution.mentions import role_gender


@dataclass(frozen=True)
class Segment:
    block: int  # index into the blocks list
    start: int  # text == blocks[block].text[start:end]
    end: int
    text: str  # for quotes: the words inside the marks
    speaker: str | None  # None for the narrator and for unattributed quotes
    quote: bool
    sieve: str | None = None  # for quotes: why the speaker was chosen ("trailing cue")
    cue: str | None = None  # and the words that tell ("he said")
    language: str | None = None  # a quote in another language than the article's ("en")


def attribute_paragraphs(paragraphs: list[str], language: str | None = "en") -> list[dict]:
    """One {"para", "start", "end", "speaker", "sieve", "cue"} per quotation of an article's
    body (paragraphs in reading order): paragraphs[para][start:end] is the quoted text and
    speaker the person's name as the article gives it (None: unattributed). `language`: the
    article's BCP 47 tag. Pure."""
    found, _genders = analyse(paragraphs, language=language)
    return [{"para": a.para, "start": a.start, "end": a.end, "speaker": a.speaker,
             "sieve": a.sieve, "cue": a.cue} for a in found]


def segment_blocks(blocks: list[Block], language: str | None = "en") -> list[Segment]:
    """Split the body into narrator and quote segments in reading order."""
    return analyse_blocks(blocks, language)[0]


def analyse_blocks(blocks: list[Block], language: str | None = "en",
                   quote_languages: bool = False) -> tuple[list[Segment], dict[str, str]]:
    """The segments, and for each quoted person "f", "m" or "" as far as the text tells.

    The text tells by pronouns that refer to the person ("…," she said), by titles
    ("Ms Roe") and by words such as spokeswoman or father next to the name. `language` is
    the article's BCP 47 tag (None or a language without its own words: English's). With
    `quote_languages`, a quote in another language carries it (`quote_language`; this loads
    the language detector's model into the process: seconds and hundreds of MB, measured
    beside QUOTE_SURE).
    """
    headings = frozenset(i for i, b in enumerate(blocks) if b.kind == "heading")
    found, genders = analyse([b.text for b in blocks], headings, language)
    by_block: dict[int, list] = {}
    for a in found:
        by_block.setdefault(a.para, []).append(a)
    out: list[Segment] = []
    for bi, block in enumerate(blocks):
        text = block.text
        pos = 0
        for a in by_block.get(bi, []):
            _narration(out, bi, text, pos, a.open_at)
            inner = text[a.start:a.end]
            lstrip = len(inner) - len(inner.lstrip())
            if inner.strip():
                out.append(Segment(bi, a.start + lstrip, a.start + len(inner.rstrip()),
                                   inner.strip(), a.speaker, True, a.sieve, a.cue,
                                   quote_language(inner, language) if quote_languages
                                   else None))
            pos = min(a.close_at + 1, len(text))
        _narration(out, bi, text, pos, len(text))
    text = "\n".join(b.text for b in blocks)
    lex = lexicon_for(language)
    return out, {name: g or _described_gender(text, name, lex) for name, g in genders.items()}


# A quote's own language is told only when the detector is sure: enough words to judge, the
# best guess nearly certain and the article's language all but ruled out. Measured on our
# own one-sentence quotes in nine languages (5 to 13 words): every one scored its own
# language at 0.53 or more, and no other language at more than 0.25.
QUOTE_MIN_WORDS = 6
QUOTE_SURE = 0.9  # the detector's probability for the quote's language, at least
QUOTE_ARTICLE_AT_MOST = 0.01  # and for the article's language, at most
# The detector's model, loaded on the first quote asked about: 0.9 s and +150 MB of peak
# memory on this project's 2-core machine when quiet (19.8 s and +425 MB once under heavy
# load), then 1.6 ms a quote. So narration, whose worker may not have it loaded, does not
# ask by default; the article page asks (web/library.py) and inspect does.


def quote_language(text: str, article_language: str | None) -> str | None:
    """The BCP 47 primary subtag of a quotation written in another language than the
    article's (an English quote in a German article -> "en"), None when it is the article's
    or the detector (py3langid, as for the article) is not sure."""
    if len(text.split()) < QUOTE_MIN_WORDS:
        return None
    article = primary_subtag(article_language) or "en"
    ranked = ranked_languages(text)
    best, best_p = ranked[0]
    if best == article or best_p < QUOTE_SURE:
        return None
    return best if dict(ranked).get(article, 0.0) <= QUOTE_ARTICLE_AT_MOST else None


def _described_gender(text: str, name: str, lex: Lexicon | None = None) -> str:
    """ "f" or "m" when a title or a describing word next to the name says so, else ""."""
    lex = lex or lexicon_for("en")
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
    return role_gender(m.group(1).lower(), name, lex) if m else ""


def _narration(out: list[Segment], bi: int, text: str, start: int, end: int) -> None:
    piece = text[start:end]
    if not piece.strip() or not re.search(r"\w", piece):
        return
    lead = len(piece) - len(piece.lstrip())
    out.append(Segment(bi, start + lead, start + len(piece.rstrip()), piece.strip(), None,
                       False))

"""Two readings of one page made into one: trafilatura's balanced reading is the recall base,
its precision reading the evidence of where the story is.

trafilatura's favor_precision mode drops blocks on weak evidence (a `<header>` around the
standfirst, a bordered box, stricter link-density tests), which loses story on pages unlike
the ones it was tuned on; its balanced mode keeps them but lets more boilerplate through.
Here a block of the balanced reading that the precise one left out ("doubtful") is removed
only when it is positively boilerplate: mostly link text wherever it stands (trafilatura's
own link-density test, https://trafilatura.readthedocs.io/en/latest/evaluation.html), or a
heading or headline-like line after the story's last sure block (the related-stories and
newsletter furniture that follows an article), or anything under a "you may also like"
header there (the teasers of other stories, long excerpts too). A doubtful block before the
story or between two sure blocks is kept: a lead, a standfirst, a boxed paragraph belong to
the story; so is a web or e-mail address written out, though it is a link (where the story
sends its reader).
"""

from __future__ import annotations

import re

from .article import Block
from .boilerplate import LINK_LIST_HEADERS, is_headline_like

_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINKED = 0.5  # share of a block's characters in links above which it is a link list's line


def reconcile(balanced: list[Block], precise: list[Block], links: dict[str, int]) -> list[Block]:
    """The balanced blocks minus the doubtful ones that carry evidence of boilerplate.

    `balanced` and `precise` are the two readings in reading order; `links` maps a block's
    text to how many of its characters are link text (from the balanced run). A block is
    sure when the precise reading has the same text. When the readings share nothing, the
    larger one wins (the balanced one without its link text). Before
    the first sure block, a doubtful line that is no sentence and holds link text is the bar
    above the story (its date, categories, a comments link), not a lead.
    """
    sure = {b.text for b in precise}
    last = max((i for i, b in enumerate(balanced) if b.text in sure), default=-1)
    if precise and last < 0:
        return precise if _size(precise) >= _size(balanced) else _unlinked(balanced, links)
    first = min((i for i, b in enumerate(balanced) if b.text in sure), default=0)
    bars = {b.text for b in balanced[:first] if b.text not in sure and links.get(b.text, 0)
            and is_headline_like(b.text) and not is_address(b.text)}
    kept = []
    related = False  # past a "related stories" header after the story: its teasers follow
    for i, block in enumerate(balanced):
        if block.text in sure or is_address(block.text):
            kept.append(block)
            continue
        if i > last and len(block.text) < 80 and LINK_LIST_HEADERS.match(block.text):
            related = True
        if related or linked(block, links) or (i > last and _tail_boilerplate(block)):
            continue
        kept.append(block)
    return [b for b in kept if b.text not in bars]


def is_address(text: str) -> bool:
    """A web or e-mail address written out: where the story sends its reader (a petition,
    a contact, the e-mail address a columnist signs with), not a link list's title."""
    # the same prefilter as holds_address: every address _ADDRESS matches holds one of these
    return ("@" in text or "://" in text or text.startswith("www.")) and bool(
        _ADDRESS.fullmatch(text))


def holds_address(text: str) -> bool:
    """Whether the text holds a web or e-mail address written out."""
    return ("@" in text or "://" in text or "www." in text) and bool(_ADDRESS.search(text))


def linked(block: Block, links: dict[str, int]) -> bool:
    """Mostly link text: a line of a link list, as trafilatura's link-density test has it."""
    return links.get(block.text, 0) > LINKED * len(block.text)


def _unlinked(blocks: list[Block], links: dict[str, int]) -> list[Block]:
    return [b for b in blocks if not linked(b, links)]


def _tail_boilerplate(block: Block) -> bool:
    """A heading, or a headline-like line, after the story: its page's furniture. A line
    ending in a colon introduces what follows it (a list, a formula, a table)."""
    return block.kind == "heading" or (is_headline_like(block.text)
                                       and not block.text.endswith(":"))


def _size(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)

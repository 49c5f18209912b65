"""Two readings of one page made into one: trafilatura's balanced output is the recall base,
its precision output the evidence of where the story is.

trafilatura's favor_precision mode drops blocks on weak evidence (any link-dense paragraph,
teaser-like classes, short runs between lists), which loses story on pages unlike the ones it
was tuned on. Here a block of the balanced reading that the precise one left out is removed
only when it is positively boilerplate: it stands after the story's last sure block and is
mostly link text, or reads like a headline there.
"""

from __future__ import annotations

from .article import Block
from .boilerplate import is_headline_like

LINKED = 0.5  # share of a block's characters in links above which it is a link list's line
TAIL_POLICY = "evidence"
STOP = False  # experiment switch: "keep", "drop", "evidence", "links"


def reconcile(balanced: list[Block], precise: list[Block], links: dict[str, int]) -> list[Block]:
    """The balanced blocks minus those after the story that carry evidence of boilerplate.

    `links` maps a block's text to how many of its characters are link text (from the
    balanced run). Blocks before or between the precise reading's blocks are kept: a lead,
    a teaser, a paragraph between two kept ones belongs to the story.
    """
    sure = {b.text for b in precise}
    last = max((i for i, b in enumerate(balanced) if b.text in sure), default=-1)
    if precise and last < 0:
        return precise if _size(precise) >= _size(balanced) else _unlinked(balanced, links)
    kept = []
    ended = False  # past the story's end marker: a boilerplate block after its last sure one
    for i, block in enumerate(balanced):
        if block.text not in sure:
            if _linked(block, links):
                ended = ended or (i > last and STOP)
                continue
            if i > last and (ended or _tail_boilerplate(block)):
                ended = ended or STOP
                continue
        kept.append(block)
    return kept


def _linked(block: Block, links: dict[str, int]) -> bool:
    """Mostly link text: a line of a link list, as trafilatura's link-density test has it."""
    return links.get(block.text, 0) > LINKED * len(block.text)


def _unlinked(blocks: list[Block], links: dict[str, int]) -> list[Block]:
    return [b for b in blocks if not _linked(b, links)]


def _tail_boilerplate(block: Block) -> bool:
    if TAIL_POLICY == "keep":
        return False
    if TAIL_POLICY == "drop":
        return True
    # a line ending in a colon introduces what follows it (a list, a formula, a table)
    return block.kind == "heading" or (is_headline_like(block.text)
                                       and not block.text.endswith(":"))


def _size(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)

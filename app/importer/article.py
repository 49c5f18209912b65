"""The Article: what the importer hands to the rest of Hark (plain text, no markup)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


@dataclass
class Article:
    title: str
    blocks: list[Block] = field(default_factory=list)
    byline: str | None = None
    published: str | None = None  # ISO 8601 date
    site_name: str | None = None
    language: str | None = None
    image_alt: str | None = None
    # True when the page showed only a subscriber teaser: the import is not the whole story
    # (the operator's preview says so)
    teaser_only: bool = False

    @property
    def paragraphs(self) -> list[str]:
        """Body text in reading order, headings included as their own entries."""
        return [b.text for b in self.blocks]


class ImportFailed(ValueError):
    """A document could not be imported; the message is one line, fit to show a user."""

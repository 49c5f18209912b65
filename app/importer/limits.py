"""Bounds on one import's work, so a hostile or broken document is refused in milliseconds
instead of holding a worker for minutes (issue 22: a 200,000-paragraph page took 28 s).

The bounds are far above real articles: the largest of the 1,171 benchmark pages decodes to
1.6 MB and has about 10,000 elements; a long-read has a few hundred paragraphs.
"""

from __future__ import annotations

import re

from .article import ImportFailed

MAX_DECODED_BYTES = 8 * 1024 * 1024  # text after decompression (a gzip bomb stops here)
MAX_START_TAGS = 100_000  # HTML: elements, counted as start tags before any parsing
MAX_PASTE_LINES = 50_000  # plain text: non-blank lines

_START_TAG = re.compile(r"<[A-Za-z]")


def check_html_size(html: str) -> None:
    """Refuse a page with more start tags than any article has (ImportFailed, in words)."""
    tags = sum(1 for _ in _START_TAG.finditer(html))
    if tags > MAX_START_TAGS:
        raise ImportFailed(f"the page is too large to be an article ({tags:,} elements; "
                           f"the limit is {MAX_START_TAGS:,})")


def check_paste_size(text: str) -> None:
    """Refuse a text with more lines than any article has (ImportFailed, in words)."""
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > MAX_PASTE_LINES:
        raise ImportFailed(f"the text is too long to be an article ({lines:,} lines; "
                           f"the limit is {MAX_PASTE_LINES:,})")

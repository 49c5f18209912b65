"""The importer: raw bytes in, a clean Article out (see DESIGN.md)."""

from __future__ import annotations

from .article import Article, Block, ImportFailed
from .decode import gunzip, to_text
from .detect import kind_of, refuse_binary, refuse_garbage
from .fetch import fetch_url
from .html import extract_html
from .plaintext import extract_plain

__all__ = ["Article", "Block", "ImportFailed", "extract_text", "fetch_url", "import_document"]


def import_document(
    data: bytes | str,
    *,
    filename: str | None = None,
    content_type: str | None = None,
    url: str | None = None,
) -> Article:
    """Decode, detect HTML or plain text by content, and extract the article.

    Raises ImportFailed (one line, fit to show a user) and nothing else.
    """
    try:
        if isinstance(data, bytes):
            if not data.strip():
                raise ImportFailed("the file is empty")
            data = gunzip(data)
            refuse_binary(data)
        text = to_text(data, content_type)
        refuse_garbage(text)
        if kind_of(text) == "html":
            return extract_html(text, url)
        return extract_plain(text)
    except ImportFailed:
        raise
    except RecursionError as e:
        raise ImportFailed("the document is nested too deeply to read") from e
    except Exception as e:  # a parser's bug must not become a 500 or a traceback
        raise ImportFailed(f"the document could not be read ({type(e).__name__})") from e


def extract_text(document: str | bytes) -> str:
    """The cleaned body of one document as plain text, paragraphs separated by blank lines."""
    try:
        article = import_document(document)
    except ImportFailed:
        return ""
    return "\n\n".join(article.paragraphs)

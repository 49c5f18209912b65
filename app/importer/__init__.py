"""The importer: raw bytes in, a clean Article out (see DESIGN.md)."""

from __future__ import annotations

from .article import Article, Block, ImportFailed
from .decode import MAX_DECODED, decode
from .detect import kind_of
from .fetch import fetch_url
from .html import extract_blocks
from .limits import check_html_size, check_paste_size
from .metadata import html_article, text_article
from .plaintext import paste_blocks, read_paste

__all__ = ["Article", "Block", "ImportFailed", "extract_text", "fetch_url", "import_document"]


def import_document(
    data: bytes | str,
    *,
    filename: str | None = None,
    content_type: str | None = None,
    url: str | None = None,
    max_bytes: int = MAX_DECODED,
) -> Article:
    """Decode, detect HTML or plain text by content, and extract the article.

    Raises ImportFailed (one line, fit to show a user) and nothing else. `filename` is only
    used in messages: the kind of document is judged by its content. `max_bytes` bounds the
    document before and after gzip decompression; the work is bounded too (.limits).
    """
    try:
        text = decode(data, content_type, max_bytes)
        if kind_of(text) == "html":
            check_html_size(text)
            prompts: list[str] = []
            blocks = extract_blocks(text, url, prompts)
            return html_article(text, blocks, url, teaser=bool(prompts))
        check_paste_size(text)
        return text_article(read_paste(text))
    except ImportFailed:
        raise
    except RecursionError as e:
        raise ImportFailed("the document is nested too deeply to read") from e
    except MemoryError as e:
        raise ImportFailed("the document is too large to read") from e
    except Exception as e:  # a parser's bug must not become a 500 or a traceback
        raise ImportFailed(f"the document could not be read ({type(e).__name__})") from e


def extract_text(document: str | bytes) -> str:
    """The cleaned body of one document as plain text, paragraphs separated by blank lines.

    Pure: no app context, database or network. Returns "" when nothing can be extracted.
    """
    try:
        text = decode(document)
        blocks = extract_blocks(text) if kind_of(text) == "html" else paste_blocks(text)
    except Exception:  # the benchmark contract: a string, whatever the input
        return ""
    return "\n\n".join(b.text for b in blocks)

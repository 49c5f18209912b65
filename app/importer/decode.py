"""Bytes to text: gzip, BOM, declared charset, <meta charset>, or detection."""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes

from .article import ImportFailed

MAX_DECODED = 50 * 1024 * 1024  # bigger than any article; refuses gzip bombs early
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]


def gunzip(data: bytes, limit: int = MAX_DECODED) -> bytes:
    """Decompress gzip bodies, refusing ones that expand past `limit` (gzip bombs)."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as e:
        raise ImportFailed(f"the file is gzip-compressed but damaged ({e})") from e
    if len(out) > limit:
        raise ImportFailed(f"the file expands to more than {limit // (1024 * 1024)} MB")
    return out


def _charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return m.group(1) if m else None


def _valid(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def to_text(data: bytes | str, content_type: str | None = None) -> str:
    """Decode a document; a declared charset that does not fit the bytes is not trusted."""
    if isinstance(data, str):
        return data
    if len(data) > MAX_DECODED:
        raise ImportFailed(f"the file is larger than {MAX_DECODED // (1024 * 1024)} MB")
    data = gunzip(data)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    declared = [_valid(_charset_from_content_type(content_type))]
    m = _META_CHARSET.search(data[:4096])
    declared.append(_valid(m.group(1).decode("ascii", "ignore")) if m else None)
    # UTF-8 that decodes cleanly is almost never anything else, whatever a page declares.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in declared:
        if name and name not in ("utf-8",):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ImportFailed("the text's character encoding could not be worked out")
    return data.decode(best.encoding, errors="replace")

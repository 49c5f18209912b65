"""Bytes to text: gzip, BOM, declared charset, <meta charset>, or detection."""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes

from .article import ImportFailed
from .detect import refuse_binary, refuse_garbage
from .limits import MAX_DECODED_BYTES

MAX_DECODED = MAX_DECODED_BYTES  # bigger than any article; refuses gzip bombs early
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
         (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]
_MB = 1024 * 1024
# WHATWG Encoding Standard (https://encoding.spec.whatwg.org/#names-and-labels): browsers read
# these labels as the Windows code page that extends them, so pages declaring ISO-8859-1 but
# written in windows-1252 (curly quotes at 0x91-0x94, dashes, the ellipsis) show correctly.
# Keyed by Python's canonical codec name.
_WHATWG_SUPERSETS = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252",
                     "iso8859-9": "cp1254", "iso8859-11": "cp874", "tis-620": "cp874"}

_WHATWG_TARGETS = set(_WHATWG_SUPERSETS.values())


def _c1_as_latin1(err: UnicodeError) -> tuple[str, int]:
    """The five bytes windows-1252 leaves undefined map to the C1 code points (WHATWG)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("hark-whatwg-c1", _c1_as_latin1)


def _size_text(n: int) -> str:
    return f"{n // _MB} MB" if n >= _MB else f"{n // 1024} KB"


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
        raise ImportFailed(f"the file is too large: it unpacks to more than {_size_text(limit)}")
    if not d.eof:
        raise ImportFailed("the file is gzip-compressed but damaged or cut short")
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
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _WHATWG_SUPERSETS.get(canonical, canonical)


def to_text(data: bytes | str, content_type: str | None = None) -> str:
    """Decode a document; a declared charset that does not fit the bytes is not trusted."""
    if isinstance(data, str):
        return data
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    declared = [_valid(_charset_from_content_type(content_type))]
    m = _META_CHARSET.search(data[:4096])
    declared.append(_valid(m.group(1).decode("ascii", "ignore")) if m else None)
    # UTF-8 that decodes cleanly is almost never anything else, whatever a page declares;
    # nor is UTF-8 with a stray broken byte among many good multi-byte characters (a page cut
    # and pasted together), which a browser shows with a replacement mark where it broke.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = _mostly_utf8(data)
        if mostly is not None:
            return mostly
    for charset in declared:
        if charset and charset not in ("utf-8",):
            try:
                return data.decode(charset, errors="hark-whatwg-c1"
                                   if charset in _WHATWG_TARGETS else "strict")
            except UnicodeDecodeError:
                continue
    encoding = _detect(data[:200_000])
    if encoding is None:
        raise ImportFailed("the text's character encoding could not be worked out")
    return data.decode(encoding, errors="replace")


def _mostly_utf8(data: bytes) -> str | None:
    """The bytes as UTF-8 when the broken sequences are a handful among many good multi-byte
    characters (at least 20 good ones for each broken one), else None. Text in a single-byte
    code page has no good multi-byte sequences at all, or about as many broken as good."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    return text if broken and good >= 20 * broken else None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess; among equally good guesses, the Windows code page.

    Short Western text decodes equally well as cp1250 and cp1252 (and Russian as cp1251 and
    mac_cyrillic); the web's own fallback (WHATWG) is the Windows code page, so prefer it.
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    ties = [m for m in matches
            if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05]
    for preferred in ("cp1252", "cp1251", "cp1250"):
        if any(m.encoding == preferred for m in ties):
            return preferred
    return best.encoding


def decode(data: bytes | str, content_type: str | None = None,
           max_bytes: int = MAX_DECODED) -> str:
    """Bytes or text to checked text: refuses empty, oversized, binary and undecodable input.
    `max_bytes` bounds the document before and after gzip decompression alike (the upload
    limit, for an upload: a compressed file may not unpack past what an upload may be)."""
    if len(data) > max_bytes:  # checked before any work, so a huge upload is refused fast
        raise ImportFailed(f"the file is too large (more than {_size_text(max_bytes)})")
    if isinstance(data, bytes):
        if not data.strip():
            raise ImportFailed("the file is empty")
        data = gunzip(data, max_bytes)
        refuse_binary(data)
    text = to_text(data, content_type).lstrip("\ufeff")
    refuse_garbage(text)
    return text

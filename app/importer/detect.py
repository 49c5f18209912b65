"""What kind of document this is, judged by its content, not its name."""

from __future__ import annotations

import re
from typing import Literal

from .article import ImportFailed

_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"), (b"RIFF", "a RIFF audio/video file"),
    (b"ID3", "an MP3 file"), (b"\x7fELF", "a program"), (b"OggS", "an Ogg audio file"),
    (b"\x00\x00\x00", "a binary file"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"\x00asm", "a program"),
    (b"\xd0\xcf\x11\xe0", "an Office document"), (b"fLaC", "a FLAC audio file"),
]
# C0 controls other than whitespace, and U+FFFD (what undecodable bytes became).
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|main|div|p|h[1-6]|meta|title)\b",
                   re.I)


def refuse_binary(data: bytes) -> None:
    """Raise ImportFailed for images, archives and other non-text files."""
    head = data[:16]
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise ImportFailed("this is a WebP image, not an article (HTML or plain text)")
    if head[4:8] == b"ftyp":
        what = "an AVIF/HEIC image" if head[8:12] in (b"avif", b"heic", b"mif1") else (
            "an MP4/MOV video or audio file")
        raise ImportFailed(f"this is {what}, not an article (HTML or plain text)")
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            raise ImportFailed(f"this is {what}, not an article (HTML or plain text)")
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise ImportFailed("this is a binary file, not an article (HTML or plain text)")


MARKUP_TAGS = 3  # structural tags in the first 4 KB that make a document HTML
# A document's own <!doctype>, <html> or <body> tag, looked for this far (characters) when
# the document opens with some other tag: a <style> block, or a server's warnings printed
# with <br> and <b> before the page, can fill the first 4 KB.
_ROOT = re.compile(r"<\s*(?:!doctype\s+html|html|body)\b", re.I)
_TAG_START = re.compile(r"<[a-z!/?]", re.I)
ROOT_WITHIN = 100_000


def kind_of(text: str) -> Literal["html", "text"]:
    """HTML if the document opens with HTML markup (a structural tag, or any tag with the
    document's <html> or <body> tag further on), or its start is marked up throughout;
    otherwise plain text. Prose that mentions a tag or two ("wrap it in a <div>") stays
    text, so none of its paragraphs is parsed away as markup."""
    head = text[:4096]
    start = head.lstrip()
    if start.startswith("<") and (_HTML.match(start) or (
            _TAG_START.match(start) and _ROOT.search(text, 0, ROOT_WITHIN))):
        return "html"
    return "html" if sum(1 for _ in _HTML.finditer(head)) >= MARKUP_TAGS else "text"


def refuse_garbage(text: str) -> None:
    """Decoded text that is mostly control or replacement characters is not an article."""
    sample = text[:20000]
    if not sample.strip():
        raise ImportFailed("the file is empty")
    bad = len(_BAD_CHARS.findall(sample))
    if bad > max(20, len(sample) // 20):
        raise ImportFailed("the file looks like binary data, not text")

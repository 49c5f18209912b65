"""A catalogue of bad and hostile inputs for the import form (generated, not shipped)."""

from __future__ import annotations

import gzip
import random
import struct
import zlib

XSS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    "<svg onload=window.__xss=1>",
    "\"><script>window.__xss=1</script>",
    "<iframe src=javascript:window.__xss=1>",
    "<a href=\"javascript:window.__xss=1\">click</a>",
    "<body onload=window.__xss=1>",
    "'';!--\"<XSS>=&{()}",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "{{ 7*7 }} {% print(1) %}",
    "<style>*{display:none}</style>",
    "<meta http-equiv=refresh content=0;url=javascript:window.__xss=1>",
    "<img src=x onerror=alert(1)>",
    "<script>alert(document.domain)</script>",
    "<details open ontoggle=alert(1)>",
    "</textarea><script>window.__xss=1</script>",
    "</title><script>window.__xss=1</script>",
    "' onfocus='window.__xss=1' autofocus='",
    "<object data=\"javascript:window.__xss=1\"></object>",
    "<base href=\"javascript:window.__xss=1//\">",
]
ODD_UNICODE = [
    "\u202eevil\u202c reversed", "zero\u200bwidth\u200djoin", "e\u0301\u0301\u0301 combining",
    "\U0001F600\U0001F4A9 emoji only", "\ufeffBOM in the middle", "tab\tand\vvertical",
    "Ελληνικά κείμενο εδώ.", "日本語のテキストです。", "نص عربي هنا.", "עברית כאן.",
    "\u0000null byte", "\x1b[31mANSI escape", "A" * 5000, "word " * 3000,
    "\ud7ff\ue000 private use", "ﬁ ligature ﬂ", "Ｆｕｌｌｗｉｄｔｈ", "\u2028line\u2029sep",
    "mixed שלום and English", "𝔐𝔞𝔱𝔥 𝔣𝔬𝔫𝔱",
]
PRIVATE_URLS = [
    "http://127.0.0.1/", "http://localhost/", "http://10.0.0.1/", "http://192.168.1.1/",
    "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
    "http://0.0.0.0/", "http://[fe80::1]/", "http://100.64.0.1/", "http://2130706433/",
    "http://0x7f000001/", "http://127.1/", "http://[::ffff:127.0.0.1]/", "ftp://example.com/",
    "file:///etc/passwd", "javascript:alert(1)", "http://", "gopher://127.0.0.1:25/",
    "http://224.0.0.1/",
]


def _png() -> bytes:
    raw = b"\x00\xff\x00\x00" * 4
    chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data  # noqa: E731
                                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


ARTICLE = ("{title}\n\nThe harbour board met on Thursday to talk about {odd} the old pier "
           "and what to do with it.\n\n\"We want the pier open by summer {odd},\" said "
           "Mara {odd} Quist, who chairs the board.\n\nThe repairs will cost more than the "
           "board had hoped, officials said after the meeting.")


def cases(max_upload: int) -> list[tuple[str, dict]]:
    """(label, form fields) pairs; files are (bytes, filename)."""
    rng = random.Random(20261125)
    out: list[tuple[str, dict]] = []
    for i in range(40):
        out.append((f"garbage-{i}", {"file": (rng.randbytes(rng.randint(1, 4000)),
                                              f"garbage{i}.html")}))
    images = [_png(), b"\xff\xd8\xff\xe0" + rng.randbytes(500), b"GIF89a" + rng.randbytes(200),
              b"%PDF-1.4\n" + rng.randbytes(300), b"PK\x03\x04" + rng.randbytes(300),
              b"RIFF\x00\x00\x00\x00WEBPVP8 " + rng.randbytes(100),
              b"\x00\x00\x00\x18ftypmp42" + rng.randbytes(100), b"ID3\x03" + rng.randbytes(100),
              b"\x7fELF" + rng.randbytes(100), b"OggS" + rng.randbytes(100)]
    for i, data in enumerate(images):
        out.append((f"image-{i}", {"file": (data, f"article{i}.html")}))
    for i, data in enumerate([b"", b" ", b"\n\n\n", b"\t \r\n", "\u00a0".encode()]):
        out.append((f"empty-{i}", {"file": (data, f"empty{i}.txt")}))
    out.append(("oversized-html", {"file": (b"<p>" + b"a" * max_upload + b"</p>", "big.html")}))
    out.append(("oversized-text", {"text": "word " * (max_upload // 5 + 10)}))
    for i, size in enumerate([60_000_000, 200_000_000, 1_000_000_000]):
        bomb = gzip.compress(b"<p>" + b"A" * size) if size <= 60_000_000 else None
        if bomb is None:  # compress in pieces: the same bomb without holding it in memory
            co = zlib.compressobj(9, zlib.DEFLATED, 31)
            bomb = co.compress(b"<p>") + b"".join(co.compress(b"A" * 10_000_000)
                                                  for _ in range(size // 10_000_000))
            bomb += co.flush()
        out.append((f"gzip-bomb-{i}", {"file": (bomb, f"bomb{i}.html.gz")}))
    for i, depth in enumerate([500, 2000, 10_000, 50_000, 100_000]):
        out.append((f"nested-div-{i}", {"file": (("<div>" * depth + "<p>deep text here.</p>"
                                                  + "</div>" * depth).encode(), f"n{i}.html")}))
        out.append((f"nested-unclosed-{i}", {"file": (("<b><i>" * depth + "text").encode(),
                                                       f"u{i}.html")}))
    malformed = ["<html><body><p>Unclosed paragraph", "<<<<>>>>", "<p>a</p></p></p></div>",
                 "<html><head><title>x</title></head><body></body></html>",
                 "<!DOCTYPE html><html>" + "<p>" * 3000, "<p attr=\"unterminated>text</p>",
                 "<![CDATA[ text ]]><p>after</p>", "<!-- never closed comment <p>text</p>",
                 "<html><frameset><frame src=x></frameset></html>", "<p>\x00\x01\x02</p>",
                 "<table><tr><td>only a table</td></tr></table>", "<svg><p>in svg</p></svg>",
                 "<p>" + "&amp;" * 5000 + "</p>", "<p>&#0; &#xD800; &#99999999;</p>",
                 "<script>" + "x" * 10000 + "</script>", "<html>" * 100,
                 "<p>" + "<br>" * 5000 + "</p>", "<?xml version='1.0'?><p>xml</p>",
                 "<html lang=\"\"><meta charset=\"nonsense\"><p>Some text.</p></html>",
                 "<p style=\"display:none\">hidden only</p>"]
    for i, html in enumerate(malformed):
        out.append((f"malformed-{i}", {"file": (html.encode("utf-8", "surrogatepass"),
                                                f"m{i}.html")}))
    for i, payload in enumerate(XSS):
        title = f"Story {i} {payload}"
        body = (f"The council met on Monday {payload} to discuss the plan.\n\n"
                f"\"We will decide soon {payload},\" said Ann {payload} Lee.\n\n"
                "The vote is next week.")
        out.append((f"xss-paste-{i}", {"text": f"{title}\n\n{body}"}))
        html = (f"<html><head><title>{title}</title><meta property='og:site_name' "
                f"content='{payload}'></head><body><article><h1>{title}</h1>"
                f"<p>The council met on Monday {payload} to discuss the plan in detail.</p>"
                f"<p>\"We will decide soon,\" said Ann Lee. {payload}</p>"
                "<p>The vote is next week, officials said after the meeting.</p>"
                "</article></body></html>")
        out.append((f"xss-html-{i}", {"file": (html.encode(), f"xss{i}.html")}))
        out.append((f"xss-escaped-{i}", {"file": (html.replace("<script", "&lt;script")
                                                  .encode(), f"xe{i}.html")}))
        out.append((f"xss-url-{i}", {"urls": f"http://127.0.0.1/{payload}"}))
    for i, text in enumerate(ODD_UNICODE):
        out.append((f"unicode-{i}", {"text": f"Odd text {i}\n\n{text}\n\nA normal sentence."}))
        out.append((f"unicode-file-{i}", {"file": (f"Odd {i}\n\n{text}".encode(
            "utf-8", "surrogatepass"), f"odd{i}.txt")}))
    for i, text in enumerate(ODD_UNICODE[:16]):  # inside a real article: accepted, escaped
        out.append((f"unicode-article-{i}", {"text": ARTICLE.format(
            title=f"Pier story {i} {text[:80]}", odd=text[:200])}))
    out.append(("huge-title", {"text": ARTICLE.format(title="Title " * 2000, odd="")}))
    out.append(("too-many-files", {"file": [(b"Title\n\nSome text here.", f"f{i}.txt")
                                            for i in range(21)]}))
    out.append(("too-many-urls", {"urls": "\n".join(f"http://example.com/{i}"
                                                     for i in range(21))}))
    out.append(("nothing-at-all", {}))
    out.append(("only-whitespace", {"text": " \n\t\n ", "urls": "\n \n"}))
    sample = "Café owners say the crème brûlée costs £4 — «très cher»."
    for i, charset in enumerate(["latin-1", "cp1252", "utf-16", "shift_jis", "koi8-r"]):
        try:
            data = sample.encode(charset)
        except UnicodeEncodeError:
            data = sample.encode(charset, "replace")
        out.append((f"charset-{charset}", {"file": (data, f"c{i}.txt")}))
        declared = "utf-8" if charset != "utf-8" else "latin-1"
        html = f"<html><head><meta charset='{declared}'></head><body><p>{sample}</p></body></html>"
        out.append((f"wrong-charset-{charset}", {"file": (html.encode(charset, "replace"),
                                                          f"w{i}.html")}))
    for i, url in enumerate(PRIVATE_URLS):
        out.append((f"private-url-{i}", {"urls": url}))
    return out

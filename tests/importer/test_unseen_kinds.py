"""The kinds of page issue 16 found on pages the importer was never tuned on, one test each.

Every page here is written for the test; none is copied from a benchmark.
"""

from app.importer import extract_text, import_document

BR_PAGE = """<!doctype html><html lang="en"><head>
<title>Allotment diary: the frost came early | Greenway Gardens</title></head>
<body><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav>
<div class="entry"><h1>Allotment diary: the frost came early</h1>The first frost arrived on
the allotment a full three weeks before anyone expected it, and the dahlias went first.<br><br>
By the time I got there on Saturday morning the leaves had turned black and limp, hanging from
the stems like wet paper.<br><br>Still, the leeks and the parsnips were untouched, and parsnips
are said to taste sweeter after a frost, so there is some comfort in that.<br><br>Next week I
will lift the tubers, dry them in the shed and store them in boxes of old compost.</div>
<footer>Greenway Gardens</footer></body></html>"""


def test_text_split_by_br_keeps_its_lead_paragraph_after_the_heading():
    paragraphs = extract_text(BR_PAGE).split("\n\n")
    assert paragraphs[0].startswith("The first frost arrived on the allotment")
    assert paragraphs[1].startswith("By the time I got there")
    assert paragraphs[-1].startswith("Next week I will lift the tubers")
    assert len(paragraphs) == 4  # every <br><br> run makes a paragraph, the headline is the title


def _windows_1252_page(charset_meta: str) -> bytes:
    body = ("<p>\u201cIt\u2019s the busiest harvest we\u2019ve had in years \u2013 and we "
            "nearly missed it\u2026\u201d said the orchard\u2019s manager, Dilys Hartley, as "
            "the last crates were loaded onto the trailer behind the packing shed.</p>") * 3
    page = (f"<html><head>{charset_meta}<title>Apple harvest</title></head><body><article>"
            f"<h1>Apple harvest</h1>{body}</article></body></html>")
    return page.encode("cp1252")


def test_iso_8859_1_declared_page_is_read_as_windows_1252():
    article = import_document(_windows_1252_page(
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'))
    text = article.paragraphs[0]
    assert text.startswith("\u201cIt\u2019s the busiest harvest we\u2019ve had in years \u2013")
    assert "\u2026\u201d said the orchard\u2019s manager" in text
    assert not any("\x80" <= ch <= "\x9f" for ch in text)  # no invisible C1 controls


def test_undeclared_windows_1252_page_is_detected():
    article = import_document(_windows_1252_page(""))
    assert "It\u2019s the busiest harvest" in article.paragraphs[0]

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

"""The kinds of page issue 16 found on pages the importer was never tuned on, one test each.

Every page here is written for the test; none is copied from a benchmark.
"""

from pathlib import Path

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


STORY = "".join(
    f"<p>The new lifeboat station opened on a grey morning, and volunteers lined the slipway to "
    f"watch the first launch; this is paragraph {n} of the report.</p>" for n in range(1, 6))


def test_published_is_the_first_publication_not_the_update():
    page = f"""<html><head><title>Lifeboat station opens</title>
<meta property="article:modified_time" content="2025-01-02T09:00:00Z">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Lifeboat station opens", "datePublished": "2023-03-14T08:00:00Z",
"dateModified": "2025-01-02T09:00:00Z"}}</script></head>
<body><article><h1>Lifeboat station opens</h1><p>Published 14 March 2023</p>
<p>Updated 2 January 2025</p>{STORY}</article></body></html>"""
    assert import_document(page).published == "2023-03-14"


def test_a_copyright_year_is_not_a_publication_date():
    page = f"""<html><head><title>Lifeboat station opens</title></head><body><article>
<h1>Lifeboat station opens</h1>{STORY}</article>
<footer><p>Coast News 2024</p><p>© 2024 Coast News</p></footer></body></html>"""
    assert import_document(page).published is None


SUBSCRIBER_PAGE = """<html><head><title>Harbour rents to double</title></head><body><article>
<h1>Harbour rents to double</h1>
<p>Fishing crews who moor in the inner harbour will pay twice as much from April, the port
authority confirmed on Monday, after a review of its maintenance costs.</p>
<p>The authority says the rise pays for dredging the channel, which has silted up since the
storms of last winter and now strands boats at low tide.</p>
<p>This article is for subscribers</p>
<p>Already a subscriber? Log in to continue reading…</p>
</article></body></html>"""


def test_subscriber_prompts_are_dropped_and_the_article_says_it_is_a_teaser():
    article = import_document(SUBSCRIBER_PAGE)
    assert article.teaser_only
    assert article.paragraphs[-1].startswith("The authority says the rise pays for dredging")
    assert not any("subscri" in p.lower() for p in article.paragraphs)


def test_a_free_article_is_not_flagged_as_a_teaser():
    page = f"<html><head><title>Lifeboat</title></head><body><article>{STORY}</article></body>"
    assert not import_document(page).teaser_only


def test_paste_of_a_subscriber_teaser_is_flagged_and_cleaned():
    text = ("Fishing crews who moor in the inner harbour will pay twice as much from April, the "
            "port authority confirmed on Monday.\n\nThe authority says the rise pays for dredging "
            "the channel, which has silted up since the storms of last winter.\n\n"
            "This article is for subscribers\n\nAlready a subscriber? Log in to continue reading…")
    article = import_document(text)
    assert article.teaser_only
    assert len(article.paragraphs) == 2


def test_headline_with_a_dash_keeps_its_second_half_and_only_the_site_name_is_cut():
    page = f"""<html><head><title>Storm damage - what insurers will pay for | Coast News</title>
</head><body><header><a class="logo" href="/">Coast News</a></header><article>
<h1>Storm damage - what insurers will pay for</h1>{STORY}</article></body></html>"""
    article = import_document(page)
    assert article.title == "Storm damage - what insurers will pay for"
    assert article.site_name == "Coast News"  # the part of the <title> that was cut
    declared = page.replace("<title>Storm damage - what insurers will pay for | Coast News",
                            '<meta property="og:site_name" content="Coast News">'
                            "<title>Storm damage - what insurers will pay for - Coast News")
    declared = declared.replace("<h1>Storm damage - what insurers will pay for</h1>", "")
    assert import_document(declared).title == "Storm damage - what insurers will pay for"


def test_every_author_is_in_the_byline():
    page = f"""<html><head><title>Storm damage</title>
<meta name="author" content="Ann Lee"><meta name="author" content="Tom Berg">
</head><body><article><h1>Storm damage</h1>{STORY}</article></body></html>"""
    assert import_document(page).byline == "Ann Lee and Tom Berg"
    metas = '<meta name="author" content="Ann Lee"><meta name="author" content="Tom Berg">'
    ld = page.replace(metas,
                      '<script type="application/ld+json">{"@context": "https://schema.org", '
                      '"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ann Lee"}, '
                      '{"@type": "Person", "name": "Tom Berg"}, {"@type": "Person", '
                      '"name": "Sara Holm"}]}</script>')
    assert import_document(ld).byline == "Ann Lee, Tom Berg and Sara Holm"


def test_soft_hyphens_do_not_split_words():
    # &shy; marks where a long word may break at a line end; it is not part of the word
    para = ("<p>Wäh&shy;rend Sie über den his&shy;to&shy;ri&shy;schen Markt schlen&shy;dern, "
            "duftet es nach frischem Brot aus dem alten Holz&shy;ofen der Burg.</p>")
    text = extract_text(f"<html lang='de'><body><article>{para * 5}</article></body></html>")
    assert "Während Sie über den historischen Markt schlendern" in text
    assert "\u00ad" not in text
    assert "\u00ad" not in extract_text("Ein Wort mit wei\u00adchem Trenn\u00adstrich im Satz.")


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importer"


def _paragraphs(name: str) -> list[str]:
    return extract_text((FIXTURES / name).read_bytes()).split("\n\n")


def test_a_fiction_chapter_is_its_story_not_the_authors_note():
    paras = _paragraphs("fiction_chapter_with_note.html")
    assert len(paras) == 12 and all(p.startswith("Mira climbed the") for p in paras)


def test_a_review_goes_on_after_its_photo_gallery():
    paras = _paragraphs("review_after_gallery.html")
    assert "Battery and charging" in paras
    assert paras[-1].startswith("Overall, it is the most robust small camera")
    assert not any("View all 12 photos" in p or "Best phones" in p for p in paras)


def test_short_lines_ending_in_a_colon_before_a_formula_stay():
    paras = _paragraphs("encyclopedia_colon_formula.html")
    assert "The frequency is the inverse of the period:" in paras
    assert any(p.endswith("is given by:") for p in paras)
    assert paras[-1].startswith("Galileo was the first")

"""Kind sniffing by content: HTML, plain text, or a file that is not an article at all."""

import pytest

from app.importer import ImportFailed
from app.importer.detect import kind_of, refuse_binary, refuse_garbage


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
    "  <div class='x'><p>Fragment of a page</p></div>",
    "<HTML><HEAD><TITLE>Old page</TITLE></HEAD></HTML>",
])
def test_html_is_recognised_by_its_markup(text):
    assert kind_of(text) == "html"


@pytest.mark.parametrize("text", [
    "Just a paragraph of text.\n\nAnd another one.",
    "Prices rose 3% <or so> in May, said the bank.",
    "Use a < b and c > d in the formula.",
    "Web pages in brief\n\nEvery layout starts with a <div> that holds the rest.\n\n"
    "A paragraph is marked with <p> in the page's source.\n\nBrowsers do the rest.",
])
def test_text_without_markup_is_plain_text(text):
    assert kind_of(text) == "text"


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "PNG image"),
    (b"\xff\xd8\xff\xe0" + b"\0" * 40, "JPEG image"),
    (b"GIF89a" + b"\0" * 40, "GIF image"),
    (b"%PDF-1.7\n" + b"x" * 40, "PDF document"),
    (b"PK\x03\x04" + b"\0" * 40, "ZIP archive"),
    (b"RIFF\0\0\0\0WEBPVP8 ", "WebP image"),
    (b"\0\0\0\x1cftypheic\0\0\0\0", "AVIF/HEIC image"),
    (b"\0\0\0\x18ftypmp42\0\0\0\0", "MP4/MOV"),
])
def test_known_binary_formats_are_named(data, what):
    with pytest.raises(ImportFailed, match=what):
        refuse_binary(data)


def test_nul_bytes_mean_binary():
    with pytest.raises(ImportFailed, match="binary"):
        refuse_binary(b"text with \x00 a nul byte" * 10)


def test_text_full_of_control_characters_is_refused():
    with pytest.raises(ImportFailed, match="binary"):
        refuse_garbage("\x01\x02\x03\x04\x05\x06" * 500)


def test_ordinary_text_passes_the_checks():
    refuse_binary(b"An ordinary sentence.\n")
    refuse_garbage("An ordinary sentence.\n")


def test_a_paste_that_mentions_tags_keeps_every_paragraph():
    from app.importer import import_document

    paste = ("How web pages are built\n\n"
             "Every layout on the site starts with a <div> that holds the rest of the page.\n\n"
             "Inside it, each paragraph of a story is marked with a <p> tag in the source.\n\n"
             "Readers never see the tags; their browsers draw the page from them.")
    article = import_document(paste.encode())
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Every layout on the site starts with a <div>")


def test_a_page_opening_with_a_style_block_or_server_warnings_is_html():
    # a <style> block, or a server's warnings printed before the page, can fill the first
    # 4 KB; the page's own <html> and <body> tags further on say what it is
    rules = "".join(f".box-{i} {{ margin: {i}px; }}\n" for i in range(400))
    style = f"<style>\n{rules}</style>\n"
    warnings = "".join(f"<br />\n<b>Warning</b>: something deprecated in <b>/srv/www/x.php</b> "
                       f"on line <b>{i}</b><br />\n" for i in range(60))
    page = ("<!DOCTYPE html><html><head><title>Allotments</title></head><body><article>"
            "<p>The allotments by the river are to stay, the council decided.</p></article>"
            "</body></html>")
    for opening in (style, warnings):
        assert len(opening) > 4096
        assert kind_of(opening + page) == "html"


def test_a_paste_that_opens_with_a_tag_but_has_no_page_stays_text():
    paste = ("<b>Update</b>: the meeting moved to Thursday.\n\nThe allotments by the river are "
             "to stay, the council decided, after a petition signed by 900 people.")
    assert kind_of(paste) == "text"

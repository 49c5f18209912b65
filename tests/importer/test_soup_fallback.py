"""Pages libxml2 cannot read are read by BeautifulSoup's html.parser."""

from app.importer import import_document


def test_story_nested_past_libxml2s_limit_is_still_found():
    body = ("<p>The deep story of the harbour seals, told at length for the test.</p>"
            "<p>A second paragraph that also matters here.</p>")
    html = "<html><body>" + "<div>" * 300 + body + "</div>" * 300 + "</body></html>"
    doc = import_document(html.encode())
    assert doc.paragraphs[-1] == "A second paragraph that also matters here."
    assert any("harbour seals" in p for p in doc.paragraphs + [doc.title])


def test_scripts_and_navigation_are_not_read_by_the_last_resort():
    from app.importer.html import soup_blocks

    blocks = soup_blocks("<nav><p>Home News Sport</p></nav><script>var x;</script>"
                         "<h2>Heading</h2><p>Body text.</p><footer><p>Copyright</p></footer>")
    assert [(b.kind, b.text) for b in blocks] == [("heading", "Heading"),
                                                  ("paragraph", "Body text.")]

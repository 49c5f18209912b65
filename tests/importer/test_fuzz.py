"""Fuzzing: whatever the input, the importer returns an Article or raises ImportFailed."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importer import Article, ImportFailed, extract_text, import_document
from app.importer.html import without_invalid_xml

TAGS = ["p", "div", "span", "h1", "h2", "article", "table", "td", "tr", "br", "script",
        "figure", "figcaption", "ul", "li", "a", "meta", "title", "body", "html", "head"]
WORDS = st.sampled_from(["the", "harbour", "ferry", "said", "council", "Read more:", "©",
                         "Subscribe", "£4.99 a month", "\u00e9t\u00e9", "\u4e2d\u6587",
                         ".", ",", "\n", "\n\n", "&amp;", "&#0;", "<", ">", "\x00", "\ufeff"])


@st.composite
def html_like(draw):
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(" ".join(draw(st.lists(WORDS, max_size=20))))
    return "".join(parts)


def check(data, **kw) -> None:
    try:
        article = import_document(data, **kw)
    except ImportFailed as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(article, Article)
    assert isinstance(article.title, str)
    assert article.blocks and all(b.text.strip() for b in article.blocks)


FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes(data):
    check(data)


@FUZZ
@given(st.text(max_size=3000))
def test_any_text(text):
    check(text)


@FUZZ
@given(html_like(), st.sampled_from([None, "text/html", "text/html; charset=latin-1",
                                     "text/plain; charset=bogus", "charset=utf-16"]))
def test_html_like_input(html, content_type):
    check(html, content_type=content_type)
    check(html.encode("utf-8", "surrogatepass"), content_type=content_type)
    assert isinstance(extract_text(html), str)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8", min_codepoint=0, max_codepoint=0x10FFFF))
       | st.text(alphabet="ab\x00\x08\t\n\x0b\r\x1f \ufffe\uffff\ud7ff\ue000é中"))
def test_invalid_xml_characters_are_removed_exactly_as_the_rule_says(text):
    rule = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
    assert without_invalid_xml(text) == rule.sub("", text)

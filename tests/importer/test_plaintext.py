"""Paste mode: the story's lines kept, the page's furniture around and inside it dropped."""

import pytest

from app.importer import extract_text, import_document
from app.importer.plaintext import _lines, read_paste

from ..conftest import FIXTURES

PASTES = FIXTURES / "importer"
WHOLE_PAGE = (PASTES / "paste_whole_page.txt").read_text(encoding="utf-8")


def test_whole_page_paste_keeps_the_story_in_order():
    paragraphs = [b.text for b in read_paste(WHOLE_PAGE).blocks]
    assert paragraphs[0].startswith("The handwritten logbooks kept by three generations")
    assert paragraphs[-1].startswith("The exhibition is open every day except Monday")
    assert len(paragraphs) == 8


def test_short_real_paragraphs_and_quotes_are_kept():
    paragraphs = [b.text for b in read_paste(WHOLE_PAGE).blocks]
    assert '"Worth the wait."' in paragraphs
    assert "Conservators spent six months repairing water damage before the pages could be " \
           "photographed." in paragraphs
    assert any(p.startswith('"You can hear their voices in the margins,"') for p in paragraphs)


@pytest.mark.parametrize("unwanted", [
    "Skip to main content", "Sign in",
    "A page from the 1887 logbook",  # alt text and caption
    "Read more:", "Island school celebrates its centenary",  # a "Read more" list
    "6 issues for just £6", "Follow us on Twitter",
    "More like this", "Museum ship opens to visitors",
    "SeaDog77", "I'll be going next week",  # comments
    "All rights reserved", "Privacy policy",
])
def test_whole_page_paste_drops_the_page_around_the_story(unwanted):
    assert unwanted not in extract_text(WHOLE_PAGE)


def test_whole_page_paste_headline_byline_and_date():
    article = import_document(WHOLE_PAGE.encode())
    assert article.title == "Lighthouse keeper's logbooks go on show after 120 years"
    assert article.byline == "Marta Kowalczyk"
    assert article.published == "2026-05-02"
    assert article.language == "en"


@pytest.mark.parametrize("title", ["Seals come back",
                                   "Harbour seals return to the estuary after twenty years"])
@pytest.mark.parametrize("under", [["By Ann Lee"], ["By Ann Lee", "3 March 2026"],
                                   ["12 May 2026", "By Ann Lee and Tom Roe"]])
def test_the_headline_is_the_title_not_the_byline_or_date_under_it(title, under):
    text = "\n\n".join([title, *under,
                         "Volunteers counted eleven seals on the sandbank on Saturday.",
                         '"Two of them were pups," said Priya Natarajan, who leads the survey.'])
    paste = read_paste(text)
    assert paste.title == title
    assert paste.byline in ("Ann Lee", "Ann Lee and Tom Roe")
    assert [b.text for b in paste.blocks][0].startswith("Volunteers counted")


def test_hard_wrapped_paste_is_rejoined_and_cleaned():
    article = import_document((PASTES / "paste_email_wrapped.txt").read_bytes())
    assert article.title == "Parish council agrees to keep the village library open"
    assert article.byline == "Sam Whitlock"
    assert article.paragraphs[0] == (
        "The parish council voted on Tuesday night to take over the running of the village "
        "library, which the county had planned to close at the end of the month to save money.")
    assert len(article.paragraphs) == 4
    assert not any("Church Lane" in p or "Copyright" in p for p in article.paragraphs)


def test_lines_broken_mid_sentence_are_joined_but_separate_lines_are_not():
    assert _lines("The mayor said the coast road past the harbour,\nwhich floods every "
                  "winter, will be raised.") == [
        "The mayor said the coast road past the harbour, which floods every winter, will be "
        "raised."]
    assert _lines("Home\nNews\nSport") == ["Home", "News", "Sport"]


def test_paste_without_a_headline_gets_a_title_from_its_first_sentence():
    text = ("Volunteers planted four hundred trees along the old railway line on Sunday, "
            "finishing a project that began two winters ago. The council paid for the saplings.")
    article = import_document(text)
    assert article.title == (
        "Volunteers planted four hundred trees along the old railway line on Sunday…")
    assert len(article.title) <= 81


def test_a_single_sentence_paste_is_an_article():
    article = import_document("The library will open on Sundays from next month.")
    assert article.paragraphs == ["The library will open on Sundays from next month."]
    assert article.title == "The library will open on Sundays from next month"


def test_short_unpunctuated_line_inside_the_story_is_a_heading():
    text = ("The ferry returned to service on Saturday after a winter in dry dock.\n\n"
            "Why the repairs overran\n\n"
            "Engineers found corrosion in the hull once the paint had been stripped back.")
    blocks = read_paste(text).blocks
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph"]
    assert blocks[1].text == "Why the repairs overran"


@pytest.mark.parametrize("closing", ["Zweiter Absatz hier.", "That was all.", "Und dann?"])
def test_a_story_closing_on_a_short_sentence_keeps_it(closing):
    text = ("Der Fährmann setzte an diesem Morgen dreimal über, weil der Nebel über dem Fluss "
            f"nicht weichen wollte und die Glocke am Steg ständig läutete.\n\n{closing}")
    assert [b.text for b in read_paste(text).blocks][-1] == closing


def test_a_short_closing_sentence_does_not_pull_in_the_footer_or_comments():
    story = ("The ferryman crossed three times that morning, because the fog over the river "
             "would not lift and the bell on the jetty kept ringing.")
    text = f"{story}\n\nThat was all.\n\nAll rights reserved.\n\n3 comments\n\nNice piece."
    assert [b.text for b in read_paste(text).blocks] == [story, "That was all."]

"""Removal before and after trafilatura only on evidence: pages written for each kind of
template that loses story text to a rule made for other pages (issue 16)."""

from app.importer import extract_text
from app.importer.article import Block
from app.importer.html import _add_sibling_chunks, parse_html
from app.importer.reconcile import reconcile

_BRIDGE = [
    "The footbridge over the canal at Millbrook reopened on Tuesday after a month of repairs "
    "to its deck, which had split in the frost and was closed to walkers in January.",
    "Cyclists will have to dismount on the bridge until the new surface has settled, the "
    "council said, and the ramp on the towpath side stays shut until the end of the week.",
]
_MENU = "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(12))


def test_a_short_story_in_an_aside_with_the_page_headline_is_kept():
    # a template that wraps the whole article, headline included, in an <aside>
    page = ("<html><head><title>Footbridge over the canal reopens - Millbrook Post</title>"
            "</head><body><nav><ul>" + _MENU + "</ul></nav><aside class='content'><article>"
            "<h1>Footbridge over the canal reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in _BRIDGE)
            + "</article></aside><aside class='sidebar'><h1>Millbrook Post</h1><p>"
            "<a href='/x'>Weather for the week ahead</a></p></aside></body></html>")
    text = extract_text(page)
    for p in _BRIDGE:
        assert p in text
    assert "Weather for the week" not in text and "Section 3" not in text


def test_a_menu_left_unclosed_around_the_main_content_does_not_take_it_away():
    # the <nav>'s last <li> is never closed, so the parser puts <main> inside the <nav>
    page = ("<html><head><title>Footbridge over the canal reopens</title></head><body>"
            "<nav><ul>" + _MENU + "<li class='menu-item'><a href='/more'>More</a>"
            "<main><article><h1>Footbridge over the canal reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in _BRIDGE)
            + "</article></main></body></html>")
    text = extract_text(page)
    for p in _BRIDGE:
        assert p in text


def test_a_story_only_in_the_pages_json_ld_is_read_from_it():
    # the page renders its text by script; only its schema.org data holds the article
    body = " ".join(_BRIDGE) + (" Walkers who used the ferry during the closure can claim back "
                                "their fares at the town hall until the end of March.")
    page = ("<html><head><title>Footbridge over the canal reopens</title>"
            "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", "
            "\"@type\": \"NewsArticle\", \"headline\": \"Footbridge over the canal reopens\", "
            f"\"articleBody\": \"{body}\"}}</script>"
            "<script>window.app = {}; render('#root');</script></head><body>"
            "<div id='root'><p>Loading…</p></div></body></html>")
    text = extract_text(page)
    assert _BRIDGE[0] in text and "claim back their fares" in text
    assert "window.app" not in text and "@context" not in text


_LIDO = "The old lido on the river bank will open again this summer, the council said on Monday."
_MORE = [
    "After two years of repairs the pool has a new lining, new changing rooms and a heated "
    "shallow end for children, paid for by a grant and by the lido's own friends.",
    "Swimmers who paid for a season ticket before the closure can use it for the first month, "
    "and the café by the gate will be run by the rowing club as before.",
    "The council will hold an open day in May so that people can see the work before the "
    "first swim of the season, which is planned for the last weekend of June.",
]


def test_a_story_hidden_behind_read_more_is_recovered_from_trafilaturas_own_reading():
    # pre-cleaning drops hidden elements; here the hidden one is most of the story, which
    # trafilatura's reading of the page as it came keeps (its own guard against pruning
    # nearly everything)
    page = ("<html><head><title>Lido to reopen</title></head><body><article>"
            f"<h1>Lido to reopen</h1><p>{_LIDO}</p><div class='more-text' "
            "style='display: none'>" + "".join(f"<p>{m}</p>" for m in _MORE)
            + "</div><button>Read more</button></article></body></html>")
    text = extract_text(page)
    assert text.startswith(_LIDO)
    for m in _MORE:
        assert m in text


def test_a_hidden_modal_beside_a_whole_story_stays_out():
    page = ("<html><head><title>Lido to reopen</title></head><body><article>"
            f"<h1>Lido to reopen</h1><p>{_LIDO}</p>" + "".join(f"<p>{m}</p>" for m in _MORE)
            + "</article><div class='modal' style='display:none'><p>Our newsletter brings you "
            "the best of the river towns every Friday morning, with events, walks and the "
            "week's swimming times, straight to your inbox.</p></div></body></html>")
    text = extract_text(page)
    assert _MORE[-1] in text and "newsletter" not in text


_SCHOOL = [
    "The primary school in Eastwick will get a new hall by the autumn: builders started on "
    "the foundations this week, after the old hall was pulled down in the spring holidays.",
    "The new hall will double as a sports hall for the village clubs in the evenings, and its "
    "roof will carry solar panels that the parents' association raised money for last year.",
    "Until it opens, lessons in physical education are held in the church hall across the "
    "road, and the school's lunches are served in two sittings in the library.",
]


def test_a_lead_classed_teaser_is_the_story_not_a_teaser_of_another():
    # TYPO3's news extension classes the story's standfirst "teaser-text"; the teasers of
    # other stories beside it are links
    lead = ("Eastwick's pupils will have a hall of their own again this autumn, the county "
            "council has confirmed.")
    others = "".join(f"<div class='news-teaser'><a href='/n/{i}'>Another story about the "
                     f"village, number {i}, with a long linked headline</a></div>"
                     for i in range(4))
    page = ("<html><head><title>New hall for Eastwick school</title></head><body>"
            "<div class='news news-single'><div class='article'><h1>New hall for Eastwick "
            f"school</h1><div class='teaser-text'><p>{lead}</p></div>"
            "<div class='news-text-wrap'>" + "".join(f"<p>{p}</p>" for p in _SCHOOL)
            + f"</div></div></div><div class='news-list'>{others}</div></body></html>")
    text = extract_text(page)
    assert text.startswith(lead)
    for p in _SCHOOL:
        assert p in text
    assert "Another story" not in text


def test_a_linked_meta_bar_above_the_story_goes_and_a_kicker_stays():
    story = [Block("paragraph", f"Paragraph {n} of the post explains how the build farm moved "
                                f"to the new compiler, and what broke on the way.")
             for n in range(3)]
    bar = Block("paragraph", "March 3, 2021 at 10:15 AM | categories: Compilers, Tools | "
                             "View Comments")
    kicker = Block("paragraph", "Build notes")
    lead = Block("paragraph", "We moved the whole farm in a weekend, and here is how.")
    links = {bar.text: len("Compilers") + len("Tools") + len("View Comments")}
    kept = reconcile([kicker, bar, lead, *story], story, links)
    assert [b.text for b in kept] == [kicker.text, lead.text, *(b.text for b in story)]


_FERRY = [
    "The ferry between Northholm and the mainland will run every hour from next month, after "
    "the county bought a second boat from a yard in Denmark.",
    "Until now the crossing ran every two hours, and commuters had to choose between arriving "
    "an hour early for work or half an hour late, the islanders' association said.",
    "The new boat carries sixty cars, twice as many as the old one, and has a lift for "
    "wheelchairs and prams from the car deck to the lounge.",
    "The county expects the hourly service to cost a fifth more to run, which it will pay for "
    "from the road budget that the bridge plan used to take.",
]
_FERRY_LEAD = ("Northholm's islanders will get the hourly ferry they have asked for since the "
               "nineties.")


def _ferry_page(name: str) -> str:
    return ("<html><head><title>Hourly ferry for Northholm</title></head><body><article><header>"
            f"<h1>Hourly ferry for Northholm</h1><div class='{name}'><p>{_FERRY_LEAD}</p></div>"
            "<div class='byline'>By Jo Reed</div></header><div class='article-body'>"
            + "".join(f"<p>{p}</p>" for p in _FERRY) + "</div></article></body></html>")


def test_the_lead_between_headline_and_story_opens_the_story():
    # trafilatura reads only the body container; the lead set apart in the header, named so
    # by its template (lead, intro, Vorspann, chapô), is the story's first paragraph
    for name in ("article-lead", "story__intro", "chapo", "vorspann"):
        text = extract_text(_ferry_page(name))
        assert text.startswith(_FERRY_LEAD), name
        assert text.index(_FERRY[0]) > 0 and "Jo Reed" not in text


def test_a_dek_summing_the_story_up_is_not_read_as_its_lead():
    # a dek, summary or standfirst sums the story up beside it (the extraction benchmark's
    # ground truth leaves it out of the body)
    for name in ("article-dek", "summary", "standfirst"):
        text = extract_text(_ferry_page(name))
        assert _FERRY_LEAD not in text and text.startswith(_FERRY[0]), name


def test_the_next_post_on_a_blog_page_is_not_read_as_the_rest_of_the_story():
    # each post's body is a <div class="entry-content"> like the story's; between them stand
    # the next post's title, date and category, which an ad slot between chunks never holds
    first = [
        "The orchard behind the old school gave its first apples this autumn, eleven years "
        "after the parents planted it, and the children pressed them into juice on Friday.",
        "There were enough bottles for every class, the headteacher said, and the rest went "
        "to the care home across the lane, where several of the planters now live.",
    ]
    second = ["The bus shelter on Mill Lane will be rebuilt in glass after a lorry struck it "
              "in March, the parish council said at its meeting on Tuesday evening.",
              "Until then the buses stop outside the post office, fifty yards up the hill, "
              "where a bench has been put out for those who cannot stand for long."]

    def post(n: int, title: str, paragraphs: list[str]) -> str:
        return (f"<article class='post' id='post-{n}'><h2><a href='/p/{n}'>{title}</a></h2>"
                f"<div class='meta'>Posted on 3 October 2023 by Ann Lowe in Village life, "
                f"Schools | Leave a comment</div><div class='entry-content' "
                f"itemprop='{'articleBody' if n == 1 else 'text'}'>"
                + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></article>")

    page = ("<html><head><title>Apples at last</title></head><body><div id='content'>"
            + post(1, "Apples at last", first) + post(2, "Glass shelter for Mill Lane", second)
            + "</div></body></html>")
    # trafilatura read the first post (the story's own container); the rest of a story split
    # around ads is looked for in the containers of the same class after it
    blocks = [Block("paragraph", p) for p in first]
    assert _add_sibling_chunks(parse_html(page), blocks) == blocks
    split = page.replace("<article class='post' id='post-2'><h2><a href='/p/2'>Glass shelter "
                         "for Mill Lane</a></h2><div class='meta'>Posted on 3 October 2023 by "
                         "Ann Lowe in Village life, Schools | Leave a comment</div>",
                         "<article><div class='ad'>Advertisement</div>")
    assert [b.text for b in _add_sibling_chunks(parse_html(split), blocks)] == first + second


def test_an_e_mail_address_on_a_line_of_its_own_in_the_story_stays():
    story = [
        "Parents who want to join the campaign for a crossing outside the school can write to "
        "the organisers, who will hand the letters to the council in June:",
        "crossing.campaign@example.org",
        "The council has promised an answer before the summer holidays, when the road works on "
        "the high street are due to start and traffic past the school will double.",
        "Until then, volunteers in yellow vests will see the children across at both ends of "
        "the school day, as they have done since the spring.",
    ]
    page = ("<html><head><title>A crossing for the school</title></head><body><article>"
            "<h1>A crossing for the school</h1>" + "".join(f"<p>{p}</p>" for p in story)
            + "</article></body></html>")
    text = extract_text(page)
    assert "crossing.campaign@example.org\n\nThe council has promised" in text

"""`lang` where an article's language differs from the site's: page content, transcript, feed."""

import lxml.etree
import lxml.html

from app.articles import save_article
from app.importer.article import Article as Doc
from app.importer.article import Block
from app.jobs import enqueue_narration, run_pending
from app.models import Article, Status, db

PODCAST = "https://podcastindex.org/namespace/1.0"

GERMAN = Doc(title="Neue Brücke eröffnet", byline="Katrin Hoffmann", language="de",
             blocks=[Block("paragraph", "Die Brücke ist 120 Meter lang und wurde am "
                                        "14. Mai 2024 eröffnet."),
                     Block("paragraph", '"Wir sind stolz", sagte Thomas Weber.')])
ENGLISH = Doc(title="New bridge opens", language="en",
              blocks=[Block("paragraph", "The bridge is 120 metres long.")])


def store(app, doc, narrate=False):
    with app.app_context():
        article = save_article(doc)
        if narrate:
            enqueue_narration(article)
            assert run_pending(app) == 1
            db.session.expire_all()
            article = db.session.get(Article, article.id)
            assert article.status == Status.READY, article.error
        return article.id


def page(client, article_id):
    response = client.get(f"/articles/{article_id}")
    assert response.status_code == 200
    return lxml.html.fromstring(response.get_data(as_text=True))


def test_a_narrated_german_article_marks_its_title_and_transcript(app, client):
    german = store(app, GERMAN, narrate=True)
    tree = page(client, german)
    assert tree.get("lang") == "en"  # the site's own words stay in the site's language
    assert tree.find(".//h1").get("lang") == "de"
    cues = tree.find(".//ol[@data-transcript]")
    assert cues is not None and cues.get("lang") == "de"
    assert "Brücke" in cues.text_content()
    assert tree.find(".//section[@aria-labelledby='listen-heading']").get("lang") is None
    feed = lxml.etree.fromstring(client.get("/feed.xml").data)
    transcripts = feed.findall(f".//{{{PODCAST}}}transcript")
    assert transcripts and {t.get("language") for t in transcripts} == {"de"}


def test_the_text_of_an_article_not_yet_narrated_is_marked_too(app, client):
    tree = page(client, store(app, GERMAN))
    text = tree.find(".//section[@aria-labelledby='text-heading']")
    assert text.find("div").get("lang") == "de"
    assert "Brücke" in text.find("div").text_content()


def test_an_article_in_the_sites_language_needs_no_lang_of_its_own(app, client):
    tree = page(client, store(app, ENGLISH))
    assert tree.get("lang") == "en"
    assert not tree.xpath("//body//*[@lang]")

"""Line rules: specific enough to drop promos and credits, never a sentence of a story."""

import pytest

from app.importer.article import Block
from app.importer.boilerplate import drop_boilerplate_blocks, is_boilerplate_line, trim_promo


@pytest.mark.parametrize("line", [
    "Try Radio Times magazine today and get 12 issues for only £1 with delivery to your home "
    "– subscribe now.",
    "Subscribe from $4.99 a month and cancel anytime.",
    "Sign up for our daily newsletter",
    "Get the latest updates right in your inbox. Subscribe to our newsletters.",
    "Follow us on Twitter and Instagram",
    "Like this story? Share it with a friend!",
    "© 2026 Coastal Weekly Media Ltd. All rights reserved.",
    "Photo: Tomas Berg",
    "(Reporting by Ana Silva; Editing by Tom Brown)",
    "Check out more of our Drama coverage or visit our TV guide.",
    "This website uses cookies to improve your experience.",
    "Read more:",
    "More like this",
    "Advertisement",
    "November 20, 2019 - 11:28 GMT",
    "Click to share on Facebook (Opens in new window)",
])
def test_boilerplate_lines(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "He said the rent had risen to $60,000 a year, more than he could pay.",
    "An Alibaba spokesperson declined to comment on the pricing to Reuters.",
    "The Associated Press reports that 28 people were quarantined.",
    "Shoppers can save $100 on the new laptop this week, the retailer said.",
    '"Worth the wait."',
    "Read the report and you will see why the council changed its mind.",
    "More than 2,500 civilians have been killed this year, according to the UN.",
    "The author's copy of the book sold at auction for £4,000.",
])
def test_story_sentences_are_not_boilerplate(line):
    assert not is_boilerplate_line(line)


def test_promo_glued_onto_a_sentence_is_cut_off():
    line = ("The final season premieres on Friday 4th June on Netflixsign up for Netflix from "
            "£4.99 a month. Netflix is also available on Sky Glass.")
    assert trim_promo(line) == "The final season premieres on Friday 4th June on Netflix."


def test_link_list_header_takes_the_headlines_under_it():
    blocks = [Block("paragraph", "The story begins here, as stories do."),
              Block("heading", "Related stories"),
              Block("paragraph", "Storm closes the coastal path"),
              Block("paragraph", "Bakery wins regional prize"),
              Block("paragraph", "And the story goes on after the list, to its end."),
              Block("heading", "Most read")]
    kept = [b.text for b in drop_boilerplate_blocks(blocks)]
    assert kept == ["The story begins here, as stories do.",
                    "And the story goes on after the list, to its end."]


@pytest.mark.parametrize("line", [
    "Lesen Sie auch: Neue Radwege für die Innenstadt", "Teilen", "Kommentare",
    "À lire aussi : le port de Brest se modernise", "Lea también: El metro amplía su horario",
    "Leggi anche: il ponte riapre a maggio", "Bildquelle: Stadtarchiv", "Wird geladen …",
    "Zum Weiterlesen:", "Keine Kommentare", "Aktualisiert am 3. März 2026, 14:05 Uhr",
    "Le puede interesar", "Weitere Themen", "Síguenos en Telegram, Instagram y Facebook",
    "Anzeige - Heute mal essen gehen?", "Sign up to get the best stories of the week",
    "Verraten Sie gerne in den Kommentaren: Wie fahren Sie zur Arbeit?",
])
def test_labels_and_read_also_prompts_in_other_languages(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Lesen Sie das Gutachten selbst, sagte die Bürgermeisterin: Es ist öffentlich.",
    "Teilen wollten die Nachbarn den Garten nie, erzählt die Familie heute.",
    "Voir aussi loin que possible, c'était le rêve du gardien du phare.",
    "Weitere Informationen gab die Polizei am Abend nicht bekannt.",
    "Anzeige erstattet hat der Nachbar erst am nächsten Morgen.",
])
def test_story_sentences_in_other_languages_are_not_boilerplate(line):
    assert not is_boilerplate_line(line)


def test_a_german_related_list_takes_the_headlines_under_it():
    blocks = [Block("paragraph", "Die Fähre fährt ab Montag wieder nach dem alten Fahrplan."),
              Block("paragraph", "Weitere Artikel zum Thema"),
              Block("paragraph", "Hafen bekommt neue Kaimauer"),
              Block("paragraph", "Fährpreise steigen im Sommer")]
    assert [b.text for b in drop_boilerplate_blocks(blocks)] == [blocks[0].text]


@pytest.mark.parametrize("line", [
    "Ten tekst przeczytasz w mniej niż minutę",      # Polish reading time
    "Lesezeit: 4 Minuten",
    "Temps de lecture : 3 min",
    "Fot. Anna Nowak / Agencja Foto",                # Polish photo credit
    "© 2024 Stadtanzeiger. Alle Rechte vorbehalten.",
    "Tous droits réservés",
    "Todos los derechos reservados.",
])
def test_reading_times_credits_and_rights_lines_in_other_languages(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Die Lesezeit für Kinder wurde in der Schule verlängert, sagte die Direktorin am Montag.",
    "Fotograf Jan Fot opowiada o swojej pracy w Krakowie od wielu lat, zawsze z pasją.",
])
def test_story_sentences_with_those_words_stay(line):
    assert not is_boilerplate_line(line)

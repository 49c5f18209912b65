"""Bylines and dates written in other languages, pasted and in HTML (text written for the tests)."""

import pytest

from app.importer import import_document
from app.importer.bylines import byline_line
from app.importer.dates import written_date

BODY = {
    "de": ("Der Gemeinderat hat am Montagabend den neuen Haushalt beschlossen. Die Schule im "
           "Ortsteil Nord wird im kommenden Jahr für 2,3 Millionen Euro saniert."),
    "fr": ("Le conseil municipal a voté lundi soir le nouveau budget de la commune. L'école du "
           "quartier nord sera rénovée l'an prochain pour 2,3 millions d'euros."),
    "es": ("El pleno municipal aprobó el lunes por la noche el nuevo presupuesto. La escuela del "
           "barrio norte se reformará el año que viene por 2,3 millones de euros."),
    "it": ("Il consiglio comunale ha approvato lunedì sera il nuovo bilancio. La scuola del "
           "quartiere nord sarà ristrutturata il prossimo anno con 2,3 milioni di euro."),
    "pt": ("A assembleia municipal aprovou na segunda-feira à noite o novo orçamento. A escola "
           "do bairro norte vai ser renovada no próximo ano por 2,3 milhões de euros."),
    "nl": ("De gemeenteraad heeft maandagavond de nieuwe begroting aangenomen. De school in de "
           "noordwijk wordt volgend jaar voor 2,3 miljoen euro gerenoveerd."),
    "pl": ("Rada gminy przyjęła w poniedziałek wieczorem nowy budżet. Szkoła w północnej "
           "dzielnicy zostanie wyremontowana w przyszłym roku za 2,3 miliona złotych."),
    "ru": ("Городской совет в понедельник вечером утвердил новый бюджет. Школу в северном "
           "районе отремонтируют в следующем году за 2,3 миллиона рублей."),
}
TITLE = {"de": "Gemeinderat beschließt Haushalt", "fr": "Le conseil vote le budget",
         "es": "El pleno aprueba el presupuesto", "it": "Il consiglio approva il bilancio",
         "pt": "Assembleia aprova o orçamento", "nl": "Gemeenteraad neemt begroting aan",
         "pl": "Rada przyjęła budżet", "ru": "Совет утвердил бюджет"}
# (byline line, names as the article writes them, date line, ISO date)
WRITTEN = {
    "de": ("Von Lena Brandt und Jonas Weber", "Lena Brandt und Jonas Weber",
           "14. März 2025", "2025-03-14"),
    "fr": ("Par Élodie Martin et Yann Le Goff", "Élodie Martin et Yann Le Goff",
           "2 septembre 2025", "2025-09-02"),
    "es": ("Por Andrés Gil y María del Mar Soto", "Andrés Gil y María del Mar Soto",
           "3 de marzo de 2025", "2025-03-03"),
    "it": ("Di Chiara Rossi", "Chiara Rossi", "12 maggio 2025", "2025-05-12"),
    "pt": ("Por Inês Costa e Tiago Lopes", "Inês Costa e Tiago Lopes",
           "5 de junho de 2025", "2025-06-05"),
    "nl": ("Door Eva van den Berg", "Eva van den Berg", "14 maart 2025", "2025-03-14"),
    "pl": ("Autor: Marek Lis", "Marek Lis", "14 marca 2025", "2025-03-14"),
    "ru": ("Автор: Дмитрий Орлов", "Дмитрий Орлов", "14 марта 2025", "2025-03-14"),
}
# "A und B" joined in the article's own language when the names come from separate fields
AND_WORD = {"de": "und", "fr": "et", "es": "y", "it": "e", "pt": "e", "nl": "en", "pl": "i",
            "ru": "и"}


def paste(lang: str) -> str:
    line, _, date, _ = WRITTEN[lang]
    return "\n\n".join([TITLE[lang], line, date, BODY[lang], BODY[lang].split(". ")[1]])


def page(lang: str, byline_html: str, date_html: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{TITLE[lang]}</title></head><body><nav><a href='/'>Start</a></nav>"
            f"<article><h1>{TITLE[lang]}</h1>{byline_html}{date_html}"
            f"<p>{BODY[lang]}</p><p>{BODY[lang]}</p></article></body></html>")


@pytest.mark.parametrize("lang", sorted(WRITTEN))
def test_a_pasted_article_gives_its_byline_and_date(lang):
    _, names, _, iso = WRITTEN[lang]
    article = import_document(paste(lang).encode())
    assert article.language == lang
    assert article.title == TITLE[lang]
    assert article.byline == names
    assert article.published == iso
    assert article.paragraphs[0] == BODY[lang]


@pytest.mark.parametrize("lang", sorted(WRITTEN))
def test_a_page_with_a_visible_byline_and_date_line_gives_both(lang):
    line, names, date, iso = WRITTEN[lang]
    html = page(lang, f'<p class="meta-autor">{line}</p>', f"<time>{date}</time>")
    article = import_document(html.encode())
    assert article.language == lang
    assert article.published == iso
    assert article.byline == names  # split into names, joined again in the page's language
    assert article.paragraphs == [BODY[lang], BODY[lang]]  # the byline and date are not text


@pytest.mark.parametrize("lang", sorted(AND_WORD))
def test_authors_from_separate_fields_are_joined_in_the_articles_language(lang):
    html = page(lang, "", "").replace(
        "<title>", '<meta name="author" content="Ann Lee"><meta name="author" content="Tom Berg">'
                   "<title>")
    assert import_document(html.encode()).byline == f"Ann Lee {AND_WORD[lang]} Tom Berg"


@pytest.mark.parametrize("line, date", [
    ("14.03.2025", "2025-03-14"), ("Aktualisiert: 14.03.2025, 14:30 Uhr", "2025-03-14"),
    ("Montag, 14. März 2025", "2025-03-14"), ("Publié le 1er mars 2025 à 14h30", "2025-03-01"),
    ("16 мая 2024 года", "2024-05-16"), ("Pubblicato il 12 maggio 2025", "2025-05-12"),
    ("3 March 2026", "2026-03-03"), ("March 3, 2026", "2026-03-03"),
])
def test_dates_written_in_words_or_day_first_numbers_are_read(line, date):
    assert written_date(line) == date


@pytest.mark.parametrize("line", [
    "Dienstag", "Von 2019 bis 2024", "le 14 heures 2025", "31.02.2025", "30 Prozent 2025",
    "Nach 14 Jahren 2025",
])
def test_no_date_is_invented_from_a_line_without_one(line):
    assert written_date(line) is None


@pytest.mark.parametrize("line", [
    "Por fin podemos ir andando al hospital", "Di recente il comune ha deciso",
    "Par ailleurs, le maire a annoncé", "Von 2019 bis 2024", "Door de regen bleef het stil",
    "Autor: nieznany sprawca zdarzenia",
])
def test_a_sentence_that_opens_with_a_byline_word_is_not_a_byline(line):
    assert byline_line(line) is None


def test_an_author_value_is_split_only_at_and_words_of_names():
    from app.importer.bylines import author_names

    assert author_names("Ann Lee is a reporter") == ["Ann Lee is a reporter"]
    assert author_names("Anna Nowak i Jan Lis") == ["Anna Nowak", "Jan Lis"]

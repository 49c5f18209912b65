"""News notation said in the article's language (normalize_lang), through the language's cast."""

import pytest

from app.narration.languages import cast_for
from app.narration.normalize_lang import speakable


@pytest.mark.parametrize("lang, written, said", [
    # dates written with numbers become day, month name and year, inflected where needed
    ("de", "Die Wahl ist am 7.09.2025.", "Die Wahl ist am siebten September 2025."),
    ("fr", "Ouverture le 1/07/2025.", "Ouverture le premier juillet 2025."),
    ("es", "Abre el 9/02/2026.", "Abre el 9 de febrero de 2026."),
    ("nl", "Open op 2-01-2026.", "Open op 2 januari 2026."),
    ("pl", "Otwarcie 2.01.2026.",
     "Otwarcie drugiego stycznia dwa tysiące dwudziestego szóstego roku."),
    ("ru", "Открытие 2.01.2026.",
     "Открытие второго января две тысячи двадцать шестого года."),
    # times
    ("de", "Beginn um 9:45 Uhr.", "Beginn um 9 Uhr 45."),
    ("fr", "Début à 20h15.", "Début à 20 heures 15."),
    ("fr", "Début à 20h.", "Début à 20 heures."),
    ("it", "Inizio alle 21:30.", "Inizio alle 21 e 30."),
    ("pl", "Start o 9:15.", "Start o dziewiątej 15."),
    # scores: a colon always; a dash only near a word of sport (elsewhere it is a range)
    ("de", "Köln gewann 2:0.", "Köln gewann 2 zu 0."),
    ("es", "El Valencia ganó 2-0.", "El Valencia ganó 2 a 0."),
    ("es", "Tardará 2-3 semanas.", "Tardará 2-3 semanas."),
    ("pl", "Lech wygrał 2:1.", "Lech wygrał 2 do jednego."),
    # ordinals
    ("de", "Sie wurde beim 5. Versuch Siegerin.", "Sie wurde beim fünften Versuch Siegerin."),
    ("de", "Die Zahl stieg auf 12. Die Polizei ermittelt.",
     "Die Zahl stieg auf 12. Die Polizei ermittelt."),  # a sentence ends, no ordinal
    ("fr", "Le 21e siècle.", "Le vingt et unième siècle."),
    ("es", "La 2.ª edición.", "La segunda edición."),
    ("nl", "De 4e ronde.", "De vierde ronde."),
    ("ru", "Заняла 5-е место.", "Заняла пятое место."),
    # money, multipliers and units, with the plural each number takes
    ("de", "Es kostet 3,1 Mrd. €.", "Es kostet 3,1 Milliarden Euro."),
    ("fr", "Un budget de 2,4 M€.", "Un budget de 2,4 millions d'euros."),
    ("it", "Costa 7,20 €.", "Costa 7 euro e 20."),
    ("pl", "Kosztuje 22 mln zł.", "Kosztuje 22 miliony złotych."),
    ("pl", "Kosztuje 25 mln zł.", "Kosztuje 25 milionów złotych."),
    ("ru", "Стоит 21 млн руб.", "Стоит 21 миллион рублей."),
    ("pl", "Ma 1,5 km.", "Ma 1,5 kilometra."),
    ("es", "Hizo 21 °C.", "Hizo veintiún grados."),
    ("de", "Ein Plus von 4,5 %.", "Ein Plus von 4,5 Prozent."),
    # thousands separators, dots or spaces as the language writes them
    ("de", "Es kamen 12.500 Menschen.", "Es kamen 12500 Menschen."),
    ("fr", "Il y avait 12 500 personnes.", "Il y avait 12500 personnes."),
    ("ru", "Пришли 12 500 человек.", "Пришли 12500 человек."),
])
def test_news_notation_is_said_in_the_language(lang, written, said):
    assert speakable(written, lang) == said


@pytest.mark.parametrize("lang, text", [
    ("de", "Die Brücke wurde 2019 geplant und 2024 eröffnet."),
    ("fr", "Le maire a parlé pendant 20 minutes."),
    ("es", "En 2023 llegaron 300 personas."),
])
def test_plain_numbers_and_years_are_left_to_espeak_ng(lang, text):
    assert speakable(text, lang) == text


def test_a_cast_in_another_language_reads_numbers_in_it_after_the_pronunciations():
    say = cast_for("de").speakable
    assert say("Weber zahlte 4,2 Mio. €.", {"Weber": "Wéber"}) == (
        "Wéber zahlte 4,2 Millionen Euro.")


def test_a_language_without_rules_is_left_as_written():
    assert speakable("Ang tulay ay 120 metro.", "tl") == "Ang tulay ay 120 metro."

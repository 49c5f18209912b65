"""Attribution in other languages: each word order of each language gives the right speaker
(sentences written for these tests), through the same sieves and resolution as English."""

from __future__ import annotations

import pytest

from app.narration.attribution.lexicons import lexicon_for
from app.narration.quotes import attribute_paragraphs


def speakers(language: str, *paragraphs: str) -> list[str | None]:
    return [q["speaker"] for q in attribute_paragraphs(list(paragraphs), language)]


# (language, paragraphs, speakers of the quotes in order)
CASES = [
    # German: inverted trailing cue, "so", pronoun follow-up, leading and colon cues, "laut"
    ("de", ["„Der Hafen bleibt offen“, sagte Hafenmeisterin Greta Albers am Montag."],
     ["Greta Albers"]),
    ("de", ["„Wir bauen weiter“, so Stadtbaurat Jonas Pietsch."], ["Jonas Pietsch"]),
    ("de", ["„Das Wasser ist sauber“, sagte die Biologin Mira Lenz.",
            "„Die Fische kommen zurück“, fügte sie hinzu."], ["Mira Lenz", "Mira Lenz"]),
    ("de", ["Landrat Ewald Kern sagte am Abend: „Die Straße wird gesperrt.“"],
     ["Ewald Kern"]),
    ("de", ["Die Schulleiterin Hanna Roth blieb gelassen: „Der Unterricht geht weiter.“"],
     ["Hanna Roth"]),
    ("de", ["Laut Polizeisprecher Timo Brandt war die Lage ruhig: „Niemand wurde verletzt.“"],
     ["Timo Brandt"]),
    ("de", ["»Wir haben lange gewartet«, sagte Anwohner Karl Busch."], ["Karl Busch"]),
    # French: inversion after « … », apposition, "selon", "a-t-il ajouté", colon
    ("fr", ["« Le marché restera ouvert », a déclaré le maire, Paul Riou."], ["Paul Riou"]),
    ("fr", ["« Nous manquons de bras », explique Nadia Benali, présidente du club.",
            "« Il faut des bénévoles », a-t-elle ajouté."], ["Nadia Benali", "Nadia Benali"]),
    ("fr", ["« Les travaux dureront un an », précise l'architecte Louis Marchand.",
            "« Le chantier commence lundi », dit-il."], ["Louis Marchand", "Louis Marchand"]),
    ("fr", ["Selon la directrice, Odile Perrin, « l'école rouvrira en mai »."],
     ["Odile Perrin"]),
    ("fr", ["La préfète Claire Vasseur a déclaré : « La route sera fermée. »"],
     ["Claire Vasseur"]),
    # Spanish
    ("es", ["«El agua llegará en junio», dijo la concejala Rosa Vidal."], ["Rosa Vidal"]),
    ("es", ["«Hemos esperado mucho», afirmó el vecino Tomás Gil.",
            "«Ahora estamos contentos», dijo él."], ["Tomás Gil", "Tomás Gil"]),
    ("es", ["Según el director, Pablo Serrano, «el museo abrirá en otoño»."],
     ["Pablo Serrano"]),
    ("es", ["La alcaldesa Inés Moreno declaró: «La plaza será peatonal»."], ["Inés Moreno"]),
    # Italian
    ("it", ["«Il ponte sarà pronto a maggio», ha detto l'assessore Franco Galli."],
     ["Franco Galli"]),
    ("it", ["«Abbiamo lavorato di notte», ha spiegato la direttrice Elena Rossi.",
            "«Ora si riparte», ha aggiunto lei."], ["Elena Rossi", "Elena Rossi"]),
    ("it", ["Secondo il sindaco Carlo Neri «la piazza resterà chiusa»."], ["Carlo Neri"]),
    # Portuguese
    ("pt", ["«A escola abre em setembro», disse a vereadora Inês Costa."], ["Inês Costa"]),
    ("pt", ["Segundo o engenheiro Miguel Rocha, «a obra está no prazo»."], ["Miguel Rocha"]),
    ("pt", ["«Foi um ano difícil», afirmou o treinador Nuno Reis.",
            "«Mas vamos continuar», disse ele."], ["Nuno Reis", "Nuno Reis"]),
    # Dutch
    ("nl", ["„De haven blijft open”, zei wethouder Daan Visser."], ["Daan Visser"]),
    ("nl", ["„We beginnen in maart”, aldus projectleider Lotte Smit."], ["Lotte Smit"]),
    ("nl", ["„Het water is schoon”, zei onderzoekster Eva Mulder.",
            "„En de vissen komen terug”, zei ze."], ["Eva Mulder", "Eva Mulder"]),
    ("nl", ["Volgens burgemeester Joris de Boer is het plan klaar: „We stemmen in juni.”"],
     ["Joris de Boer"]),
    # Polish: dash cues, gendered past without a name
    ("pl", ["„Szkoła będzie gotowa we wrześniu” – powiedziała burmistrzyni Ewa Lis."],
     ["Ewa Lis"]),
    ("pl", ["„Pracujemy także nocą” – wyjaśnił kierownik budowy Jan Mazur.",
            "„Nie ma opóźnień” – dodał."], ["Jan Mazur", "Jan Mazur"]),
    ("pl", ["Według rzecznika Adama Pawlaka „drogi są przejezdne”."], ["Adama Pawlaka"]),
    ("pl", ["Radna Zofia Krawczyk powiedziała: „Potrzebujemy nowego parku”."],
     ["Zofia Krawczyk"]),
    # Russian: «…», — cue, gendered past without a name, "по словам"
    ("ru", ["«Школа откроется в сентябре», — сказала директор Анна Соколова."],
     ["Анна Соколова"]),
    ("ru", ["«Мы работаем и ночью», — пояснил инженер Павел Морозов.",
            "«Задержек нет», — добавил он."], ["Павел Морозов", "Павел Морозов"]),
    ("ru", ["По словам мэра Сергея Иванова, «дорога будет готова летом»."],
     ["Сергея Иванова"]),
]


@pytest.mark.parametrize(("language", "paragraphs", "expected"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_word_order_gives_the_right_speaker(language, paragraphs, expected):
    assert speakers(language, *paragraphs) == expected


@pytest.mark.parametrize(("language", "text", "gender"), [
    ("pl", "„Jest dobrze” – powiedziała.", "f"),
    ("pl", "„Jest dobrze” – powiedział.", "m"),
    ("ru", "«Всё хорошо», — сказала.", "f"),
    ("ru", "«Всё хорошо», — сказал.", "m"),
])
def test_a_gendered_past_tense_alone_means_the_last_person_of_that_gender(
        language, text, gender):
    if language == "pl":
        she, he = "Marta Nowak", "Adam Wolski"
        intro = f"„Tak” – mówi {she}. „Nie” – odpowiada {he}."
    else:
        she, he = "Мария Орлова", "Олег Белов"
        intro = f"«Да», — говорит {she}. «Нет», — отвечает {he}."
    assert speakers(language, intro, text)[2:] == [she if gender == "f" else he]


def test_a_german_capitalised_noun_is_not_a_speaker():
    # "Die Brücke" and "Millionen Euro" are nouns; the pronoun finds the named woman
    assert speakers("de", "Die Stadtplanerin Jana Wolf stellte das Projekt vor. Die Brücke "
                    "kostet 3 Millionen Euro.", "„Wir sind im Plan“, sagte sie.") == ["Jana Wolf"]


def test_english_words_do_not_attribute_in_german():
    # an English cue word in a German article is not a German speech verb
    assert speakers("de", "„Wir sind bereit“, said Anna Vogel.") == [None]


def test_a_language_without_its_own_words_reads_with_the_english_table():
    assert lexicon_for("sv").language == "en" and lexicon_for(None).language == "en"
    assert lexicon_for("de-AT").language == "de" and lexicon_for("pt_BR").language == "pt"


# Short council reports, one per language (written for these tests)
ARTICLES = {
 "de": [
  "Der Gemeinderat stimmte am Mittwoch mit großer Mehrheit zu. Bürgermeisterin Petra "
  "Schulze zeigte sich erleichtert.",
  "„Das ist ein guter Tag für unsere Gemeinde“, sagte Schulze nach der Sitzung.",
  "Kritik kam von der Opposition. „Die Kosten sind viel zu hoch“, erklärte Fraktionschef "
  "Uwe Brandl.",
  "„Wir werden das genau prüfen“, kündigte er an.",
  "Auch Anwohnerin Lisa Graf meldete sich zu Wort: „Endlich passiert etwas.“",
  "Die Arbeiten sollen im Frühjahr beginnen. Laut Schulze wird der Bau rund zwei Jahre dauern.",
 ],
 "fr": [
  "Le conseil municipal a voté mardi soir. La maire, Sophie Leroy, s'est dite satisfaite.",
  "« C'est une bonne nouvelle pour la commune », a-t-elle déclaré à l'issue de la séance.",
  "L'opposition reste sceptique. « Le coût est trop élevé », estime Marc Dubois, "
  "conseiller municipal.",
  "« Nous serons vigilants », prévient-il.",
  "Pour Julie Martin, habitante du quartier : « Il était temps. »",
 ],
 "es": [
  "El pleno aprobó el proyecto el miércoles. La alcaldesa, Carmen López, se mostró satisfecha.",
  "«Es un gran día para el municipio», declaró López tras la votación.",
  "«El coste es demasiado alto», criticó el portavoz de la oposición, Luis Herrera.",
  "«Vigilaremos cada euro», añadió.",
 ],
 "it": [
  "Il consiglio comunale ha approvato il progetto mercoledì.",
  "«È una bella giornata per la città», ha dichiarato il sindaco Andrea Ferri al termine "
  "della seduta.",
  "«I costi sono troppo alti», ha replicato Giorgio Bassi, capogruppo dell'opposizione.",
  "«Vigileremo», ha aggiunto Bassi.",
 ],
 "pt": [
  "A câmara aprovou o projeto na quarta-feira.",
  "«É um bom dia para o concelho», afirmou a presidente da câmara, Teresa Lopes, no "
  "final da reunião.",
  "«Os custos são demasiado altos», criticou o vereador da oposição Paulo Matos.",
  "«Vamos estar atentos», acrescentou.",
 ],
 "nl": [
  "De gemeenteraad stemde woensdag in met het plan.",
  "„Dit is een goede dag voor de gemeente”, zei burgemeester Anouk de Wit na afloop.",
  "„De kosten zijn veel te hoog”, zegt oppositieleider Bram Peters.",
  "Volgens Peters moet het plan opnieuw worden bekeken.",
  "„We blijven kritisch”, aldus Peters.",
 ],
 "pl": [
  "Rada miasta przyjęła projekt w środę.",
  "„To dobry dzień dla gminy” – powiedziała burmistrz Agnieszka Kowalczyk po sesji.",
  "„Koszty są za wysokie” – stwierdził radny opozycji Marek Dąbrowski.",
 ],
 "ru": [
  "Городская дума одобрила проект в среду.",
  "«Это хороший день для города», — заявила мэр Наталья Васильева после заседания.",
  "«Расходы слишком велики», — считает депутат Михаил Козлов.",
  "Как отметил Козлов, «проект нужно пересмотреть».",
 ],
}

# who said each quote of the short council reports above, in order
ARTICLE_SPEAKERS = {
    "de": ["Petra Schulze", "Uwe Brandl", "Uwe Brandl", "Lisa Graf"],
    "fr": ["Sophie Leroy", "Marc Dubois", "Marc Dubois", "Julie Martin"],
    "es": ["Carmen López", "Luis Herrera", "Luis Herrera"],
    "it": ["Andrea Ferri", "Giorgio Bassi", "Giorgio Bassi"],
    "pt": ["Teresa Lopes", "Paulo Matos", "Paulo Matos"],
    "nl": ["Anouk de Wit", "Bram Peters", "Bram Peters"],
    "pl": ["Agnieszka Kowalczyk", "Marek Dąbrowski"],
    "ru": ["Наталья Васильева", "Михаил Козлов", "Михаил Козлов"],
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_a_short_report_attributes_every_quote_through_the_sieves(language):
    # surnames alone, pronouns, pro-drop verbs and colon introductions resolve to the
    # person named before, as in English
    assert speakers(language, *ARTICLES[language]) == ARTICLE_SPEAKERS[language]


@pytest.mark.parametrize(("language", "text", "who"), [
    # words of time, place or audience between an inverted verb and its subject
    ("fr", "« Il faut agir vite », a souligné mardi la ministre Agnès Morel.", "Agnès Morel"),
    ("es", "«No hay dinero», aseguró a este diario el consejero Jorge Blanco.", "Jorge Blanco"),
    ("es", "«Seguiremos», explicó en rueda de prensa el alcalde Mario Ruiz.", "Mario Ruiz"),
    ("it", "«È solo l'inizio», spiega a Repubblica il professor Enrico Villa.", "Enrico Villa"),
    ("it", "«Non ci fermeremo», ha dichiarato ieri il ministro Luca Ricci.", "Luca Ricci"),
    ("pt", "«Não há alternativa», afirmou ao Público a ministra Marta Reis.", "Marta Reis"),
    ("pl", "„Nie ma zagrożenia” – powiedział w rozmowie z PAP wojewoda Adam Nowicki.",
     "Adam Nowicki"),
    ("ru", "«Работы завершатся осенью», — рассказала ТАСС Анна Белова.", "Анна Белова"),
    # a body that owns the job is not the speaker; the name in apposition is
    ("de", "„Wir sehen das gelassen“, erklärte der Sprecher der Stadt, Max Vogel, am Freitag.",
     "Max Vogel"),
    # a quote with its cue right after it and no comma is speech, not a title
    ("it", "«Siamo soddisfatti» dice Marco Gallo.", "Marco Gallo"),
    # curly English-style marks in a Romance-language article
    ("pt", "“Estamos prontos”, disse o prefeito João Silva.", "João Silva"),
    ("fr", "“Nous sommes prêts”, a déclaré Paul Roux.", "Paul Roux"),
])
def test_the_subject_after_adjuncts_and_in_other_marks(language, text, who):
    assert speakers(language, text) == [who]


@pytest.mark.parametrize(("language", "intro", "text", "who"), [
    ("de", "Anna Keller leitet den Verein seit 2019.",
     "„Es fehlt an Personal“, sagte sie gegenüber dem Radiosender.", "Anna Keller"),
    ("fr", "Le maire Paul Riou a visité le chantier.", "« On ne lâchera rien », lance-t-il.",
     "Paul Riou"),
    ("pt", "A ministra Marta Reis esteve no local.", "«Vamos recorrer», disse ela.",
     "Marta Reis"),
    ("nl", "Wethouder Kees Dekker was erbij.", "'We gaan door', zegt hij.", "Kees Dekker"),
    ("ru", "Директор школы Анна Белова встретила гостей.", "«Мы готовы», — говорит она.",
     "Анна Белова"),
])
def test_a_pronoun_cue_finds_the_person_named_before(language, intro, text, who):
    assert speakers(language, intro, text) == [who]


def test_a_pronoun_with_no_one_named_before_gives_no_speaker():
    assert speakers("fr", "« On ne lâchera rien », lance-t-il.") == [None]


@pytest.mark.parametrize(("language", "text", "who"), [
    # "for X, «…»": the view of the one a sentence opens with
    ("fr", "Pour le maire, Luc Bernard, « la ville avance ».", "Luc Bernard"),
    ("es", "Para el alcalde Mario Ruiz, «la obra es necesaria».", "Mario Ruiz"),
    ("it", "Per il sindaco Carlo Neri «la piazza resterà chiusa».", "Carlo Neri"),
    ("pt", "Para o vereador Paulo Matos, «é um erro».", "Paulo Matos"),
    ("de", "Für Bürgermeisterin Eva Roth ist klar: „Wir bauen weiter.“", "Eva Roth"),
    ("fr", "Pour la première fois, « tout le monde est content ».", None),  # no one
    # a job word the lists lack, before a German name (its ending says it is one)
    ("de", "„Der Winter war hart“, sagte Förster Jan Kurz der Lokalzeitung.", "Jan Kurz"),
])
def test_a_sentence_opening_for_someone_gives_their_view(language, text, who):
    assert speakers(language, text) == [who]


def test_german_nouns_in_a_report_do_not_take_a_pronouns_quote():
    paragraphs = [
        "Im Streit um das Hallenbad hat der Stadtrat am Donnerstag einen Kompromiss gefunden. "
        "Oberbürgermeister Frank Zimmer legte einen neuen Finanzierungsplan vor.",
        "Demnach übernimmt das Land 40 Prozent der Kosten. Der Schwimmverein Blau-Weiß "
        "begrüßte die Einigung.",
        "„Damit ist der Schulsport gesichert“, sagte er nach der Abstimmung.",
        "Fraktionssprecherin Lea Winter nannte den Plan „zu teuer“.",
    ]
    assert speakers("de", *paragraphs) == ["Frank Zimmer"]  # "zu teuer": a scare quote


def test_dialogue_dash_speech_is_attributed_and_dash_lists_are_not_speech():
    paragraphs = ["Radna Ewa Lis była na miejscu.",
                  "– Jesteśmy gotowi – powiedział burmistrz Jan Lis. – Zaczynamy w maju.",
                  "W planie:", "– 25 proc. na drogi,", "– reszta na szkoły."]
    assert speakers("pl", *paragraphs) == ["Jan Lis", "Jan Lis"]
    assert speakers("ru", "— Мы готовы, — сказала директор Анна Белова.") == ["Анна Белова"]


@pytest.mark.parametrize(("language", "text", "who"), [
    ("de", "Bürgermeisterin Eva Roth blieb hart: „Es gibt keinen Aufschub.“", "Eva Roth"),
    ("fr", "Le préfet Alain Morin a été clair : « Aucun report. »", "Alain Morin"),
    ("es", "La alcaldesa Inés Moreno fue clara: «No habrá más retrasos».", "Inés Moreno"),
    ("it", "Il sindaco Carlo Neri è stato chiaro: «Nessun rinvio».", "Carlo Neri"),
    ("pt", "A ministra Marta Reis foi clara: «Não haverá atrasos».", "Marta Reis"),
    ("nl", "Burgemeester Joris de Boer was duidelijk: „Er komt geen uitstel.”",
     "Joris de Boer"),
    ("pl", "Burmistrz Ewa Lis była stanowcza: „Nie będzie opóźnień”.", "Ewa Lis"),
    ("ru", "Мэр Иван Петров был краток: «Задержек не будет».", "Иван Петров"),
])
def test_a_colon_introduction_without_a_speech_verb_gives_its_subject(language, text, who):
    quotes = attribute_paragraphs([text], language)
    assert [(q["speaker"], q["sieve"]) for q in quotes] == [(who, "colon introduction")]


# Reports where a department or body follows the job word (written for these tests)
REPORTS = {
    "es": (["La Junta anunció el lunes un plan de vivienda de 200 millones de euros.",
            "«Es la mayor inversión de la última década», afirmó la consejera de Vivienda, "
            "Elena Soto. «Y no será la última.»",
            "«Llega tarde», dijo el portavoz socialista, Andrés Gil, que pidió más control.",
            "Según Gil, el plan «repite promesas de 2019».",
            "«Los jóvenes no pueden esperar más», añadió."],
           ["Elena Soto", "Elena Soto", "Andrés Gil", "Andrés Gil", "Andrés Gil"]),
    "it": (["«Vogliamo una città più vivibile», ha detto l'assessora alla mobilità Giulia "
            "Marini. «Meno auto, più autobus.»",
            "«Così perdiamo clienti», sostiene Paolo Fabbri, presidente di Confcommercio."],
           ["Giulia Marini", "Giulia Marini", "Paolo Fabbri"]),
    "nl": (["„Klanten blijven weg”, zegt Henk Bos van de ondernemersvereniging.",
            "„We gaan in gesprek”, zei Jan van der Berg."], ["Henk Bos", "Jan van der Berg"]),
    "pt": (["“Queremos uma cidade com menos carros”, disse o secretário de Mobilidade, "
            "Carlos Nunes."], ["Carlos Nunes"]),
}


@pytest.mark.parametrize("language", sorted(REPORTS))
def test_a_body_after_the_job_word_is_not_the_speaker(language):
    paragraphs, expected = REPORTS[language]
    assert speakers(language, *paragraphs) == expected


@pytest.mark.parametrize(("language", "paragraphs", "expected"), [
    # a name in the genitive after "według" / "по словам" is the person named before
    ("pl", ["„Budowa idzie zgodnie z planem” – powiedział wojewoda Adam Nowicki.",
            "Według Nowickiego „nie ma zagrożenia”.",
            "Według Adama Nowickiego „wszystko gra”."], ["Adam Nowicki"] * 3),
    ("pl", ["„Tak” – powiedziała Anna Kowalska.", "Według Kowalskiej „to dobry plan”."],
     ["Anna Kowalska"] * 2),
    ("ru", ["«Всё по плану», — сказал мэр Иван Петров.",
            "По словам Петрова, «задержек не будет».",
            "По словам Ивана Петрова, «всё хорошо»."], ["Иван Петров"] * 3),
    # an according-to word opening a sentence is not part of the name
    ("pl", ["Zdaniem Marka Nowaka, „to zły plan”."], ["Marka Nowaka"]),
])
def test_an_inflected_name_is_the_person_named_before(language, paragraphs, expected):
    assert speakers(language, *paragraphs) == expected


@pytest.mark.parametrize(("language", "paragraphs", "expected"), [
    ("de", ["Anna Keller und Jan Roth leiten den Verein.",
            "„Es fehlt an Personal“, sagten sie.", "„Es fehlt an Geld“, sagte sie."],
     [None, "Anna Keller"]),
    ("nl", ["Eva Mulder en Daan Visser leiden de club.",
            "„We zoeken vrijwilligers”, zeiden ze."], [None]),
    ("fr", ["Le maire Paul Riou et Anne Roux ont visité le chantier.",
            "« Le chantier avance », ont-ils déclaré."], [None]),
    ("es", ["El alcalde Mario Ruiz y Ana Gil visitaron la obra.",
            "«Vamos bien», dijeron ellos."], [None]),
])
def test_a_plural_pronoun_is_no_one_speaker(language, paragraphs, expected):
    assert speakers(language, *paragraphs) == expected


@pytest.mark.parametrize("paragraphs", [
    ["Zugleich mahnte sie: „Wir müssen schneller werden.“"],
    ["Kurzes körperliches Aufwachen: „Wo bin ich?“"],
    ["Es sind Sätze wie: „Das haben wir immer so gemacht.“"],
])
def test_one_capitalised_german_word_is_no_speaker_unless_named_in_full(paragraphs):
    assert speakers("de", *paragraphs) == [None]


def test_a_german_surname_alone_is_the_person_named_in_full_before():
    assert speakers("de", "DRK-Generalsekretär Christian Reuter besuchte das Lager.",
                    "„Die Lage ist ernst“, sagt Reuter.") == ["Christian Reuter"]
    assert speakers("de", "In Leipzig der Ort: „Hier war es.“") == [None]

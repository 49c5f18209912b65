"""Kinds of page the extraction benchmark's non-English pages showed Hark reading worse than
trafilatura, one test each, on a page written for the test in that language.

None of these pages is copied from a benchmark.
"""

import pytest

from app.importer import import_document
from app.importer.article import Block
from app.importer.boilerplate import (
    drop_boilerplate_blocks,
    is_boilerplate_line,
    is_headline_like,
    trim_promo,
)
from app.importer.html import _without_headlines, extract_blocks, link_chars, parse_html
from app.importer.reconcile import reconcile

# A Russian guide whose sections each open with an <h1> beside the headline's <h1>, in one
# container (HTML5's sectioning outline allowed it).
RU_SECTIONS = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Зимний огород на балконе: что посадить в январе</title></head><body>
<nav><a href="/">Главная</a> <a href="/sad">Сад</a> <a href="/dom">Дом</a></nav>
<div class="content">
<h1>Зимний огород на балконе: что посадить в январе</h1>
<p>Даже в январе на застеклённом балконе можно вырастить зелень к столу, если знать, какие
культуры переносят короткий световой день и прохладные ночи.</p>
<p>Главное условие — температура не ниже десяти градусов и хотя бы несколько часов рассеянного
света в сутки, а остальное сделают правильно выбранные семена.</p>
<h1>Какие культуры выбрать</h1>
<p>Лучше всего зимой растут зелёный лук, кресс-салат, петрушка и горчица: они неприхотливы,
быстро дают урожай и почти не требуют подсветки.</p>
<p>Укроп и базилик капризнее, им понадобится фитолампа и регулярный полив тёплой водой.</p>
<h1>Уход за посадками</h1>
<p>Поливать ящики нужно утром, чтобы к вечеру земля успела подсохнуть, а раз в две недели
стоит подкармливать растения слабым раствором удобрения.</p>
<p>Если листья начали желтеть, скорее всего, растениям не хватает света или воды слишком много.</p>
</div>
<div class="more"><h2>Читайте также</h2><a href="/a">Как хранить морковь</a></div>
</body></html>"""


def test_section_headings_set_as_h1_are_kept_and_the_headline_is_not():
    blocks = extract_blocks(RU_SECTIONS)
    texts = [b.text for b in blocks]
    assert "Зимний огород на балконе: что посадить в январе" not in texts
    assert ("heading", "Какие культуры выбрать") in [(b.kind, b.text) for b in blocks]
    assert ("heading", "Уход за посадками") in [(b.kind, b.text) for b in blocks]
    assert texts.index("Какие культуры выбрать") < texts.index("Уход за посадками")
    assert texts[0].startswith("Даже в январе")
    assert texts[-1].startswith("Если листья начали желтеть")


# An endless-scroll page: the next story follows, its <h1> alone in its own <header>.
NEXT_STORY = """<!doctype html><html lang="es"><head><meta charset="utf-8">
<title>La feria del libro abre sus puertas en el puerto</title></head><body>
<article><header><h1>La feria del libro abre sus puertas en el puerto</h1></header>
<p>La feria del libro abrió este viernes sus puertas en los antiguos almacenes del puerto, con
más de ochenta editoriales y un programa de lecturas para todas las edades.</p>
<p>Los organizadores esperan superar las cuarenta mil visitas durante los diez días que dura el
encuentro, que este año dedica una sala entera a la poesía.</p></article>
<article><header><h1>Cortes de agua en el barrio alto durante el fin de semana</h1></header>
<p>La empresa de aguas anunció cortes de suministro en el barrio alto el sábado y el domingo,
entre las nueve de la mañana y las dos de la tarde, por obras en la red.</p></article>
</body></html>"""


def test_an_h1_alone_in_its_header_is_a_headline_wherever_it_stands():
    texts = [b.text for b in extract_blocks(NEXT_STORY)]
    assert texts[0].startswith("La feria del libro abrió")
    assert "Cortes de agua en el barrio alto durante el fin de semana" not in texts


# A Korean column: the section's name above the headline, the posting stamp in brackets, and
# the columnist's sign-off with an e-mail address that is a mailto link.
KO_COLUMN = """<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>골목 서점이 다시 늘어나는 이유</title></head><body>
<div id="wrap"><div class="view"><p>문화칼럼 주요뉴스</p>
<p>골목 서점이 다시 늘어나는 이유</p>
<p>기사입력 :[ 2024-03-05 09:12 ]</p>
<div class="body">
<p>[문화칼럼=한서윤의 책과 거리] 몇 해 전만 해도 동네 서점은 하나둘 문을 닫는 업종으로만 여겨졌다.
그런데 요즘 골목마다 작은 서점이 다시 생겨나고 있다. 책을 파는 곳이라기보다 사람들이 모여 이야기를
나누는 공간으로 바뀌었기 때문이다.</p>
<p>이런 서점들은 한 달에 두세 번 작가와의 만남을 열고, 주민들이 직접 고른 책으로 작은 전시를 꾸민다.
손님들은 책을 사러 왔다가 이웃을 만나고, 이웃을 만나러 왔다가 책을 한 권 사 간다.</p>
<p>물론 온라인 서점과 가격으로 경쟁하기는 어렵다. 하지만 골목 서점이 파는 것은 결국 책이 아니라 그
책을 함께 읽는 시간이라는 점에서, 이 흐름은 쉽게 꺾이지 않을 것으로 보인다.</p>
<p>한서윤 칼럼니스트 <a href="mailto:seoyun.han@example.kr">seoyun.han@example.kr</a></p>
</div></div>
<div class="list"><a href="/1">봄맞이 도서전 개막</a> <a href="/2">올해의 작가상 발표</a></div>
<div class="copy">Copyright ⓒ 문화칼럼. 무단전재 및 재배포 금지</div></div>
</body></html>"""


def test_a_korean_column_keeps_its_sign_off_and_drops_the_labels_around_its_headline():
    texts = [b.text for b in extract_blocks(KO_COLUMN)]
    assert texts[0].startswith("[문화칼럼=한서윤의 책과 거리]")
    assert "한서윤 칼럼니스트 seoyun.han@example.kr" in texts
    assert not any("주요뉴스" in t or "기사입력" in t for t in texts)


def test_a_sign_off_whose_address_is_a_link_is_not_a_link_list_line():
    tree = parse_html(KO_COLUMN)
    paragraphs = [Block("paragraph", p.text_content().strip()) for p in tree.iter("p")]
    sign_off = paragraphs[-1]
    assert sign_off.text.startswith("한서윤 칼럼니스트")
    links = link_chars(tree, paragraphs)
    assert links.get(sign_off.text, 0) == 0
    # a precise reading that left the sign-off out, with the story going on after it
    story = [*paragraphs, Block("paragraph", "그리고 다음 주에는 또 다른 골목을 걷는다.")]
    kept = reconcile(story, [story[0], story[-1]], links)
    assert sign_off in kept


@pytest.mark.parametrize("line", [
    "기사입력 :[ 2024-03-05 09:12 ]",
    "입력 2024.03.05 09:12 | 수정 2024.03.05 10:40",
    "05.03.2024, 09:12 Uhr",
    "Опубликовано 05.03.2024 в 09:12",
])
def test_a_posting_stamp_in_brackets_or_with_dotted_dates_is_a_dateline(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Im Jahr 2024 fuhr er ab. Es war 09:12",
    "2024년 봄이었다. 기차는 09:12에 떠났다",
])
def test_a_time_after_a_sentence_s_full_stop_is_not_a_dateline(line):
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "ATENÇÃO: Os comentários ofensivos ou fora do tema não serão aprovados pelo moderador.",
    "Os comentários são moderados antes da publicação.",
    "Hinweis: Kommentare werden erst nach Prüfung durch die Redaktion freigeschaltet.",
    "Les commentaires sont modérés et publiés dans un délai de 24 heures.",
    "Please note: comments are moderated and may take a while to appear.",
    "We are moderating all comments this week while we deal with spam.",
])
def test_a_site_s_comment_policy_is_boilerplate_in_any_language(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Os comentários do ministro foram moderados pela assessoria antes da entrevista.",
    "Comments on the council's page were moderated by two volunteers last year.",
    "Die Kommentare des Trainers waren gemäßigt, die Stimmung im Stadion nicht.",
    "A plataforma contratou mil moderadores para rever publicações denunciadas.",
])
def test_a_story_about_comments_or_moderation_is_not(line):
    assert not is_boilerplate_line(line)


PT_NOTICE = """<!doctype html><html lang="pt"><head><meta charset="utf-8">
<title>Corrida de rua reúne três mil atletas no domingo</title></head><body>
<article><h1>Corrida de rua reúne três mil atletas no domingo</h1>
<p>A tradicional corrida de rua da cidade reuniu cerca de três mil atletas na manhã de domingo,
num percurso de dez quilômetros que passou pela orla e pelo centro histórico.</p>
<p>O vencedor completou a prova em pouco mais de trinta minutos, e a organização já anunciou
que a próxima edição terá também uma categoria para crianças.</p>
<h3>Comentários</h3>
<p>ATENÇÃO: Comentários ofensivos ou fora do tema não serão aprovados pelo moderador.</p>
</article></body></html>"""


def test_a_portuguese_page_loses_its_comment_notice_and_keeps_its_story():
    texts = [b.text for b in extract_blocks(PT_NOTICE)]
    assert texts[0].startswith("A tradicional corrida de rua")
    assert texts[-1].startswith("O vencedor completou a prova")
    assert not any("moderador" in t for t in texts)


@pytest.mark.parametrize("header", ["Tags", "Marcadores", "Schlagwörter", "Étiquettes", "Теги"])
def test_a_tags_header_takes_its_list_of_topics_however_long(header):
    story = [Block("paragraph", "O calendário da temporada foi divulgado pela organização nesta "
                                "segunda-feira, com doze etapas entre março e dezembro."),
             Block("paragraph", "A abertura será em março e o encerramento em dezembro.")]
    topics = ", ".join(f"temporada {n} de corridas" for n in range(2010, 2024))
    assert len(topics) > 160  # longer than a headline
    kept = drop_boilerplate_blocks([*story, Block("paragraph", header),
                                    Block("paragraph", topics)])
    assert kept == story


def test_a_list_of_items_in_the_story_is_kept_without_a_tags_header():
    story = [Block("paragraph", "Na mala, levaram o essencial:"),
             Block("paragraph", "lanterna, corda, fósforos, água, pão, queijo, um mapa da serra")]
    assert drop_boilerplate_blocks(story) == story


PT_STORY = [Block("paragraph", "A feira de artesanato volta à praça central neste fim de semana, "
                               "com mais de cem expositores vindos de toda a região."),
            Block("paragraph", "A prefeitura espera receber cerca de vinte mil visitantes e "
                               "reforçou o transporte público durante os dois dias de evento.")]
PT_TEASERS = [Block("paragraph", "O festival de inverno da serra anunciou a programação completa, "
                                 "com shows gratuitos todas as noites e oficinas para crianças "
                                 "durante as férias escolares."),
              Block("paragraph", "Moradores do bairro alto organizaram um mutirão para limpar o "
                                 "córrego e plantar árvores nativas ao longo das margens, num "
                                 "trabalho que deve durar três meses.")]


@pytest.mark.parametrize("header", ["Você pode gostar...", "Você também pode gostar",
                                    "También te puede gustar", "Vous aimerez aussi",
                                    "Potrebbe interessarti", "Вам может понравиться",
                                    "You may also like"])
def test_teasers_of_other_stories_under_a_you_may_like_header_go(header):
    balanced = [*PT_STORY, Block("heading", header), *PT_TEASERS]
    assert reconcile(balanced, PT_STORY, {}) == PT_STORY


def test_a_story_going_on_after_a_header_the_precise_reading_keeps_is_not_cut():
    balanced = [PT_STORY[0], Block("heading", "Você pode gostar"), *PT_TEASERS, PT_STORY[1]]
    precise = [PT_STORY[0], PT_STORY[1]]
    kept = reconcile(balanced, precise, {})
    assert [b for b in kept if b.kind == "paragraph"] == [PT_STORY[0], *PT_TEASERS, PT_STORY[1]]


def test_story_under_an_ordinary_heading_after_the_precise_reading_is_kept():
    balanced = [*PT_STORY, Block("heading", "O que dizem os expositores"), *PT_TEASERS]
    assert reconcile(balanced, PT_STORY, {}) == [*PT_STORY, *PT_TEASERS]


@pytest.mark.parametrize("line", [
    "12/03/2024 - Publicado por: Marta Lima - Categoria: Cidade - Tags: feira, artesanato",
    "Autor: Hans Meier · Rubrik: Sport",
    "Publié par : Claire Dubois | Catégorie : Culture",
    "Posted by: Jane Doe | Category: Gardening | Tags: frost, dahlias",
])
def test_a_post_s_meta_line_of_labelled_fields_is_boilerplate(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "O autor: um homem que escreveu sobre a categoria: assim começa o livro.",
    "Categoria: Saúde",
])
def test_one_label_or_labels_inside_a_sentence_are_not_a_meta_line(line):
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(("line", "story"), [
    ("Новый мост открыли в субботу после трёх лет ремонта. Фото © Иван Петров",
     "Новый мост открыли в субботу после трёх лет ремонта."),
    ("Η νέα γέφυρα άνοιξε το Σάββατο μετά από τρία χρόνια. Φωτογραφία © Νίκος Παππάς",
     "Η νέα γέφυρα άνοιξε το Σάββατο μετά από τρία χρόνια."),
    ("Nowy most otwarto w sobotę po trzech latach remontu. Łukasz Nowak © Agencja",
     "Nowy most otwarto w sobotę po trzech latach remontu."),
    ("Die neue Brücke wurde am Samstag nach drei Jahren eröffnet. Über uns © Lokalblatt",
     "Die neue Brücke wurde am Samstag nach drei Jahren eröffnet."),
])
def test_a_credit_glued_to_a_sentence_is_cut_in_cyrillic_greek_and_accented_latin(line, story):
    # the next sentence starts with a capital outside A-Z: the story's sentence is kept
    assert trim_promo(line) == story


@pytest.mark.parametrize("line", [
    "नया पुल शनिवार को खोला गया।",  # Hindi: danda
    "هل سيفتح الجسر الجديد يوم السبت؟",  # Arabic question mark
    "نیا پل ہفتے کو کھول دیا گیا۔",  # Urdu full stop
    "Նոր կամուրջը բացվեց շաբաթ օրը։",  # Armenian full stop
])
def test_a_sentence_ending_in_its_own_script_s_full_stop_is_not_headline_like(line):
    assert not is_headline_like(line)


@pytest.mark.parametrize("line", [
    "Pour lire la suite", "Ou si vous avez déjà un compte,", "connectez-vous ici",
    "Créer un compte", "Weiterlesen", "Sie haben bereits ein Konto?", "¿Ya tienes una cuenta?",
    "Continua a leggere", "Já tem uma conta?", "Czytaj dalej", "Читать далее",
])
def test_a_read_on_link_or_account_prompt_standing_alone_is_a_label(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Pour lire la suite du rapport, il faudra attendre la fin du mois.",
    "Wer weiterlesen will, muss das Buch kaufen.",
])
def test_a_sentence_that_starts_like_a_read_on_link_is_story(line):
    assert not is_boilerplate_line(line)


def test_labels_above_the_headline_go_but_a_list_above_its_repeat_stays():
    headline = "Gazpacho andaluz en diez minutos"
    keys = ({"gazpacho andaluz en diez minutos"}, set())
    lead = Block("paragraph", "El gazpacho se prepara en frío y se sirve en vasos, y es la "
                              "receta más pedida de todo el verano en esta casa.")
    page = [Block("paragraph", "Recetas"), Block("paragraph", "Cocina de verano"),
            Block("paragraph", headline), lead]
    assert _without_headlines(page, keys) == [lead]
    ingredients = [Block("paragraph", t) for t in (
        "1 kg de tomates maduros", "1 pepino", "1 pimiento verde", "1 diente de ajo",
        "50 ml de aceite de oliva")]
    # the story is the list itself; the headline comes again in a share box under it
    assert _without_headlines([*ingredients, Block("paragraph", headline)], keys) == ingredients


KO_MASTHEAD = """<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>골목 서점이 다시 늘어나는 이유 - Munhwa</title></head><body>
<div id="header"><a href="/"><h1>문화 칼럼</h1></a>
<ul><li><a href="/news">전체뉴스</a></li><li><a href="/culture">문화</a></li></ul></div>
<div class="view"><div class="title">골목 서점이 다시 늘어나는 이유</div>
<p>몇 해 전만 해도 동네 서점은 하나둘 문을 닫는 업종으로만 여겨졌다.
그런데 요즘 골목마다 작은 서점이 다시 생겨나고 있다.
책을 파는 곳이라기보다 사람들이 모여 이야기를 나누는 공간으로 바뀌었기 때문이다.</p>
<p>이런 서점들은 한 달에 두세 번 작가와의 만남을 열고,
주민들이 직접 고른 책으로 작은 전시를 꾸민다.
손님들은 책을 사러 왔다가 이웃을 만나고, 이웃을 만나러 왔다가 책을 한 권 사 간다.</p></div>
</body></html>"""


def test_an_h1_that_is_a_link_home_is_the_masthead_and_a_co_kr_host_names_the_site():
    article = import_document(KO_MASTHEAD.encode(), url="https://www.munhwa.co.kr/news/1")
    assert article.title == "골목 서점이 다시 늘어나는 이유"


@pytest.mark.parametrize("h1", [
    '<h1 class="site-title">Gazeta do Bairro</h1>',
    '<h1><a href="https://gazeta.example.com.br/">Gazeta do Bairro</a></h1>',
])
def test_an_h1_marked_or_linked_as_the_site_s_title_is_not_the_headline(h1):
    page = f"""<html lang="pt"><head><title>Feira volta à praça | Gazeta do Bairro</title>
    </head><body>{h1}<article><h2>Feira volta à praça central</h2>
    <p>{PT_STORY[0].text}</p><p>{PT_STORY[1].text}</p></article></body></html>"""
    article = import_document(page.encode(), url="https://gazeta.example.com.br/feira")
    assert article.title != "Gazeta do Bairro"
    assert "Gazeta" not in article.title


def test_the_headline_h1_is_the_one_the_title_holds_not_a_menu_button_before_it():
    page = f"""<html lang="pt"><head><title>Feira volta à praça central | Gazeta</title>
    </head><body><h1 class="menu-toggle">Menu</h1><article>
    <h1 class="entry-title mainblogtitle">Feira volta à praça central</h1>
    <p>{PT_STORY[0].text}</p><p>{PT_STORY[1].text}</p></article></body></html>"""
    assert import_document(page.encode()).title == "Feira volta à praça central"


JA_TITLE = """<!doctype html><html lang="ja"><head><meta charset="utf-8">
<title>駅前の商店街に新しい図書館が開館｜みなと新聞</title>
<meta property="og:site_name" content="みなと新聞"></head><body>
<header><div class="logo">みなと新聞</div></header>
<article><p>駅前の商店街の空き店舗を改装した小さな図書館が、今週の土曜日に開館した。
蔵書はおよそ八千冊で、そのうち半分は近所の住民から寄贈されたものだという。</p>
<p>館長の話では、平日の夕方には中学生が宿題をしに集まり、週末には親子連れでにぎわうことを
期待している。開館時間は午前十時から午後七時まで。</p></article></body></html>"""


def test_a_japanese_title_s_unspaced_full_width_bar_cuts_the_site_name():
    assert import_document(JA_TITLE.encode()).title == "駅前の商店街に新しい図書館が開館"


IT_LIST_PASTE = "\n".join([
    "Home", "Notizie", "Offerte",
    "Le offerte del fine settimana per chi ama i giochi da tavolo", "25 novembre 2024",
    "Il fine settimana degli sconti è arrivato anche per chi colleziona giochi da tavolo, e "
    "quest'anno le occasioni sono davvero tante, dai grandi classici alle novità della stagione.",
    "Abbiamo passato in rassegna i negozi online e messo da parte soltanto quello che vale la "
    "pena comprare adesso, prima che le scorte finiscano.",
    "Ecco allora le nostre scelte, con il collegamento a ciascuna offerta:",
    "1) Scacchi in legno da viaggio", "https://example.com/o/1",
    "2) Gioco dell'oca illustrato", "https://example.com/o/2",
    "3) Mazzo di carte napoletane", "https://example.com/o/3",
    "4) Domino in legno di faggio", "https://example.com/o/4",
    "I più letti", "1) Nuovo parcheggio in centro", "2) Il meteo del weekend",
    "3) Chiude lo storico bar della piazza", "Privacy", "Contatti"])


def test_a_numbered_list_the_story_introduces_is_kept_in_a_paste():
    blocks = import_document(IT_LIST_PASTE.encode()).blocks
    text = "\n".join(b.text for b in blocks)
    assert blocks[0].text.startswith("Il fine settimana degli sconti")
    for item in ("Ecco allora le nostre scelte, con il collegamento a ciascuna offerta:",
                 "1) Scacchi in legno da viaggio", "3) Mazzo di carte napoletane",
                 "4) Domino in legno di faggio", "https://example.com/o/4"):
        assert item in text
    assert all(b.kind == "paragraph" for b in blocks)  # list items are not section headings
    assert "parcheggio" not in text and "meteo" not in text

"""Kinds of page the extraction benchmark's non-English pages showed Hark reading worse than
trafilatura, one test each, on a page written for the test in that language.

None of these pages is copied from a benchmark.
"""

from app.importer.html import extract_blocks

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

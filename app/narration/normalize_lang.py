"""Numbers, dates, times, money and units said in an article's own language (not English).

espeak-ng reads a plain number in every language it speaks, and a decimal comma in most; what
it cannot read is news notation: "14.03.2025", "14:30 Uhr", "den 3. Platz", "3:1", "4,2 Mio. €",
"32 mln zł", "31 °C", "40.000". Those are rewritten here, one class at a time in the manner of
NeMo's grammars (date, time, score, ordinal, money and measure, decimal), into words or into
digits espeak-ng reads right. Inflected words (ordinals, Polish and Russian cases and plurals)
come from num2words; month names from the Unicode CLDR through Babel (genitive "marca",
"марта"). Measured per language against espeak-ng alone and NeMo's grammars in
bench/normalization_languages.py: these rules are ahead of both in all eight languages, so
narration uses them (languages.Cast.speakable); docs/benchmarks.md has the figures.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from babel.dates import get_month_names
from num2words import num2words

SLAVIC = {"pl", "ru"}  # one / few / many plurals, genitive singular after a fraction


@dataclass(frozen=True)
class Language:
    """How one language writes and says the things this module reads (data, not code)."""

    group: str  # "." or " " between thousands ("40.000", "40 000"); both are read
    date: str  # a date in words: {day} {month} {year}
    time: str  # {h} {m} (minutes "00" leave only the hour part: time_hour)
    time_hour: str
    score: str  # {a} {b}
    # score words: a "3-1" near one of them is a result (elsewhere "2-3" is a range)
    score_words: str
    units: dict[str, tuple[str, ...]]  # unit key -> (singular, plural) or (one, few, many, gen)
    multipliers: dict[str, tuple[str, ...]]  # abbreviation pattern -> forms as units
    of: str = ""  # between a multiplier and its unit: "millions d'euros", "millones de euros"
    cents: str = "{n} {unit} {c}"  # "12,50 €"
    one: dict[str, str] = field(default_factory=dict)  # "1 Mio." -> "eine Million"


_UNIT_SIGNS = {  # unit key -> how articles write it after a number
    "EUR": r"€|EUR\b", "USD": r"\$|USD\b", "PLN": r"zł|PLN\b", "RUB": r"руб\.?|₽",
    "kmh": r"km/h|км/ч", "km": r"km\b|км\b", "m": r"m\b|м\b", "kg": r"kg\b|кг\b",
    "degC": r"°\s?C\b|°",
    "pct": r"%|proc\.|проц\.",
}
CURRENCIES = {"EUR", "USD", "PLN", "RUB"}

LANGUAGES: dict[str, Language] = {
    "de": Language(
        ".", "{day} {month} {year}", "{h} Uhr {m}", "{h} Uhr", "{a} zu {b}",
        r"gewann|gewinnt|siegte|verlor|verliert|unterlag|schlug|besiegte|Sieg|Niederlage|"
        r"Remis|Endstand|Spiel|Finale|Tore?",
        {"EUR": ("Euro", "Euro"), "USD": ("Dollar", "Dollar"), "PLN": ("Złoty", "Złoty"),
         "RUB": ("Rubel", "Rubel"),
         "km": ("Kilometer", "Kilometer"), "m": ("Meter", "Meter"),
         "kg": ("Kilogramm", "Kilogramm"), "kmh": ("Kilometer pro Stunde",) * 2,
         "degC": ("Grad", "Grad"), "pct": ("Prozent", "Prozent")},
        {r"Mio\.?": ("Million", "Millionen"), r"Mrd\.?": ("Milliarde", "Milliarden")},
        cents="{n} {unit} {c}", one={"Million": "eine Million", "Milliarde": "eine Milliarde"}),
    "fr": Language(
        " ", "{day} {month} {year}", "{h} heures {m}", "{h} heures", "{a} à {b}",
        r"gagn\w*|remport\w*|battu\w*|impos\w*|victoire|défaite|nul|score|match|finale|buts?",
        {"EUR": ("euro", "euros"), "USD": ("dollar", "dollars"), "m": ("mètre", "mètres"),
         "km": ("kilomètre",
         "kilomètres"), "kg": ("kilogramme", "kilogrammes"),
         "kmh": ("kilomètre heure", "kilomètres heure"), "degC": ("degré", "degrés"),
         "pct": ("pour cent", "pour cent")},
        {r"M(?=\s?€)": ("million", "millions"), r"Mds?|Mrds?": ("milliard", "milliards")},
        of="de", cents="{n} {unit} {c}", one={"million": "un million", "milliard": "un milliard"}),
    "es": Language(
        ".", "{day} de {month} de {year}", "{h} y {m}", "{h}", "{a} a {b}",
        r"gan\w*|venci\w*|derrot\w*|perdi\w*|empat\w*|victoria|derrota|partido|final|goles?",
        {"EUR": ("euro", "euros"), "USD": ("dólar", "dólares"), "m": ("metro", "metros"),
         "km": ("kilómetro",
         "kilómetros"), "kg": ("kilo", "kilos"),
         "kmh": ("kilómetro por hora", "kilómetros por hora"), "degC": ("grado", "grados"),
         "pct": ("por ciento", "por ciento")},
        {r"M(?=\s?€)|mill\.": ("millón", "millones")},
        of="de", cents="{n} {unit} con {c}", one={"millón": "un millón"}),
    "it": Language(
        ".", "{day} {month} {year}", "{h} e {m}", "{h}", "{a} a {b}",
        r"vint\w*|vinc\w*|battut\w*|pers\w*|pareggi\w*|vittoria|sconfitta|partita|finale|gol",
        {"EUR": ("euro", "euro"), "USD": ("dollaro", "dollari"), "m": ("metro", "metri"),
         "km": ("chilometro",
         "chilometri"), "kg": ("chilo", "chili"), "kmh": ("chilometro orario",
         "chilometri orari"), "degC": ("grado", "gradi"), "pct": ("per cento", "per cento")},
        {r"mln|mil\.": ("milione", "milioni"), r"mld|mrd": ("miliardo", "miliardi")},
        of="di", cents="{n} {unit} e {c}", one={"milione": "un milione", "miliardo":
                                                "un miliardo"}),
    "pt": Language(
        ".", "{day} de {month} de {year}", "{h} e {m}", "{h} horas", "{a} a {b}",
        r"venc\w*|ganh\w*|derrot\w*|perd\w*|empat\w*|vitória|derrota|jogo|final|golos?",
        {"EUR": ("euro", "euros"), "USD": ("dólar", "dólares"), "m": ("metro", "metros"),
         "km": ("quilómetro",
         "quilómetros"), "kg": ("quilo", "quilos"),
         "kmh": ("quilómetro por hora", "quilómetros por hora"), "degC": ("grau", "graus"),
         "pct": ("por cento", "por cento")},
        {r"M(?=\s?€)|milh\.": ("milhão", "milhões")},
        of="de", cents="{n} {unit} e {c}", one={"milhão": "um milhão"}),
    "nl": Language(
        ".", "{day} {month} {year}", "{h} uur {m}", "{h} uur", "{a} {b}",
        r"w[io]n\w*|versla\w*|verlo\w*|versloeg|gelijk\w*|zege|nederlaag|wedstrijd|finale|"
        r"doelpunt\w*",
        {"EUR": ("euro", "euro"), "USD": ("dollar", "dollar"), "m": ("meter", "meter"),
         "km": ("kilometer",
         "kilometer"), "kg": ("kilo", "kilo"), "kmh": ("kilometer per uur",) * 2,
         "degC": ("graad", "graden"), "pct": ("procent", "procent")},
        {r"mln\.?|mio\.?": ("miljoen", "miljoen"), r"mld\.?|mrd\.?": ("miljard", "miljard")},
        cents="{n} {unit} {c}", one={"miljoen": "een miljoen", "miljard": "een miljard"}),
    "pl": Language(
        " ", "{day} {month} {year} roku", "{h} {m}", "{h}", "{a} do {b}",
        r"wygra\w*|pokona\w*|przegra\w*|zremis\w*|zwycięstw\w*|porażk\w*|mecz\w*|finał\w*|"
        r"gol\w*",
        {"EUR": ("euro",) * 4, "USD": ("dolar", "dolary", "dolarów", "dolara"),
         "PLN": ("złoty", "złote", "złotych", "złotego"),
         "km": ("kilometr", "kilometry", "kilometrów", "kilometra"),
         "m": ("metr", "metry", "metrów", "metra"),
         "kg": ("kilogram", "kilogramy", "kilogramów", "kilograma"),
         "kmh": ("kilometr na godzinę", "kilometry na godzinę", "kilometrów na godzinę",
                 "kilometra na godzinę"),
         "degC": ("stopień", "stopnie", "stopni", "stopnia"), "pct": ("procent",) * 4},
        {r"mln": ("milion", "miliony", "milionów", "miliona"),
         r"mld": ("miliard", "miliardy", "miliardów", "miliarda"),
         r"tys\.": ("tysiąc", "tysiące", "tysięcy", "tysiąca")},
        cents="{n} {unit} {c} groszy"),
    "ru": Language(
        " ", "{day} {month} {year} года", "{h} {m}", "{h} часов", "{a} {b}",
        r"выигр\w*|побед\w*|проигр\w*|обыгр\w*|ничь\w*|матч\w*|финал\w*|счёт\w*|счет\w*|"
        r"гол\w*",
        {"EUR": ("евро",) * 4, "USD": ("доллар", "доллара", "долларов", "доллара"),
         "RUB": ("рубль", "рубля", "рублей", "рубля"),
         "km": ("километр", "километра", "километров", "километра"),
         "m": ("метр", "метра", "метров", "метра"),
         "kg": ("килограмм", "килограмма", "килограммов", "килограмма"),
         "kmh": ("километр в час", "километра в час", "километров в час", "километра в час"),
         "degC": ("градус", "градуса", "градусов", "градуса"),
         "pct": ("процент", "процента", "процентов", "процента")},
        {r"млн\.?": ("миллион", "миллиона", "миллионов", "миллиона"),
         r"млрд\.?": ("миллиард", "миллиарда", "миллиардов", "миллиарда"),
         r"тыс\.": ("тысяча", "тысячи", "тысяч", "тысячи")},
        cents="{n} {unit} {c} копеек"),
}

_NUMBER = r"\d+(?:,\d+)?"
_DATE = re.compile(r"(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?!\d|[.,/-]\d)")
_GROUPED = {".": re.compile(r"(?<![\d,.])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)"),
            " ": re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])")}
_THIN_GROUP = re.compile(r"(?<![\d,.])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\d,])")
_NOT_MORE = r"(?!\d|[.,:/-]\d)"  # the number ends here (a full stop may end the sentence)
_TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])(?::|h|\.(?=\d\d\s?(?:Uhr|uur|h)\b))"
                   rf"([0-5]\d)(?:\s?(?:Uhr|uur)\b)?{_NOT_MORE}")
_HOUR = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])\s?h(?!\w)")
_SCORE_COLON = re.compile(rf"(?<![\d.,:])(\d{{1,2}}):(\d){_NOT_MORE}")
_SCORE_DASH = re.compile(
    rf"(?<![\d.,:/-])(\d{{1,2}})\s?[-–]\s?(\d{{1,2}}){_NOT_MORE}(?!\s?(?:Uhr|h)\b)")
_PAIR = re.compile(r"(\d+),(\d+)")


def speakable(text: str, lang: str) -> str:
    """What espeak-ng is given for `text` in `lang` (BCP 47 primary subtag): news notation
    said in that language; text in a language without rules here is returned as it is."""
    if lang not in LANGUAGES:
        return text
    return _spoken(text, lang)


@functools.lru_cache(maxsize=16384)
def _spoken(text: str, lang: str) -> str:
    rules = LANGUAGES[lang]
    text = _THIN_GROUP.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)
    text = _DATE.sub(lambda m: _date(m, lang), text)
    text = _GROUPED[rules.group].sub(lambda m: re.sub(r"\D", "", m.group(0)), text)
    text = _TIME.sub(lambda m: _time(m, lang), text)
    text = _HOUR.sub(lambda m: _time(m, lang) if lang in ("fr", "pt") else m.group(0), text)
    text = _SCORE_COLON.sub(lambda m: _score(m, lang), text)
    text = _score_dashes(text, lang)
    text = _ORDINALS[lang](text)
    text = _amounts(text, lang)
    if lang == "ru":
        text = _PAIR.sub(lambda m: num2words(float(f"{m[1]}.{m[2]}"), lang="ru"), text)
    return " ".join(text.split())


# --- plurals ------------------------------------------------------------------------------------

def _form(forms: tuple[str, ...], number: str, lang: str) -> str:
    """The word form after `number` ("4,2", "32"): CLDR's plural categories, simplified."""
    if lang in SLAVIC:
        one, few, many, fraction = forms
        if "," in number:
            return fraction
        n = int(number)
        if lang == "pl" and n == 1 or lang == "ru" and n % 10 == 1 and n % 100 != 11:
            return one
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return few
        return many
    singular, plural = forms[0], forms[-1]
    value = float(number.replace(",", "."))
    if lang == "fr":
        return singular if value < 2 else plural
    return singular if value == 1 else plural


# --- dates --------------------------------------------------------------------------------------

@functools.cache
def _months(lang: str) -> dict[int, str]:
    return dict(get_month_names("wide", context="format", locale=lang))


def _genitive_pl(ordinal: str, last: int = 2) -> str:
    """Polish ordinal words in the genitive ("czternasty" -> "czternastego"), last words only."""
    words = ordinal.split()
    for i in range(max(0, len(words) - last), len(words)):
        w = words[i]
        words[i] = w[:-1] + "ego" if w.endswith("y") else w + "ego" if w.endswith("i") else w
    return " ".join(words)


def _date(m: re.Match[str], lang: str) -> str:
    day, month, year = int(m[1]), int(m[3]), int(m[4])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    name = _months(lang)[month]
    if lang == "de":
        before = m.string[max(0, m.start() - 12):m.start()].split()
        ending = "n" if before and before[-1].lower() in _DE_DATIVE else ""
        said = num2words(day, lang="de", to="ordinal") + ending
        return f"{said} {name} {year}"
    if lang == "pl":
        d = _genitive_pl(num2words(day, lang="pl", to="ordinal"))
        y = _genitive_pl(num2words(year, lang="pl", to="ordinal"))
        return LANGUAGES[lang].date.format(day=d, month=name, year=y)
    if lang == "ru":
        d = num2words(day, lang="ru", to="ordinal", case="genitive", gender="n")
        y = num2words(year, lang="ru", to="ordinal", case="genitive")
        return LANGUAGES[lang].date.format(day=d, month=name, year=y)
    first = {"fr": "premier", "it": "primo"}.get(lang) if day == 1 else None
    return LANGUAGES[lang].date.format(day=first or day, month=name, year=year)


# German ordinals take -n after these (dative and accusative: "am 14.", "den 3. Platz").
_DE_DATIVE = {"am", "vom", "zum", "im", "beim", "dem", "den", "des", "zur", "der", "seit",
              "bis", "ab"}


# --- times and scores ---------------------------------------------------------------------------

def _time(m: re.Match[str], lang: str) -> str:
    rules = LANGUAGES[lang]
    h = int(m[1])
    minutes = m[2] if m.lastindex and m.lastindex >= 2 else "00"
    hour: str | int = h
    if lang == "pl":  # "o czternastej trzydzieści": the hour is a feminine ordinal
        ordinal = num2words(h, lang="pl", to="ordinal")
        before = m.string[max(0, m.start() - 3):m.start()].strip().lower()
        ending = "ej" if before == "o" else "a"
        hour = " ".join(w[:-1] + ending if w.endswith("y") else w + ending.lstrip("e")
                        if w.endswith("i") else w for w in ordinal.split())
    elif lang == "ru":
        hour = num2words(h, lang="ru")
    if minutes == "00":
        return rules.time_hour.format(h=hour)
    said_m: str | int = int(minutes) if lang != "ru" else num2words(int(minutes), lang="ru")
    if minutes.startswith("0") and lang in ("de", "nl", "pl"):
        said_m = f"null {int(minutes)}" if lang != "pl" else f"zero {int(minutes)}"
    return rules.time.format(h=hour, m=said_m)


def _score(m: re.Match[str], lang: str) -> str:
    a, b = m[1], m[2]
    if lang == "pl":
        b = _PL_GENITIVE.get(int(b), b)
    if lang == "ru":
        a, b = num2words(int(a), lang="ru"), num2words(int(b), lang="ru")
    return LANGUAGES[lang].score.format(a=a, b=b)


# Polish after "do" (genitive): "trzy do jednego"
_PL_GENITIVE = {0: "zera", 1: "jednego", 2: "dwóch", 3: "trzech", 4: "czterech", 5: "pięciu",
                6: "sześciu", 7: "siedmiu", 8: "ośmiu", 9: "dziewięciu", 10: "dziesięciu"}


def _score_dashes(text: str, lang: str) -> str:
    """"3-1" near a word of sport is a result; elsewhere "2-3" is a range, left as it is."""
    words = re.compile(rf"\b(?:{LANGUAGES[lang].score_words})\b", re.I)

    def said(m: re.Match[str]) -> str:
        near = m.string[max(0, m.start() - 60):m.end() + 40]
        return _score(m, lang) if words.search(near) else m.group(0)

    return _SCORE_DASH.sub(said, text)


# --- ordinals -----------------------------------------------------------------------------------

def _ordinal_de(text: str) -> str:
    def said(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - 12):m.start()].split()
        ending = "n" if before and before[-1].lower() in _DE_DATIVE else ""
        return num2words(int(m[1]), lang="de", to="ordinal") + ending + " "
    # "den 3. Platz": a number with a full stop before a capitalised word (German nouns), but
    # not before a word that opens a sentence ("stieg auf 12. Die Polizei ..."): an ordinal
    # qualifies a noun, never an article, a pronoun or a conjunction
    return re.sub(rf"(?<![\d.,])(\d{{1,3}})\.\s(?!(?:{_DE_SENTENCE_OPENERS})\b)"
                  r"(?=[A-ZÄÖÜ][a-zäöüß])", said, text)


_DE_SENTENCE_OPENERS = "|".join(
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ihr Ich Man Dies Diese "
    "Dieser Dieses Damit Dann Doch Denn Auch Aber Und Oder Nach Bei Im In Am Auf Aus Mit Von "
    "Vor Seit Zum Zur Für Um Als Wie Wenn Weil Dass Da So Noch Nun Jetzt Heute Laut Nur Mehr "
    "Bisher Zudem Außerdem Insgesamt Alle Viele Einige Was Wer Wo Warum".split())


def _ordinal_suffix(lang: str, pattern: str, feminine: Callable[[str], str] | None = None
                    ) -> Callable[[str], str]:
    regex = re.compile(pattern)

    def said(m: re.Match[str]) -> str:
        word = num2words(int(m[1]), lang=lang, to="ordinal")
        if m.lastindex and m.lastindex >= 2 and m[2] and feminine:
            word = feminine(word)
        return word

    return lambda text: regex.sub(said, text)


def _feminine_o(word: str) -> str:
    return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in word.split())


def _ordinal_pl(text: str) -> str:
    def said(m: re.Match[str]) -> str:
        word, noun = num2words(int(m[1]), lang="pl", to="ordinal"), m[2]
        ending = "ie" if noun.endswith(("e", "o", "um")) else "a" if noun.endswith("a") else ""
        if ending:
            word = " ".join(w[:-1] + ending if w.endswith("y") else
                            w + ending.lstrip("i") if w.endswith("i") else w
                            for w in word.split())
        return f"{word} {noun}"
    return re.sub(r"(?<![\d.,])(\d{1,3})\.\s([a-ząćęłńóśźż]+)", said, text)


_RU_ENDINGS = {"е": ("n", "nominative"), "й": ("m", "nominative"), "я": ("f", "nominative"),
               "го": ("m", "genitive"), "му": ("m", "dative"), "ой": ("f", "genitive")}


def _ordinal_ru(text: str) -> str:
    def said(m: re.Match[str]) -> str:
        gender, case = _RU_ENDINGS[m[2]]
        return num2words(int(m[1]), lang="ru", to="ordinal", gender=gender, case=case)
    return re.sub(r"(?<![\d.,])(\d{1,4})-(го|му|ой|е|й|я)\b", said, text)


_ORDINALS: dict[str, Callable[[str], str]] = {
    "de": _ordinal_de,
    "fr": _ordinal_suffix("fr", r"(?<![\d.,])(\d{1,3})(?:e|è|ème|er|(re))\b"),
    "es": _ordinal_suffix("es", r"(?<![\d,])(\d{1,3})\.?(?:º|°(?!\s?C)|o\b|(ª))", _feminine_o),
    "it": _ordinal_suffix("it", r"(?<![\d,])(\d{1,3})(?:º|°(?!\s?C)|(ª))", _feminine_o),
    "pt": _ordinal_suffix("pt", r"(?<![\d,])(\d{1,3})\.?(?:º|°(?!\s?C)|(ª))", _feminine_o),
    "nl": _ordinal_suffix("nl", r"(?<![\d.,])(\d{1,3})(?:e|ste|de)\b"),
    "pl": _ordinal_pl,
    "ru": _ordinal_ru,
}


def _before_noun(num: str, lang: str) -> str:
    """A whole number as said before a noun, where the language shortens it: Spanish "uno"
    is "un" before a masculine noun ("treinta y un grados"); espeak-ng reads "31" as "uno"."""
    if lang == "es" and num.isdigit() and int(num) % 10 == 1 and int(num) % 100 != 11:
        return re.sub(r"(veinti)?uno$", lambda m: "veintiún" if m[1] else "un",
                      num2words(int(num), lang="es"))
    return num


# --- money and measures -------------------------------------------------------------------------

@functools.cache
def _amount_pattern(lang: str) -> re.Pattern[str]:
    rules = LANGUAGES[lang]
    units = "|".join(f"(?P<u_{key}>{sign})" for key, sign in _UNIT_SIGNS.items()
                     if key in rules.units)
    mults = "|".join(f"(?P<m{i}>{p})" for i, p in enumerate(rules.multipliers))
    return re.compile(
        rf"(?:(?P<pre>€|\$)\s?)?(?<![\d,])(?P<num>{_NUMBER})(?:\s?(?:{mults}))?"
        rf"(?:\s?(?:{units}))?(?![\w])")


def _amounts(text: str, lang: str) -> str:
    rules = LANGUAGES[lang]
    multipliers = list(rules.multipliers.values())

    def said(m: re.Match[str]) -> str:
        num = m["num"]
        mult = next((multipliers[int(k[1:])] for k, v in m.groupdict().items()
                     if k.startswith("m") and k[1:].isdigit() and v), None)
        unit = next((k[2:] for k, v in m.groupdict().items() if k.startswith("u_") and v), None)
        if m["pre"]:
            unit = unit or {"€": "EUR", "$": "USD"}[m["pre"]]
        if not mult and not unit:
            return m.group(0)
        return _said_amount(num, mult, unit, lang) + _sentence_stop(m)

    return _amount_pattern(lang).sub(said, text)


def _said_amount(num: str, mult: tuple[str, ...] | None, unit: str | None, lang: str) -> str:
    """"4,2" with "Mio." and "EUR" -> "4,2 Millionen Euro"; "12,50" "EUR" -> "12 Euro 50"."""
    rules = LANGUAGES[lang]
    if unit in CURRENCIES and not mult and "," in num and len(num.split(",")[1]) == 2:
        whole, cents = num.split(",")
        return rules.cents.format(n=whole, unit=_form(rules.units[unit], whole, lang),
                                  c=int(cents))
    out = num
    if mult:
        word = _form(mult, num, lang)
        out = rules.one.get(word, word) if num == "1" else f"{num} {word}"
    if unit:
        if mult:
            unit_word = _form(rules.units[unit], "5" if lang in SLAVIC else "2", lang)
            if rules.of:
                joiner = "d'" if rules.of == "de" and lang == "fr" and unit_word[0] in \
                    "aeiouéè" else f"{rules.of} "
                unit_word = f"{joiner}{unit_word}"
            out = f"{out} {unit_word}"
        else:
            out = f"{_before_noun(num, lang)} {_form(rules.units[unit], num, lang)}"
    return out


def _sentence_stop(m: re.Match[str]) -> str:
    """The full stop an abbreviation took at the end of a sentence ("… 21 млн руб."), given
    back: the abbreviation's dot was also the sentence's."""
    rest = m.string[m.end():]
    if m.group(0).endswith(".") and (not rest.strip() or rest[:1].isspace()
                                     and rest.lstrip()[:1].isupper()):
        return "."
    return ""

"""Hark's rules for what is written with digits, before and after the engine (pure).

Decades, numeric and ISO dates day first, short weekdays, ranges, ratios and scores, British
telephone and road numbers, dialled and flight numbers, aircraft models, 24-hour times,
money with scales and other countries' dollars, temperatures, heights, units the engine
spells, counts that are not years, plurals of numbers. Sources: the Guardian and BBC News
style guides (dates day first; "the 1990s", "the 90s"; scores "won 3-1" said "three-one",
"2-0" said "two-nil"; "35C"; "£45m", "£1.2bn"); the SI brochure for unit names; Hart's Rules
for "c." and "p.".
"""

from __future__ import annotations

import re

# Unit symbols NeMo reads as letters ("2 mA" -> "two M A") or leaves alone: written (case
# as written) -> said, singular. After a number only. Names as the SI brochure and the
# Guardian style guide give them.
UNIT_SYMBOLS = {
    "mA": "milliampere", "mAh": "milliampere hour", "kV": "kilovolt", "MV": "megavolt",
    "MW": "megawatt", "MWh": "megawatt hour", "kWh": "kilowatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte",
    "GB": "gigabyte", "dB": "decibel", "kHz": "kilohertz", "MHz": "megahertz", "ha": "hectare",
    "kph": "kilometre per hour", "kt": "knot", "µg": "microgram", "µm": "micrometre",
    "hrs": "hour", "mins": "minute", "secs": "second",
}

# Units, written short or in full, that show the number before them counts (plural forms).
COUNTED_UNITS = frozenset("""
m km cm mm ft mi yd kg lb lbs oz ha metres meters kilometres kilometers centimetres
millimetres miles feet yards inches tonnes tons kilograms grams pounds litres liters gallons
acres hectares
""".split()) | {f"{said}s" for said in UNIT_SYMBOLS.values()}

# Words after a distance in metres in sport ("the 100m final", "4x400m relay"); there "m"
# is not millions.
RACE_WORDS = ("final|finals|race|relay|hurdles|sprint|freestyle|butterfly|backstroke|"
              "breaststroke|medley|individual|record|title|heat|heats|semi-final|champion|"
              "gold|silver|bronze|run|dash|steeplechase|swim")

# Road numbers ("A303", "M25", "B4009"): the letter, then a number of one or two digits as a
# number ("M twenty five"), of three or four digit by digit with "oh" ("A three oh three"),
# as British drivers and traffic bulletins say them.
_ROAD_NUMBER = re.compile(r"\b(?P<road>[ABM])(?P<n>[1-9]\d{2,3})(?P<m>\(M\))?(?![\w.,]\w|-\d)")

# Aircraft model numbers as makers, pilots and newsreaders say them: Boeing's three digits one
# by one ("Boeing 747" -> "seven four seven", "707" -> "seven oh seven"); other three-digit
# designations in pairs ("Airbus A380" -> "A three eighty", "C-130" -> "C one thirty",
# "F-111" -> "F one eleven", "KC-135"). The engine reads them all as cardinals.
AIRCRAFT_WORDS = ("jet|jets|aircraft|airliner|airliners|plane|planes|superjumbo|jumbo|jumbos|"
                  "fleet|neo|family|freighter|freighters|Max|MAX|Dreamliner|Dreamliners")
_AIRCRAFT_AFTER = re.compile(rf"s?\s(?:{AIRCRAFT_WORDS})\b")
_AIRBUS = re.compile(r"\bairbus\b", re.I)
_BOEING_MODEL = re.compile(r"(?P<maker>\b[Bb]oeing\s+)(?P<n>[1-9]\d{2})(?:-(?P<v>[1-9]\d{2}))?"
                           r"(?P<s>s?)\b(?![.,]\d)")
# A Boeing jetliner named without the maker: "the 737 Max", "747s", "a 787 Dreamliner".
_SEVEN_X_SEVEN = re.compile(r"(?<![\w.,£$€#/-])(?P<n>7[0-8]7)(?:-(?P<v>[1-9]\d{2}))?(?P<s>s?)"
                            rf"(?=\s(?:{AIRCRAFT_WORDS})\b|(?<=s)\b)")
_AIRBUS_MODEL = re.compile(r"\bA(?P<n>[1-9]\d{2})(?P<s>s|neo)?\b(?![.,-]\d)")
# Capitals, a hyphen, three digits: a military or civil designation ("C-130", "CN-235").
_DESIGNATION = re.compile(r"(?<![\w-])(?P<l>[A-Z]{1,2})-(?P<n>[1-9]\d{2})(?P<s>s?)(?![\w-]|[.,]\d)")
# "A" joined to a number of one or two digits ("the A1(M)", "A4 paper", "the A14"): the
# letter, which espeak-ng says as the article once the engine has split it from its number.
_A_NUMBER = re.compile(r"\bA(?P<n>[1-9]\d?)(?P<m>\(M\))?(?![\w.,/-]\w|\.\d)")

# Currency signs and what follows a scale word ("£45,000m" -> "45,000 million pounds").
CURRENCIES = {"£": "pounds", "$": "dollars", "€": "euros", "¥": "yen"}

SCALES = {"k": "thousand", "m": "million", "bn": "billion", "tn": "trillion", "trn": "trillion",
          "million": "million", "billion": "billion", "trillion": "trillion"}

# Words before a number and a letter that make it a label, not a temperature ("Seat 35C").
LABEL_WORDS = frozenset("""
seat room gate platform flat unit form block apartment bus route row stand grade size class
page no number level terminal pier bay plot exit junction box locker ward bed section article
clause schedule paragraph part chapter appendix annex figure table question item note step
phase zone area category band tier type model version year
""".split())

# Words a score follows or precedes: there "3-1" is "three-one" and 0 is "nil" (BBC usage).
SCORE_WORDS = ("won|win|wins|winning|beat|beats|beaten|lost|lose|loses|losing|defeated|defeat|"
               "drew|draw|drawn|victory|lead|led|leads|leading|trail|trailed|trailing|score|"
               "scored|scoreline|thrashed|thrashing|hammered|edged|aggregate|final|result")

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]

_DECADE_WORDS = {"1": "tens", "2": "twenties", "3": "thirties", "4": "forties", "5": "fifties",
                 "6": "sixties", "7": "seventies", "8": "eighties", "9": "nineties"}

_TEENS = {"10": "ten", "11": "eleven", "12": "twelve", "13": "thirteen", "14": "fourteen",
          "15": "fifteen", "16": "sixteen", "17": "seventeen", "18": "eighteen",
          "19": "nineteen", "20": "twenty"}

_DECADE = re.compile(r"\b(1[0-9]|20)([0-9])0s\b")

_SHORT_DECADE = re.compile(r"(?<![\w'’])['’]?([2-9])0s\b")

_DECADE_RANGE = re.compile(r"(?<=0s)\s?[-–]\s?(?=(?:\d\d)?\d0s\b|['’]\d0s\b)")

# Day first whatever the separator: "03/04/2025", "3.4.2025" (dots are European), "03-04-2025".
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(\d{1,2})(?P<sep>[/.-])(\d{1,2})(?P=sep)(\d{4})(?![\d/-]|\.\d)")

_TIME_RANGE = re.compile(r"(\d(?:[.:]\d\d)?\s?[ap]\.?m\.?)\s?[-–]\s?(?=\d)", re.I)

_RANGE = re.compile(
    r"(?<![\w.,/)+-])(?P<a>\d{1,3}(?:,\d{3})*|\d+)(?P<unit>%|[a-zA-Z]{1,3})?\s?[-–]\s?"
    r"(?P<b>\d{1,3}(?:,\d{3})*|\d+)(?![/\d]|[-–]\w|\.\d|[a-zA-Z]{4})(?P<word>\s+[a-z%]|%|[a-zA-Z]{1,3}\b)?")

# A score word, then at most a word and a name ("beat Manchester United 2-1", "defeated
# Gabriela Sabatini, 6-4").
# A range with a decimal in it ("4.5-5%", "1.5-2.5 metres"): the engine read "dot" and "dash".
_DECIMAL_RANGE = re.compile(r"(?<![\w.,/)+-])(?P<a>\d+(?:\.\d+)?)(?P<u>%)?[-–](?P<b>\d+(?:\.\d+)?)"
                            r"(?![\d.]\d|[-–/]\d)")

_SCORE_BEFORE = re.compile(rf"\b(?:{SCORE_WORDS})\b\W+(?:\w+\W+)?(?-i:[A-Z][\w'’.-]*\W+){{0,2}}$",
                           re.I)
# Pairs in a list ("6-4, 3-6, 7-6") share the first one's reading: all scores or all ranges.
_PAIRS_BEFORE = re.compile(r"(?:\d+\s?[-–]\s?\d+,\s?)+$")

_SCORE_AFTER = re.compile(rf"^\W*(?:\w+\W+)?(?:{SCORE_WORDS})\b", re.I)

# A bare whole number of 5-9 digits before a word counts something ("45702 people"):
# grouped, the engine reads it as one number; alone (a code, a postcode) digit by digit.
_BIG_NUMBER = re.compile(r"(?<![\w.,/#:+-])([1-9]\d{4,8})(?=\s+[a-z])")

_DAY_LEADING_ZERO = re.compile(r"\b0([1-9])(?= (?:" + "|".join(_MONTHS) + r")\b)")

# Book and serial numbers are read digit by digit, a zero as "oh", the hyphens silent.
_IDENTIFIER = re.compile(r"\b(?P<kind>ISBN|ISSN|LCCN|OCLC)(?P<sep>(?:-1[03])?:?\s*)"
                         r"(?P<num>\d[\d-]*[\dX](?:\s?-\s?X\b)?)")

_DIGIT_NAMES = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

# A software version "1.1.3" (two points; an IP address has three): "one point one point
# three", not a decimal after a full stop.
_VERSION = re.compile(r"(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}(?!\w|\.\d)")

# A British telephone number: groups of digits after a leading 0 or +44, 10 or 11 digits in
# all; said digit by digit, "oh" for 0 (as BT's and the BBC's announcers do), a pause
# between groups (NeMo's telephone class does the same for American numbers).
_UK_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{1,4}\)?(?:[ -]\d{3,6}){1,2}"
                       r"(?![\d,.]\d|[\w-])")

# Money in thousands with a scale ("£45,000m", "$1,200 million"), or a scale the engine does
# not know ("£1.2tn", "€500k"): the scale word, then the currency.
_MONEY_SCALE = re.compile(
    r"(?P<cur>[£$€¥])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?=\s?(?:k|tn|trn)\b))"
    r"\s?(?P<s>k|m|bn|tn|trn|million|billion|trillion)\b")

# A temperature written the British way, "35C" or "-5C" (the Guardian's style): degrees.
_TEMPERATURE = re.compile(r"(?<![\w.,#/-])(?P<pre>(?:(?P<w>[A-Za-z]+)\s)?)(?P<n>-?\d{1,3}(?:\.\d)?)"
                          r"(?P<u>[CF])\b(?![\w'’-])")

# A 24-hour time with a full stop or none before a time zone ("19.30 GMT", "0900 BST").
_ZONE_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])(?:[.h]|(?<=\d\d))(?P<m>[0-5]\d)"
                        r"(?=\s?(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT)\b)")

# After a number: "in" and "st" joined to it are inches and stone ("6ft 2in", "10st 4lb").
_INCHES = re.compile(r"(?<=\d)in\b")

_STONE = re.compile(r"\b(?P<n>\d+)st\b(?P<lb>\s\d+\s?lb)?")

_ORDINAL_HYPHEN = re.compile(r"(?<=\d(?:st|nd|rd|th))-(?=[a-z])")  # "the 21st-century"

# Letters joined to a number ("PM2.5", "PM10"): apart, the engine reads each.
_LETTERS_NUMBER = re.compile(r"\b(?P<l>[A-Z]{2,3})(?P<n>\d+\.\d+)\b")

# "4x100m", "a 4x4", "3 x 2 m": "by"
_BY = re.compile(r"(?<![\w.])(?!0x)(?P<a>\d+(?:\.\d+)?)\s?[x×]\s?(?=\d)")

_PAGE_DOT = re.compile(r"(?:(?<=\bp)|(?<=\bpp))\.(?=\d)")  # "p.130" as "p. 130", not a decimal

# "a 5,000-strong crowd", "a £1.2bn-a-year deal": the hyphen joins words, not numbers
_COMPOUND_HYPHEN = re.compile(r"(?:(?<=,\d{3})|(?<=\dbn)|(?<=\dm)|(?<=\dk)|(?<=\dtn))-(?=[a-z])")

# A measure joined to an adjective of size ("a 10m-long tunnel", "a 2ft-high wall") modifies
# a noun: its unit is singular, "a ten metre long tunnel".
_SIZE_UNITS = {"m": "metre", "km": "kilometre", "cm": "centimetre", "mm": "millimetre",
               "ft": "foot", "in": "inch", "mile": "mile", "metre": "metre", "foot": "foot"}
_SIZE_COMPOUND = re.compile(r"(?<![\w.,£$€])(?P<n>\d[\d,]*(?:\.\d+)?)\s?(?P<u>"
                            + "|".join(_SIZE_UNITS) + r")-(?P<w>long|high|wide|deep|tall|thick)\b")

# A financial or sporting year written with a slash, "2019/20", "2019/2020": one year to the next.
_YEAR_SLASH = re.compile(r"(?<![\d/])(?P<a>(?:1[89]|20)\d\d)/(?P<b>\d\d(?:\d\d)?)(?![\d/])")

# Two numbers joined by a slash that is not a fraction's ("24/7", "9/11", "7/7"): a fraction has
# a smaller numerator or a usual denominator; else the two numbers are said in turn.
_NOT_FRACTION = re.compile(r"(?<![\w/.])(?P<n>\d{1,2})/(?P<d>\d{1,2})(?![\w/]|\.\d)")

_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 32, 64, 100})

# A scale joined to a bare number ("8bn people", "2m homes"): "bn" and "tn" always; "m"
# before a plural noun (after the rules for metres, so "400m hurdles" stays a distance).
_BARE_SCALE = re.compile(r"(?<![£$€¥\w.,])(?P<n>\d+(?:\.\d+)?)(?P<s>bn|tn|trn)\b")
_BARE_MILLIONS = re.compile(r"(?<![£$€¥\w.,])(?P<n>\d+(?:\.\d+)?)m(?= (?:[a-z]+s|people|children|"
                            r"men|women)\b)")

# A height in feet and inches ("5'6\"", "6'2"): "five foot six", as British speakers say it.
_HEIGHT = re.compile(r"(?<![\w.'’])(?P<f>[3-7])['’](?P<i>\d|1[01])(?:\"|”|''|’’)?(?![\w'’]|\.\d)")
_SPACED_INCHES = re.compile(r"\b(?P<ft>ft|feet|foot) (?P<i>\d{1,2}) ?in\b")

# A ratio ("a 2:1 majority", "odds of 5:1"): a single digit after the colon is not a minute.
# After a capitalized word it is a verse ("Genesis 1:1") and stays as written.
_RATIO = re.compile(r"(?<![\w:.])(?P<a>\d{1,2}):(?P<b>\d)(?![\d:]|\.\d)")
_CAPITALIZED_BEFORE = re.compile(r"\b[A-Z][a-z]+\s$")

# The first hour of the 24-hour clock: "00:00" is midnight, "00:01" "twelve oh one a.m."
# (the engine said "zero o one"). Later hours stay on the 24-hour clock ("twenty three
# hundred", "nineteen thirty"), as British timetables and the World Service read them.
_MIDNIGHT_HOUR = re.compile(r"(?<![\d:.])00[:.](?P<m>[0-5]\d)(?![\d:]|\.\d|\s?[ap]\.?m\b)", re.I)

_PER_CENT = re.compile(r"(?<=\d)pc\b")  # "3.4pc": per cent, in the Telegraph's style

_POINTS = re.compile(r"(?<=\d) ?pts\b(?:\.(?=\s+[a-z]))?")  # "12 pts": points

_HASH_NUMBER = re.compile(r"#\s?(?=\d)")

_NUMBER_SIGN = re.compile(r"\bNo\.?\s?(?=\d)")

_UNITS = [(re.compile(r"(?<=\d)\s?mm\b"), " millimetres"),
          (re.compile(r"(?<=\d)\s?km/h\b"), " kilometres per hour"),
          (re.compile(r"(?<=\d)\s?mph\b"), " miles per hour")]

_UNIT_SYMBOL = re.compile(r"(?P<n>\d(?:[\d,]*\d)?(?:\.\d+)?)\s?(?P<u>"
                          + "|".join(sorted(UNIT_SYMBOLS, key=len, reverse=True))
                          + r")(?![\w/])")

_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|A|An) $")

_NOUN_AFTER = re.compile(r"[- ][a-z]")

_PENCE = re.compile(r"(?<![\w.£$€])(?P<n>\d+(?:\.\d+)?)p\b(?![.']\w)")

# A number of four digits before a unit, or after "about" and before a plural, counts
# something: grouped, the engine reads it as a cardinal, not as a year ("twelve twenty
# metres", "twenty five hundred people").
_COUNT_BEFORE_UNIT = re.compile(r"(?<![\w.,/#:+-])([1-9]\d{3})(?=\s?(?:" + "|".join(
    sorted(COUNTED_UNITS, key=len, reverse=True)) + r")\b)")

_COUNT_AFTER_ABOUT = re.compile(
    r"\b(?P<w>(?i:about|around|some|nearly|almost|roughly|approximately|over|than|least|"
    r"estimated)) ([1-9]\d{3})(?= (?:[a-z]+s|people|children|men|women|staff)\b)")

# "m" after a bare number (no currency sign) before a pause or a word of place: metres.
_METRES = re.compile(r"(?<![£$€\d.,])(\d[\d,]*(?:\.\d+)?)\s?m\b(?=\s*[).,;:]|\s*$|\s+(?:above|"
                     r"below|high|tall|long|wide|deep|away|from|under|of|by|x|" + RACE_WORDS
                     + r")\b|\s+\(\d[\d,.]*\s?(?:ft|feet|yd|yards|mi|miles)\b)")
# After a verb of moving, "ran 100m", "swam 400m": metres whatever follows.
_METRES_MOVED = re.compile(r"\b(?P<v>(?i:ran|run|runs|running|swam|swim|swims|swimming|sprinted|"
                           r"jumped|leapt|threw|thrown|throws|dived|fell|plunged|climbed|rowed|"
                           r"walked|cycled|hurled|vaulted|cleared)) (?P<n>\d[\d,]*(?:\.\d+)?)m\b")

# An ISO date, year first ("2016-03-04"): the fourth of March, day first as everywhere else.
_ISO_DATE = re.compile(r"(?<![\d/.-])(?P<y>1[6-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])"
                       r"-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])")

# A weekday written short before a date ("Sat 12 Oct", "Tue, 3 March"): said in full.
WEEKDAYS = {"Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
            "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
            "Sat": "Saturday", "Sun": "Sunday"}
_SHORT_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = re.compile(r"\b(?P<d>" + "|".join(WEEKDAYS) + r")\.?(?=,?\s+(?:\d{1,2}(?:st|nd|rd|th)?"
                      r"\s+" + _SHORT_MONTH + r"|" + _SHORT_MONTH + r"\s+\d{1,2}\b))")

# Emergency and service numbers are dialled, so said digit by digit ("call 999", "NHS 111",
# "a 999 call"); other numbers after "call" are counts ("call 100 witnesses").
_DIALLED = re.compile(r"\b(?P<v>(?:[Cc]all|[Cc]alled|[Cc]alling|[Dd]ial|[Dd]ialled|[Dd]ialed|"
                      r"[Dd]ialling|[Rr]ing|[Rr]ang|[Pp]hone|[Pp]honed|[Tt]ext|NHS)\s+(?:on\s+)?)"
                      r"(?P<n>999|111|112|911|101|105|119)\b(?![.,]\d|\s?[-–/]\s?\d|\s+[a-z]+s\b)"
                      r"|(?<![\w.,£$€-])(?P<n2>999|111|112|911)(?=\s+(?:call|calls|caller|callers|"
                      r"service|services|operator|operators|line|lines)\b)")

# A flight number ("flight BA123", "Flight MH370"): the airline's letters, then the number
# in pairs, as announcers and newsreaders say it ("MH three seventy").
_FLIGHT = re.compile(r"\b(?P<f>[Ff]light\s+)(?P<c>[A-Z]{2}|[A-Z]\d|\d[A-Z])\s?(?P<n>[1-9]\d{0,3})\b"
                     r"(?![.,]\d)")

# A dollar of another country ("US$5m", "A$20", "HK$100"): the amount, then whose dollars.
DOLLAR_PREFIXES = {"US": "US", "A": "Australian", "AU": "Australian", "C": "Canadian",
                   "CA": "Canadian", "NZ": "New Zealand", "HK": "Hong Kong", "S": "Singapore"}
_PREFIXED_DOLLAR = re.compile(r"\b(?P<p>" + "|".join(sorted(DOLLAR_PREFIXES, key=len, reverse=True))
                              + r")\$(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<d>\.\d+)?"
                              r"(?:\s?(?P<s>k|m|bn|tn|million|billion|trillion)\b)?")

# The engine reads "747s" as "seven hundred and forty seven S": the plural of a number of
# two digits or more. A single digit and "s" is as often a model or a serial ("iPhone 4s",
# "W2s"): the engine's letter stays.
_NUMBER_PLURAL = re.compile(
    r"(?:\b(?P<w>ten|eleven|twelve|\w+teen|\w+ty|hundred|thousand|million|billion)"
    r"|(?:(?<=ty )|(?<=hundred )|(?<=thousand )|(?<=hundred and )|(?<=thousand and ))"
    r"(?P<u>one|two|three|four|five|six|seven|eight|nine)) [sS]\b")

# The engine says "22:00" as "twenty two o'clock"; on the 24-hour clock it is "hundred".
_AFTERNOON_OCLOCK = re.compile(r"\b(?P<h>thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                               r"nineteen|twenty(?: one| two| three)?) o'clock\b")

# "a £2bn deal" is "a two billion pound deal": after "a", an amount before a noun is
# singular. The engine says "pounds"; the word after tells a noun from "a year", "each"...
_NUMBER_WORDS = (r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                 r"\w+ty|hundred|thousand|million|billion|trillion|and|point|oh|zero) )+")

_AMOUNT_BEFORE_NOUN = re.compile(
    rf"\b(?P<a>[Aa]n? {_NUMBER_WORDS})(?P<u>pound|dollar|euro|kilometre|kilometer|mile|metre|"
    r"meter|kilogram|tonne|litre|liter|megawatt|gigawatt)s (?!(?:each|a|an|per|for|in|of|to|and|"
    r"or|more|less|worth|on|from|with|was|is|were|are|at|by|the|this|that|into|over|under|"
    r"last|next|richer|poorer|away|long|high|deep|wide|tall|off|up|down|out|back|short|"
    r"if|but|as|so|than|before|after)\b)(?=[a-z]{3,})")

_WRITTEN_PLURAL = re.compile(r"\d\ds\b")

# The engine reads "12 May" as "the twelfth of may", even after "The" ("The 12 May vote").
_DOUBLE_THE = re.compile(r"\b(?P<t>[Tt]he) the\b")


def _decade(m: re.Match[str]) -> str:
    century, tens = m.group(1), m.group(2)
    if tens == "0":
        return "two thousands" if century == "20" else f"{_TEENS[century]} hundreds"
    head = "twenty" if century == "20" else _TEENS[century]
    return f"{head} {_DECADE_WORDS[tens]}"


def _numeric_date(m: re.Match[str]) -> str:
    first, second, year = int(m.group(1)), int(m.group(3)), m.group(4)
    day, month = (second, first) if second > 12 and first <= 12 else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group(0)
    return f"{day} {_MONTHS[month - 1]} {year}"


def _range(m: re.Match[str]) -> str:
    text = m.string
    a, b, unit = m.group("a"), m.group("b"), m.group("unit") or ""
    word = m.group("word") or ""
    if len(a) == 4 and len(b) == 2 and not unit:
        return f"{a} to {b}{word}"  # a season or span of years: "2023-24"
    chain = _PAIRS_BEFORE.search(text, 0, m.start())
    before = text[: chain.start() if chain else m.start()]
    if not unit and (_SCORE_BEFORE.search(before)
                     or _SCORE_AFTER.search(text[m.end("b"):])):
        return f"{'nil' if a == '0' else a} {'nil' if b == '0' else b}{word}"
    x, y = int(a.replace(",", "")), int(b.replace(",", ""))
    if x < y and (word or len(a) == len(b)):
        # A span of like quantities ("40-50 people", "pages 164-165"); other pairs of
        # numbers joined by a dash are serials or codes, left to the engine.
        return f"{a}{unit} to {b}{word}"
    return m.group(0)


def _decimal_range(m: re.Match[str]) -> str:
    a, b = m.group("a"), m.group("b")
    if "." not in a + b or float(a) >= float(b):
        return m.group(0)
    return f"{a}{m.group('u') or ''} to {b}"


def _year_slash(m: re.Match[str]) -> str:
    a, b = m.group("a"), m.group("b")
    following = (int(a) + 1) % (100 if len(b) == 2 else 10000)
    return f"{a} to {b}" if int(b) == following else m.group(0)


def _not_fraction(m: re.Match[str]) -> str:
    n, d = int(m.group("n")), int(m.group("d"))
    if n == d:
        return f"{n} out of {d}"  # "10/10": a full score, never "ten tenths"
    if d in _DENOMINATORS or (n < d and d < 10):
        return m.group(0)
    return f"{n} {d}"


def _uk_phone(m: re.Match[str]) -> str:
    written = m.group(0)
    if not 10 <= len(re.sub(r"\D", "", written.replace("+44", "0").replace("(0)", ""))) <= 11:
        return written
    groups = re.findall(r"\+44|\d+", written.replace("(0)", ""))
    said = [" ".join(_DIGIT_NAMES[int(d)] for d in g.lstrip("+")) for g in groups]
    if groups[0] == "+44":
        said[0] = "plus four four"
    return ", ".join(said)


def _letter(letter: str, said: str) -> str:
    """A capital letter before spoken words; espeak-ng says a lone "A" as the article, so it
    is joined to the next word ("A-three oh three")."""
    return f"A-{said}" if letter == "A" else f"{letter} {said}"


def _road_number(m: re.Match[str]) -> str:
    n = m.group("n")
    said = " ".join(_DIGIT_NAMES[int(d)] for d in n)
    return _letter(m.group("road"), said) + (" M" if m.group("m") else "")


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_hundred(n: int) -> str:
    return _ONES[n] if n < 20 else f"{_TENS[n // 10]} {_ONES[n % 10]}".strip()


def paired(digits: str) -> str:
    """Three digits said as a model number is ("380" -> "three eighty", "305" -> "three oh
    five", "300" -> "three hundred")."""
    head, tail = _DIGIT_NAMES[int(digits[0])], digits[1:]
    if tail == "00":
        return f"{head} hundred"
    if tail[0] == "0":
        return f"{head} oh {_DIGIT_NAMES[int(tail[1])]}"
    return f"{head} {_below_hundred(int(tail))}"


def _with_plural(said: str, s: str | None) -> str:
    if s == "s":
        head, _, last = said.rpartition(" ")
        return f"{head} {_plural(last)}".strip()
    return f"{said} {s}" if s else said


def _boeing(m: re.Match[str]) -> str:
    said = " ".join(_DIGIT_NAMES[int(d)] for d in m.group("n"))
    if m.group("v"):
        said += " " + paired(m.group("v"))
    maker = m.groupdict().get("maker") or ""
    return maker + _with_plural(said, m.group("s"))


def _airbus(m: re.Match[str]) -> str:
    return _letter("A", _with_plural(paired(m.group("n")), m.group("s")))


def _designation(m: re.Match[str]) -> str:
    return _letter(m.group("l"), _with_plural(paired(m.group("n")), m.group("s")))


def _aircraft(text: str) -> str:
    text = _BOEING_MODEL.sub(_boeing, text)
    text = _SEVEN_X_SEVEN.sub(_boeing, text)
    # In a sentence about aircraft ("Airbus", "an A220 jet", "the A321neo") every "A" and
    # three digits is one; elsewhere it is a road ("the A303").
    if _AIRBUS.search(text) or any(m.group("s") == "neo" or _AIRCRAFT_AFTER.match(text, m.end())
                                   for m in _AIRBUS_MODEL.finditer(text)):
        text = _AIRBUS_MODEL.sub(_airbus, text)
    return _DESIGNATION.sub(_designation, text)


def _stone(m: re.Match[str]) -> str:
    n = int(m.group("n"))
    if n % 10 == 1 and not m.group("lb"):
        return m.group(0)  # "21st", "11st": as likely an ordinal, unless pounds follow
    return f"{n} stone{m.group('lb') or ''}"


def _money_scale(m: re.Match[str]) -> str:
    return f"{m.group('n')} {SCALES[m.group('s')]} {CURRENCIES[m.group('cur')]}"


def _temperature(m: re.Match[str]) -> str:
    word = m.group("w") or ""
    if word.lower() in LABEL_WORDS or (m.group("u") == "C" and abs(float(m.group("n"))) > 70):
        return m.group(0)
    return f"{m.group('pre')}{m.group('n')}°{m.group('u')}"


def _unit(m: re.Match[str]) -> str:
    said = UNIT_SYMBOLS[m.group("u")]
    # "a 64GB phone": a measure before a noun is singular ("a sixty four gigabyte phone")
    modifier = _ARTICLE_BEFORE.search(m.string, 0, m.start()) and _NOUN_AFTER.match(m.string,
                                                                                     m.end())
    if m.group("n") not in ("1", "1.0") and not modifier:
        said = re.sub(r"(\w+)$", r"\1s", said)  # plural on the last word: "kilowatt hours"
    return f"{m.group('n')} {said}"


def _identifier(m: re.Match[str]) -> str:
    digits = " ".join(_DIGIT_NAMES[int(c)] if c.isdigit() else c
                      for c in m.group("num") if c.isalnum())
    return f"{m.group('kind')}{m.group('sep')}{digits}"


def _iso_date(m: re.Match[str]) -> str:
    return f"{int(m.group('d'))} {_MONTHS[int(m.group('m')) - 1]} {m.group('y')}"


def _pairs(digits: str) -> str:
    """A flight number: one or two digits as a number, three or four in pairs ("2490" ->
    "twenty four ninety", "1005" -> "ten oh five")."""
    if len(digits) <= 2:
        return _below_hundred(int(digits))
    if len(digits) == 3:
        return paired(digits)
    tail = digits[2:]
    said = ("hundred" if tail == "00" else f"oh {_DIGIT_NAMES[int(tail[1])]}" if tail[0] == "0"
            else _below_hundred(int(tail)))
    return f"{_below_hundred(int(digits[:2]))} {said}"


def _dialled(m: re.Match[str]) -> str:
    n = m.group("n") or m.group("n2")
    return (m.group("v") or "") + " ".join(_DIGIT_NAMES[int(d)] for d in n)


def _prefixed_dollar(m: re.Match[str]) -> str:
    country, scale = DOLLAR_PREFIXES[m.group("p")], m.group("s")
    if m.group("d") and not scale:
        return f"${m.group('n')}{m.group('d')}"  # dollars and cents: the engine's reading
    amount = m.group("n") + (m.group("d") or "")
    said = f"{amount} {SCALES[scale]}" if scale else amount
    plural = "dollar" if amount == "1" and not scale else "dollars"
    return f"{said} {country} {plural}"


def _ratio(m: re.Match[str]) -> str:
    before = m.string[: m.start()]
    if _CAPITALIZED_BEFORE.search(before):
        return m.group(0)
    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.search(m.string[m.end():]):
        return f"{m.group('a')} {'nil' if m.group('b') == '0' else m.group('b')}"
    return f"{m.group('a')} to {m.group('b')}"


def _numbers(text: str) -> str:
    text = _IDENTIFIER.sub(_identifier, text)
    text = _PREFIXED_DOLLAR.sub(_prefixed_dollar, text)
    text = _DIALLED.sub(_dialled, text)
    text = _FLIGHT.sub(lambda m: f"{m.group('f')}{m.group('c')} {_pairs(m.group('n'))}", text)
    text = _ISO_DATE.sub(_iso_date, text)
    text = _MIDNIGHT_HOUR.sub(lambda m: "midnight" if m.group("m") == "00"
                              else f"12:{m.group('m')}am", text)
    text = _WEEKDAY.sub(lambda m: WEEKDAYS[m.group("d")], text)
    text = _UK_PHONE.sub(_uk_phone, text)
    text = _MONEY_SCALE.sub(_money_scale, text)
    text = _TEMPERATURE.sub(_temperature, re.sub(r"[−–](?=\d)", "-", text))
    text = _SIZE_COMPOUND.sub(lambda m: f"{m.group('n')} {_SIZE_UNITS[m.group('u')]} "
                              f"{m.group('w')}", text)
    text = _COMPOUND_HYPHEN.sub(" ", text)
    text = _YEAR_SLASH.sub(_year_slash, text)
    text = _NOT_FRACTION.sub(_not_fraction, text)
    text = _PER_CENT.sub("%", text)
    text = _PAGE_DOT.sub(". ", text)
    text = _ORDINAL_HYPHEN.sub(" ", text)
    text = _BY.sub(r"\g<a> by ", text)
    text = _aircraft(text)
    text = _ROAD_NUMBER.sub(_road_number, text)
    text = _A_NUMBER.sub(lambda m: _letter("A", _below_hundred(int(m.group("n"))))
                         + (" M" if m.group("m") else ""), text)
    text = _ZONE_TIME.sub(lambda m: f"{int(m.group('h')):02d}:{m.group('m')}", text)
    text = _INCHES.sub(" inches", text)
    text = _STONE.sub(_stone, text)
    text = _LETTERS_NUMBER.sub(r"\g<l> \g<n>", text)
    text = _NUMERIC_DATE.sub(_numeric_date, text)
    text = _DAY_LEADING_ZERO.sub(r"\1", text)
    text = _BIG_NUMBER.sub(lambda m: f"{int(m.group(1)):,}", text)
    text = _TIME_RANGE.sub(r"\1 to ", text)
    text = _DECIMAL_RANGE.sub(_decimal_range, text)
    text = _RANGE.sub(_range, text)
    text = _TEMPERATURE.sub(_temperature, text)  # the end of a range: "30 to 35C"
    text = _VERSION.sub(lambda m: m.group(0).replace(".", " point "), text)
    text = _HASH_NUMBER.sub("number ", text)
    text = _NUMBER_SIGN.sub("number ", text)
    for pattern, words in _UNITS:
        text = pattern.sub(words, text)
    text = _METRES.sub(r"\1 metres", text)
    text = _METRES_MOVED.sub(r"\g<v> \g<n> metres", text)
    text = _BARE_SCALE.sub(lambda m: f"{m.group('n')} {SCALES[m.group('s')]}", text)
    text = _BARE_MILLIONS.sub(r"\g<n> million", text)
    text = _HEIGHT.sub(r"\g<f> foot \g<i>", text)
    text = _SPACED_INCHES.sub(r"\g<ft> \g<i> inches", text)
    text = _RATIO.sub(_ratio, text)
    text = _POINTS.sub(" points", text)
    text = _UNIT_SYMBOL.sub(_unit, text)
    text = _PENCE.sub(lambda m: f"{m.group('n')} {'penny' if m.group('n') == '1' else 'pence'}",
                      text)
    text = _COUNT_BEFORE_UNIT.sub(lambda m: f"{int(m.group(1)):,}", text)
    return _COUNT_AFTER_ABOUT.sub(lambda m: f"{m.group('w')} {int(m.group(2)):,}", text)


def _plural(word: str) -> str:
    """"six" -> "sixes", "twenty" -> "twenties", "five" -> "fives"."""
    if word.endswith("x"):
        return word + "es"
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def before_engine(text: str) -> str:
    """Rewrite the numbers of `text` the engine misreads into forms it reads right (pure).

    For text with digits in it: decades first, then dates before ranges, units last.
    """
    text = _DECADE_RANGE.sub(" to ", text)
    text = _DECADE.sub(_decade, text)
    text = _SHORT_DECADE.sub(lambda m: _DECADE_WORDS[m.group(1)], text)
    return _numbers(text)


def after_engine(text: str, written: str) -> str:
    """Fix the engine's numbers in its output `text` (pure); `written` is its input.

    "twenty two o'clock" -> "twenty two hundred"; "a two billion pounds deal" -> "pound";
    "seventy five S" -> "seventy fives" where `written` has a plural number ("75s").
    """
    text = _AFTERNOON_OCLOCK.sub(r"\g<h> hundred", text)
    if not re.search(r"\bthe the\b", written, re.I):
        text = _DOUBLE_THE.sub(r"\g<t>", text)
    text = _AMOUNT_BEFORE_NOUN.sub(r"\g<a>\g<u> ", text)
    if _WRITTEN_PLURAL.search(written):
        text = _NUMBER_PLURAL.sub(lambda m: _plural(m.group("w") or m.group("u")), text)
    return text

"""What the narrator says for what is written: every kind from issue 14, in sentences of our own.

The engine's grammars load once per test session (tn_engine caches them in the instance folder).
"""

import pytest

from app.narration import tn_engine
from app.narration.normalize import speakable


@pytest.fixture(scope="module", autouse=True)
def grammars():
    assert tn_engine.ready(), "NeMo grammars did not load"


@pytest.mark.parametrize(("text", "said"), [
    # regnal numerals after a name; sequels and parts are cardinal
    ("Crowds cheered King Charles III at the abbey.",
     "Crowds cheered King Charles the third at the abbey."),
    ("The statue of George VI was cleaned.", "The statue of George the sixth was cleaned."),
    ("Henry VIII's ships were built here.", "Henry the eighth's ships were built here."),
    ("She wrote about Elizabeth I, and then about her court.",
     "She wrote about Elizabeth the first, and then about her court."),
    ("Veterans of World War II gathered.", "Veterans of World War two gathered."),
    ("Part II of the inquiry opens today.", "Part two of the inquiry opens today."),
    # decades
    ("Prices rose in the 2010s.", "Prices rose in the twenty tens."),
    ("A band from the '90s reunited.", "A band from the nineties reunited."),
    ("The mill dates from the 1800s.", "The mill dates from the eighteen hundreds."),
    ("Fashion of the 1960s-80s returned.", "Fashion of the nineteen sixties to eighties returned."),
    # scores and ranges by context
    ("Rovers won 3-1 at home.", "Rovers won three one at home."),
    ("It was a 2-0 win for City.", "It was a two nil win for City."),
    ("About 40-50 people attended.", "About forty to fifty people attended."),
    ("He joined for the 2023-24 season.",
     "He joined for the twenty twenty three to twenty four season."),
    # road words and titles (titles from titles.py)
    ("The shop on Mill St has closed.", "The shop on Mill Street has closed."),
    ("Sgt. Dana Holt gave evidence.", "sergeant Dana Holt gave evidence."),
    ("Prof. Ama Osei led the study.", "professor Ama Osei led the study."),
    ("Gov. Ray Lind vetoed it.", "governor Ray Lind vetoed it."),
    ("Cllr Jo Penn voted against.", "councillor Jo Penn voted against."),
    ("Traffic on Station Rd was slow.", "Traffic on Station Road was slow."),
    ("They met on Fifth Ave yesterday.", "They met on Fifth Avenue yesterday."),
    ("A spokesperson for No 10 declined.", "A spokesperson for number ten declined."),
    ("Visitors to St Paul's queued.", "Visitors to Saint Paul's queued."),
    # units
    ("It reached 35°C on Tuesday.", "It reached thirty five degrees Celsius on Tuesday."),
    ("Turn the wheel at 90° to the kerb.", "Turn the wheel at ninety degrees to the kerb."),
    ("The route is 10km long.", "The route is ten kilometers long."),
    ("Each bag holds 2kg of flour.", "Each bag holds two kilograms of flour."),
    ("There was 20mm of rain.", "There was twenty millimetres of rain."),
    # times and dates, day first
    ("The polls open at 9.30am.", "The polls open at nine thirty a.m."),
    ("The library is open 5pm-8pm.", "The library is open five p.m. to eight p.m."),
    ("The hearing is on 03/04/2025.", "The hearing is on the third of april twenty twenty five."),
    ("It was signed on 25/12/1990.",
     "It was signed on the twenty fifth of december nineteen ninety."),
    # money and amounts
    ("Tickets cost £4.99 each.", "Tickets cost four pounds ninety nine pence each."),
    ("The council borrowed £1.5m last year.",
     "The council borrowed one point five million pounds last year."),
    ("About 45702 people signed.",
     "About forty five thousand seven hundred and two people signed."),
])
def test_says_each_kind_right(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    ("The IUCN published its list.", "The I.U.C.N. published its list."),
    ("The BBC and NATO agreed.", "The B.B.C. and NATO agreed."),
    ("Funding from DARPA ended.", "Funding from DARPA ended."),  # pronounceable: a word
])
def test_initialisms_are_spelled_and_acronyms_said_as_words(text, said):
    assert speakable(text) == said


def test_a_headline_in_capitals_is_not_spelled_out():
    assert speakable("COUNCIL BACKS HARBOUR PLAN") == "COUNCIL BACKS HARBOUR PLAN"


def test_pronoun_i_and_malcolm_x_are_not_numerals():
    assert speakable("Then I said yes.") == "Then I said yes."
    assert speakable("A film about Malcolm X opened.") == "A film about Malcolm X opened."


def test_emoji_and_control_characters_are_dropped():
    assert speakable("Great \U0001F600 news\x07 today\u200b!") == "Great news today!"


def test_pronunciation_list_applies_first_to_whole_words_only():
    rules = {"Oseman": "Oh-seh-man", "GIF": "jif"}
    assert speakable("Alice Oseman's GIFs and a GIF", rules) == \
        "Alice Oh-seh-man's GIFs and a jif"
    # the operator's word wins over the engine's reading
    assert speakable("Meet at No 10 now", {"No 10": "Number Ten"}) == "Meet at Number Ten now"


def test_plain_text_is_unchanged():
    text = "They can't keep their hands off each other, said Joe Locke."
    assert speakable(text) == text


def test_same_sentence_is_normalized_once():
    from app.narration import normalize

    normalize._spoken.cache_clear()
    speakable("The vote on 14 May drew 3,200 people.")
    speakable("The vote on 14 May drew 3,200 people.")
    info = normalize._spoken.cache_info()
    assert (info.hits, info.misses) == (1, 1)


def test_book_numbers_are_read_digit_by_digit():
    assert speakable("See ISBN 0-306-40615-2 for details.") == \
        "See I.S.B.N. oh three oh six four oh six one five two for details."


def test_initials_written_apart_are_letters():
    assert speakable("A poem by A E Housman.") == "A poem by A.E. Housman."


def test_a_long_sentence_reads_its_number_in_context():
    text = ("The committee, which met for the first time since the storm damaged the pier, "
            "agreed on 14 March to spend £2.5m on repairs before the summer season begins.")
    assert speakable(text) == (
        "The committee, which met for the first time since the storm damaged the pier, "
        "agreed on the fourteenth of march to spend two point five million pounds on repairs "
        "before the summer season begins.")


def test_grammar_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("HARK_TN_GRAMMARS", str(tmp_path))
    assert tn_engine.grammar_dir().parent == tmp_path
    monkeypatch.delenv("HARK_TN_GRAMMARS")
    assert tn_engine.grammar_dir().parent.name == "tn-grammars"


@pytest.mark.parametrize(("text", "said"), [
    # a site named in running text is said as the words its name is made of
    ("The figures come from Rainfallarchive.com this week.",
     "The figures come from rainfall archive dot com this week."),
    ("Her blog (gardenjournal.org) closed.", "Her blog (garden journal dot org) closed."),
    # a country code is spelled
    ("It was first reported by Harbourtimes.co.nz, a local site.",
     "It was first reported by harbour times dot co dot N.Z., a local site."),
    # an address to visit is said as written, label by label; names it cannot split stay whole
    ("Write to editor@harbourpost.co.uk today.",
     "Write to editor at harbourpost dot co dot U.K. today."),
    ("The code is on github.com now.", "The code is on github dot com now."),
])
def test_web_addresses_are_said_as_words_and_letters(text, said):
    assert speakable(text) == said


def test_a_lowercase_st_or_mt_keeps_the_writers_case():
    assert speakable("They walked to st Albans and then up mt Snowdon.") == \
        "They walked to saint Albans and then up mount Snowdon."
    assert speakable("Crowds filled St Peter's Square.") == "Crowds filled Saint Peter's Square."


@pytest.mark.parametrize(("text", "said"), [
    # after a noun that numbers what follows, any numeral is a cardinal
    ("Tickets for Super Bowl LIX sold out.", "Tickets for Super Bowl fifty nine sold out."),
    ("CHAPTER XL ENDS THE BOOK", "CHAPTER forty ENDS THE BOOK"),
    ("Type II diabetes is rising.", "Type two diabetes is rising."),
    # a generational suffix after a full name is said as a regnal number is
    ("Marcus J. Whitfield III took office.", "Marcus J. Whitfield the third took office."),
    ("Robert Hale IV inherited the farm.", "Robert Hale the fourth inherited the farm."),
    # letters after a surname are initials; letters before a number are a model name
    ("See Barlow LC (1998) for the method.",
     "See Barlow L.C. (nineteen ninety eight) for the method."),
    ("She bought the Orvo MX 7 handset.", "She bought the Orvo M.X. seven handset."),
    # a sequel up to XXXIX after a plain name stays a cardinal
    ("Rocky IV is on tonight.", "Rocky four is on tonight."),
])
def test_roman_numerals_by_the_word_before_them(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # unit symbols the engine spells or leaves alone
    ("The charger gives 500 mA at most.", "The charger gives five hundred milliamperes at most."),
    ("The farm produces 12 MW of power.", "The farm produces twelve megawatts of power."),
    ("Bills rose to 28p per kWh.", "Bills rose to twenty eight pence per kilowatt hour."),
    ("They planted 40 ha of oak.", "They planted forty hectares of oak."),
    ("The crossing took 7hrs and 20 mins.", "The crossing took 7 hours and 20 minutes."),
    # a measure before a noun is singular
    ("She bought a 256GB tablet.", "She bought a two hundred and fifty six gigabyte tablet."),
    # four digits before a unit, or after "about" before a plural, count: not a year
    ("The ridge rises to 1340 metres.",
     "The ridge rises to one thousand three hundred and forty metres."),
    ("The path climbs 1640 ft in all.",
     "The path climbs one thousand six hundred and forty feet in all."),
    ("About 1800 people marched.", "About one thousand eight hundred people marched."),
    # but a year stays a year
    ("The bridge opened in about 1850 and still stands.",
     "The bridge opened in about eighteen fifty and still stands."),
])
def test_measures_and_counts(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # the plural of a number of two digits or more
    ("Collectors prize the old 250s.", "Collectors prize the old two hundred and fifties."),
    ("The squadron flew F-16s.", "The squadron flew F-sixteens."),
    # a single digit and "s" is a model name or a serial: its letter stays
    ("He still uses an iPhone 4s.", "He still uses an iPhone four S."),
    # a spaced slash between words is said, the words around it kept as written
    ("The NHS / BMA talks resumed.", "The N.H.S. slash B.M.A. talks resumed."),
    # a software version is not a decimal after a full stop
    ("The update to 3.10.2 fixed it.", "The update to three point ten point two fixed it."),
    # a date written with dots or dashes is day first, as with slashes
    ("The law took effect on 1.10.2021.",
     "The law took effect on the first of october twenty twenty one."),
    ("Filed on 05-11-2019 in court.", "Filed on the fifth of november twenty nineteen in court."),
])
def test_plurals_slashes_versions_and_dotted_dates(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # money in thousands with a scale, and scales the engine does not know
    ("The scheme will cost £12,500m over ten years.",
     "The scheme will cost 12,500 million pounds over ten years."),  # espeak-ng reads it
    ("Its debts reached $2.1tn.", "Its debts reached two point one trillion dollars."),
    ("She was paid €250k a year.", "She was paid 250 thousand euros a year."),
    ("A 3,000-strong crowd gathered.", "A three thousand strong crowd gathered."),
    # temperatures written the British way
    ("Highs of 31C are expected.", "Highs of thirty one degrees Celsius are expected."),
    ("It fell to −7C in Braemar.", "It fell to minus seven degrees Celsius in Braemar."),
    ("She sat in row 14C on the flight.", "She sat in row fourteen C on the flight."),
    ("Under Section 5C the order lapsed.", "Under Section five C the order lapsed."),
    # British telephone numbers, digit by digit, "oh" for zero
    ("Call the helpline on 0300 123 4567 today.",
     "Call the helpline on oh three oh oh, one two three, four five six seven today."),
    ("Ring +44 161 496 0753 for tickets.",
     "Ring plus four four, one six one, four nine six, oh seven five three for tickets."),
])
def test_money_temperatures_and_telephone_numbers(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # road numbers as traffic bulletins say them
    ("Queues built on the A417 near Gloucester.",
     "Queues built on the A-four one seven near Gloucester."),
    ("The M62 reopened.", "The M sixty two reopened."),
    # 24-hour times before a time zone
    ("Kick-off is at 17.30 BST.", "Kick-off is at seventeen thirty B.S.T."),
    ("The polls closed at 2200 GMT.", "The polls closed at twenty two hundred G.M.T."),
    # imperial measures joined to the number; "x" between numbers is "by"
    ("He stands 5ft 11in tall.", "He stands five feet eleven inches tall."),
    ("The boxer weighed in at 12st 6lb.", "The boxer weighed in at twelve stone six pounds."),
    ("Britain won the 4x400m relay.", "Britain won the four by four hundred metres relay."),
    # an ordinal joined by a hyphen; letters joined to a decimal
    ("It is a 19th-century mill.", "It is a nineteenth century mill."),
    ("PM2.5 readings doubled.", "P.M. two point five readings doubled."),
])
def test_roads_times_and_joined_measures(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    ("The chapel was built c.1350 by monks.",
     "The chapel was built circa thirteen fifty by monks."),
    ("Essays, Hale and Moss (eds.) 2004.", "Essays, Hale and Moss (editors) two thousand four."),
    ("See Ward, p.212 for the map.", "See Ward, p. two hundred and twelve for the map."),
])
def test_citation_abbreviations_before_numbers(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # after "a", an amount before a noun is singular ...
    ("The club agreed a £30m fee.", "The club agreed a thirty million pound fee."),
    ("He was given a £250 fine.", "He was given a two hundred and fifty pound fine."),
    ("They ran a 5 km course.", "They ran a five kilometer course."),
    # ... but not before "a year", "each" or a preposition
    ("She earns a £1,000 a month.", "She earns a one thousand pounds a month."),
])
def test_an_amount_before_a_noun_is_singular(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    ("Profits fell in 2022/23 at the firm.",
     "Profits fell in twenty twenty two to twenty three at the firm."),
    ("The helpline runs 24/7 now.", "The helpline runs twenty four seven now."),
    ("Two thirds, or 2/3, agreed.", "Two thirds, or two thirds, agreed."),
    ("Shares rose 2.5pc on Monday.", "Shares rose two point five percent on Monday."),
    ("It signed a £4bn-a-year contract.", "It signed a four billion pounds a-year contract."),
])
def test_slashes_per_cent_and_joined_amounts(text, said):
    assert speakable(text) == said


def test_an_abbreviation_at_the_end_keeps_the_sentence_full_stop():
    assert speakable("The fair opens on 2 Aug.") == "The fair opens on the second of august."


def test_a_motorway_section_of_an_a_road():
    assert speakable("Lanes closed on the A3(M) overnight.") == \
        "Lanes closed on the A-three M overnight."


@pytest.mark.parametrize(("text", "said"), [
    # espeak-ng would say "roman nine": a numeral standing alone is a number
    ("See the report, vol. 2, XIV.", "See the report, volume two, fourteen."),
    ("The England XI was named today.", "The England eleven was named today."),
    # after "a" or "an", letters
    ("She was put on an IV drip.", "She was put on an I.V. drip."),
])
def test_a_numeral_standing_alone(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # Boeing's model numbers digit by digit, with or without the maker
    ("A Boeing 757 diverted to Shannon.", "A Boeing seven five seven diverted to Shannon."),
    ("The airline grounded its 737s.", "The airline grounded its seven three sevens."),
    ("A 787 Dreamliner and a Boeing 777-300 landed.",
     "A seven eight seven Dreamliner and a Boeing seven seven seven three hundred landed."),
    # other three-digit designations in pairs; an aircraft is not a road
    ("The Airbus A330 was delayed.", "The Airbus A-three thirty was delayed."),
    ("Orders for the A321neo and A350 rose.",
     "Orders for the A-three twenty one neo and A-three fifty rose."),
    ("An A220 jet landed at City airport.", "An A-two twenty jet landed at City airport."),
    ("Two C-130 transports and a KC-135 took off.",
     "Two C one thirty transports and a K.C. one thirty five took off."),
])
def test_aircraft_model_numbers(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # espeak-ng says a lone "A" as the article: joined to its number it is the letter
    ("Print both pages on A4 paper.", "Print both pages on A-four paper."),
    ("The A14 was closed near Huntingdon.", "The A-fourteen was closed near Huntingdon."),
    # "M" and "B" need no help
    ("The B4009 floods in winter.", "The B four oh oh nine floods in winter."),
])
def test_the_letter_a_joined_to_a_number(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # long capitals that cannot be split into syllables are spelled
    ("Data came from the PZKTW archive.", "Data came from the P.Z.K.T.W. archive."),
    ("The survey by BRKDTS ended.", "The survey by B.R.K.D.T.S. ended."),
    # long capitals that can are said as words, in a sentence not in capitals
    ("The SCHOOL sign was repainted.", "The SCHOOL sign was repainted."),
    ("Funding came from CONSTRUCTA last year.", "Funding came from CONSTRUCTA last year."),
    # a silent final E must follow a coda: "ASCE" is letters, "NICE" a word
    ("The ASCE and NICE agreed.", "The A.S.C.E. and NICE agreed."),
])
def test_capitals_spelled_when_they_cannot_be_said(text, said):
    assert speakable(text) == said


def test_a_numeral_the_engine_leaves_is_spelled_not_roman():
    # before a number, a numeral-shaped word is a model name: letters, never "roman eleven"
    assert "X.I." in speakable("The Metarea XI 2024 bulletin was issued.")


@pytest.mark.parametrize(("text", "said"), [
    # an ISO date is day first too; a short weekday before a date is said in full
    ("The minutes are dated 2019-06-07.",
     "The minutes are dated the seventh of june twenty nineteen."),
    ("The 2021-11-30 deadline passed.",
     "The thirtieth of november twenty twenty one deadline passed."),
    ("Polls close on Thu 4 July.", "Polls close on Thursday the fourth of july."),
    # NeMo's "the" before a day-first date is not doubled after "The"
    ("The 14 May vote was close.", "The fourteenth of may vote was close."),
])
def test_iso_dates_and_weekdays(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # dollars of another country: the amount, then whose dollars ("us" would be the pronoun)
    ("The fund holds US$40m in bonds.", "The fund holds forty million U.S. dollars in bonds."),
    ("A ticket costs A$30 in Perth.", "A ticket costs thirty Australian dollars in Perth."),
    ("It sold for HK$2.5bn last week.",
     "It sold for two point five billion Hong Kong dollars last week."),
    # dialled numbers digit by digit
    ("Neighbours dialled 999 at once.", "Neighbours dialled nine nine nine at once."),
    ("Ring NHS 111 for advice.", "Ring N.H.S. one one one for advice."),
    ("She made a 999 call from the car.", "She made a nine nine nine call from the car."),
    # flight numbers: the airline's letters, the number in pairs
    ("Flight QF232 was diverted.", "Flight Q.F. two thirty two was diverted."),
    ("They boarded flight EZ1905 late.", "They boarded flight E.Z. nineteen oh five late."),
])
def test_foreign_dollars_dialled_and_flight_numbers(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # metres, not millions, before "by" and after a verb of moving
    ("The plot is 12 m by 30 m.", "The plot is twelve metres by thirty metres."),
    ("He swam 400m in record time.", "He swam four hundred metres in record time."),
    # a score after a named opponent; a list of scores read alike
    ("Rovers beat Forest Green 4-1 away.", "Rovers beat Forest Green four one away."),
    ("Jones beat Patel 6-3, 4-6, 6-2.", "Jones beat Patel six three, four six, six two."),
    # a list of ranges stays a list of ranges
    ("Read pages 3-9, 12-15 first.", "Read pages three to nine, twelve to fifteen first."),
])
def test_metres_and_lists_of_scores(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # letters joined by "&" stay letters, with "and" between them
    ("He waited six hours in A&E overnight.", "He waited six hours in A-and-E overnight."),
    ("Spending on R&D doubled.", "Spending on R-and-D doubled."),
    ("The AT&T merger collapsed.", "The A.T.-and-T merger collapsed."),
    ("A WWII bomb was found.", "A World War Two bomb was found."),
    ("They sailed to Sault Ste. Marie.", "They sailed to Sault Sainte Marie."),
    # weekdays written short in a range or after a preposition
    ("The office opens Mon-Fri.", "The office opens Monday to Friday."),
    ("Talks resume on Wed with the unions.", "Talks resume on Wednesday with the unions."),
])
def test_ampersands_wars_saints_and_weekdays(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # a scale joined to a bare number
    ("The world has 8bn mouths to feed.", "The world has 8 billion mouths to feed."),  # espeak-ng
    ("Some 3m households were hit.", "Some three million households were hit."),
    # ... but "m" before a race word is metres
    ("She won the 400m hurdles.", "She won the 400 metres hurdles."),  # espeak-ng reads 400
    # heights, spaced inches
    ("The striker is 6'1\" and quick.", "The striker is six foot one and quick."),
    ("The post stood 7 ft 3 in high.", "The post stood seven feet three inches high."),
    # ratios; a score after a score word; a verse after a book's name
    ("Members backed it by a 3:1 margin.", "Members backed it by a three to one margin."),
    ("City won 2:0 in Bern.", "City won two nil in Bern."),
    ("The vicar read Psalm 23:1 aloud.", "The vicar read Psalm twenty three:one aloud."),
])
def test_bare_scales_heights_and_ratios(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # the first hour of the 24-hour clock (the engine said "zero o one")
    ("The ban starts at 00:00 on Sunday.", "The ban starts at midnight on Sunday."),
    ("The new rates apply from 00:01.", "The new rates apply from twelve o one a.m."),
    # later hours stay on the 24-hour clock
    ("The curfew begins at 22:00 nightly.", "The curfew begins at twenty two hundred nightly."),
])
def test_the_first_hour_of_the_24_hour_clock(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # a regnal numeral before a number is still regnal ("Henry VIII's 6 wives")
    ("Henry VIII's 6 wives are buried apart.", "Henry the eighth's six wives are buried apart."),
    # a height in metres with its conversion in brackets
    ("The summit is 978 m (3,209 ft) high.",
     "The summit is nine hundred and seventy eight metres (three thousand two hundred and nine "
     "feet) high."),
    # a league table's points
    ("Town are top with 41 pts.", "Town are top with 41 points."),  # espeak-ng reads 41
])
def test_regnal_before_a_number_metres_converted_and_points(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # a range with a decimal in it; a temperature at the end of a range
    ("Rates of 3.5-4% are likely.", "Rates of three point five to four percent are likely."),
    ("Highs of 28-31C are forecast.",
     "Highs of twenty eight to thirty one degrees Celsius are forecast."),
    # "c." joined to any number is circa; "p.a." is per annum
    ("Support stood at c.40% in May.", "Support stood at circa forty percent in May."),
    ("The post pays £32,000 p.a.", "The post pays thirty two thousand pounds per annum."),
])
def test_decimal_ranges_circa_and_per_annum(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # "est." before a year is established (the engine said "estimated")
    ("The brewery, est. 1869, closed.", "The brewery, established eighteen sixty nine, closed."),
    # figures and chapters before a number; "a.k.a."; "Rt Hon"
    ("As fig. 2 shows, sales fell.", "As figure two shows, sales fell."),
    ("The rule is set out in ch. 7 of the code.",
     "The rule is set out in chapter seven of the code."),
    ("The rapper, a.k.a. Big Lo, spoke.", "The rapper, also known as Big Lo, spoke."),
    ("The Rt Hon Ann Bell stood down.", "The Right Honourable Ann Bell stood down."),
])
def test_citation_and_honorific_abbreviations(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # consonants between vowels that split into a coda and an onset are a word ("NK" + "L")
    ("The word ANKLE was printed in red.", "The word ANKLE was printed in red."),
    ("TABLE 3 lists the results.", "TABLE three lists the results."),
    # service numbers are dialled; other numbers after "call" are counts
    ("Police will call 200 witnesses.", "Police will call 200 witnesses."),  # espeak-ng reads 200
    ("Ring 101 to report it.", "Ring one oh one to report it."),
])
def test_syllables_in_capitals_and_dialled_numbers_only(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    ("The fete is on Sat. 3 May this year.", "The fete is on Saturday the third of may this year."),
    ("Judges gave her 10/10 for style.", "Judges gave her ten out of ten for style."),
])
def test_weekday_before_a_date_and_full_marks(text, said):
    assert speakable(text) == said


@pytest.mark.parametrize(("text", "said"), [
    # a measure joined to an adjective of size modifies a noun: the unit is singular
    ("Divers found a 4m-long wreck.", "Divers found a four metre long wreck."),
    ("A 6ft-high fence went up.", "A six foot high fence went up."),
])
def test_a_measure_before_an_adjective_of_size(text, said):
    assert speakable(text) == said

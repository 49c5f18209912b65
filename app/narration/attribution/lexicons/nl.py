"""Dutch: speech verbs (verleden tijd "zei", tegenwoordige tijd "zegt"), "aldus" after a quote,
"volgens", job words before names, pronouns."""

from __future__ import annotations

import re

from . import build

_VERBS = """zei zeiden zegt zeggen verklaarde verklaart legde legt benadrukte benadrukt
voegde voegt vertelde vertelt stelde stelt meldde meldt liet laat schreef schrijft vroeg
vraagt antwoordde antwoordt waarschuwde waarschuwt beloofde belooft bevestigde bevestigt
erkende erkent reageerde reageert lichtte licht merkte merkt zegt concludeerde concludeert
onderstreepte onderstreept gaf geeft aldus""".split()
_ROLES = [tuple(p.split("/")) for p in """burgemeester/burgemeester wethouder/wethouder
projectleider/projectleider directeur/directrice voorzitter/voorzitster
woordvoerder/woordvoerster minister/minister ingenieur/ingenieur architect/architect
bewoner/bewoonster buurtbewoner/buurtbewoonster leraar/lerares hoogleraar/hoogleraar
onderzoeker/onderzoekster eigenaar/eigenares oprichter/oprichtster trainer/trainster
vader/moeder zoon/dochter man/vrouw""".split()]

LEXICON = build(
    "nl",
    verbs=[v for v in _VERBS if v != "aldus"],
    according_to=["volgens", "aldus"],
    according_after=re.compile(r"aldus(?=\s+\w)", re.I),
    pronouns={"hij": ("m", False), "zij": ("f", False), "ze": ("f", False),
              "wij": ("", True), "we": ("", True), "ik": ("", False)},
    roles_f=" ".join(f for m, f in _ROLES if f != m), roles_m=" ".join(m for m, f in _ROLES
                                                                         if f != m),
    person_nouns=" ".join(m for m, f in _ROLES if f == m) + " dokter arts agent",
    spokes="woordvoerder woordvoerster",
    titles_f="mevrouw mevr", titles_m="meneer dhr heer", titles="dr prof ir drs mr",
    adverbs="ook later dan nog al verder",
    org_heads="""gemeente stad provincie ministerie regering partij vereniging bond politie
    universiteit school ziekenhuis bank bedrijf raad rechtbank""",
    not_name_words="""zoals en of maar want dus ook nog al dan toen nu hier daar hij zij ze
    wij we ik
    het een dit dat deze die volgens na voor maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag januari februari maart april mei juni juli augustus september oktober
    november december vandaag gisteren morgen""",
    prepositions="in op aan bij met naar van voor uit over onder tussen tegen zonder om door "
                 "tijdens na sinds",
    determiners="de het een deze die dit dat zijn haar hun",
    stop_words="""in op aan bij met naar voor uit over tegen tijdens na sinds die dat toen
    tegen gisteren dinsdag maandag woensdag donderdag vrijdag zaterdag zondag is was heeft had
    wordt werd zijn waren""",
    # "Henk Bos van de ondernemersvereniging": "van" before a common noun ends the name
    stop_extra=r"(?<=\w)\s+van\s+(?=(?:de|der|den|het)\s+[a-z]|(?!de\s|der\s|den\s)[a-z])",
    time_words="gisteren vandaag maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    plural_verb_endings=("den", "ten"),  # zeiden, vertelden, stelden
    clause_split=r"\s+(?:dat|toen|als|omdat|terwijl|maar|want|nadat)\s+",
)

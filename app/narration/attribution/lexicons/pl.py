"""Polish: speech verbs in the past with their gendered endings ("powiedział", "powiedziała":
the ending tells the speaker's gender even with no name after it), the present, "według",
job words before names, pronouns. Cues follow the quote after a dash ("„…” – powiedział …")."""

from __future__ import annotations

from . import build

# masculine past forms (-ł); the feminine adds -a (powiedziała), the plural -li/-ły
_PAST = """powiedział wyjaśnił dodał podkreślił stwierdził zaznaczył mówił przyznał
zapewnił ocenił poinformował przekonywał tłumaczył zapowiedział zauważył wskazał
przypomniał opowiadał odpowiedział oświadczył uważał argumentował zaapelował ostrzegł
skomentował relacjonował wspominał ogłosił""".split()
_PRESENT = """mówi wyjaśnia dodaje podkreśla stwierdza zaznacza przyznaje zapewnia ocenia
tłumaczy zauważa wskazuje przypomina opowiada odpowiada uważa ostrzega""".split()
_FORMS = [f for v in _PAST for f in (v, v + "a", v[:-1] + "li", v[:-1] + "ły")] + _PRESENT
_ROLES = [tuple(p.split("/")) for p in """prezydent/prezydentka burmistrz/burmistrzyni
wójt/wójtka kierownik/kierowniczka dyrektor/dyrektorka inżynier/inżynierka
rzecznik/rzeczniczka minister/ministra radny/radna mieszkaniec/mieszkanka
przewodniczący/przewodnicząca prezes/prezeska architekt/architektka nauczyciel/nauczycielka
lekarz/lekarka profesor/profesorka poseł/posłanka senator/senatorka trener/trenerka
ojciec/matka syn/córka mężczyzna/kobieta""".split()]

LEXICON = build(
    "pl",
    verbs=_FORMS,
    according_to=["według", "zdaniem", "jak powiedział", "jak powiedziała"],
    pronouns={"on": ("m", False), "ona": ("f", False), "oni": ("", True),
              "one": ("", True)},
    roles_f=" ".join(f for _, f in _ROLES), roles_m=" ".join(m for m, _ in _ROLES),
    person_nouns="pieszy rowerzysta rowerzystka",
    spokes="rzecznik rzeczniczka",
    titles_f="pani", titles_m="pan", titles="dr prof inż",
    adverbs="też także również później potem jeszcze już",
    org_heads="""miasto urząd gmina ministerstwo rząd partia stowarzyszenie związek policja
    uniwersytet szkoła szpital bank firma spółka rada sąd""",
    not_name_words="""jak i a ale lub oraz bo że też także również potem już on ona oni one ja
    my to ten ta te według po przed poniedziałek wtorek środa czwartek piątek sobota niedziela
    styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad
    grudzień dziś dzisiaj wczoraj jutro""",
    prepositions="w we na do z ze od po przy przez dla nad pod przed za między o u bez",
    determiners="ten ta to ci te jego jej ich",
    stop_words="""w we na do z ze od po przy przez dla nad pod przed za o który która które
    którzy podczas wczoraj po przed""",
    time_words="wczoraj dziś dzisiaj podczas",
    clause_split=r"\s+(?:że|gdy|kiedy|bo|ponieważ|jeśli|ale|choć)\s+",
    verb_gender=(("ła", "f"), ("ł", "m")),
    inflects=True,
    name_gender=((0, "a", "f"), (-1, "ska", "f"), (-1, "cka", "f"), (-1, "ski", "m"),
                 (-1, "cki", "m"), (0, "", "m")),
)

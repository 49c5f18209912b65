"""German: speech verbs in news forms (Präteritum and Präsens, "so" after a quote), titles and
job words before names (each with its -in feminine), pronouns; every noun is capitalised, so
a capitalised word is a name only where the rules of `mentions.common_noun_run` allow."""

from __future__ import annotations

import re

from . import build

# Präteritum and Präsens (3rd person) of the verbs German news uses to report speech
_VERBS = """sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten betont meinte
meinten meint ergänzte ergänzt fügte fügt berichtete berichtet erzählte erzählt warnte warnt
forderte fordert kritisierte kritisiert versprach verspricht bestätigte bestätigt erläuterte
erläutert unterstrich unterstreicht fragte fragt antwortete antwortet schrieb schreibt
räumte räumt kündigte kündigt teilte teilt äußerte äußert sprach spricht bekräftigte
bekräftigt bilanzierte bilanziert resümierte resümiert rief ruft lobte lobt freute freut
mahnte mahnt stellte stellt zeigte zeigt gab gibt entgegnete entgegnet widersprach
widerspricht beklagte beklagt bemerkte bemerkt verriet verrät sagte""".split()
_PHRASES = ["hieß es", "heißt es"]

# masculine job words and titles; the feminine adds -in (Bürgermeisterin)
_ROLES = """bürgermeister oberbürgermeister bauleiter sprecher pressesprecher polizeisprecher
direktor leiter geschäftsführer präsident vizepräsident minister ministerpräsident kanzler
bundeskanzler trainer anwohner projektleiter ingenieur architekt stadtrat landrat professor
lehrer schulleiter chef bürger einwohner bewohner planer stadtplaner bauherr vorstand
verkehrsplaner stadtbaurat dezernent baudezernent kämmerer pfarrer richter anwalt
rechtsanwalt staatsanwalt senator abgeordneter bundestagsabgeordneter landtagsabgeordneter
experte forscher wissenschaftler ökonom autor gründer inhaber besitzer mitarbeiter
vertreter veranstalter organisator kollege nachbar schüler student rentner meister planer
berater arbeiter fahrer führer händler techniker biologe geologe soziologe psychologe
sekretär generalsekretär""".split()
_IRREGULAR_F = {"stadtrat": "stadträtin", "landrat": "landrätin", "stadtbaurat":
                "stadtbaurätin", "abgeordneter": "abgeordnete", "experte": "expertin",
                "kollege": "kollegin", "bundestagsabgeordneter": "bundestagsabgeordnete",
                "landtagsabgeordneter": "landtagsabgeordnete", "vorstand": "vorständin",
                "anwalt": "anwältin", "rechtsanwalt": "rechtsanwältin",
                "staatsanwalt": "staatsanwältin", "bauherr": "bauherrin", "arzt": "ärztin",
                **{r: r[:-1] + "in" for r in ("biologe", "geologe", "soziologe", "psychologe")}}
_FEMININE = [_IRREGULAR_F.get(r, r + "in") for r in _ROLES] + ["ärztin", "mutter", "tochter",
                                                               "frau", "vorsitzende"]
_MASCULINE = [*_ROLES, "arzt", "vater", "sohn", "mann", "vorsitzender"]

LEXICON = build(
    "de",
    verbs=[*_VERBS, *_PHRASES],
    according_to=["laut", "nach Angaben von", "nach Angaben des", "nach Angaben der",
                  "nach Worten von", "nach den Worten von"],
    according_after=re.compile(r"so(?=\s+\w)", re.I),
    pronouns={"er": ("m", False), "sie": ("f", False), "es": ("", False),
              "wir": ("", True), "ich": ("", False)},
    roles_f=" ".join(_FEMININE), roles_m=" ".join(_MASCULINE),
    person_nouns="mensch person fußgänger radfahrer passant fan",
    spokes="sprecher sprecherin pressesprecher pressesprecherin polizeisprecher "
           "polizeisprecherin",
    titles_f="frau", titles_m="herr", titles="dr prof professor professorin",
    adverbs="auch ebenfalls zudem außerdem später dann noch bereits weiter nun jetzt dazu",
    org_heads="""stadt gemeinde verwaltung stadtverwaltung ministerium regierung partei verein
    verband polizei feuerwehr universität hochschule schule klinik krankenhaus bank gmbh ag
    unternehmen firma rathaus landkreis kreis amt behörde gericht bundestag landtag rat
    stadtrat zeitung bahn institut institute podcast""",
    not_name_words="""denn was wer wo warum natürlich zugleich ähnlich dafür dagegen kurz
    sowohl weder entweder etliche manche schließlich dennoch gleichwohl darin immer statt
    und oder aber doch auch noch nur schon so wie als wenn weil dass ob es er
    sie wir ich ihr man alle viele einige mehrere kein keine heute gestern morgen dann danach
    damals bisher jetzt nun hier dort zudem außerdem trotzdem deshalb daher dazu dabei darum
    immerhin zwar jedoch allerdings sowie bislang erst rund etwa fast knapp mehr weniger
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai
    juni juli august september oktober november dezember uhr""",
    prepositions="""in an auf aus bei mit nach seit von vor zu zum zur am im vom beim ins ans
    über unter zwischen für gegen ohne um durch während wegen trotz laut gegenüber ab bis
    neben außer samt gemäß seitens hinter entlang innerhalb außerhalb dank anstatt""",
    determiners="""der die das ein eine einer einem einen eines dem den des dieser diese
    dieses diesem diesen sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren unser
    unsere""",
    stop_words="""bei am im in auf vor nach während gegenüber zu zum zur mit über für aus vom
    laut der dem den des die das als wie und dass hinzu an ein mit gegenüber ist war sei habe
    hat hatte wird wurde gebe gibt sind waren seien nach""",
    time_words="""am heute gestern zuletzt damals bereits noch zudem auch dazu weiter
    außerdem dabei hinzu""",
    plural_verb_endings=("ten",),  # sagten, erklärten (the singular: sagte)
    clause_split=r"\s+(?:dass|wenn|als|weil|nachdem|bevor|ob|aber|während|sodass|und)\s+",
    according_opening=re.compile(r"für(?=\s)", re.I),
    article_gender={"der": "m", "die": "f"},  # (the plural's "die" has no job word after it)
    caps_nouns=True,
    compound_roles=True,
    agent_suffixes=("er", "erin", "or", "orin", "ent", "entin", "ant", "antin", "ist", "istin",
                    "eur", "eurin", "loge", "login", "at", "ätin"),
    common_nouns=frozenset("""jahr jahre jahren stadt euro prozent meter kilometer millionen
    milliarden uhr tag tage tagen woche wochen monat monate monaten menschen leute zeit ende
    anfang""".split()),
    noun_suffixes=("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
                   "tion", "tionen", "ität", "itäten", "ismus", "nisse"),
)

"""Italian: speech verbs (passato prossimo "ha detto", presente, passato remoto), "secondo",
job words before names (masculine and feminine), pronouns."""

from __future__ import annotations

import re

from . import build

# (presente, participio, passato remoto) of the verbs Italian news uses to report speech
_VERBS = [tuple(p.split("/")) for p in """dice/detto/disse spiega/spiegato/spiegò
afferma/affermato/affermò dichiara/dichiarato/dichiarò aggiunge/aggiunto/aggiunse
sottolinea/sottolineato/sottolineò precisa/precisato/precisò racconta/raccontato/raccontò
osserva/osservato/osservò commenta/commentato/commentò ricorda/ricordato/ricordò
assicura/assicurato/assicurò conferma/confermato/confermò annuncia/annunciato/annunciò
spiega/spiegato/spiegò evidenzia/evidenziato/evidenziò ammette/ammesso/ammise
rileva/rilevato/rilevò avverte/avvertito/avvertì insiste/insistito/insistette
replica/replicato/replicò risponde/risposto/rispose conclude/concluso/concluse
continua/continuato/continuò prosegue/proseguito/proseguì critica/criticato/criticò
sostiene/sostenuto/sostenne
denuncia/denunciato/denunciò promette/promesso/promise avverte/avvertito/avvertì
chiarisce/chiarito/chiarì rivendica/rivendicato/rivendicò""".split()]
# an adverb may stand between the auxiliary and the participle ("ha poi aggiunto")
_BETWEEN = ("", "poi ", "anche ", "inoltre ", "ancora ", "infine ")
_FORMS = [f for pres, part, rem in _VERBS
          for f in (pres, rem, *(f"{aux} {adv}{part}" for aux in ("ha", "aveva", "hanno")
                                 for adv in _BETWEEN))]
_ROLES = [tuple(p.split("/")) for p in """sindaco/sindaca ingegnere/ingegnera
direttore/direttrice presidente/presidentessa assessore/assessora consigliere/consigliera
ministro/ministra architetto/architetta professore/professoressa medico/medica
avvocato/avvocata deputato/deputata senatore/senatrice segretario/segretaria
allenatore/allenatrice fondatore/fondatrice ricercatore/ricercatrice abitante/abitante
residente/residente responsabile/responsabile portavoce/portavoce padre/madre
figlio/figlia uomo/donna""".split()]

LEXICON = build(
    "it",
    verbs=_FORMS,
    according_to=["secondo", "a detta di", "stando a"],
    pronouns={"lui": ("m", False), "lei": ("f", False), "egli": ("m", False),
              "ella": ("f", False), "loro": ("", True)},
    roles_f=" ".join(f for m, f in _ROLES if f != m), roles_m=" ".join(m for m, f in _ROLES
                                                                         if f != m),
    person_nouns=" ".join(m for m, f in _ROLES if f == m) + " capo tecnico",
    spokes="portavoce",
    titles_f="sig.ra signora dott.ssa", titles_m="sig signor signore dott", titles="prof ing",
    adverbs="anche poi inoltre ancora già",
    org_heads="""comune città regione provincia governo ministero partito associazione
    sindacato polizia università scuola ospedale banca azienda società consiglio giunta
    tribunale""",
    not_name_words="""come e o ma però perché anche poi inoltre ancora già lui lei loro io noi
    questo questa questi queste secondo dopo lunedì martedì mercoledì giovedì venerdì sabato
    domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre
    novembre dicembre oggi ieri domani""",
    prepositions="a al alla ai agli alle con da dal dalla di del della dei in nel nella "
                 "per su sul sulla tra fra durante dopo prima",
    determiners="il lo la l' l’ i gli le un uno una un' suo sua suoi sue questo questa",
    stop_words="""a al alla ai alle con da dal dalla in nel nella per su sul sulla tra fra
    durante dopo prima che cui quando il ieri oggi martedì lunedì mercoledì giovedì venerdì
    sabato domenica""",
    stop_extra=r"(?<=\w)\s+(?:di|del|della|dei|delle)\s+(?=[a-zàèéìòù0-9])",
    time_words="ieri oggi lunedì martedì mercoledì giovedì venerdì sabato domenica durante",
    according_opening=re.compile(r"per(?=\s)", re.I),
    article_gender={"il": "m", "lo": "m", "la": "f", "un": "m", "uno": "m", "una": "f"},
    clause_split=r"\s+(?:che|quando|perché|mentre|se|ma|come)\s+",
)

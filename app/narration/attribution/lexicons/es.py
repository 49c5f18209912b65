"""Spanish: speech verbs (pretérito, presente, "ha dicho"), "según", job words before names
(masculine and feminine), pronouns."""

from __future__ import annotations

import re

from . import build

# (pretérito, presente, participio) of the verbs Spanish news uses to report speech
_VERBS = [tuple(p.split("/")) for p in """dijo/dice/dicho afirmó/afirma/afirmado
explicó/explica/explicado declaró/declara/declarado aseguró/asegura/asegurado
añadió/añade/añadido señaló/señala/señalado indicó/indica/indicado subrayó/subraya/subrayado
destacó/destaca/destacado precisó/precisa/precisado insistió/insiste/insistido
comentó/comenta/comentado contó/cuenta/contado recordó/recuerda/recordado
advirtió/advierte/advertido admitió/admite/admitido reconoció/reconoce/reconocido
apuntó/apunta/apuntado manifestó/manifiesta/manifestado sostuvo/sostiene/sostenido
respondió/responde/respondido relató/relata/relatado lamentó/lamenta/lamentado
celebró/celebra/celebrado agregó/agrega/agregado concluyó/concluye/concluido
expresó/expresa/expresado anunció/anuncia/anunciado criticó/critica/criticado
replicó/replica/replicado opinó/opina/opinado sentenció/sentencia/sentenciado
matizó/matiza/matizado remarcó/remarca/remarcado aclaró/aclara/aclarado
insistió/insiste/insistido denunció/denuncia/denunciado prometió/promete/prometido
reclamó/reclama/reclamado valoró/valora/valorado""".split()]


def _plural(pret: str) -> str:
    """The plural of a pretérito: afirmó -> afirmaron, añadió -> añadieron, dijo -> dijeron,
    sostuvo -> sostuvieron."""
    if pret.endswith("ió"):
        return pret[:-2] + "ieron"
    if pret.endswith("ó"):
        return pret[:-1] + "aron"
    if pret.endswith("jo"):
        return pret[:-1] + "eron"
    return pret[:-1] + "ieron"  # sostuvo


_FORMS = [f for pret, pres, part in _VERBS
          for f in (pret, pres, f"ha {part}", f"había {part}", f"han {part}", _plural(pret))]
_ROLES = [tuple(p.split("/")) for p in """alcalde/alcaldesa ingeniero/ingeniera
director/directora presidente/presidenta concejal/concejala portavoz/portavoz
ministro/ministra consejero/consejera vecino/vecina jefe/jefa profesor/profesora
médico/médica abogado/abogada diputado/diputada senador/senadora secretario/secretaria
arquitecto/arquitecta responsable/responsable delegado/delegada coordinador/coordinadora
gerente/gerente fundador/fundadora investigador/investigadora entrenador/entrenadora
padre/madre hijo/hija hombre/mujer""".split()]

LEXICON = build(
    "es",
    verbs=_FORMS,
    according_to=["según", "de acuerdo con", "a juicio de"],
    pronouns={"él": ("m", False), "ella": ("f", False), "ellos": ("", True),
              "ellas": ("", True), "nosotros": ("", True)},
    roles_f=" ".join(f for m, f in _ROLES if f != m), roles_m=" ".join(m for m, f in _ROLES
                                                                         if f != m),
    person_nouns=" ".join(m for m, f in _ROLES if f == m) + " jefe ingeniera",
    spokes="portavoz",
    titles_f="sra doña señora", titles_m="sr don señor", titles="dr dra",
    adverbs="también además luego después ya",
    org_heads="""ayuntamiento ciudad gobierno ministerio partido asociación sindicato
    policía universidad escuela hospital banco empresa consejo junta tribunal""",
    not_name_words="""como y o pero pues porque aunque también además luego después ya él ella
    ellos ellas nosotros yo este esta estos estas según tras lunes martes miércoles jueves
    viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre
    octubre noviembre diciembre hoy ayer mañana""",
    prepositions="a al ante bajo con contra de del desde durante en entre hacia hasta para "
                 "por sin sobre tras",
    determiners="el la los las un una unos unas su sus este esta ese esa",
    stop_words="""a al ante con contra desde durante en entre hacia hasta para por sobre tras
    que quien quienes cuando el martes lunes miércoles jueves viernes sábado domingo ayer""",
    stop_extra=r"(?<=\w)\s+(?:de|del)\s+(?=[a-záéíóúñ0-9])",
    time_words="ayer hoy lunes martes miércoles jueves viernes sábado domingo durante",
    according_opening=re.compile(r"para(?=\s)", re.I),
    article_gender={"el": "m", "la": "f", "un": "m", "una": "f"},
    clause_split=r"\s+(?:que|cuando|porque|aunque|si|pero|mientras|como)\s+",
)

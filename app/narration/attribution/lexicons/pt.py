"""Portuguese: speech verbs (pretérito perfeito "disse", presente), "segundo", job words before
names (masculine and feminine), pronouns."""

from __future__ import annotations

import re

from . import build

# (pretérito perfeito, presente) of the verbs Portuguese news uses to report speech
_VERBS = [tuple(p.split("/")) for p in """disse/diz afirmou/afirma explicou/explica
declarou/declara acrescentou/acrescenta sublinhou/sublinha salientou/salienta
referiu/refere assegurou/assegura garantiu/garante contou/conta lembrou/lembra
recordou/recorda admitiu/admite reconheceu/reconhece adiantou/adianta frisou/frisa
destacou/destaca indicou/indica observou/observa comentou/comenta respondeu/responde
defendeu/defende considerou/considera rematou/remata concluiu/conclui
anunciou/anuncia apontou/aponta criticou/critica replicou/replica lamentou/lamenta
alertou/alerta avisou/avisa insistiu/insiste esclareceu/esclarece prometeu/promete
rematou/remata realçou/realça vincou/vinca""".split()]


def _plural(past: str) -> str:
    """The plural of a pretérito perfeito: afirmou -> afirmaram, disse -> disseram."""
    endings = {"ou": "aram", "eu": "eram", "iu": "iram"}
    return past[:-2] + endings[past[-2:]] if past[-2:] in endings else past + "ram"


_FORMS = [f for past, pres in _VERBS for f in (past, pres, _plural(past))]
_ROLES = [tuple(p.split("/")) for p in """presidente/presidente engenheiro/engenheira
diretor/diretora vereador/vereadora ministro/ministra autarca/autarca morador/moradora
professor/professora médico/médica advogado/advogada deputado/deputada
secretário/secretária arquiteto/arquiteta responsável/responsável porta-voz/porta-voz
fundador/fundadora investigador/investigadora treinador/treinadora pai/mãe filho/filha
homem/mulher""".split()]

LEXICON = build(
    "pt",
    verbs=_FORMS,
    according_to=["segundo", "de acordo com", "conforme"],
    pronouns={"ele": ("m", False), "ela": ("f", False), "eles": ("", True),
              "elas": ("", True)},
    roles_f=" ".join(f for m, f in _ROLES if f != m), roles_m=" ".join(m for m, f in _ROLES
                                                                         if f != m),
    person_nouns=" ".join(m for m, f in _ROLES if f == m),
    spokes="porta-voz",
    titles_f="sra dona senhora", titles_m="sr senhor", titles="dr dra eng",
    adverbs="também ainda depois já",
    org_heads="""câmara cidade governo ministério partido associação sindicato polícia
    universidade escola hospital banco empresa conselho junta tribunal""",
    not_name_words="""como e ou mas porque embora também ainda depois já ele ela eles elas eu nós
    este esta estes estas segundo após segunda-feira terça-feira quarta-feira quinta-feira
    sexta-feira sábado domingo janeiro fevereiro março abril maio junho julho agosto setembro
    outubro novembro dezembro hoje ontem amanhã""",
    prepositions="a ao à aos com contra de do da dos das desde durante em no na nos nas "
                 "entre para por pelo pela sem sobre após",
    determiners="o a os as um uma uns umas seu sua seus suas este esta esse essa",
    stop_words="""ao à com contra desde durante em no na entre para por pelo pela sobre
    após que quem quando ontem hoje""",
    stop_extra=r"(?<=\w)\s+(?:de|do|da|dos|das)\s+(?=[a-záéíóúâêôãõç0-9])",
    time_words="ontem hoje durante",
    according_opening=re.compile(r"para(?=\s)", re.I),
    article_gender={"o": "m", "a": "f", "um": "m", "uma": "f"},
    clause_split=r"\s+(?:que|quando|porque|embora|se|mas|enquanto|como)\s+",
)

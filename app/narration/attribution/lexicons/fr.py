"""French: speech verbs in the present, the passé composé ("a déclaré") and with the subject
pronoun joined by inversion ("a-t-il ajouté", "dit-elle"), "selon", titles and job words
(masculine and feminine), pronouns."""

from __future__ import annotations

import re

from . import build

# (present, participle) of the verbs French news uses to report speech
_VERBS = [tuple(p.split("/")) for p in """dit/dit déclare/déclaré affirme/affirmé
explique/expliqué ajoute/ajouté précise/précisé souligne/souligné indique/indiqué
estime/estimé assure/assuré confie/confié raconte/raconté poursuit/poursuivi résume/résumé
insiste/insisté rappelle/rappelé reconnaît/reconnu lance/lancé répond/répondu note/noté
observe/observé commente/commenté admet/admis annonce/annoncé prévient/prévenu
martèle/martelé témoigne/témoigné glisse/glissé souffle/soufflé détaille/détaillé
conclut/conclu regrette/regretté déplore/déploré juge/jugé tranche/tranché
s'exclame/exclamé avoue/avoué promet/promis réagit/réagi ironise/ironisé
s’inquiète/inquiété réjouit/réjoui salue/salué dénonce/dénoncé critique/critiqué
prévient/prévenu réplique/répliqué souligne/souligné avertit/averti proteste/protesté
tempère/tempéré nuance/nuancé""".split()]
_SUBJECTS = ("il", "elle", "ils", "elles", "on")


def _forms() -> list[str]:
    out = []
    for present, participle in _VERBS:
        out += [present, present + "nt" if present.endswith("e") else present]
        # an adverb may stand between the auxiliary and the participle ("a ensuite ajouté")
        out += [f"{aux} {adv}{participle}" for aux in ("a", "avait", "ont")
                for adv in ("", "ensuite ", "aussi ", "également ", "encore ", "enfin ")]
        for p in _SUBJECTS:
            joint = "-t-" if present.endswith(("e", "a")) else "-"
            out += [f"{present}{joint}{p}", f"a-t-{p} {participle}"]
    return [f.replace("'", "’") for f in out] + out


_ROLES = [tuple(p.split("/")) for p in """directeur/directrice président/présidente
adjoint/adjointe préfet/préfète conseiller/conseillère habitant/habitante
ingénieur/ingénieure professeur/professeure député/députée sénateur/sénatrice
entraîneur/entraîneuse avocat/avocate policier/policière élu/élue militant/militante
chercheur/chercheuse animateur/animatrice étudiant/étudiante retraité/retraitée
riverain/riveraine délégué/déléguée fondateur/fondatrice gérant/gérante
commerçant/commerçante père/mère fils/fille homme/femme""".split()]

LEXICON = build(
    "fr",
    verbs=_forms(),
    according_to=["selon", "d'après", "d’après", "aux dires de"],
    pronouns={"il": ("m", False), "elle": ("f", False), "ils": ("", True),
              "elles": ("", True), "on": ("", False), "nous": ("", True)},
    roles_f=" ".join(f for _, f in _ROLES), roles_m=" ".join(m for m, _ in _ROLES),
    person_nouns="""maire ministre architecte responsable secrétaire chef cheffe médecin
    commissaire syndicaliste bibliothécaire porte-parole juge patron patronne""",
    spokes="porte-parole",
    titles_f="mme mlle madame mademoiselle", titles_m="m monsieur", titles="me dr pr",
    adverbs="aussi également encore ensuite alors déjà enfin",
    org_heads="""ville mairie commune région département ministère gouvernement parti
    association syndicat police gendarmerie université école hôpital banque entreprise
    société conseil préfecture assemblée sénat tribunal collectif""",
    not_name_words="""comme et ou mais donc car ni puis alors ainsi aussi encore déjà enfin il elle
    ils elles on nous je tu vous c'est ce cette ces cet selon après avant pendant depuis lors
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
    juillet août septembre octobre novembre décembre aujourd'hui hier demain""",
    prepositions="à au aux dans sur sous pour par avec sans chez vers entre contre depuis "
                 "pendant lors après avant devant derrière en",
    determiners="le la les l' l’ un une des du ce cette ces cet son sa ses leur leurs mon ma",
    stop_words="""lors à au aux dans devant pendant après avant sur qui que dont en pour avec
    par hier jeudi lundi mardi mercredi vendredi samedi dimanche ce cette""",
    # "le maire de Rennes", "la directrice de l'école": the place or body ends the subject
    stop_extra=r"(?<=\w)\s+(?:de|du|des|d['’])\s*(?=[a-zà-ÿ]|l['’])",
    time_words="hier aujourd'hui lundi mardi mercredi jeudi vendredi samedi dimanche lors",
    clause_split=r"\s+(?:que|qu['’]|quand|lorsque|parce|puisque|mais|si|où|comme)\s+",
    according_opening=re.compile(r"pour(?=\s)", re.I),
    article_gender={"le": "m", "la": "f", "un": "m", "une": "f"},
    inverted_pronoun=re.compile(r"-(?:t-)?(?P<p>il|elle|ils|elles|on)\b", re.I),
)

"""Words the speaker finder reads in English (data only): speech verbs, pronouns, describing
nouns. Other languages have theirs in `lexicons/` (`lexicons.lexicon_for(language)`), whose
English table is built from this module.

Speech verbs follow the reporting-verb lists of news style guides and of CoreNLP's
QuoteAttributionAnnotator (its `verbs` list), in the forms news prose uses.
"""

from __future__ import annotations

import re

from app.narration.titles import TITLES

# lemma, or "lemma:irregular past"; every lemma gets its -s, -ed and -ing forms, except that a
# lemma marked "!" is also a common noun ("a report", "in a post"), so only its -ed and -ing
# forms count as verbs.
_VERB_LEMMAS = """
say:said tell:told write:wrote add explain ask state declare insist note observe remark
continue recall admit acknowledge concede confirm deny argue claim contend counter maintain
assert warn caution predict promise pledge vow suggest urge reply respond answer! retort
joke quip laugh sigh boast complain lament exclaim shout yell scream cry chant whisper mutter
mumble muse wonder blurt announce proclaim tweet post! comment! reveal report! testify emphasize
emphasise stress reiterate repeat! echo concur conclude recount describe fire:fired
shoot:shot snap sneer scoff gush marvel plead demand! charge! accuse allege blast! slam!
praise! hail thank apologize apologise speculate affirm opine chime interject interrupt
clarify elaborate summarize summarise agree disagree question! beam press! implore fume
rant bristle scold gripe grumble rail rage stammer taunt tease vent wail gasp groan growl
hiss howl moan murmur sob roar bellow thunder chuckle giggle read:read start! sing:sang
assure reassure react advise exhort surmise mock speak:spoke
""".split()
_IRREGULAR_ING = {"put": "putting", "begin": "beginning", "snap": "snapping", "quip": "quipping",
                  "admit": "admitting", "shoot": "shooting", "chime": "chiming"}
_IRREGULAR_ED = {"admit": "admitted", "snap": "snapped", "quip": "quipped"}


def _forms(entry: str) -> set[str]:
    noun = entry.endswith("!")
    lemma, _, past = entry.rstrip("!").partition(":")
    out = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    if past:
        out.add(past)
    elif lemma in _IRREGULAR_ED:
        out.add(_IRREGULAR_ED[lemma])
    elif lemma.endswith("e"):
        out.add(lemma + "d")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        out.add(lemma[:-1] + "ied")
    else:
        out.add(lemma + "ed")
    if lemma in _IRREGULAR_ING:
        out.add(_IRREGULAR_ING[lemma])
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        out.add(lemma[:-1] + "ing")
    else:
        out.add(lemma + "ing")
    if noun:
        out -= {lemma, lemma + "s", lemma + "es"}
    return out


SPEECH_VERBS: frozenset[str] = frozenset(f for e in _VERB_LEMMAS for f in _forms(e))
# Verb forms that are also nouns ("a Trump-style retort", "his latest tweet", "her reply")
NOUN_FORMS = frozenset(w for lemma in """reply claim promise pledge vow laugh sigh shout cry
chant whisper tweet joke quip boast lament scream yell roar murmur sob moan groan howl gasp
hiss rant vent wail echo counter retort remark note interjection""".split()
                       for w in (lemma, lemma + "s", lemma + "es"))
# Verbs that take a particle in speech: "went on", "pointed out", "fired back".
PHRASAL = {"went on", "goes on", "go on", "going on", "pointed out", "points out",
           "issued a statement", "released a statement", "put out a statement",
           "fired back", "fires back", "shot back", "shoots back", "put it", "puts it",
           "chimed in", "chimes in", "summed up", "sums up",
           "reads"}  # "…," reads an editorial in The Leith Courier: a text quoted as it reads
# A sentence may open with the verb: Said Dorothy Poynter, "…"
_CAPITALISED = {"Said", "Says", "Asked", "Added", "Wrote", "Tweeted"}
VERB_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(p) for p in PHRASAL | _CAPITALISED), key=len,
                               reverse=True))
    + r"|" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")

# Describing nouns of those who speak for someone else: "a spokesperson for Northlink Buses"
# gives the organisation's words.
# Documents through which an organisation speaks ("the Leith Council report stated", "an
# editorial in The Leith Courier"): the organisation named with them speaks.
DOCUMENT_NOUNS = frozenset("""statement report editorial column website memo release
""".split())
SPOKES = frozenset("""spokesman spokeswoman spokesperson spokespeople representative
representatives press office""".split()) | DOCUMENT_NOUNS
ACCORDING_TO = re.compile(r"\baccording to\b", re.I)

# Nouns for people: a description made of one ("the Republican lawmaker") means a person.
PERSON_NOUNS = frozenset("""
lawmaker senator governor congressman congresswoman candidate nominee president mayor
official spokesman spokeswoman spokesperson chairman chairwoman leader founder director
manager strategist adviser advisor aide host anchor reporter actor actress singer star
author writer professor economist analyst pollster activist organizer organiser voter
veteran mogul magnate tycoon billionaire businessman businesswoman politician diplomat
ambassador general officer commander pastor priest bishop rabbi imam minister doctor
surgeon neurosurgeon scientist researcher executive secretary judge lawyer attorney
prosecutor representative delegate councillor councilman councilwoman chief coach
man woman father mother son daughter husband wife brother sister speaker
confidant source insider resident supporter staffer operative donor member worker student
protester demonstrator witness expert critic narrator passenger commuter teacher neighbor
neighbour employee consultant lobbyist attendee participant volunteer campaigner customer
""".split())

# Words between a subject and its verb that do not change who speaks: "she also said".
ADVERBS = frozenset("""also later then has had have would will once recently previously
again simply just further finally quickly flatly bluntly repeatedly often frequently
earlier privately publicly initially first last jokingly angrily emphatically
""".split())

PRONOUNS: dict[str, tuple[str, bool]] = {  # word -> (gender, plural)
    "he": ("m", False), "she": ("f", False), "they": ("", True), "we": ("", True),
    "i": ("", False),
}

# Describing nouns: a "nominal mention" names a role, not a person ("the spokeswoman").
ROLE_GENDER: dict[str, str] = {
    **{n: "f" for n in ("spokeswoman", "chairwoman", "businesswoman", "congresswoman",
                        "councilwoman", "actress", "headmistress", "waitress", "grandmother",
                        "mother", "daughter", "wife", "sister", "girl", "woman", "lady",
                        "mum", "mom", "widow", "niece", "aunt", "queen", "princess",
                        "policewoman", "sportswoman", "stateswoman", "alderwoman")},
    **{n: "m" for n in ("spokesman", "chairman", "businessman", "congressman", "councilman",
                        "headmaster", "grandfather", "father", "son", "husband", "brother",
                        "boy", "man", "dad", "widower", "nephew", "uncle", "king", "prince",
                        "policeman", "sportsman", "statesman", "alderman")},
}
TITLE_GENDER: dict[str, str] = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f",
                                "miss": "f", "dame": "f", "lady": "f", "king": "m",
                                "queen": "f", "prince": "m", "princess": "f", "fr": "m",
                                "father": "m", "sister": "f", "brother": "m"}

# Heads of names that are organisations or places, not people ("the Labour Party").
ORG_HEADS = frozenset("""
party committee campaign department ministry office house council association union
institute university college school agency commission board bureau court company corp
corporation inc ltd group club news times post journal network foundation center centre
service services administration government senate congress parliament assembly police
force army navy bank fund team league federation coalition organization organisation
society trust hospital church movement alliance caucus network magazine press television
radio tv studio studios airline airlines bus buses railway trains council authority
show program programme podcast channel
""".split())

# Capitalised words that begin a sentence without being a name.
NOT_NAME_WORDS = frozenset("""
the a an it this that these those but and or so yet in on at for to of from by with as if
when whether while after before since because although though however meanwhile still now then
there here his her their its our my your he she they we i you who what where why how
asked speaking writing according during despite later earlier also even just both all some
many most several another other such no not yes one two three four five first last next
six seven eight nine ten eleven twelve twenty thirty forty fifty sixty hundred hundreds thousand
thousands million millions dozen dozens
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december instead indeed thus perhaps asked
said says told added recently finally currently previously ultimately additionally
similarly separately clearly unfortunately fortunately initially eventually obviously
apparently importantly notably former retired neither either interestingly afterward
afterwards today yesterday tonight hours days weeks months years minutes moments more
was were is are did does do will would can could should shall has have had
""".split())

_TITLE_WORDS = sorted({t for t in TITLES} | {t.lower() for t in TITLES}, key=len, reverse=True)
TITLE_RE = r"(?:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")\.?"
TITLE_SET = frozenset(t.lower() for t in TITLES)

# Words that mark a noun phrase as a description ("the senator"), not a name
DETERMINERS = frozenset("the a an one another his her their its this that".split())
PREPOSITIONS = frozenset("""in at from to of across near into onto with by for on about
against over under between among through toward towards via like than outside inside around
along beyond throughout within without behind beside besides amid amongst upon unlike
including nearby""".split())
# What ends a subject put after its verb ("…," said Jane Roe in a statement)
AFTER_VERB_STOP = (r"[,;:!?(\[—–]|\s-\s|\s+(?:who|which|in|on|at|during|after|"
                   r"before|when|as|about|that)\s")
# A phrase after a verb that opens with one of these says when or to whom, not who
TIME_WORD = re.compile(r"^(?:on|in|at|last|this|earlier|later|during|after|before|yesterday|"
                       r"today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|"
                       r"sunday|recently|previously|then|also|again|of|to|that|about|"
                       r"afterward|afterwards|in\s+a\s+statement)\b", re.I)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# "noted the Milwaukee Journal Sentinel this summer": when, not who
TIME_AT_END = re.compile(rf"(?:\s+(?:this|last|next|on|earlier|later|late|early)\s+\w+"
                         rf"|\s+(?:{_DAYS}|today|yesterday|tonight|recently))+\s*$", re.I)

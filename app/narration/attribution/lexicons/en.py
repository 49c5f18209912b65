"""English: the words of `..lexicon` as a `Lexicon` (the reference table)."""

from __future__ import annotations

from .. import lexicon as en
from . import Lexicon

LEXICON = Lexicon(
    language="en", verb_re=en.VERB_RE, noun_forms=en.NOUN_FORMS, according_to=en.ACCORDING_TO,
    spokes=en.SPOKES, person_nouns=en.PERSON_NOUNS, adverbs=en.ADVERBS, pronouns=en.PRONOUNS,
    role_gender=en.ROLE_GENDER, title_gender=en.TITLE_GENDER, org_heads=en.ORG_HEADS,
    not_name_words=en.NOT_NAME_WORDS, title_set=en.TITLE_SET, prepositions=en.PREPOSITIONS,
    determiners=en.DETERMINERS, after_verb_stop=en.AFTER_VERB_STOP, time_word=en.TIME_WORD,
    time_at_end=en.TIME_AT_END,
)

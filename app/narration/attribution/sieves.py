"""Quote-to-mention sieves (pure): each reads the narration around one quotation and returns
the mention it is confident said it, with the cue that tells, or None.

The order of `SIEVES` is the order of precision, as in CoreNLP's QuoteAttributionAnnotator
(Muzny, Fang, Chang & Jurafsky, "A Two-stage Sieve Approach for Quote Attribution", EACL
2017), adapted to news: a transcript label (PENCE: "…"), the trailing cue ("…," said Jane
Roe), the leading cue (Jane Roe said: "…"), "according to", then a colon introduction.
Sieves that need other quotes' speakers (continuation paragraphs, conversation turns,
signature lines) run after these, in `attribute`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .lexicon import DETERMINERS as _DETERMINER_WORDS
from .lexicon import DOCUMENT_NOUNS, NOT_NAME_WORDS
from .lexicon import PREPOSITIONS as _PREPOSITION_WORDS
from .lexicons import Lexicon
from .lexicons.en import LEXICON as EN
from .mentions import NAME_RUN, Mention, is_crowd, name_mentions, read_phrase
from .namelists import is_first_name, looks_personal
from .text import ABBREVIATIONS, first_sentence, last_sentence


@dataclass(frozen=True)
class Context:
    """One quotation and the narration around it, inside its paragraph."""

    before: str  # narration since the previous quotation (or the paragraph's start)
    after: str  # narration up to the next quotation (or the paragraph's end)
    before_at: int = 0  # where `before` starts in the paragraph
    after_at: int = 0
    ended: bool = False  # the quotation ends its sentence with a full stop
    inner: str = ""  # the quoted words
    lex: Lexicon = EN  # the article's language's words


@dataclass(frozen=True)
class Cue:
    """Why a quotation is given to a mention: the sieve's name and the words that tell."""

    sieve: str
    cue: str
    mention: Mention


_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_LEAD = re.compile(r"^[\s,.!?;:…—–\-)\]’”'\"»]*")  # (and a nested quote's closer left over)
_MAX_SUBJECT_WORDS = 12
# words between a leading cue's verb and its quotation: when, where, to whom and about what
# ("said on Twitter on Monday, in reference to her first child, a girl born …,"); measured
# on the benchmark (12 missed such cues, 18 added no wrong speaker)
_MAX_AFTER_VERB_WORDS = 18


def subject_phrase(text: str, lex: Lexicon = EN) -> str:
    """The phrase right before a verb that is its subject: drops adverbs ("she also"), an
    apposition ("Mr. Kelly, a retired astronaut,") and any clause before a comma."""
    words = text.rstrip().split(" ")
    while words and words[-1].lower().strip(",") in lex.adverbs:
        words.pop()
    s = " ".join(words).rstrip()
    if s.endswith(","):
        s = s[:-1]
        cut = s.rfind(",")
        if cut >= 0:
            apposition = s[cut + 1:].strip()
            head = s[:cut].rsplit(",", 1)[-1].strip()
            if NAME_RUN.fullmatch(apposition) and (not NAME_RUN.fullmatch(head) or re.search(
                    r"\w['’]s\s", head)):
                # "Sanders's campaign manager, Jeff Weaver," / "The Leith Group's CEO, Ann
                # Roe,": a description (a possessive inside), then the name it describes
                return apposition
            s = s[:cut]  # "X, apposition,"
    parts = s.split(",")
    seg = parts[-1]
    if len(parts) > 1 and seg.strip()[:1].islower() and seg.split()[0].lower() not in (
            "the", "a", "an", "he", "she", "they", "we", "i") \
            and NAME_RUN.fullmatch(parts[-2].strip()):
        seg = parts[-2]  # "Anthony Anton, president and CEO of the Association stated"
    seg = re.split(r"\s+[—–]\s+|\s+-\s+|\(", seg)[-1]
    # "… grew so loud that Harbour Commissioner Lea Moss": the clause the verb belongs to
    seg = re.split(lex.clause_split, seg)[-1].strip()
    if lex is EN:  # "even a top strategist said": a focus word before the subject is not it
        seg = _FOCUS_WORD.sub("", seg)
    return seg


_FOCUS_WORD = re.compile(r"^(?:even|only|just|also|and|but|yet|so)\s+(?=\S)", re.I)


# A name, then its appositions up to the verb: "Scott Roe, the attorney general of Ohio,
# one of the states suing, said" / "Ann Roe, 35, the daughter of …, said" / "Sam Lau, the
# communications director for the Iowa Democratic Party said" (the last comma left out)
_NAME_APPOSITIONS = re.compile(rf"^\s*(?P<name>{NAME_RUN.pattern}),\s+"
                               r"(?!(?:he|she|they|we|i|it|you|who)\b)(?:a|an|the|\d+|[a-z])"
                               r"[^;:.!?]*?(?:,\s*(?:\w+ly\s+)?)?$")


# the name nearest "who" first: "from Mike Lee, who", "Nicky Roe, 24, from Leith, who"
_NAME_WHO = [re.compile(rf"(?P<name>{NAME_RUN.pattern})(?:,[^,;:]{{1,80}}){{{n}}},?\s+who\s+"
                        r"(?:\w+ly\s+|also\s+|then\s+|later\s+)?$") for n in range(3)]


def _mention_before_verb(clause: str, verb: re.Match[str], base: int, lex: Lexicon = EN
                         ) -> Mention | None:
    subject = _PARENTHESIS.sub("", clause[:verb.start()])
    if lex is not EN:
        return _subject_mention(clause, subject, base, lex)
    bare = subject.strip()
    if re.fullmatch(r"[A-Z][a-z]+", bare) and bare.lower() in _FUNCTION_WORDS:
        # "…," From said. / "…" Will wrote.: a capitalised word alone before the verb is its
        # subject, so a function word there is a name (Al From, George Will)
        return Mention("name", bare, bare, start=base + clause.find(bare))
    for relative in (p.search(subject) for p in _NAME_WHO):
        if relative and re.search(r",\s*(?:in|from|of|at|near)\s+$", subject[:relative.start()]) \
                and not is_first_name(relative.group("name").split()[0]):
            continue  # "Nicky Roe, 24, from Leith, who said": a place, not the one who said
        if relative:  # "a tweet from Rikkie Wells, who wrote": the relative pronoun's name
            mention = read_phrase(relative.group("name"), base + relative.start("name"))
            if mention is not None and mention.kind == "name":
                return mention
    apposed = _NAME_APPOSITIONS.match(subject)
    if apposed:
        mention = read_phrase(apposed.group("name"), base + clause.find(apposed.group("name")))
        if mention is not None and mention.kind == "name":
            return mention
    phrase = subject_phrase(subject)
    if phrase and len(phrase.split()) > _MAX_SUBJECT_WORDS \
            and phrase.split()[0].lower() in ("a", "an", "one", "another"):
        # "a woman in the audience at a campaign event in Leith asked": a description
        described = read_phrase(phrase, base + clause.find(phrase))
        if described is not None and described.kind == "nominal":
            return described
    return _subject_mention(clause, subject, base, lex)


def _subject_mention(clause: str, subject: str, base: int, lex: Lexicon = EN
                     ) -> Mention | None:
    """The mention of the subject phrase ending `subject` (the words before the verb)."""
    phrase = subject_phrase(subject, lex)
    if phrase and len(phrase.split()) > _MAX_SUBJECT_WORDS:
        # "… so heated that New Jersey Gov. Chris Christie said": the name ending the clause
        run = list(NAME_RUN.finditer(phrase))
        if lex is EN and run:
            phrase = _name_before_complement(phrase, run)
        else:
            phrase = run[-1].group(0) if run and run[-1].end() == len(phrase) else ""
    if not phrase:
        return None
    return read_phrase(phrase, base + clause.find(phrase), lex)


# Words the names lists set aside as function words that can still be someone's name when
# they stand alone as a speech verb's subject; not pronouns or words that stand for a thing
_FUNCTION_WORDS = (NOT_NAME_WORDS | _PREPOSITION_WORDS) - frozenset("""he she they we i you it
this that these those who whom which what there here his her their its our my your one all
both each some many most others another none and but or so yet nor then now also when
while if as after before since because although though once until unless whether where how
why however meanwhile still there""".split())
_COMPLEMENT = frozenset("of from at for with".split())


def _name_before_complement(phrase: str, runs: list[re.Match[str]]) -> str:
    """The name ending a long subject, or followed only by a prepositional phrase ("experts
    Ann Roe and Kai Lind of the Leith Institute for Science and Policy" -> Kai Lind): a name
    after a preposition, or joined by "and" to one that is, is inside that phrase, not the
    subject. "" when the subject ends otherwise."""
    inside: list[bool] = []
    for r in runs:
        words = [w.lower() for w in phrase[:r.start()].split()]
        while words and words[-1] in _DETERMINER_WORDS:
            words.pop()  # "of the Leith Institute": the preposition before the article
        prev = words[-1] if words else ""
        inside.append(prev in _PREPOSITION_WORDS or (prev == "and" and bool(inside)
                                                      and inside[-1]))
    for r, in_pp in zip(reversed(runs), reversed(inside), strict=True):
        if in_pp:
            continue
        after = phrase[r.end():].split()
        return r.group(0) if not after or after[0].lower() in _COMPLEMENT else ""
    return ""


def _abbreviation_at_end(text: str) -> bool:
    word = text.rsplit(None, 1)[-1].rstrip(".").lower() if text.split() else ""
    return word in ABBREVIATIONS or len(word) == 1


def _mention_after_verb(rest: str, base: int, lex: Lexicon = EN) -> Mention | None:
    """The subject put after its verb: "…," said Jane Roe, a marine biologist."""
    rest = first_sentence(rest).rstrip()
    rest = rest[:-1] if rest.endswith(".") and not _abbreviation_at_end(rest) else rest
    rest = _PARENTHESIS.sub("", rest)
    parts = re.split(lex.after_verb_stop, rest, maxsplit=1)
    # "of"/"to" end the phrase after a name ("Jeffrey Lewis of the Center"), not inside a
    # description ("former secretary of state Hillary Clinton")
    of = re.search(r"\s(?:of|to|for)\s", parts[0])
    if of and NAME_RUN.search(parts[0][:of.start()]):
        parts = [parts[0][:of.start()], parts[0][of.start():]] + parts[1:]
    phrase = lex.time_at_end.sub("", parts[0])
    if not phrase.strip() or lex.time_word.match(phrase.strip()):
        return None if lex is EN else _name_ending_stretch(rest, base, lex)
    mention = read_phrase(phrase, base, lex)
    if lex is EN and mention is not None and mention.kind == "nominal" \
            and mention.role in DOCUMENT_NOUNS and len(parts) > 1:
        # "…," reads an editorial in The Leith Courier: the paper whose text it is
        whole = read_phrase(re.split(r"[,;:(]", rest, maxsplit=1)[0], base, lex)
        if whole is not None and whole.kind == "org":
            return whole
    if lex is not EN and mention is not None and mention.kind == "nominal":
        # "o vereador da oposição Paulo Matos": the name the description leads to
        stretch = re.split(r"[,;:.!?(]", rest[len(phrase):], maxsplit=1)[0]
        runs = list(NAME_RUN.finditer(stretch))
        if runs and not stretch[runs[-1].end():].strip():
            named = read_phrase(runs[-1].group(0), base, lex)
            if named is not None and named.kind == "name":
                return replace(named, role=named.role or mention.role,
                               gender=named.gender or mention.gender)
    if (mention is None or mention.kind in ("nominal", "org")) and len(parts) > 1:
        # "said a spokeswoman for the hotels, Jennifer Rodstrom": the name in apposition
        after = rest[len(phrase):]
        if lex is not EN and "," in after:  # "o presidente da câmara, Rui Almeida"
            after = after[after.find(","):]
        nxt = after.lstrip(" ,")
        run = NAME_RUN.match(nxt)
        if run and after.lstrip().startswith(",") and \
                not nxt[run.end():].strip(" .")[:1].isalnum():
            name = read_phrase(run.group(0), base, lex)
            if name is not None and name.kind == "name":
                if lex is not EN and mention is not None and mention.kind == "nominal":
                    # "a déclaré le maire, Jean Le Gall": the role describes the person
                    name = replace(name, role=name.role or mention.role,
                                   gender=name.gender or mention.gender)
                return name
    if mention is None and lex is not EN:
        return _name_ending_stretch(rest, base, lex)
    return mention


# "Trump, the 2016 GOP presidential frontrunner … after winning the primary, said"
_NAME_THEN_APPOSITION = re.compile(rf"^(?:{NAME_RUN.pattern}),[^,]+,\s*(?:\w+\s+)?$")
_DESCRIBED_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that|my|our|your)\s+"
                               r"(?:[\w\-’']+\s+){0,2}$", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|this|that|my|our|your)\s+$",
                                re.I)


def speech_verbs(text: str, lex: Lexicon = EN) -> list[re.Match[str]]:
    """Speech verbs in `text`, leaving out nouns spelt the same ("a retort", "the answer")."""
    if lex is not EN:  # other languages list no verb form that is also a noun
        return list(lex.verb_re.finditer(text))
    return [v for v in lex.verb_re.finditer(text)
            if not _DETERMINER_BEFORE.search(text, max(0, v.start() - 8), v.start())
            and not (v.group(0) in lex.noun_forms
                     and _DESCRIBED_BEFORE.search(text, max(0, v.start() - 50), v.start()))]


# What may follow a speech verb that has no object of its own: when, where, to whom
# ("said on Monday.", "told reporters in Ohio.", "wrote in a statement.")
_BARE_VERB_END = re.compile(
    r"^(?:\s+(?:in|on|at|to|during|after|before|from|with|via|later|earlier|again|also|"
    r"yesterday|today|tonight|last|this|recently|reporters|journalists)\b"
    r"(?:(?!\bthat\b)[^,;:.!?])*)?\s*[.!]?\s*$", re.I)


def trailing_cue(ctx: Context) -> Cue | None:
    """ "…," said Jane Roe / "…," Jane Roe said / "…," she added / "…," Mr. Kelly, an
    astronaut, said: the cue opens the narration right after the quotation."""
    lead_match = _LEAD.match(ctx.after)
    lead = lead_match.end() if lead_match else 0
    clause = first_sentence(ctx.after[lead:])
    base = ctx.after_at + lead
    lex = ctx.lex
    m = lex.according_to.match(clause) or (
        lex.according_after.match(clause) if lex.according_after else None)
    if m:
        mention = _mention_after_verb(clause[m.end():], base + m.end(), lex)
        return Cue("according to", clause[:m.end()].strip(), mention) if mention else None
    found = speech_verbs(clause, lex)
    verb = found[0] if found else None
    if not verb or (len(clause[:verb.start()].split()) > _MAX_SUBJECT_WORDS + 8
                    and not _NAME_THEN_APPOSITION.match(clause[:verb.start()])):
        return None
    if ctx.ended and clause[:1].isupper() and clause[:verb.start()].strip() \
            and not (lex is EN and _BARE_VERB_END.match(clause[verb.end():])):
        # "…." Ohio Gov. John Kasich said he would: a new sentence, not a cue; but "…."
        # Trump said. / She told reporters on Monday.: the verb has no object but the quote
        return None
    if not clause[:verb.start()].strip():
        if verb.group(0).endswith("ing") and lex is EN:
            return None  # "…," promising the Friends of Abe: an object, not a speaker
        mention = _mention_after_verb(clause[verb.end():], base + verb.end(), lex)
    else:
        mention = _mention_before_verb(clause, verb, base, lex)
    if lex is not EN:
        mention = _told_by_verb(mention, clause[verb.end():], verb, base, lex)
    if mention is None:
        return None
    return Cue("trailing cue", _cue_words(clause, verb), mention)


# Verbs that name what someone is called: the quotation after them is the subject's words
# ("calling the protester “a troublemaker”", "Moss called Quist “a real smart guy”")
NAMING_VERB = re.compile(
    r"\b(?:call|calls|called|calling|label|labels|labeled|labelled|labeling|labelling|dub|dubs|"
    r"dubbed|dubbing|term|termed|describe|describes|described|describing)\b")


# A name alone after a dash, right before the colon that opens a quote: a label
_NAME_LABEL = re.compile(rf"(?:^|\s[-—–]\s*|\s-)(?P<name>{NAME_RUN.pattern})\s*:\s*$")
# "with Trump reportedly yelling", "with Donald Trump tweeting that … and asking": a
# participle whose subject stands right before it (or before the first of two joined by
# "and"), after "with" (an absolute construction)
_ABSOLUTE_SUBJECT = re.compile(rf"\b(?:with|of)\s+(?P<name>{NAME_RUN.pattern})\s+(?:\w+ly\s+)?"
                               r"(?:$|\w+ing\b(?=[^,;:]*\band\s+$))")


# A verb in a clause of time or reason ("after Quist spoke") is not the main verb
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|since|because|until|once)\s+"
                          r"(?:[\w.’'\-]+\s+){1,4}$")


def leading_cue(ctx: Context) -> Cue | None:
    """Jane Roe said: "…" / He also vowed, "…" / Trump told the crowd in Ohio: "…": the
    sentence that leads into the quotation has a speech verb, and its subject speaks."""
    sentence = last_sentence(ctx.before)
    base = ctx.before_at + len(ctx.before) - len(sentence)
    label = _NAME_LABEL.search(sentence)
    lex = ctx.lex
    if lex is not EN:
        return _leading_cue_other(sentence, base, lex)
    if label:  # "Pollsters agree - Carl Bialik:": the name labelling the quote speaks
        mention = read_phrase(label.group("name"), base + label.start("name"))
        if mention is not None and mention.kind == "name":
            return Cue("leading cue", label.group(0).strip(), mention)
    verbs = speech_verbs(sentence) or list(NAMING_VERB.finditer(sentence))
    for verb in reversed(verbs):
        tail = sentence[verb.end():]
        if len(tail.split()) > _MAX_AFTER_VERB_WORDS:
            break
        if verb is not verbs[0] and _SUBORDINATE.search(sentence, 0, verb.start()):
            continue  # "Roe said after Quist spoke.": the main clause's verb tells

        own = _ABSOLUTE_SUBJECT.search(sentence, 0, verb.start())
        if verb.group(0).endswith("ing") and own:
            # "… with Trump reportedly yelling:": the participle's own subject
            mention = read_phrase(own.group("name"), base + own.start("name"))
        elif verb.group(0).endswith("ing"):  # "…, Nefzi said, adding:" — the main clause's
            earlier = [v for v in verbs if v.end() <= verb.start()]
            mention = (_mention_before_verb(sentence, earlier[-1], base) if earlier else None) \
                or _first_subject(sentence[:verb.start()], base)
        elif re.search(r"\bto\s*$", sentence[:verb.start()]):
            # "He went on to say," / "Trump decided to tell them:": the clause's subject
            mention = _first_subject(sentence[:verb.start()], base)
        else:
            mention = _mention_before_verb(sentence, verb, base)
            if mention is None and re.search(r"(?:\band|\bbut|,)\s*$", sentence[:verb.start()]):
                # "Lazar said he … and added," / "X said…, but said,": the first verb's subject
                earlier = [v for v in verbs if v.end() <= verb.start()]
                mention = (_mention_before_verb(sentence, earlier[-1], base) if earlier
                           else None) or _first_subject(sentence[:verb.start()], base)
        if mention is None and not sentence[:verb.start()].strip(" ,"):
            mention = _mention_after_verb(tail, base + verb.end())  # Said Jane Roe: "…"
        if mention is not None:
            return Cue("leading cue", _cue_words(sentence, verb), mention)
        return None
    return None


def reported_speech(ctx: Context) -> Cue | None:
    """The paragraph before a paragraph that is only a quotation ends in reported speech
    ("Roe said the talks had stalled." then "“We waited all year.”"): the quotation goes
    on in the reporting verb's subject's own words. `ctx.before` is that paragraph."""
    sentence = last_sentence(ctx.before.rstrip())
    verbs = speech_verbs(sentence, ctx.lex)
    if not verbs or (verbs[0].group(0).endswith("ing") and ctx.lex is EN):
        return None
    mention = _mention_before_verb(sentence, verbs[0], 0, ctx.lex)
    if mention is None or mention.kind not in ("name", "pronoun"):
        return None
    return Cue("reported speech, paragraph before", _cue_words(sentence, verbs[0]), mention)


_LABEL = re.compile(r"^\s*(?P<name>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}):\s")


def transcript_label(ctx: Context) -> Cue | None:
    """ "PENCE: Well, look…": an interview transcript names the speaker in capitals before a
    colon at the start of the quotation."""
    m = _LABEL.match(ctx.inner)
    if not m or len(m.group("name")) < 2:
        return None
    name = m.group("name").title()
    return Cue("transcript label", m.group(0).strip(), Mention("name", name, name))


def according_to(ctx: Context) -> Cue | None:
    """According to Jane Roe, "…" (the sentence before) or "…," according to Jane Roe."""
    sentence = last_sentence(ctx.before)
    m = ctx.lex.according_to.search(sentence)
    opening = False
    if m is None and ctx.lex.according_opening is not None:
        # "Pour le maire, Luc Bernard, « … »": the view of the one a sentence opens with
        sentence = sentence.lstrip()
        m = ctx.lex.according_opening.match(sentence)
        opening = m is not None
    if m:
        base = ctx.before_at + len(ctx.before) - len(sentence) + m.end()
        mention = _mention_after_verb(sentence[m.end():], base, ctx.lex)
        if mention and mention.kind == "org" and mention.role in DOCUMENT_NOUNS:
            return None  # "…, according to a pool report": where the words were reported
        if mention and (mention.kind == "name" or not opening):
            return Cue("according to", m.group(0), mention)
    return None


def colon_intro(ctx: Context) -> Cue | None:
    """Clinton responded awkwardly: "…" / The senator, in his own words: "…": a sentence
    ending in a colon right before the quotation introduces its speaker, its subject."""
    sentence = last_sentence(ctx.before)
    if not sentence.rstrip().endswith(":"):
        return None
    base = ctx.before_at + len(ctx.before) - len(sentence)
    body = sentence.rstrip()[:-1]
    # the clause that leads into the colon first: "When Wallace died, President Clinton
    # released the following statement:" / "…— Cruz called them on it:"
    cut = max(body.rfind(","), body.rfind("—"), body.rfind(" – "), body.rfind(" - "))
    last = _first_subject(body[cut + 1:], base + cut + 1, ctx.lex) if cut > 0 else None
    first = _first_subject(body, base, ctx.lex)
    # "Gerald F. Seib, The Wall Street Journal:": a name, then where the person writes
    # "Meghan Roe, Twitter:": a person's name, then only where the words appeared
    where_only = first is not None and first.kind == "name" and first.name is not None \
        and looks_personal(first.name) and bool(NAME_RUN.fullmatch(body[cut + 1:].strip()))
    mention = first if (last is None or where_only or (
        last.kind == "org" and first is not None and first.kind == "name")) else last
    if mention is None:
        # "Here's Clinton in 1992:", "More from Jones:", "… doesn't surprise pollster Dana
        # Shaw:": no subject names anyone, so the person named nearest the quote (CoreNLP's
        # closest-mention sieve), not one in a possessive
        names = [m for m in name_mentions(body, base, ctx.lex) if m.kind == "name"
                 and not re.match(r"['’]", body[m.start - base + len(m.text):][:1])
                 and not m.text.endswith(("'s", "’s", "’", "'"))]
        mention = names[-1] if names else None
    return Cue("colon introduction", sentence.strip()[-40:], mention) if mention else None


# A word that is likely a finite verb: it ends a subject ("Trump issued", "Cruz called").
_VERB_LIKE = re.compile(r"(?:[a-z]+(?:ed|es)|is|was|has|had|have|were|are|will|would|can|"
                        r"could|did|does|says|said|told|went|gave|made|took|sang|wrote|spoke|"
                        r"then|also|later)")


_SUBJECT_PRONOUNS = frozenset("he she they".split())
_INTRODUCERS = frozenset("""on in at after before during from for with by under over
since until following""".split())


def _first_subject(clause: str, base: int, lex: Lexicon = EN) -> Mention | None:
    """The subject of a clause: the first comma-separated part whose first words (up to the
    first lower-case verb-like word) name someone ("Hours later, Trump returned…")."""
    offset = 0
    for part in clause.split(",")[:3]:
        words = part.split()
        if lex is EN and words and words[0].lower() in _INTRODUCERS \
                and len(clause.split(",")) > 1:
            offset += len(part) + 1
            continue  # "On Twitter, she responded": a phrase of where or when, not who
        head: list[str] = []
        if lex is EN and words and words[0].lower() in _SUBJECT_PRONOUNS:
            words = words[:1]  # "He often breaks for Democrats": the pronoun is the subject
        for w in words:
            if head and (_VERB_LIKE.fullmatch(w) if lex is EN else _verb_after_subject(w, head,
                                                                                     lex)):
                break
            head.append(w)
        described = " ".join(head)  # "Hundreds of demonstrators marched": a crowd
        while head and head[-1][:1].islower() and head[-1].lower() not in lex.pronouns:
            head.pop()  # "Clinton responded awkwardly" -> "Clinton"
        phrase = " ".join(head)
        for candidate in (phrase, part.strip()):  # "Former secretary of state Ann Roe:"
            if candidate and len(candidate.split()) <= 10:
                mention = read_phrase(candidate, base + offset + max(0, part.find(candidate)),
                                      lex)
                if mention and mention.kind in ("name", "pronoun", "org"):
                    return mention
        crowd = read_phrase(described, base + offset, lex) if lex is EN and described else None
        if crowd is not None and is_crowd(crowd):
            return crowd
        offset += len(part) + 1
    return None


def _cue_words(clause: str, verb: re.Match[str]) -> str:
    start = max(0, clause.rfind(" ", 0, max(0, verb.start() - 30)))
    return " ".join(clause[start:verb.end() + 30].split())[:60]


Sieve = Callable[[Context], "Cue | None"]
SIEVES: list[Sieve] = [transcript_label, trailing_cue, leading_cue, according_to, colon_intro]


# Readings for languages other than English (their lexicon in ctx.lex)


def _told_by_verb(mention: Mention | None, rest: str, verb: re.Match[str], base: int,
                  lex: Lexicon) -> Mention | None:
    """What the verb itself tells of its subject: a pronoun joined to it (French "a-t-il
    ajouté", "dit-elle"), or, with nothing after it, the gender of its past-tense ending
    (Polish "– dodała.", Russian "— сказал."): that subject is a pronoun. A name after a
    gendered verb takes the verb's gender ("powiedziała Anna Nowak")."""
    joined = lex.inverted_pronoun.search(verb.group(0)) if lex.inverted_pronoun else None
    if joined:
        return read_phrase(joined.group("p"), base + verb.start() + joined.start("p"), lex)
    if mention is not None and mention.kind == "pronoun" \
            and verb.group(0).lower().endswith(lex.plural_verb_endings):
        return None  # "sagten sie", "zeiden ze": they, not she
    gender = lex.gender_of_verb(verb.group(0))
    if mention is None and gender and not re.search(r"\w", first_sentence(rest)):
        return Mention("pronoun", verb.group(0), None, gender, False, start=base + verb.start())
    if mention is not None and not mention.gender and mention.kind == "name" and mention.name:
        # the subject of a speech verb is in the nominative, where name endings tell
        gender = gender or lex.gender_of_name(mention.name)
        return replace(mention, gender=gender) if gender else mention
    return mention


def _leading_cue_other(sentence: str, base: int, lex: Lexicon) -> Cue | None:
    """The leading cue in a language other than English: the last speech verb of the
    sentence before the quotation, its subject before it ("Weber sagte:", "Le maire a
    déclaré :") or, in a verb-second or inverted clause, after it ("Dazu sagte Weber:",
    "Comme l'a expliqué la directrice :")."""
    verbs = speech_verbs(sentence, lex)
    if not verbs:
        return None
    verb = verbs[-1]
    tail = sentence[verb.end():]
    if len(tail.split()) > _MAX_AFTER_VERB_WORDS:
        return None
    after = _mention_after_verb(tail, base + verb.end(), lex) if tail.strip(" :,–—-") else None
    before = _mention_before_verb(sentence, verb, base, lex)
    if before is not None and before.kind != "name" and after is not None \
            and after.kind == "name":
        before = None  # "Dazu sagte Weber": "Dazu" is no one
    mention = _told_by_verb(before or after, tail, verb, base, lex)
    return Cue("leading cue", _cue_words(sentence, verb), mention) if mention else None


def _name_ending_stretch(rest: str, base: int, lex: Lexicon) -> Mention | None:
    """Where words of time, place or audience come between an inverted verb and its subject
    ("a souligné mardi la ministre Agnès Morel", "spiega a Repubblica il professor Enrico
    Villa", "powiedział w rozmowie z PAP wojewoda Adam Nowicki"): the name that ends the
    stretch up to the first comma, unless a preposition governs it ("le maire de Paris")."""
    stretch = re.split(r"[,;:!?(\[—–]|\s-\s", rest, maxsplit=1)[0].rstrip(" .")
    runs = list(NAME_RUN.finditer(stretch))
    if not runs or stretch[runs[-1].end():].strip():
        return None
    before = stretch[:runs[-1].start()].split()
    if before and before[-1].lower() in lex.prepositions:
        return None
    mention = read_phrase(" ".join(before[-2:] + [runs[-1].group(0)]), base, lex)
    return mention if mention is not None and mention.kind == "name" else None


def _verb_after_subject(word: str, head: list[str], lex: Lexicon) -> bool:
    """In a language other than English, the first lower-case word after a capitalised one
    that is no article, preposition or name particle ends the subject ("Anwohnerin Lisa Graf
    meldete sich", "La maire Sophie Leroy a répondu")."""
    w = word.lower().strip(",")
    return word[:1].islower() and any(h[:1].isupper() and h.lower() not in lex.not_name_words
                                      for h in head) \
        and w not in lex.determiners and w not in lex.prepositions and w not in _PARTICLES


_PARTICLES = frozenset("de van von der den da di du del dos das le la ter".split())

"""Speaker identity, in one place: who is quoted, what operators call them, which voice.

A Speaker row keeps the name the quote finder found (`name`) and, when an operator changed
it, the name listeners hear and read (`display_name`). Merging one speaker into another is
the same thing: the merged one's `display_name` becomes the other's shown name and it takes
the other's voice. Narration reads the rows back as renames and chosen voices (casting).
A quote can also be corrected on its own (QuoteCorrection): given to another speaker, to
a new one, to nobody (the unattributed-quote voice) or back to the narrator. Narration
applies the corrections to the quote finder's segments (apply_corrections) before renames.
The web views only parse forms and call these functions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from app.articles import to_document
from app.importer.article import Article as ArticleDoc
from app.narration import speakers_of
from app.narration.attribution import person_sex
from app.narration.quotes import Segment, analyse_blocks
from app.narration.voices import PALETTE, VOICES, Voice, assign_voices

from .bidi import without_bidi_controls
from .models import Article, QuoteCorrection, Speaker

PALETTE_KEYS = frozenset(v.key for v in PALETTE)
NAME_CHARS = 200

# Words for a job or role that a quote finder may keep in front of a name ("Owner Rosa
# Mendes", "driver Omar Patel"): a name shown to listeners is the person's name alone.
# Titles that are part of how a person is named (Dr, Professor, Sir) are not here.
JOB_WORDS = frozenset("""
    owner manager director chief head boss chair chairman chairwoman chairperson president
    vice deputy assistant acting senior junior spokesperson spokesman spokeswoman
    secretary minister mayor councillor councilor senator governor officer inspector
    detective sergeant constable warden driver pilot captain skipper farmer teacher
    headteacher principal coach player striker goalkeeper nurse doctor surgeon paramedic
    firefighter engineer builder shopkeeper baker chef waiter resident neighbour neighbor
    student pupil researcher scientist economist analyst lawyer solicitor barrister judge
    founder co-founder ceo cfo coo cto executive organiser organizer volunteer campaigner
    conductor singer musician artist author writer editor reporter journalist
    photographer curator librarian landlord landlady tenant customer passenger
    commuter fisherman fisherwoman ranger keeper gardener mechanic plumber electrician
    """.split())

def clean_name(name: str) -> str:
    """A name as stored: white space folded, no bidi controls, at most NAME_CHARS
    characters."""
    return " ".join(without_bidi_controls(name).split())[:NAME_CHARS]


def without_job_words(name: str) -> str:
    """The name with job or role words in front of it dropped ("Owner Rosa Mendes" ->
    "Rosa Mendes"); a name that is all job words is kept as it is."""
    words = clean_name(name).split()
    i = 0
    while i < len(words) - 1 and words[i].lower().strip(".,") in JOB_WORDS:
        i += 1
    return " ".join(words[i:])


def display_proposals(found: Iterable[str]) -> dict[str, str]:
    """The name proposed to the operator for each name the quote finder found."""
    return {name: without_job_words(name) for name in found}


def propose(doc: ArticleDoc) -> tuple[dict[str, list[str]], dict[str, Voice]]:
    """Each quoted person in order of appearance with the words the article gives them, and
    the voice proposed for each from what the text says of them, else from the first name
    (`attribution.person_sex`; pure)."""
    segments, genders = analyse_blocks(doc.blocks, doc.language)
    quotes: dict[str, list[str]] = {name: [] for name in speakers_of(segments)}
    for seg in segments:
        if seg.speaker in quotes and seg.quote:
            quotes[seg.speaker].append(seg.text)
    sexes = {n: person_sex(without_job_words(n), genders.get(n, "")) for n in quotes}
    return quotes, assign_voices(list(quotes), genders=sexes)


def chosen_speakers(proposed: Mapping[str, Voice], names: Iterable[str | None],
                    voices: Iterable[str | None]) -> list[Speaker]:
    """Speaker rows for a previewed article: the `proposed` people in order, with the name
    and palette voice the operator chose for each (None or "": keep the proposal).

    A name changed to another speaker's merges the two: both are heard as that name, and
    narration gives them one voice (see casting()).
    """
    rows = []
    for name, fixed, voice in zip(proposed, names, voices, strict=False):
        fixed = clean_name(fixed if fixed is not None else without_job_words(name))
        rows.append(Speaker(name=name,
                            voice=voice if voice in PALETTE_KEYS else proposed[name].key,
                            display_name=fixed if fixed and fixed != name else None))
    return rows


def apply_edits(rows: Mapping[int, Speaker], names: Mapping[int, str],
                voices: Mapping[int, str], merges: Mapping[int, str]) -> str | None:
    """Apply an operator's renames, voices and merges (`merges[id]`: the id, as text, of the
    speaker to merge into, or ""); return why they cannot be applied, or None when done.

    A speaker merged into one that is itself merged ends at the last of the chain.
    """
    names = {sid: clean_name(n) for sid, n in names.items()}
    if any(not n for n in names.values()):
        return "Every speaker needs a name."
    if any(v not in VOICES for v in voices.values()):
        return "Choose a voice from the list."
    if any(m and (not m.isdigit() or int(m) not in rows or int(m) == sid)
           for sid, m in merges.items()):
        return "A speaker can only be merged into another speaker of this article."
    if (loop := merge_cycle(merges)) is not None:
        shown = " and ".join(f"“{rows[sid].shown}”" for sid in loop)
        return (f"{shown} are each merged into the other. Merge one into the other, and leave "
                "the other's “same person as” empty.")
    for sid, s in rows.items():
        s.display_name = names[sid] if names[sid] != s.name else None
        s.voice = voices[sid]
    for sid, target in merges.items():
        if target:
            into = rows[int(target)]
            while into.display_name and merges.get(into.id):  # merged in turn (no cycles)
                into = rows[int(merges[into.id])]
            rows[sid].display_name, rows[sid].voice = into.shown, into.voice
    return None


def merge_cycle(merges: Mapping[int, str]) -> list[int] | None:
    """The speaker ids of a cycle in the merge choices ("A is B", "B is A"; `merges[id]`
    as in apply_edits), in order, or None: a chain walk must end, so a cycle is refused."""
    for start in merges:
        path: list[int] = []
        sid: int | None = start
        while sid is not None and merges.get(sid):
            if sid in path:
                return path[path.index(sid):]
            path.append(sid)
            sid = int(merges[sid])
    return None


def casting(speakers: Iterable[Speaker]) -> tuple[dict[str, str], dict[str, str]]:
    """(renames: found name -> name used, voices: name used -> voice key) for narration.

    A merged speaker takes the voice of the one it was merged into.
    """
    speakers = list(speakers)
    renames = {s.name: s.display_name for s in speakers if s.display_name}
    chosen = {s.shown: s.voice for s in speakers if not s.display_name}
    chosen.update({s.shown: s.voice for s in speakers
                   if s.display_name and s.shown not in chosen})
    return renames, chosen


def record_new(article: Article, voices: Mapping[str, Voice]) -> None:
    """Add a Speaker row for each voiced person narration found that the article lacks."""
    known = {s.name for s in article.speakers} | {s.shown for s in article.speakers}
    for name, voice in voices.items():
        if name not in known:
            shown = without_job_words(name)
            article.speakers.append(Speaker(name=name, voice=voice.key,
                                            display_name=shown if shown != name else None))


# --- one quote at a time ----------------------------------------------------------------

OPERATOR_SIEVE = "operator"  # the Segment.sieve of a quote an operator corrected
UNATTRIBUTED = ""  # QuoteCorrection.speaker for "nobody": the unattributed-quote voice
_FOLD_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "′": "'", "`": "'"})


def quote_key(text: str) -> str:
    """The key a quote's correction is stored under: SHA-256 (hex, 64 characters) of the
    quoted words alone, with case, white space and curly or straight marks folded.

    The words alone, not their paragraph or position: a correction then survives
    re-narration, edits to other paragraphs (which shift every position) and edits around
    the quote in its own paragraph (a fixed cue or typo). Editing the quoted words makes it
    another quote, whose speaker the quote finder decides afresh. The same words quoted twice
    in one article share one correction.
    """
    folded = " ".join(text.translate(_FOLD_MARKS).split()).casefold()
    return hashlib.sha256(folded.encode()).hexdigest()


def apply_corrections(segments: list[Segment],
                      corrections: Iterable[QuoteCorrection]) -> list[Segment]:
    """The quote finder's segments with the operators' corrections applied (pure): a
    corrected quote takes its correction's speaker (a found name or a new one; "" for
    nobody, read in the unattributed-quote voice) with sieve OPERATOR_SIEVE, or becomes
    narration (speaker None). Segments without a correction are returned as they are.

    This is the one place corrections meet narration: narrate() calls it on every article's
    segments before the speakers' renames, so a quote moved to a speaker follows that
    speaker's later rename and voice.
    """
    fixes = {c.key: c for c in corrections}
    if not fixes:
        return list(segments)
    out = []
    for seg in segments:
        fix = fixes.get(quote_key(seg.text)) if seg.quote else None
        if fix is None:
            out.append(seg)
        elif fix.speaker is None:
            out.append(replace(seg, speaker=None, quote=False, sieve=OPERATOR_SIEVE, cue=None))
        else:
            out.append(replace(seg, speaker=fix.speaker or None, sieve=OPERATOR_SIEVE,
                               cue=None))
    return out


@dataclass(frozen=True)
class QuoteView:
    """One quotation as the operator pages show it."""

    key: str  # quote_key(text)
    text: str  # the quoted words
    block: int  # paragraph index in the article
    found: str | None  # the speaker the quote finder chose (None: nobody)
    speaker: str | None  # who says it now, as found or corrected (None: nobody)
    why: str  # "“he said.” (trailing cue)", "moved by an operator", "no speaker found"
    corrected: bool
    narrator: bool  # given back to the narrator

    @property
    def flagged(self) -> bool:
        """No one is sure who said it (read in the unattributed-quote voice): operators
        should look."""
        return self.speaker is None and not self.narrator


def explain(seg: Segment, paragraph: str) -> str:
    """Why the quote finder gave `seg` its speaker, in words for operators: the cue in
    quote marks when it is the article's own words ("“he said.” (trailing cue)"), else the
    sieve and its reason; "no speaker found" for an unattributed quote."""
    if not seg.speaker:
        return "no speaker found"
    if not seg.cue:
        return seg.sieve or "found by the quote finder"
    cue = " ".join(seg.cue.split())
    if cue in " ".join(paragraph.split()):
        return f"“{cue}” ({seg.sieve})" if seg.sieve else f"“{cue}”"
    return f"{seg.sieve}: {cue}" if seg.sieve else cue


def quote_views(doc: ArticleDoc, corrections: Iterable[QuoteCorrection] = (),
                renames: Mapping[str, str] | None = None) -> list[QuoteView]:
    """Every quotation of `doc` in reading order, with its speaker (after `corrections`,
    then `renames`: found name -> shown name) and why (pure)."""
    renames = renames or {}
    fixes = {c.key: c for c in corrections}
    segments, _genders = analyse_blocks(doc.blocks, doc.language)
    out = []
    for seg in segments:
        if not seg.quote:
            continue
        key = quote_key(seg.text)
        fix = fixes.get(key)
        found = renames.get(seg.speaker, seg.speaker) if seg.speaker else None
        if fix is None:
            out.append(QuoteView(key, seg.text, seg.block, found, found,
                                 explain(seg, doc.blocks[seg.block].text), False, False))
            continue
        who = renames.get(fix.speaker, fix.speaker) if fix.speaker else None
        why = ("given to the narrator by an operator" if fix.speaker is None
               else "marked by an operator as nobody's" if not fix.speaker
               else "moved by an operator")
        out.append(QuoteView(key, seg.text, seg.block, found, who, why, True,
                             fix.speaker is None))
    return out


def correct_quote(article: Article, key: str, choice: str, new_name: str = "",
                  views: Mapping[str, QuoteView] | None = None) -> tuple[str, str] | str:
    """Apply an operator's choice for the quote with `key` in `article`: "speaker-<id>" (a
    speaker of this article), "new" (a new speaker named `new_name`, given a free voice),
    "nobody" (the unattributed-quote voice), "narrator", or "found" (forget the correction).

    `views`: the article's quote_views by key, when the caller has them already.
    Returns (the quoted words, who says them now, for the audit log), or why the choice
    cannot be applied (unknown quote or speaker, no name). Not committed.
    """
    if views is None:
        views = {v.key: v for v in quote_views(to_document(article))}
    if key not in views:
        return "That quote is no longer in the article: reload the page."
    text = views[key].text
    rows = {f"speaker-{s.id}": s for s in article.speakers}
    existing = next((c for c in article.quote_corrections if c.key == key), None)
    if choice == "found":
        if existing is not None:
            article.quote_corrections.remove(existing)
        return text, f"{views[key].found or 'nobody'} (as found)"
    if choice in rows:
        speaker: str | None = rows[choice].name
        said = rows[choice].shown
    elif choice == "new":
        name = clean_name(new_name)  # as the operator typed it
        if not name:
            return "Type the new speaker's name."
        same = next((s for s in article.speakers if name in (s.name, s.shown)), None)
        if same is None:
            taken = {s.shown: s.voice for s in article.speakers if not s.display_name}
            voice = assign_voices([*taken, name], taken,
                                  {name: person_sex(without_job_words(name))})[name]
            article.speakers.append(Speaker(name=name, voice=voice.key))
        speaker, said = (same.name if same else name), (same.shown if same else name)
    elif choice == "nobody":
        speaker, said = UNATTRIBUTED, "nobody (unattributed)"
    elif choice == "narrator":
        speaker, said = None, "the narrator"
    else:
        return "Choose who says this quote from the list."
    if existing is None:
        article.quote_corrections.append(QuoteCorrection(key=key, quote=text, speaker=speaker))
    else:
        existing.speaker, existing.quote = speaker, text
    return text, said

"""Speaker identity, in one place: who is quoted, what operators call them, which voice.

A Speaker row keeps the name the quote finder found (`name`) and, when an operator changed
it, the name listeners hear and read (`display_name`). Merging one speaker into another is
the same thing: the merged one's `display_name` becomes the other's shown name and it takes
the other's voice. Narration reads the rows back as renames and chosen voices (casting).
The web views only parse forms and call these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.importer.article import Article as ArticleDoc
from app.narration import speakers_of
from app.narration.quotes import analyse_blocks
from app.narration.voices import PALETTE, VOICES, Voice, assign_voices

from .bidi import without_bidi_controls
from .models import Article, Speaker

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

# Common English first names by the sex a reader would assume: a proposal, never a fact,
# and the operator hears and changes the voice in the preview. One small lookup so that a
# fuller names list (issue 13) can replace it.
_FEMALE_NAMES = frozenset("""
    abigail ada agnes alice amanda amelia amy ana andrea angela ann anna anne annie
    barbara beatrice betty brenda carol caroline catherine charlotte chloe christine claire
    clara deborah diana donna dorothy eleanor elena elizabeth ella ellen emily emma eva
    evelyn fatima fiona frances grace hannah harriet helen ines irene isabel isla jane janet
    jennifer jessica joan joanna josephine joyce judith julia julie karen kate katherine
    kathleen laura lena linda lisa lucy maria margaret marie martha mary megan michelle
    nancy natalie nina nora olivia patricia pauline priya rachel rebecca rosa rose ruth
    sandra sarah sophie susan teresa valerie victoria wendy yasmin zoe
    """.split())
_MALE_NAMES = frozenset("""
    aaron adam ahmed alan albert alex alexander andrew anthony arthur ben benjamin bill brian
    carl charles chris christopher daniel david dennis derek douglas edward eric frank
    gary george graham harry henry ian jack jacob james jason jeffrey jim joe john jonathan
    joseph kenneth kevin larry liam luke mark martin matthew michael mohammed muhammad nathan
    neil nicholas noah oliver omar oscar patrick paul peter philip raymond richard robert
    roger ronald ruairi ryan samuel scott sean simon stephen steven thomas timothy tom tony
    walter william
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


def first_name_sex(name: str) -> str:
    """ "f", "m" or "" for the first name in `name` (job words skipped), from a short list of
    common English first names."""
    words = without_job_words(name).split()
    first = words[0].lower().strip(".,") if words else ""
    first = first.translate(str.maketrans("áéíóúàèìòù", "aeiouaeiou"))
    return "f" if first in _FEMALE_NAMES else "m" if first in _MALE_NAMES else ""


def display_proposals(found: Iterable[str]) -> dict[str, str]:
    """The name proposed to the operator for each name the quote finder found."""
    return {name: without_job_words(name) for name in found}


def propose(doc: ArticleDoc) -> tuple[dict[str, list[str]], dict[str, Voice]]:
    """Each quoted person in order of appearance with the words the article gives them, and
    the voice proposed for each from what the text says of them, else from the first name
    (pure)."""
    segments, genders = analyse_blocks(doc.blocks)
    quotes: dict[str, list[str]] = {name: [] for name in speakers_of(segments)}
    for seg in segments:
        if seg.speaker in quotes and seg.quote:
            quotes[seg.speaker].append(seg.text)
    genders = {**{n: first_name_sex(n) for n in quotes},
               **{n: g for n, g in (genders or {}).items() if g}}
    return quotes, assign_voices(list(quotes), genders=genders)


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

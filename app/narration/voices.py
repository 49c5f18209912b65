"""Voices: the narrator, the unattributed-quote voice and a palette for quoted people."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Voice:
    key: str  # stable name stored with a speaker
    label: str  # what an operator sees
    espeak: str  # espeak-ng voice identifier, variant after "+"
    pitch: int = 50  # espeak-ng 0-100
    rate: int = 175  # words per minute

    @property
    def sex(self) -> str:
        """ "f" or "m": the espeak-ng variant's (+f3, +m1 …)."""
        variant = self.espeak.partition("+")[2]
        return variant[:1] if variant[:1] in ("f", "m") else ""

    def settings(self) -> dict[str, object]:
        """What the audio depends on (the cache key uses it, not the label)."""
        d = asdict(self)
        del d["key"], d["label"]
        return d


NARRATOR = Voice("narrator", "Narrator (British English)", "gmw/en", pitch=45, rate=170)
UNATTRIBUTED = Voice("unattributed", "Unattributed quote (whisper)", "gmw/en+whisper", 50, 165)

# Ordered so that neighbours differ in sex, accent and pitch: the first two people quoted
# in an article (the usual case) get the most clearly different voices. Every voice's median
# pitch is at least 3 semitones from the narrator's (about 95 Hz), which listeners hear as a
# different person even in the same accent: the men sit either below the narrator (about
# 73 Hz) or above (about 120 Hz), the women an octave and more above.
# tests/narration/test_pitch.py measures it on espeak-ng's output.
PALETTE: tuple[Voice, ...] = (
    Voice("amy", "Amy (American, high)", "gmw/en-us+f3", pitch=62, rate=175),
    Voice("rob", "Rob (American, low)", "gmw/en-us+m3", pitch=10, rate=165),
    Voice("isla", "Isla (Scottish)", "gmw/en-gb-scotland+f2", pitch=55, rate=170),
    Voice("dev", "Dev (West Midlands, light)", "gmw/en-gb-x-gbcwmd+m1", pitch=78, rate=172),
    Voice("kim", "Kim (Caribbean)", "gmw/en-029+f4", pitch=58, rate=168),
    Voice("lee", "Lee (Received Pronunciation, deep)", "gmw/en-gb-x-rp+m7", pitch=5, rate=160),
    Voice("nora", "Nora (Lancaster)", "gmw/en-gb-x-gbclan+f1", pitch=66, rate=178),
    Voice("sam", "Sam (New York, light)", "gmw/en-us-nyc+m2", pitch=72, rate=182),
)

VOICES: dict[str, Voice] = {v.key: v for v in (NARRATOR, UNATTRIBUTED, *PALETTE)}


def assign_voices(
    speakers: list[str], chosen: dict[str, str] | None = None,
    genders: dict[str, str] | None = None,
    palette: tuple[Voice, ...] = PALETTE,  # the article language's palette
) -> dict[str, Voice]:
    """Give each speaker (in order of first quote) a voice; `chosen` maps name -> voice key.

    Operator choices are kept. The others take the first free palette voice of the sex the
    text suggests (`genders`: name -> "f", "m" or ""); when it suggests none, the first free
    voice of the other sex than the previous speaker's, so neighbours sound different. The
    same article always gets the same voices. `palette`: another language's (languages.py),
    whose keys are the English palette's.
    """
    by_key = {**VOICES, **{v.key: v for v in palette}}
    chosen = {n: k for n, k in (chosen or {}).items() if k in by_key}
    genders = genders or {}
    free = [v for v in palette if v.key not in set(chosen.values())] or list(palette)
    result: dict[str, Voice] = {}
    previous = ""
    for name in speakers:
        if name in result:
            continue
        if name in chosen:
            voice = by_key[chosen[name]]
        else:
            if not free:  # more people than voices: start the palette again
                free = [v for v in palette if v.key not in set(chosen.values())] or list(palette)
            want = genders.get(name) or {"f": "m", "m": "f"}.get(previous, "")
            voice = next((v for v in free if v.sex == want), free[0])
            free.remove(voice)
        result[name] = voice
        previous = voice.sex
    return result

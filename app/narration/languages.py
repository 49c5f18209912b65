"""Voices per language: which espeak-ng voice speaks an article's language, and its cast.

A cast is the narrator, the unattributed-quote voice and the palette for quoted people. English
keeps voices.py's own (accents tell its speakers apart). Another language takes espeak-ng's voice
for it and derives the palette from the English one: the same keys (so an operator's choice of
"amy" means the same kind of voice in every language), variants (+f3, +m3 ...), pitch and rate,
on that language's voice. espeak-ng's voices are read once per process from `espeak-ng --voices`.
"""

from __future__ import annotations

import functools
import re
import subprocess
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from app.importer.language import primary_subtag

from . import normalize_lang
from .engine import SynthesisError
from .normalize import speakable
from .voices import NARRATOR, PALETTE, UNATTRIBUTED, Voice

ENGLISH = "en"
WHISPER = "whisper"  # espeak-ng's variant for the unattributed voice, as in English
# "By <byline>." opens every narration; said in the article's language. Languages not listed
# have the byline read without a word before it.
BY = {"en": "By", "de": "Von", "fr": "Par", "es": "Por", "it": "Di", "pt": "Por", "nl": "Door",
      "pl": "Autor:", "ru": "Автор:"}


class UnsupportedLanguage(SynthesisError):
    """espeak-ng has no voice for an article's language (or for a NARRATOR_VOICES entry)."""


@dataclass(frozen=True)
class EspeakVoice:
    language: str  # espeak-ng's language code: "de", "fr-fr", "en-gb-scotland"
    name: str  # espeak-ng's name for it: "German", "French_(France)"
    identifier: str  # what SetVoiceByName takes (pyttsx3's voice id): "gmw/de", "roa/fr"
    # the languages it speaks with espeak-ng's priority for each, lower first:
    # (("fr-fr", 5), ("fr", 5)) -- its own code at its Pty, then its "Other Languages"
    speaks: tuple[tuple[str, int], ...] = ()


_OTHER = re.compile(r"\(([\w-]+) (\d+)\)")


@functools.cache
def espeak_voices() -> tuple[EspeakVoice, ...]:
    """espeak-ng's language voices (`espeak-ng --voices`), read once per process, in its order.

    Raises UnsupportedLanguage when espeak-ng cannot be run.
    """
    try:
        listing = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True,
                                 check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as e:
        raise UnsupportedLanguage(f"espeak-ng could not list its voices: {e}") from e
    voices = []
    for line in listing.splitlines()[1:]:  # the first line is the header
        cols = line.split(maxsplit=5)
        if len(cols) < 5 or not cols[0].isdigit() or cols[4].startswith(("!v/", "mb/")):
            continue  # variants and mbrola voices are not languages
        code = cols[1].lower()
        others = _OTHER.findall(cols[5]) if len(cols) > 5 else []
        speaks = ((code, int(cols[0])), *((lang.lower(), int(p)) for lang, p in others))
        # pyttsx3 (and so the speech child) names voices by their file, lower-cased.
        voices.append(EspeakVoice(code, cols[3], cols[4].lower(), speaks))
    return tuple(voices)


def espeak_voice(tag: str) -> EspeakVoice:
    """The espeak-ng voice for a BCP 47 tag, an espeak-ng language code or a voice file.

    Chosen as espeak-ng chooses: among the voices that speak the tag, the one whose priority
    for it is lowest (`fr` -> fr-fr, `en` -> en-gb, `zh` -> cmn, `no` -> nb); a tag with a
    region espeak-ng lacks (`fr-CA`) falls back to its language. Raises UnsupportedLanguage.
    """
    want = tag.strip().lower().replace("_", "-")
    voices = espeak_voices()
    found = next((v for v in voices if v.identifier == want), None)
    for code in dict.fromkeys((want, want.split("-")[0])):
        if found:
            break
        ranked = sorted(((p, i) for i, v in enumerate(voices) for lang, p in v.speaks
                         if lang == code))
        found = voices[ranked[0][1]] if ranked else None
    if found:
        return found
    raise UnsupportedLanguage(
        f"espeak-ng has no voice for the language {tag!r}: set the article's language to one "
        "that `espeak-ng --voices` lists, or map it to a voice in NARRATOR_VOICES"
    )


def _on(voice: Voice, identifier: str, variant: str | None = None) -> str:
    """`voice`'s espeak-ng name moved onto another language's voice, keeping its variant."""
    keep = voice.espeak.partition("+")[2] if variant is None else variant
    return f"{identifier}+{keep}" if keep else identifier


@dataclass(frozen=True)
class Cast:
    """Who speaks an article in one language (see voices.py for the Voice fields)."""

    language: str  # BCP 47 primary subtag
    narrator: Voice
    unattributed: Voice
    palette: tuple[Voice, ...]
    by: str  # the word before the byline, "" for none
    speakable: Callable[[str, dict[str, str] | None], str]  # text -> what espeak-ng is given


def _narrator(language: str, setting: str | None) -> Voice:
    if not setting:
        if language == ENGLISH:
            return NARRATOR
        setting = language
    base, _, variant = setting.partition("+")
    try:
        found = espeak_voice(base)
    except UnsupportedLanguage:
        if setting == language:
            raise
        raise UnsupportedLanguage(
            f"NARRATOR_VOICES gives {language!r} the voice {setting!r}, which espeak-ng lacks "
            "(`espeak-ng --voices` lists them)") from None
    return replace(NARRATOR, label=f"Narrator ({found.name.replace('_', ' ')})",
                   espeak=_on(NARRATOR, found.identifier, variant or ""))


def cast_for(language: str | None, narrator_voices: Mapping[str, str] | None = None) -> Cast:
    """The voices for an article in `language` (a BCP 47 tag; None: English).

    `narrator_voices` is the NARRATOR_VOICES setting: language -> espeak-ng voice, with an
    optional variant ("de": "de+m3"). Raises UnsupportedLanguage for a language espeak-ng
    has no voice for, rather than reading it with English phonetics.
    """
    lang = primary_subtag(language) or ENGLISH
    tag = language.strip() if language and lang != ENGLISH else lang  # pt-BR keeps its region
    settings: dict[str, str] = {}
    for key, voice in (narrator_voices or {}).items():  # "fr-FR" also answers for "fr"
        settings[key.strip().lower().replace("_", "-")] = voice
    for key, voice in (narrator_voices or {}).items():
        settings.setdefault(primary_subtag(key) or key, voice)
    setting = settings.get(tag.lower()) or settings.get(lang)
    narrator = _narrator(tag, setting)
    if lang == ENGLISH:
        return Cast(lang, narrator, UNATTRIBUTED, PALETTE, BY[ENGLISH], speakable)
    found = espeak_voice(tag)
    name = found.name.replace("_", " ")
    palette = tuple(
        replace(v, label=f"{v.label.split(' (')[0]} ({name}, {_pitch_word(v.pitch)})",
                espeak=_on(v, found.identifier))
        for v in PALETTE)
    unattributed = replace(UNATTRIBUTED, label=f"Unattributed quote ({name}, whisper)",
                           espeak=_on(UNATTRIBUTED, found.identifier, WHISPER))
    return Cast(lang, narrator, unattributed, palette, BY.get(lang, ""),
                functools.partial(speakable_in, lang))


def _pitch_word(pitch: int) -> str:
    return "high" if pitch >= 55 else "low" if pitch <= 35 else "middle"


_UNSPEAKABLE = {"Cc", "Cf", "Co", "Cs", "So"}
_SPOKEN_SIGNS = "\n\t°"  # kept though in those categories: "31 °C" is degrees


def espeak_ready(text: str, pronunciations: dict[str, str] | None = None) -> str:
    """`text` for espeak-ng in a language other than English, before normalize_lang: the
    operator's pronunciations applied, control characters and pictographs (whose names
    espeak-ng would read) dropped.

    The English normaliser's rules (normalize.speakable) would say "42 euros" in English words.
    """
    text = "".join(ch for ch in unicodedata.normalize("NFC", text)
                   if ch in _SPOKEN_SIGNS or unicodedata.category(ch) not in _UNSPEAKABLE)
    for word, said in (pronunciations or {}).items():
        if word.strip():
            text = re.sub(rf"(?<!\w){re.escape(word.strip())}(?!\w)", said, text)
    return " ".join(text.split())


def speakable_in(lang: str, text: str, pronunciations: dict[str, str] | None = None) -> str:
    """What espeak-ng is given for `text` in `lang` (not English): the operator's
    pronunciations, then numbers, dates, times, money and units written out in that language
    (normalize_lang; espeak-ng's own rules for a language it has no rules for)."""
    return normalize_lang.speakable(espeak_ready(text, pronunciations), lang)


def language_problem(tag: str | None) -> str | None:
    """Why an operator's language for an article cannot be narrated, or None when it can
    (None or "": none given, narrated in English as before languages were detected)."""
    if not tag:
        return None
    if not primary_subtag(tag):
        return "Give the language as a code such as de, fr or pt-BR."
    try:
        cast_for(tag)
    except UnsupportedLanguage as e:
        return str(e)
    return None

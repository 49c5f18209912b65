"""Narration: segment the article, give each speaker a voice, render and assemble."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.episodes.files import episodes_dir
from app.importer.article import Article

from .assemble import (
    ChunkEncoder,
    ChunkStore,
    EpisodeFiles,
    Tags,
    assemble,
    find_episode,
    missing_chunks,
    plan_chunks,
    recipe_key,
    remember_episode,
)
from .attribution import person_sex
from .cache import SegmentCache
from .engine import Pyttsx3Engine, SpeechEngine, SynthesisError
from .languages import Cast, UnsupportedLanguage, cast_for
from .quotes import Segment, analyse_blocks
from .script import build_script
from .voices import Voice, assign_voices

Progress = Callable[[int, int], None]
QuoteFixer = Callable[[list[Segment]], list[Segment]]

__all__ = ["EpisodeFiles", "SynthesisError", "cast_article", "narrate", "speakers_of",
           "voice_report", "Narration"]


@dataclass(frozen=True)
class Narration:
    files: EpisodeFiles
    voices: dict[str, Voice]
    rendered: int  # sentences synthesized now
    reused: int  # sentences taken from the cache


def speakers_of(segments: list[Segment]) -> list[str]:
    """Quoted people in order of their first quote."""
    return list(dict.fromkeys(s.speaker for s in segments if s.quote and s.speaker))


def cast_article(
    article: Article,
    chosen_voices: dict[str, str] | None = None,
    renames: dict[str, str] | None = None,
    narrator_voices: dict[str, str] | None = None,
    correct_quotes: QuoteFixer | None = None,
) -> tuple[list[Segment], Cast, dict[str, Voice]]:
    """The article's segments (speakers renamed), its language's cast and each quoted
    person's voice: what narrate() speaks with, and what `inspect` reports.

    Raises languages.UnsupportedLanguage when espeak-ng has no voice for the language.
    """
    cast = cast_for(article.language, narrator_voices)
    found, genders = analyse_blocks(article.blocks, article.language)
    if correct_quotes is not None:
        found = correct_quotes(found)
    renames = renames or {}
    segments = [replace(s, speaker=renames.get(s.speaker, s.speaker)) if s.speaker else s
                for s in found]
    told = {renames.get(name, name): g for name, g in genders.items()}
    # The sex the text tells, else the first name's: the same proposal the preview shows
    # (speakers.propose), so narrating without an operator's choices sounds as previewed.
    people = speakers_of(segments)
    sexes = {name: person_sex(name, told.get(name, "")) for name in people}
    voices = assign_voices(people, chosen_voices, sexes, palette=cast.palette)
    return segments, cast, voices


def narrate(
    article: Article,
    cache_dir: Path,
    *,
    chosen_voices: dict[str, str] | None = None,
    engine: SpeechEngine | None = None,
    progress: Progress | None = None,
    timeout: float = 30.0,
    pronunciations: dict[str, str] | None = None,
    lead_ins: bool = True,
    renames: dict[str, str] | None = None,
    narrator_voices: dict[str, str] | None = None,
    correct_quotes: QuoteFixer | None = None,
) -> Narration:
    """Render `article` to an MP3, VTT and chapters JSON in `cache_dir/episodes`.

    `renames` maps a name the quote finder found to the one to use (operator corrections
    and merges); `chosen_voices` is keyed by the name used. The article's language chooses
    the voices (`narrator_voices`: the NARRATOR_VOICES setting); languages.UnsupportedLanguage
    (a SynthesisError) when espeak-ng has none for it. `correct_quotes` applies the operators'
    corrections of single quotes to the quote finder's segments, before the renames
    (app.speakers.apply_corrections).
    """
    segments, cast, voices = cast_article(article, chosen_voices, renames, narrator_voices,
                                          correct_quotes)
    lines = build_script(article.title, article.blocks, segments, voices, article.byline,
                         pronunciations=pronunciations, lead_ins=lead_ins, cast=cast)
    cache = SegmentCache(cache_dir)
    own_engine = engine is None
    engine = engine or Pyttsx3Engine(timeout=timeout)
    tags = Tags(title=article.title, artist=article.site_name or "Hark")
    episodes = episodes_dir(cache_dir)
    keys = [cache.key(li.said, li.voice, engine) for li in lines]
    recipe = recipe_key(lines, keys, tags)
    if (done := find_episode(episodes, recipe)) is not None:
        if own_engine:
            engine.close()
        if progress:
            progress(len(lines), len(lines))
        return Narration(done, voices, 0, len(lines))
    paths = [cache.path(k) for k in keys]
    if isinstance(engine, Pyttsx3Engine) and not all(p.exists() for p in paths):
        engine.start()  # loads while the chunks are planned and the cache is read
    chunks = plan_chunks(lines, paths, keys)
    store = ChunkStore(cache_dir)
    todo = {c.key for c in missing_chunks(chunks, store)}
    # Paragraphs are encoded (on another core) while later ones are still being spoken.
    encoder = ChunkEncoder(store) if todo else None
    reused = spoken = 0
    try:
        for chunk in chunks:
            for line, _path, _key in chunk.items:
                _p, _seconds, hit = cache.render(line.said, line.voice, engine)
                reused += hit
                spoken += 1
                if progress:
                    progress(spoken, len(lines))
            if encoder and chunk.key in todo:
                todo.discard(chunk.key)
                encoder.add(chunk)
        if encoder:
            encoder.finish()
            encoder = None
    except Exception:
        if encoder:
            # Keep what was spoken before the failure: a retry then starts from there.
            try:
                encoder.finish()
            except Exception:  # noqa: BLE001 -- the narration's own error is the one to report
                pass
            encoder = None
        raise
    finally:
        if encoder:  # interrupted (a signal): stop at once
            encoder.abort()
        if own_engine:
            engine.close()
    files = assemble(chunks, Path(cache_dir), tags,
                     say=lambda text: cast.speakable(text, pronunciations))
    remember_episode(episodes, recipe, files)
    return Narration(files, voices, len(lines) - reused, reused)


def voice_report(
    article: Article, narrator_voices: dict[str, str] | None = None,
) -> dict[str, object]:
    """`inspect`'s extra keys on voices: the espeak-ng voice of the narrator, of unattributed
    quotes and of each quoted person (name -> voice), or `voice_error` with null voices when
    espeak-ng has none for the article's language."""
    try:
        _segments, cast, voices = cast_article(article, narrator_voices=narrator_voices)
    except UnsupportedLanguage as e:
        return {"narrator_voice": None, "unattributed_voice": None, "speaker_voices": {},
                "voice_error": str(e)}
    return {"narrator_voice": cast.narrator.espeak,
            "unattributed_voice": cast.unattributed.espeak,
            "speaker_voices": {name: v.espeak for name, v in voices.items()}}

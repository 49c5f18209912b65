"""Assemble rendered sentences into one MP3 through a single ffmpeg process."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from pydub import AudioSegment

from .engine import SAMPLE_RATE
from .script import Line
from .transcript import Cue, to_chapters, to_vtt

BITRATE = "64k"
# LAME's algorithm quality (0 best .. 9 fastest): 7 encodes about twice as fast as the
# default, and at 64 kbps mono speech the difference is not audible.
COMPRESSION = "7"
TARGET_DBFS = -20.0  # average loudness every sentence is brought to
MAX_GAIN_DB = 12.0


class AssemblyError(RuntimeError):
    pass


@dataclass(frozen=True)
class EpisodeFiles:
    audio_name: str  # <hash>.mp3 in the episodes folder
    transcript_name: str
    chapters_name: str
    duration: float
    bytes: int


@dataclass(frozen=True)
class Tags:
    title: str
    artist: str  # the site
    album: str = "Hark"


def _silence(seconds: float) -> bytes:
    ms = round(seconds * 1000)
    return AudioSegment.silent(duration=ms, frame_rate=SAMPLE_RATE).raw_data if ms else b""


def _levelled(path: Path) -> bytes:
    """One sentence's samples at a common loudness, so no voice is louder than another.

    A sentence is at most a few hundred kilobytes, so pydub holding it whole is fine; the
    article as a whole is never held in memory.
    """
    sentence = AudioSegment.from_wav(path)
    if sentence.dBFS == float("-inf"):
        return sentence.raw_data
    gain = max(-MAX_GAIN_DB, min(MAX_GAIN_DB, TARGET_DBFS - sentence.dBFS))
    return sentence.apply_gain(gain).raw_data


def _ffmeta_escape(value: str) -> str:
    for ch in "\\=;#\n":
        value = value.replace(ch, "\\" + ch)
    return value


def _ffmetadata(tags: Tags, chapters: list[tuple[float, float, str]]) -> str:
    out = [";FFMETADATA1", f"title={_ffmeta_escape(tags.title)}",
           f"artist={_ffmeta_escape(tags.artist)}", f"album={_ffmeta_escape(tags.album)}"]
    for start, end, title in chapters:
        out += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(start * 1000)}",
                f"END={round(end * 1000)}", f"title={_ffmeta_escape(title)}"]
    return "\n".join(out) + "\n"


def assemble(
    rendered: list[tuple[Line, Path, float]], out_dir: Path, tags: Tags
) -> EpisodeFiles:
    """Stream every sentence (and the pauses) into one ffmpeg MP3 encode.

    Files are written under temporary names and renamed into place, named by the MP3's
    content hash, so nothing ever serves a half-written file and a new rendering gets a
    new name.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    starts: list[float] = []
    cues: list[Cue] = []
    t = 0.0
    for line, _path, seconds in rendered:
        t += line.pause_before
        starts.append(t)
        cues.append(Cue(t, t + seconds, line.speaker, line.text))
        t += seconds
    total = t + 0.5
    lines = [line for line, _, _ in rendered]
    chapter_marks = [(s, line.chapter) for line, s in zip(lines, starts, strict=True)
                     if line.chapter]
    chapters = [(s, chapter_marks[i + 1][0] if i + 1 < len(chapter_marks) else total, title)
                for i, (s, title) in enumerate(chapter_marks)]

    fd, meta_path = tempfile.mkstemp(suffix=".ffmeta", dir=out_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(_ffmetadata(tags, chapters))
    fd, part = tempfile.mkstemp(suffix=".mp3.part", dir=out_dir)
    os.close(fd)
    try:
        _encode(rendered, Path(meta_path), Path(part))
        digest = hashlib.sha256()
        with open(part, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        name = digest.hexdigest()[:24]
        files = {
            f"{name}.vtt": to_vtt(cues),
            f"{name}.chapters.json": to_chapters(lines, starts),
        }
        for fname, text in files.items():
            _write_atomic(out_dir / fname, text.encode("utf-8"))
        size = os.path.getsize(part)
        os.replace(part, out_dir / f"{name}.mp3")
    finally:
        for p in (meta_path, part):
            if os.path.exists(p):
                os.unlink(p)
    return EpisodeFiles(f"{name}.mp3", f"{name}.vtt", f"{name}.chapters.json", total, size)


def recipe_key(lines: list[Line], segment_keys: list[str], tags: Tags) -> str:
    """Everything the episode's bytes depend on: an unchanged recipe needs no new encode."""
    material = json.dumps([
        [BITRATE, COMPRESSION, tags.title, tags.artist, tags.album],
        TARGET_DBFS,
        *[[k, li.pause_before, li.speaker, li.text, li.chapter]
          for k, li in zip(segment_keys, lines, strict=True)],
    ])
    return hashlib.sha256(material.encode()).hexdigest()


def _recipe_path(out_dir: Path, recipe: str) -> Path:
    return out_dir / "recipes" / f"{recipe}.json"


def find_episode(out_dir: Path, recipe: str) -> EpisodeFiles | None:
    """The files made earlier from the same recipe, if they are all still there."""
    try:
        files = EpisodeFiles(**json.loads(_recipe_path(out_dir, recipe).read_text()))
    except (OSError, ValueError, TypeError):
        return None
    names = (files.audio_name, files.transcript_name, files.chapters_name)
    return files if all((out_dir / n).is_file() for n in names) else None


def remember_episode(out_dir: Path, recipe: str, files: EpisodeFiles) -> None:
    path = _recipe_path(out_dir, recipe)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, json.dumps(asdict(files)).encode())


def _encode(rendered: list[tuple[Line, Path, float]], meta: Path, out: Path) -> None:
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
           "-f", "s16le", "-ar", str(SAMPLE_RATE), "-ac", "1", "-i", "pipe:0",
           "-i", str(meta), "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1",
           "-ac", "1", "-c:a", "libmp3lame", "-b:a", BITRATE,
           "-compression_level", COMPRESSION,
           "-id3v2_version", "3", "-f", "mp3", str(out)]
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=errors)
        assert proc.stdin
        try:
            for line, path, _seconds in rendered:
                proc.stdin.write(_silence(line.pause_before))
                proc.stdin.write(_levelled(path))
            proc.stdin.write(_silence(0.5))
            proc.stdin.close()
        except BrokenPipeError:
            pass
        if proc.wait() != 0:
            errors.seek(0)
            raise AssemblyError("ffmpeg failed: " + errors.read().decode(errors="replace")[-300:])


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)

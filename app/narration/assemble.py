"""Assemble rendered sentences into one MP3, re-encoding only the paragraphs that changed.

Each paragraph (with the pause before it) becomes an MP3 chunk, cached by a hash of what
it contains. The chunks a narration lacks are streamed, one after another, through a single
ffmpeg process; the episode is then those chunks' frames joined behind one ID3 tag.

Joining needs frames that stand alone and line up: every chunk is padded to a whole number
of MP3 frames (576 samples at 22.05 kHz), the bit reservoir is off, and LAME's constant
start-up delay (about two frames) is dropped from each encode. Chunk joins fall in the
silence between paragraphs.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import subprocess
import threading
import wave
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TPE1, CTOCFlags
from pydub import AudioSegment

from app.episodes.files import (
    digest_of_file,
    episode_names,
    episodes_dir,
    new_part_file,
    write_atomic,
)
from app.episodes.transcript import Cue, Word, to_chapters, to_vtt

from . import loudness
from .align import source_words
from .cache import read_timings
from .engine import SAMPLE_RATE
from .mp3frames import frame_length, whole_frames
from .normalize import speakable
from .script import Line

BITRATE = "64k"
# LAME's algorithm quality (0 best .. 9 fastest): 7 encodes about twice as fast as the
# default, and at 64 kbps mono speech the difference is not audible.
COMPRESSION = "7"
FRAME_SAMPLES = 576  # one MPEG-2 Layer III frame at 22.05 kHz
PRIMING_FRAMES = 2  # LAME's 1105-sample delay: the first two frames of every encode
# Podcast loudness (the level Apple and Spotify ask of spoken-word podcasts, AES TD1008):
# every sentence is brought to it, so the episode's integrated loudness is the same.
TARGET_LUFS = -16.0
# LAME at 64 kbps takes about 0.45 LU off espeak-ng speech (measured with ebur128 on the
# levelled WAV and its MP3: the same for every voice), so sentences are levelled that much
# above the target and the episode lands on it.
CODEC_LOSS_LU = 0.5
# True-peak ceiling of the limiter. The episode's true peak must stay at or under -1 dBTP;
# the limiter's estimate can be 0.25 dB low and the MP3 coder adds about 0.1 dB
# (measured), so this leaves room to spare.
CEILING_DBFS = -2.0
MAX_GAIN_DB = 20.0  # a near-silent rendering is not blown up into noise
LEVELLING = [TARGET_LUFS, CODEC_LOSS_LU, CEILING_DBFS, MAX_GAIN_DB, loudness.LEVEL_TOLERANCE,
             loudness.LIMIT_ATTACK_SECONDS, loudness.LIMIT_HOLD_SECONDS]
TAIL_SECONDS = 0.5
# What the transcript holds besides the cues; a new value makes every episode's files anew.
TRANSCRIPT_FORMAT = "word-timings-1"


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


@dataclass(frozen=True)
class Chunk:
    key: str
    items: list[tuple[Line, Path, str]]  # line, its WAV, its segment cache key
    tail: float  # silence after the last sentence (the episode's end)


def _levelled(path: Path) -> bytes:
    """One sentence's samples at the podcast loudness, peaks limited, never clipped.

    Each sentence is measured on its own (BS.1770), so every voice lands at the same
    loudness whatever its timbre. A sentence is at most a few hundred kilobytes, so holding
    it whole is fine; the article as a whole is never held in memory.
    """
    sentence = AudioSegment.from_wav(path)  # pydub: the WAV's 16-bit mono samples
    return loudness.level(sentence.raw_data, SAMPLE_RATE, TARGET_LUFS + CODEC_LOSS_LU, CEILING_DBFS,
                          MAX_GAIN_DB)


def _silence(seconds: float) -> bytes:
    return b"\x00\x00" * round(seconds * SAMPLE_RATE)


def plan_chunks(lines: list[Line], paths: list[Path], segment_keys: list[str]) -> list[Chunk]:
    """One chunk per block (the title is a block too), keyed by what it will sound like.

    Needs only the sentences' cache keys and paths, so it can be planned before any
    sentence is synthesized.
    """
    groups: list[list[tuple[Line, Path, str]]] = []
    for line, path, key in zip(lines, paths, segment_keys, strict=True):
        if not groups or groups[-1][-1][0].block != line.block:
            groups.append([])
        groups[-1].append((line, path, key))
    chunks = []
    for i, items in enumerate(groups):
        tail = TAIL_SECONDS if i == len(groups) - 1 else 0.0
        material = json.dumps([BITRATE, COMPRESSION, LEVELLING, FRAME_SAMPLES, tail,
                               [[k, li.pause_before] for li, _p, k in items]])
        chunks.append(Chunk(hashlib.sha256(material.encode()).hexdigest(), items, tail))
    return chunks


def _chunk_layout(chunk: Chunk) -> tuple[list[tuple[Line, int, int]], int]:
    """Each line's sample span in the chunk, and the chunk's length in whole frames' samples."""
    spans: list[tuple[Line, int, int]] = []
    n = 0
    for line, path, _key in chunk.items:
        start = n + round(line.pause_before * SAMPLE_RATE)
        with wave.open(str(path), "rb") as w:
            n = start + w.getnframes()
        spans.append((line, start, n))
    n += round(chunk.tail * SAMPLE_RATE)
    return spans, n + (-n % FRAME_SAMPLES)


def _chunk_pcm(chunk: Chunk) -> bytes:
    """The chunk's samples, levelled and padded to whole frames (as _chunk_layout says)."""
    parts: list[bytes] = []
    for line, path, _key in chunk.items:
        parts += [_silence(line.pause_before), _levelled(path)]
    parts.append(_silence(chunk.tail))
    n = sum(len(p) for p in parts) // 2
    parts.append(b"\x00\x00" * (-n % FRAME_SAMPLES))
    return b"".join(parts)


class ChunkStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root) / "chunks"

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.mp3"

    def has(self, key: str, frames: int | None = None) -> bool:
        """True if the chunk is stored whole: MP3 frames end to end, `frames` of them when
        given. A damaged file (truncated, garbage) is removed, so it is encoded again
        rather than published as a corrupt MP3."""
        path = self.path(key)
        if not path.is_file():
            return False
        found = whole_frames(path.read_bytes())
        if found is None or found == 0 or (frames is not None and found != frames):
            path.unlink(missing_ok=True)
            return False
        os.utime(path)  # recency, for eviction
        return True


def _read_frame(stream: IO[bytes]) -> bytes:
    header = stream.read(4)
    if len(header) < 4:
        raise AssemblyError("ffmpeg stopped before the end of the audio")
    n = frame_length(header)
    if n == 0:
        raise AssemblyError("ffmpeg wrote something that is not an MP3 frame")
    body = stream.read(n - 4)
    if len(body) < n - 4:
        raise AssemblyError("ffmpeg stopped in the middle of an MP3 frame")
    return header + body


def missing_chunks(chunks: list[Chunk], store: ChunkStore) -> list[Chunk]:
    """The distinct chunks the store lacks, in order."""
    return [c for c in dict((c.key, c) for c in chunks).values()
            if not store.has(c.key, _expected_frames(c))]


def _expected_frames(chunk: Chunk) -> int | None:
    """How many MP3 frames the chunk's file must hold, when its sentences are at hand to
    count (they may have been evicted while the chunk was kept)."""
    if not all(path.is_file() for _line, path, _key in chunk.items):
        return None
    try:
        return _chunk_layout(chunk)[1] // FRAME_SAMPLES
    except (OSError, EOFError, wave.Error):
        return None  # a damaged sentence: the segment cache will say it again


class ChunkEncoder:
    """One ffmpeg process that encodes chunks as they are handed to it.

    A narration hands each paragraph over as soon as its sentences are synthesized, so the
    encoding of one paragraph runs (on another core) while the next is being spoken. A
    levelling thread prepares each chunk's samples, a feeder thread writes them to ffmpeg
    (so one chunk is levelled while the one before is encoded), and a reader thread cuts
    ffmpeg's output into the chunks' frames and stores each chunk atomically.
    """

    CMD = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "s16le",
           "-ar", str(SAMPLE_RATE), "-ac", "1", "-i", "pipe:0",
           "-c:a", "libmp3lame", "-b:a", BITRATE, "-compression_level", COMPRESSION,
           "-reservoir", "0", "-write_xing", "0", "-id3v2_version", "0", "-f", "mp3", "pipe:1"]

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        self.errors: list[BaseException] = []
        self.encoded = 0
        self._todo: queue.Queue[Chunk | None] = queue.Queue()
        # Levelled samples waiting for ffmpeg; two chunks ahead is enough to keep it busy.
        self._ready: queue.Queue[tuple[Chunk, bytes] | None] = queue.Queue(maxsize=2)
        self._frames: queue.Queue[tuple[Chunk, int] | None] = queue.Queue()
        self._proc = subprocess.Popen(self.CMD, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE)
        self._threads = [threading.Thread(target=self._level, daemon=True),
                         threading.Thread(target=self._feed, daemon=True),
                         threading.Thread(target=self._read, daemon=True)]
        for t in self._threads:
            t.start()

    def add(self, chunk: Chunk) -> None:
        """Encode this chunk next (its sentences must all be in the segment cache)."""
        self._todo.put(chunk)

    def _level(self) -> None:
        try:
            while (chunk := self._todo.get()) is not None:
                self._ready.put((chunk, _chunk_pcm(chunk)))
        except BaseException as e:  # surfaced by finish(); the feeder must not wait forever
            self.errors.append(e)
        finally:
            self._ready.put(None)

    def _feed(self) -> None:
        stdin = self._proc.stdin
        assert stdin
        try:
            while (item := self._ready.get()) is not None:
                chunk, pcm = item
                self._frames.put((chunk, len(pcm) // 2 // FRAME_SAMPLES))
                stdin.write(pcm)
        except BaseException as e:  # surfaced by finish(); the reader must not wait forever
            self.errors.append(e)
            while self._ready.get() is not None:  # nor the levelling thread
                pass
        finally:
            self._frames.put(None)
            try:
                stdin.close()
            except OSError:
                pass

    def _read(self) -> None:
        stdout = self._proc.stdout
        assert stdout
        try:
            started = False
            while (item := self._frames.get()) is not None:
                if not started:  # LAME's delay: frames before the first sample
                    for _ in range(PRIMING_FRAMES):
                        _read_frame(stdout)
                    started = True
                chunk, frames = item
                data = b"".join(_read_frame(stdout) for _ in range(frames))
                path = self.store.path(chunk.key)
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)
                self.encoded += 1
            stdout.read()
        except BaseException as e:
            self.errors.append(e)
            self._proc.kill()  # unblocks the feeder

    def finish(self) -> int:
        """Wait for every chunk handed over to be stored; return how many were encoded."""
        self._todo.put(None)
        for t in self._threads:
            t.join()
        stderr = self._proc.stderr.read() if self._proc.stderr else b""
        code = self._proc.wait()
        if self.errors:
            raise AssemblyError(f"could not prepare the audio: {self.errors[0]}"
                                ) from self.errors[0]
        if code != 0:
            raise AssemblyError("ffmpeg failed: " + stderr.decode(errors="replace")[-300:])
        return self.encoded

    def abort(self) -> None:
        """Stop at once (narration failed); chunks already stored are whole and stay."""
        self._proc.kill()
        self._todo.put(None)
        for t in self._threads:
            t.join()
        self._proc.wait()


def encode_chunks(chunks: list[Chunk], store: ChunkStore) -> int:
    """Encode the chunks not yet in the store through one ffmpeg process; return how many."""
    missing = missing_chunks(chunks, store)
    if not missing:
        return 0
    encoder = ChunkEncoder(store)
    for chunk in missing:
        encoder.add(chunk)
    return encoder.finish()


def assemble(chunks: list[Chunk], cache_root: Path, tags: Tags,
             say: Callable[[str], str] = speakable) -> EpisodeFiles:
    """The episode's MP3 (named by its content hash), WebVTT transcript and chapters.

    `say` is the normalization the lines' spoken forms came from (the article language's),
    which the transcript's word timings use to share out a changed stretch (align.py).

    Chunks still missing from the store (none, when narrate() encoded them as it went)
    are encoded first.
    """
    out_dir = episodes_dir(cache_root)
    out_dir.mkdir(parents=True, exist_ok=True)
    store = ChunkStore(cache_root)
    encode_chunks(chunks, store)

    cues: list[Cue] = []
    lines: list[Line] = []
    starts: list[float] = []
    offset = 0
    for chunk in chunks:
        spans, samples = _chunk_layout(chunk)
        for (line, a, b), (_line, path, _key) in zip(spans, chunk.items, strict=True):
            lines.append(line)
            start = (offset + a) / SAMPLE_RATE
            starts.append(start)
            cues.append(Cue(start, (offset + b) / SAMPLE_RATE, line.speaker, line.text,
                            _cue_words(line, path, start, say)))
        offset += samples
    total = offset / SAMPLE_RATE

    fd, part = new_part_file(out_dir, ".mp3.part")
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(store.path(chunk.key).read_bytes())
        _tag(Path(part), tags, lines, starts, total)
        audio_name, transcript_name, chapters_name = episode_names(digest_of_file(Path(part)))
        write_atomic(out_dir / transcript_name, to_vtt(cues).encode())
        write_atomic(out_dir / chapters_name, to_chapters(lines, starts).encode())
        size = os.path.getsize(part)
        os.replace(part, out_dir / audio_name)
    finally:
        if os.path.exists(part):
            os.unlink(part)
    return EpisodeFiles(audio_name, transcript_name, chapters_name, total, size)


def _cue_words(line: Line, wav: Path, start: float,
               say: Callable[[str], str]) -> tuple[Word, ...]:
    """The line's own words with their times in the episode (the sentence starts at `start`
    seconds): its WAV's word timings, moved by the same offset as its samples. Levelling
    changes no sample's place, so times within the sentence stay as the engine gave them."""
    timings = read_timings(wav)
    if not timings:
        return ()
    return tuple(Word(start + w.start, start + w.end, w.text)
                 for w in source_words(line.text, line.said, timings, say))


def _tag(path: Path, tags: Tags, lines: list[Line], starts: list[float], total: float) -> None:
    """ID3v2.3 title/artist/album and chapter frames (CTOC + CHAP) from the headings."""
    id3 = ID3()
    id3.add(TIT2(encoding=3, text=[tags.title]))
    id3.add(TPE1(encoding=3, text=[tags.artist]))
    id3.add(TALB(encoding=3, text=[tags.album]))
    marks = [(t, li.chapter) for li, t in zip(lines, starts, strict=True) if li.chapter]
    ids = [f"chp{i}" for i in range(len(marks))]
    for i, (t, title) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else total
        id3.add(CHAP(element_id=ids[i], start_time=round(t * 1000), end_time=round(end * 1000),
                     sub_frames=[TIT2(encoding=3, text=[title])]))
    if ids:
        id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                     child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=["Chapters"])]))
    id3.save(path, v2_version=3)


def recipe_key(lines: list[Line], segment_keys: list[str], tags: Tags) -> str:
    """Everything the episode's bytes depend on: an unchanged recipe needs no new work."""
    material = json.dumps([
        [BITRATE, COMPRESSION, LEVELLING, TRANSCRIPT_FORMAT, tags.title, tags.artist,
         tags.album],
        *[[k, li.pause_before, li.speaker, li.text, li.chapter, li.block]
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
    write_atomic(path, json.dumps(asdict(files)).encode())

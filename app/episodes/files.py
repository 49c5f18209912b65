"""Episode files: where they live, how they are named, written, served and removed.

Every episode is three files in AUDIO_CACHE_DIR/episodes named by the MP3's content hash
(`<24 hex>.mp3`, `.vtt`, `.chapters.json`), plus a JSON transcript made on first request
(`.transcript.json`). A file never changes under its name: a new rendering gets a new name.
Every write is atomic (a temporary `.part` file, then a rename), so a reader on this or
another machine sharing the volume sees the whole file or none.

A store says where a finished file can be read from: a local path (served by Flask, or by
nginx through X-Accel-Redirect), or an external URL (an S3-compatible bucket or CDN the
files were synced to). See the README, "Scaling out".
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from flask import current_app, has_app_context

EPISODES = "episodes"  # the folder under AUDIO_CACHE_DIR
DIGEST_CHARS = 24
DEFAULT_FILE_MODE = 0o644  # owner writes, everyone reads: see file_mode()
# The kinds of episode file, by the suffix after the digest.
KINDS = ("mp3", "vtt", "chapters.json", "transcript.json")
NAME = re.compile(r"^([0-9a-f]{24})\.(mp3|vtt|chapters\.json|transcript\.json)$")


def episodes_dir(cache_root: str | Path) -> Path:
    """The folder holding every episode file, under the audio cache root."""
    return Path(cache_root) / EPISODES


def current_episodes_dir() -> Path:
    """episodes_dir() of the app's AUDIO_CACHE_DIR (needs an app context), resolved."""
    return episodes_dir(current_app.config["AUDIO_CACHE_DIR"]).resolve()


def digest_of_bytes(data: bytes) -> str:
    """The content hash names are made of: SHA-256, first 24 hex digits."""
    return hashlib.sha256(data).hexdigest()[:DIGEST_CHARS]


def digest_of_file(path: Path) -> str:
    """digest_of_bytes() of a file's content, read a megabyte at a time."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()[:DIGEST_CHARS]


def episode_names(digest: str) -> tuple[str, str, str]:
    """(audio, WebVTT transcript, chapters) file names of the episode with this digest."""
    return f"{digest}.mp3", f"{digest}.vtt", f"{digest}.chapters.json"


def parse_name(name: str) -> tuple[str, str] | None:
    """(digest, kind) of an episode file name, or None if it is not one (kind: see KINDS)."""
    m = NAME.match(name)
    return (m.group(1), m.group(2)) if m else None


def json_transcript_name(name: str) -> str:
    """The JSON transcript's name beside any file of the same episode."""
    return f"{name.split('.', 1)[0]}.transcript.json"


def file_mode() -> int:
    """The permission bits of files written here (MEDIA_FILE_MODE, default 0o644).

    They are served by Hark, and may be served by a web server running as another user
    (the README's nginx `alias` and X-Accel-Redirect recipes), so they must be readable by
    it; a temporary file's own 0600 would make that server answer 403. Outside an app
    context (tests, tools) the default applies."""
    if has_app_context():
        value = current_app.config.get("MEDIA_FILE_MODE", DEFAULT_FILE_MODE)
        # "0644" from a setting, 644 once FLASK_ parsed it as JSON: octal digits either way
        return value if value is DEFAULT_FILE_MODE else int(str(value), 8)
    return DEFAULT_FILE_MODE


def new_part_file(folder: Path, suffix: str = ".part") -> tuple[int, str]:
    """A new temporary file in `folder` for an atomic write, with file_mode()'s bits:
    (open descriptor, path). The caller renames it into place or removes it."""
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=suffix)
    os.fchmod(fd, file_mode())
    return fd, tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename; on failure, no
    `.part` file is left behind and `path` is unchanged. The folder must exist. The
    file gets file_mode()'s permission bits."""
    fd, tmp = new_part_file(path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


DISK_FULL = "Disk full"  # how a narration failed for want of space begins its error


def free_bytes(cache_root: str | Path) -> int:
    """Free space, in bytes, on the volume holding the audio cache (its nearest existing
    folder, so a cache not yet made still answers)."""
    path = Path(cache_root).resolve()
    while not path.exists() and path != path.parent:
        path = path.parent
    return shutil.disk_usage(path).free


def out_of_space(error: BaseException, cache_root: str | Path, min_free: int) -> bool:
    """True if `error` came from a full disk: ENOSPC or EDQUOT anywhere in its chain, or,
    when a child process (the speech engine, ffmpeg) died without saying why, fewer than
    `min_free` bytes left on the audio cache's volume."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        seen = seen.__cause__ or seen.__context__
    try:
        return free_bytes(cache_root) < min_free
    except OSError:
        return False


STALE_PART_SECONDS = 3600.0  # no atomic write takes this long; its writer died


def remove_stale_parts(cache_root: str | Path, older_than: float = STALE_PART_SECONDS,
                       now: float | None = None) -> list[Path]:
    """Delete `.part` files (temporary files of atomic writes) anywhere under the audio
    cache that were last written more than `older_than` seconds ago: a process killed in
    the middle of a write leaves one behind, and nothing else would ever remove it.
    Returns the files removed."""
    now = time.time() if now is None else now
    removed = []
    for path in Path(cache_root).rglob("*.part"):
        try:
            if path.is_file() and now - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue  # finished or removed by another process meanwhile
    return removed


def remove_episode_files(cache_root: str | Path, names: Iterable[str]) -> None:
    """Delete these episode files and the JSON transcripts made from them, if present."""
    folder = episodes_dir(cache_root)
    for name in names:
        (folder / name).unlink(missing_ok=True)
        (folder / json_transcript_name(name)).unlink(missing_ok=True)


class AudioStore(Protocol):
    def local_path(self, name: str) -> Path | None:
        """The file to serve from this machine, or None if it is not here."""
        ...

    def external_url(self, name: str) -> str | None:
        """Where clients should fetch the file instead, or None to serve it here."""
        ...


class LocalAudioStore:
    """Episode files in AUDIO_CACHE_DIR/episodes (a local disk or a shared volume)."""

    def __init__(self, root: Path, public_url: str = "") -> None:
        self.root = episodes_dir(Path(root).resolve())
        self.public_url = public_url.rstrip("/")

    def local_path(self, name: str) -> Path | None:
        path = self.root / name
        return path if path.is_file() else None

    def external_url(self, name: str) -> str | None:
        # AUDIO_PUBLIC_URL: the episodes folder is also published there (bucket or CDN).
        return f"{self.public_url}/{name}" if self.public_url else None


def audio_store() -> AudioStore:
    """The app's store (needs an app context): AUDIO_CACHE_DIR, AUDIO_PUBLIC_URL."""
    cfg = current_app.config
    return LocalAudioStore(Path(cfg["AUDIO_CACHE_DIR"]), cfg["AUDIO_PUBLIC_URL"])

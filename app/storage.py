"""Where finished episode files live: a small interface, the local directory by default.

Narration writes episodes into the local audio cache (ffmpeg needs files). A store says
where a finished file can be read from: a local path (served by Flask, or by nginx through
X-Accel-Redirect), or an external URL (an S3-compatible bucket or CDN the files were synced
to; they never change once written). See the README, "Scaling out".
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from flask import current_app


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
        self.root = Path(root).resolve() / "episodes"
        self.public_url = public_url.rstrip("/")

    def local_path(self, name: str) -> Path | None:
        path = self.root / name
        return path if path.is_file() else None

    def external_url(self, name: str) -> str | None:
        # AUDIO_PUBLIC_URL: the episodes folder is also published there (bucket or CDN).
        return f"{self.public_url}/{name}" if self.public_url else None


def audio_store() -> AudioStore:
    cfg = current_app.config
    return LocalAudioStore(Path(cfg["AUDIO_CACHE_DIR"]), cfg.get("AUDIO_PUBLIC_URL", ""))

"""Audio, transcripts, chapters and artwork: content-hashed URLs with Range and conditional GET.

Every name carries a content hash, so a file never changes under its URL: responses are
cacheable for a year and marked immutable. A new rendering gets a new name; the old files stay
servable for as long as they exist (the cache keeps every file an Episode row refers to).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, send_file

from app.episodes.artwork import artwork_dir
from app.episodes.files import audio_store, current_episodes_dir, parse_name, write_atomic
from app.episodes.transcript import json_transcript

bp = Blueprint("media", __name__, url_prefix="/media")

_ARTWORK = re.compile(r"^[0-9a-f]{24}\.png$")
_TYPES = {"mp3": "audio/mpeg", "vtt": "text/vtt; charset=utf-8",
          "chapters.json": "application/json+chapters",
          "transcript.json": "application/json"}
YEAR = 365 * 24 * 3600
# Web players on other sites fetch transcripts and chapters with fetch()/XHR.
_CORS = {"vtt", "chapters.json", "transcript.json", "png"}


@bp.route("/<name>", methods=["GET", "HEAD"])
def episode_file(name: str) -> Any:
    """One file of an episode: MP3, WebVTT, chapters, or the JSON transcript made from the VTT."""
    parsed = parse_name(name)
    if parsed is None:
        abort(404)
    digest, kind = parsed
    store = audio_store()
    if (url := store.external_url(name)) is not None:
        return redirect(url, 302)
    path = store.local_path(name)
    if kind == "transcript.json" and path is None:
        _make_json_transcript(current_episodes_dir() / f"{digest}.vtt",
                              current_episodes_dir() / name)
        path = store.local_path(name)
    if path is None:
        abort(404)
    if prefix := current_app.config["X_ACCEL_REDIRECT_PREFIX"]:
        # nginx serves the bytes (Range included) from an internal location.
        response = Response(mimetype=_TYPES[kind])
        response.headers["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{name}"
        return response
    return _send(path, _TYPES[kind], kind)


@bp.route("/artwork/<name>", methods=["GET", "HEAD"])
def artwork(name: str) -> Any:
    """The podcast artwork (see app.episodes.artwork), named by its content hash."""
    if not _ARTWORK.match(name):
        abort(404)
    path = artwork_dir(current_app.config["AUDIO_CACHE_DIR"]).resolve() / name
    if not path.is_file():
        abort(404)
    return _send(path, "image/png", "png")


def _send(path: Path, mimetype: str, kind: str) -> Response:
    # send_file answers Range (206, or 416 with "Content-Range: bytes */N"), HEAD, If-Range,
    # If-None-Match and If-Modified-Since itself. The ETag is the name: it is the content's hash,
    # so it stays the same across servers and restored backups, unlike an mtime-based one.
    response = send_file(path, mimetype=mimetype, conditional=True, etag=path.name,
                         max_age=YEAR)
    response.cache_control.public = True
    response.cache_control.immutable = True
    if kind in _CORS:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = \
            "Content-Length, Content-Range, Accept-Ranges, ETag"
    return response


def _make_json_transcript(vtt: Path, out: Path) -> None:
    """Write the Podcasting 2.0 JSON transcript derived from `vtt`, atomically, if it exists."""
    try:
        text = vtt.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    data = json.dumps(json_transcript(text), ensure_ascii=False, separators=(",", ":"))
    # Deterministic output from an immutable VTT, so concurrent writers write the same bytes.
    write_atomic(out, data.encode())

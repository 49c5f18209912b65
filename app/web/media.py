"""Audio, transcripts, chapters and artwork: content-hashed URLs with Range and conditional GET.

Every name carries a content hash, so a file never changes under its URL: responses are
cacheable for a year and marked immutable. A new rendering gets a new name; the old files stay
servable for as long as they exist (the cache keeps every file an Episode row refers to).
Web players on other sites fetch all of them, so every one allows any origin (app.web.cors).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, request, send_file

from app.episodes.artwork import artwork_dir, artwork_name, artwork_recipe
from app.episodes.files import audio_store, current_episodes_dir, parse_name, write_atomic
from app.episodes.transcript import json_transcript
from app.models import Article, db

from . import cors

bp = Blueprint("media", __name__, url_prefix="/media")

_ARTWORK = re.compile(r"^[0-9a-f]{24}\.png$")
_HEX24 = re.compile(r"^[0-9a-f]{24}$")
# Werkzeug adds "; charset=utf-8" to text/* types itself: name the bare type here.
_TYPES = {"mp3": "audio/mpeg", "vtt": "text/vtt",
          "chapters.json": "application/json+chapters",
          "transcript.json": "application/json"}
YEAR = 365 * 24 * 3600
# RFC 9110 14.1: a range unit (case-insensitive) "=" a comma-separated list of range specs.
_RANGE = re.compile(r"^\s*bytes\s*=(.*)$", re.IGNORECASE)
_SPEC = re.compile(r"^(\d*)-(\d*)$")


@bp.route("/<name>", methods=cors.METHODS)
@cors.public
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
    return _send(path, _TYPES[kind])


@bp.route("/artwork/<name>", methods=cors.METHODS)
@cors.public
def artwork(name: str) -> Any:
    """The podcast artwork (see app.episodes.artwork), named by its content hash."""
    if not _ARTWORK.match(name):
        abort(404)
    path = artwork_dir(current_app.config["AUDIO_CACHE_DIR"]).resolve() / name
    if not path.is_file():
        abort(404)
    return _send(path, "image/png")


@bp.route("/artwork/episodes/<article_uuid>/<recipe>.png", methods=cors.METHODS)
@cors.public
def episode_artwork(article_uuid: str, recipe: str) -> Any:
    """An episode's own artwork (its article's title drawn), drawn on first request. The
    recipe in the URL changes with the title, so the URL is as immutable as a hashed name."""
    if not _HEX24.match(recipe):
        abort(404)
    article = db.first_or_404(db.select(Article).filter_by(uuid=article_uuid))
    if artwork_recipe(article.title) != recipe:
        abort(404)  # the title changed: the feed names the new picture
    cache = current_app.config["AUDIO_CACHE_DIR"]
    name = artwork_name(cache, article.title)
    return _send(artwork_dir(cache).resolve() / name, "image/png")


def satisfiable_range(header: str | None, size: int) -> str | None:
    """The Range header to act on for a representation of `size` bytes (RFC 9110 14.1-14.2):

    - None: ignore it and send the whole file (200): no header, a unit other than bytes
      (`items=0-1`: "MUST ignore"), an invalid range set, or several ranges that do not
      join into one (a server MAY ignore Range; Hark sends no multipart/byteranges);
    - `bytes=a-b`: the one range to send (206); overlapping or adjacent ranges are coalesced;
    - `bytes=size-`: none is satisfiable (416, with `Content-Range: bytes */size`).
    """
    m = _RANGE.match(header or "")
    if m is None:
        return None
    specs = [spec.strip() for spec in m.group(1).split(",")]
    spans: list[tuple[int, int]] = []
    if not any(specs):
        return None  # a range set has at least one range
    for spec in specs:
        if not spec:
            continue  # RFC 9110 5.6.1: empty list elements are ignored
        parts = _SPEC.match(spec)
        if parts is None or parts.group(1) == parts.group(2) == "":
            return None
        first, last = parts.groups()
        if first == "":  # suffix range: the last N bytes
            if int(last) > 0 and size > 0:
                spans.append((max(0, size - int(last)), size - 1))
            continue
        if last != "" and int(last) < int(first):
            return None  # invalid, not merely unsatisfiable
        if int(first) < size:
            spans.append((int(first), min(size - 1, int(last) if last else size - 1)))
    if not spans:
        return f"bytes={size}-"
    spans.sort()
    start, end = spans[0]
    for a, b in spans[1:]:
        if a > end + 1:
            return None  # two separate ranges: send the whole file
        end = max(end, b)
    return f"bytes={start}-{end}"


def _send(path: Path, mimetype: str) -> Response:
    # send_file answers Range (206, or 416 with "Content-Range: bytes */N"), HEAD, If-Range,
    # If-None-Match and If-Modified-Since itself; the Range header is first reduced to what
    # RFC 9110 says to act on. The ETag is the name: it is the content's hash, so it stays the
    # same across servers and restored backups, unlike an mtime-based one.
    if "HTTP_RANGE" in request.environ:
        wanted = satisfiable_range(request.environ["HTTP_RANGE"], path.stat().st_size)
        if wanted is None:
            del request.environ["HTTP_RANGE"]
        else:
            request.environ["HTTP_RANGE"] = wanted
    response = send_file(path, mimetype=mimetype, conditional=True, etag=path.name,
                         max_age=YEAR)
    if response.status_code == 412:  # If-Match failed: the answer is the status, no body
        response.response, response.direct_passthrough = [], False  # (RFC 9110, 15.5.13)
        response.headers["Content-Length"] = "0"
        response.headers.pop("Content-Range", None)
    response.cache_control.public = True
    response.cache_control.immutable = True
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

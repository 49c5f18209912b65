"""Audio, transcripts and chapters: content-hashed URLs with Range and conditional GET."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, send_file

bp = Blueprint("media", __name__, url_prefix="/media")

_NAME = re.compile(r"^[0-9a-f]{24}\.(mp3|vtt|chapters\.json)$")
_TYPES = {"mp3": "audio/mpeg", "vtt": "text/vtt; charset=utf-8",
          "chapters.json": "application/json+chapters"}
YEAR = 365 * 24 * 3600


@bp.route("/<name>", methods=["GET", "HEAD"])
def episode_file(name: str) -> Any:
    m = _NAME.match(name)
    if not m:
        abort(404)
    path = Path(current_app.config["AUDIO_CACHE_DIR"]).resolve() / "episodes" / name
    if not path.is_file():
        abort(404)
    # send_file answers Range (206/416), HEAD, ETag and If-Modified-Since itself.
    response = send_file(path, mimetype=_TYPES[m.group(1)], conditional=True, etag=True,
                         max_age=YEAR)
    response.cache_control.immutable = True  # the name is the content's hash
    if m.group(1) != "mp3":
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response

"""Samples operators listen to before choosing: a voice, or a word as a rule will say it.

Nested under the admin blueprint (/admin/samples/...), operators only. The audio is made by
app/narration/sample.py (espeak-ng and ffmpeg) and cached there.
"""

from __future__ import annotations

import subprocess
from typing import Any

from flask import Blueprint, abort, current_app, request, send_file

from app.models import Pronunciation, db
from app.narration.engine import SynthesisError
from app.narration.normalize import speakable
from app.narration.sample import MAX_CHARS, render_sample
from app.narration.voices import NARRATOR, VOICES, Voice

from .auth import login_required

bp = Blueprint("samples", __name__, url_prefix="/samples")


def voice_sample_text(voice: Voice) -> str:
    """What a voice says in its sample: its own name and a line of news."""
    return (f"This is {voice.label.split(' (')[0]}. "
            "The harbour ferry will sail again on Monday, the council said.")


def _mp3(text: str, voice: Voice) -> Any:
    try:
        path = render_sample(current_app.config["AUDIO_CACHE_DIR"], text, voice)
    except (SynthesisError, subprocess.SubprocessError, OSError):
        current_app.logger.exception("sample failed")
        abort(503, "The speech engine could not make this sample. Try again in a moment.")
    response = send_file(path, mimetype="audio/mpeg", conditional=True, max_age=86400)
    response.headers["Cache-Control"] = "private, max-age=86400"
    return response


@bp.route("/voice/<key>.mp3")
@login_required
def voice(key: str) -> Any:
    """A short sample of one voice (GET /admin/samples/voice/amy.mp3)."""
    chosen = VOICES.get(key) or abort(404)
    return _mp3(voice_sample_text(chosen), chosen)


@bp.route("/say.mp3")
@login_required
def say() -> Any:
    """Words as the narrator will say them (?text=...; a pronunciation being written)."""
    text = " ".join(request.args.get("text", "").split())
    if not text or len(text) > MAX_CHARS:
        abort(400, f"Give between 1 and {MAX_CHARS} characters to say.")
    return _mp3(speakable(text) or text, NARRATOR)


@bp.route("/rule/<int:rule_id>.mp3")
@login_required
def rule(rule_id: int) -> Any:
    """A saved pronunciation rule's word, as narration will say it with the rule applied."""
    found = db.get_or_404(Pronunciation, rule_id)
    return _mp3(speakable(found.word, {found.word: found.said}) or found.said, NARRATOR)

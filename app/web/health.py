"""The health check: database, queue storage and audio folder (200 or 503, JSON)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from app.episodes.files import free_bytes
from app.jobs import job_queue
from app.models import db

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def health() -> Any:
    """Is the database reachable, the queue storage answering, the audio folder writable,
    with MIN_FREE_BYTES free on its volume? (`free_bytes` reports the space.)"""
    checks: dict[str, str] = {}
    try:
        db.session.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as e:  # report, don't raise: this is what the check is for
        checks["database"] = f"error: {type(e).__name__}"
    try:
        job_queue().pending_count()
        checks["queue"] = "ok"
    except Exception as e:
        checks["queue"] = f"error: {type(e).__name__}"
    audio = Path(current_app.config["AUDIO_CACHE_DIR"])
    try:
        probe = audio / f".health-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
        checks["audio_cache"] = "ok"
    except OSError as e:
        checks["audio_cache"] = f"error: {e.strerror}"
    free: int | None = None
    try:
        free = free_bytes(audio)
        minimum = int(current_app.config["MIN_FREE_BYTES"])
        checks["disk_space"] = "ok" if free >= minimum else (
            f"error: {free // 2**20} MB free, under the {minimum // 2**20} MB minimum")
    except OSError as e:
        checks["disk_space"] = f"error: {e.strerror}"
    healthy = all(v == "ok" for v in checks.values())
    return jsonify(status="ok" if healthy else "error", checks=checks, free_bytes=free), \
        200 if healthy else 503

"""Structured (JSON) logs with a request id, and the health check."""

from __future__ import annotations

import json
import logging
import time
import uuid
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, Response, current_app, g, jsonify, request
from sqlalchemy import text

from .models import db

bp = Blueprint("health", __name__)
log = logging.getLogger("hark.request")


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with the request id when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("request_id", "method", "path", "status", "ms"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def init_logging(app: Flask) -> None:
    """JSON logs to stderr (LOG_FORMAT=json, the default) and a request id on every request."""
    if app.config.get("LOG_FORMAT", "json") == "json" and not app.testing:
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        root = logging.getLogger()
        root.handlers[:] = [handler]
        root.setLevel(app.config.get("LOG_LEVEL", "INFO"))

    @app.before_request
    def _start() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        # Keep a proxy's id when it looks like one; never echo arbitrary text into logs.
        ok = 0 < len(incoming) <= 64 and incoming.replace("-", "").isalnum()
        g.request_id = incoming if ok else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        rid = g.get("request_id")
        if rid:
            response.headers["X-Request-ID"] = rid
            ms = round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 1)
            log.info("request", extra={"request_id": rid, "method": request.method,
                                       "path": request.path, "status": response.status_code,
                                       "ms": ms})
        return response


@bp.route("/healthz")
def health() -> Any:
    """Is the database reachable, the queue storage answering, the audio folder writable?"""
    checks: dict[str, str] = {}
    try:
        db.session.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as e:  # report, don't raise: this is what the check is for
        checks["database"] = f"error: {type(e).__name__}"
    try:
        current_app.extensions["huey"].pending_count()
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
    healthy = all(v == "ok" for v in checks.values())
    return jsonify(status="ok" if healthy else "error", checks=checks), 200 if healthy else 503

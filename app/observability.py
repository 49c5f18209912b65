"""Structured (JSON) logs with a request id (the health check is app.web.health)."""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from flask import Flask, Response, g, request

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
    if app.config["LOG_FORMAT"] == "json" and not app.testing:
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        root = logging.getLogger()
        root.handlers[:] = [handler]
        root.setLevel(app.config["LOG_LEVEL"])

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
                                       "path": loggable_path(), "status": response.status_code,
                                       "ms": ms})
        return response


def loggable_path() -> str:
    """The request path with every secret in it masked: a URL part whose route variable is
    named `token` or `…_token` (personal feed, device link) is a bearer credential, and
    logs are read by more people than the listener it belongs to."""
    path = request.path
    for name, value in (request.view_args or {}).items():
        if (name == "token" or name.endswith("_token")) and isinstance(value, str) and value:
            path = path.replace(value, "[token]")
    return path

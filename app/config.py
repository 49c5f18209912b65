"""Configuration: defaults, then FLASK_* environment overrides (see README)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

MB = 1024 * 1024


def defaults(instance_path: str) -> dict[str, Any]:
    """Every setting Hark reads, with its default (the README's Configuration table)."""
    return {
        "DATABASE_URL": f"sqlite:///{Path(instance_path) / 'hark.db'}",
        "AUDIO_CACHE_DIR": str(Path.cwd() / "audio_cache"),
        "QUEUE_URL": "",  # empty: the embedded queue (SQLite file in the instance folder)
        "PUBLIC_BASE_URL": "",  # empty: taken from the request
        "MAX_UPLOAD_BYTES": 5 * MB,
        "SITE_TITLE": "Hark",
        "SITE_DESCRIPTION": "News articles, narrated with a voice for every speaker.",
        "SITE_LANGUAGE": "en",
        # The feeds' itunes:owner (directories email it to verify a feed) and podcast:locked
        # owner; the name defaults to SITE_TITLE. Empty email: neither tag.
        "FEED_OWNER_NAME": "",
        "FEED_OWNER_EMAIL": "",
        "FEED_COPYRIGHT": "",  # the feeds' <copyright>, e.g. "© 2026 Example News"; empty: none
        "SEGMENT_TIMEOUT": 30.0,  # seconds one sentence may take to synthesize
        # language -> espeak-ng voice for the narrator ({"de": "de+m3"}); a language not
        # listed gets espeak-ng's voice for it (English: the British narrator of voices.py)
        "NARRATOR_VOICES": {},
        "LEAD_INS": True,  # the narrator names a person before their first quote
        "AUDIO_CACHE_MAX_BYTES": 2 * 1024 * MB,  # beyond this, old segment audio is evicted
        "HEARTBEAT_SECONDS": 5.0,  # a narrating worker says it is alive this often
        "JOB_STALE_SECONDS": 60.0,  # silence after which another worker takes the job over
        "RECOVERY_SECONDS": 30.0,  # how often a worker looks for stalled jobs
        "TRUSTED_PROXIES": 0,  # proxies in front whose X-Forwarded-* headers are believed
        "PRIVATE_LIBRARY": False,  # listening pages and the public feed need a sign-in
        "ALLOW_PRIVATE_URLS": False,  # URL import may fetch private/loopback addresses
        "URL_ALLOW_LIST": [],  # hosts URL import may fetch even when private
        "AUDIO_PUBLIC_URL": "",  # where the episodes folder is also published (bucket, CDN)
        "X_ACCEL_REDIRECT_PREFIX": "",  # nginx internal location that serves episode files
        "MIN_FREE_BYTES": 200 * MB,  # below this the health check fails and narration waits
        # CSRF tokens are bound to the session and valid for its life (Flask-WTF: None),
        # so a player left open for hours keeps saving; the session's own lifetime bounds them.
        "WTF_CSRF_TIME_LIMIT": None,
        "MEDIA_FILE_MODE": "0644",  # permission bits of audio, transcript and artwork files
        "LOG_FORMAT": "json",  # or "text": Flask's default
        "LOG_LEVEL": "INFO",
        # A pooled connection is checked before use, so the first request after a database
        # restart reconnects instead of failing (SQLAlchemy's "disconnect handling").
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    }


def load(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Fill app.config from defaults, FLASK_* variables, then explicit overrides (tests)."""
    app.config.from_mapping(defaults(app.instance_path))
    app.config.from_prefixed_env()
    if overrides:
        app.config.from_mapping(overrides)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _stored_secret_key(Path(app.instance_path))
    app.config["MAX_UPLOAD_BYTES"] = int(app.config["MAX_UPLOAD_BYTES"])
    # Flask refuses bigger bodies itself (413); leave room for the form's other fields.
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_UPLOAD_BYTES"] + 64 * 1024
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    # Flask's own defaults exist already (SameSite None, Secure off): override unless set.
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    if not app.config.get("SESSION_COOKIE_SAMESITE"):
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    if str(app.config["PUBLIC_BASE_URL"]).startswith("https://"):
        app.config["SESSION_COOKIE_SECURE"] = True  # published over HTTPS
    Path(app.config["AUDIO_CACHE_DIR"]).mkdir(parents=True, exist_ok=True)


def _stored_secret_key(instance: Path) -> str:
    """A random key made on first run and kept in the instance folder."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass  # made earlier, or by the worker starting at the same moment
    else:
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()

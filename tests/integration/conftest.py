"""Integration tests run twice: on SQLite with the embedded queue, and on a real PostgreSQL
with a real Redis queue (started here, from Debian's packages)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from ..servers import Postgres, Redis


@pytest.fixture(scope="session")
def servers():
    # Not pytest's tmp_path: that is private to root, and PostgreSQL runs as its own user.
    root = Path(tempfile.mkdtemp(prefix="hark-servers-"))
    root.chmod(0o755)
    pg, redis = Postgres(root), Redis(root)
    yield pg, redis
    pg.stop()
    redis.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgres+redis"])
def backend(request, tmp_path) -> dict[str, str]:
    """FLASK_* settings for one backend: database and queue URLs."""
    if request.param == "sqlite":
        return {"DATABASE_URL": f"sqlite:///{tmp_path / 'hark.db'}",
                "QUEUE_URL": f"sqlite:///{tmp_path / 'queue.db'}"}
    pg, redis = request.getfixturevalue("servers")
    return {"DATABASE_URL": pg.create_database(), "QUEUE_URL": redis.url()}

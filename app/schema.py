"""The database schema: Alembic migrations (Flask-Migrate), applied at start-up.

Every process (web workers, narration workers, CLI) may start at once, so the upgrade
runs under a lock: a PostgreSQL advisory lock, or a file lock beside an SQLite database.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from flask_migrate import Migrate, upgrade
from sqlalchemy import text

from .models import db

MIGRATIONS = str(Path(__file__).with_name("migrations"))
_LOCK_ID = 0x4A524B  # any constant shared by Hark processes

migrate = Migrate(directory=MIGRATIONS, render_as_batch=True)  # batch: SQLite ALTERs


@contextlib.contextmanager
def _migration_lock() -> Iterator[None]:
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK_ID})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_ID})
                conn.commit()
    elif db.engine.dialect.name == "sqlite" and db.engine.url.database:
        with open(f"{db.engine.url.database}.migrate-lock", "w") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            yield
    else:
        yield


def _at_head() -> bool:
    heads = set(ScriptDirectory(MIGRATIONS).get_heads())
    with db.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current == heads


def upgrade_to_head(app: Flask) -> None:
    """Bring the database to the newest migration (a no-op when it is there already)."""
    migrate.init_app(app, db)
    with app.app_context():
        if db.engine.dialect.name == "sqlite" and db.engine.url.database:
            Path(db.engine.url.database).parent.mkdir(parents=True, exist_ok=True)
        if _at_head():
            return
        with _migration_lock():
            if not _at_head():
                upgrade(directory=MIGRATIONS)

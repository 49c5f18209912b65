"""The migrations build the schema the models describe, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app import create_app
from app.models import db


def test_migrations_match_the_models(backend, tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "t",
                      "AUDIO_CACHE_DIR": str(tmp_path / "audio"), **backend})
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        assert {"article", "block", "episode", "speaker", "operator", "alembic_version"} <= tables
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    # A second start finds the database at the newest migration and changes nothing.
    create_app({"TESTING": True, "SECRET_KEY": "t",
                "AUDIO_CACHE_DIR": str(tmp_path / "audio"), **backend})

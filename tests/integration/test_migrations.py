"""The migrations build the schema the models describe, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.models import db

from ..conftest import make_app


def test_migrations_match_the_models(backend, tmp_path):
    app = make_app(tmp_path, **backend)
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        assert {"article", "block", "episode", "speaker", "operator", "alembic_version"} <= tables
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    # A second start finds the database at the newest migration and changes nothing.
    make_app(tmp_path, **backend)

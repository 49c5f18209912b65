"""Hark: articles in, narrated episodes out."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config
from .models import db

csrf = CSRFProtect()


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    # Web workers, narration workers and their heartbeats write at once: WAL lets readers
    # go on during a write, and the busy timeout makes writers wait instead of failing.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, database, task queue, blueprints, CLI."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    config.load(app, test_config)
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        # The client's address (login rate limits, logs), scheme (Secure cookies) and host
        # come from the proxy's X-Forwarded-* headers, believed from this many hops only.
        # Wrapping wsgi_app by assignment is Flask's documented way to add WSGI middleware;
        # its stubs declare wsgi_app a method.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies)

    db.init_app(app)
    csrf.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)
    from . import schema

    schema.upgrade_to_head(app)

    from . import jobs, observability

    jobs.init_queue(app)
    observability.init_logging(app)

    from .web import (
        admin,
        auth,
        errors,
        feeds,
        filters,
        health,
        library,
        media,
        playqueue,
        pronunciations,
        safety,
        speakers,
        subscribe,
        visibility,
    )

    app.url_map.converters["int"] = safety.RowIdConverter  # before any route is added
    # auth first: its before_request sets g.operator, which visibility's guard reads.
    for bp in (health.bp, auth.bp, visibility.bp, library.bp, admin.bp, media.bp, feeds.bp,
               subscribe.bp, pronunciations.bp, speakers.bp, playqueue.bp, errors.bp):
        app.register_blueprint(bp)
    app.after_request(safety.security_headers)
    filters.init_app(app)

    from .cli import register

    register(app)
    return app

"""Hark: articles in, narrated episodes out."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from . import config
from .models import db

csrf = CSRFProtect()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, database, task queue, blueprints, CLI."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    config.load(app, test_config)

    db.init_app(app)
    csrf.init_app(app)
    with app.app_context():
        db.create_all()

    from . import jobs

    jobs.init_queue(app)

    from .feed import bp as feed_bp
    from .web import admin, auth, errors, listen, media

    for bp in (auth.bp, listen.bp, admin.bp, media.bp, feed_bp, errors.bp):
        app.register_blueprint(bp)
    app.after_request(errors.security_headers)

    from .cli import register

    register(app)
    return app

"""The public podcast feed (/feed.xml); the RSS itself is built by app.episodes.feed.

Feeds are sent gzip- or brotli-compressed when the client accepts it (Flask-Compress, a
maintained middleware: it also tags the ETag per encoding and adds Vary: Accept-Encoding).
Media are not compressed: MP3 and PNG are compressed already, and Range must count raw bytes.
"""

from __future__ import annotations

from typing import Any, cast

from flask import Blueprint, Flask, Response, current_app
from flask.blueprints import BlueprintSetupState
from flask_compress import Compress

from app.episodes.feed import absolute, feed_response, public_feed_items, render_feed

from . import cors

bp = Blueprint("feed", __name__)
compress = Compress()
FEED_TYPES = ["application/rss+xml"]


@bp.record_once
def _init_compression(state: BlueprintSetupState) -> None:
    # Only the views decorated with compress.compressed() are compressed: nothing app-wide.
    state.app.config.setdefault("COMPRESS_REGISTER", False)
    state.app.config.setdefault("COMPRESS_MIMETYPES", FEED_TYPES)
    state.app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    compress.init_app(cast(Flask, state.app))


@bp.route("/feed.xml", methods=cors.METHODS)
@compress.compressed()
@cors.public
def feed() -> Any:
    """The public podcast: every narrated article, newest first."""
    config = current_app.config
    items, last_change = public_feed_items()
    xml = render_feed(items, feed_url=absolute("feed.feed"), title=config["SITE_TITLE"],
                      description=config["SITE_DESCRIPTION"], link=absolute("listen.library"),
                      last_change=last_change)
    response: Response = feed_response(xml, last_change)
    return response

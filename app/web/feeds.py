"""The public podcast feed (/feed.xml); the RSS itself is built by app.episodes.feed."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from app.episodes.feed import absolute, build_items, feed_response, public_episodes, render_feed

bp = Blueprint("feed", __name__)


@bp.route("/feed.xml", methods=["GET", "HEAD"])
def feed() -> Response:
    """The public podcast: every narrated article, newest first."""
    config = current_app.config
    xml = render_feed(build_items(public_episodes()), feed_url=absolute("feed.feed"),
                      title=config["SITE_TITLE"], description=config["SITE_DESCRIPTION"],
                      link=absolute("listen.library"))
    response = feed_response(xml, "public")
    # Web-based podcast players read public feeds from their own origin.
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response

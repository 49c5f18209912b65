"""A real podcast client, gPodder's `gpo` (Debian package gpodder), subscribes and downloads."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree
from werkzeug.serving import make_server

from app.models import Listener, QueueEntry, db

from ..conftest import make_app
from .conftest import SPECIAL_TITLE, fake_article

if shutil.which("gpo") is None:  # fail loudly, like the espeak-ng check: this is the real thing
    raise RuntimeError("gpo is not installed; install the Debian package gpodder")


@pytest.fixture
def gpo(tmp_path: Path):
    """Run one gpo command non-interactively, with its data and downloads in temp folders."""
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "GPODDER_HOME": str(home / "gpodder"),
           "GPODDER_DOWNLOAD_DIR": str(tmp_path / "downloads"), "LANG": "C.UTF-8"}
    home.mkdir()

    def run(*args: str) -> str:
        result = subprocess.run(["gpo", *args], env=env, capture_output=True, text=True,
                                stdin=subprocess.DEVNULL, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    run.downloads = tmp_path / "downloads"  # type: ignore[attr-defined]
    return run


def test_gpodder_downloads_every_episode_byte_for_byte(server, hark, gpo):
    feed_url = f"{server}/feed.xml"
    with urllib.request.urlopen(feed_url, timeout=10) as response:
        root = etree.fromstring(response.read())
    enclosures = [e.get("url") for e in root.iter("enclosure")]
    assert len(enclosures) == 2

    gpo("subscribe", feed_url)
    assert "2 new episodes" in gpo("update")
    listing = gpo("episodes", "--guid")
    assert SPECIAL_TITLE in listing  # the title survived a real client's parser
    for guid in root.iter("guid"):
        assert guid.text in listing
    assert "2 episodes downloaded" in gpo("download")

    files = sorted(p for p in gpo.downloads.rglob("*") if p.is_file())
    assert len(files) == len(enclosures)
    served = {}
    for url in enclosures:
        with urllib.request.urlopen(url, timeout=10) as response:
            served[url.rsplit("/", 1)[1]] = response.read()
    cache = Path(hark.config["AUDIO_CACHE_DIR"]) / "episodes"
    for path in files:
        assert path.read_bytes() == served[path.name], path.name
        assert path.read_bytes() == (cache / path.name).read_bytes()

    # Polling again finds nothing new (gpo revalidates the feed with its ETag).
    assert "2 new episodes" not in gpo("update")


@pytest.fixture
def queued_server(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """A Hark on loopback whose one listener queued articles 1..4 as 3, 1, 4, 2 (imported
    1 first); the personal feed's URL and the queued titles in queue order."""
    app = make_app(tmp_path / "hark")
    ids = [fake_article(app, f"Queued article {n}", created_at=datetime(2025, 1, n))
           for n in (1, 2, 3, 4)]
    order = [3, 1, 4, 2]
    with app.app_context():
        listener = Listener(token="listener-token", feed_token="feed-token-for-gpodder")
        db.session.add(listener)
        for position, n in enumerate(order):
            db.session.add(QueueEntry(listener=listener, article_id=ids[n - 1],
                                      position=position))
        db.session.commit()
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield (f"http://127.0.0.1:{httpd.server_port}/feeds/feed-token-for-gpodder.xml",
           [f"Queued article {n}" for n in order])
    httpd.shutdown()
    thread.join(timeout=5)


def test_gpodder_lists_a_personal_feed_in_queue_order(queued_server, gpo):
    feed_url, titles = queued_server
    gpo("subscribe", feed_url)
    gpo("update")
    listing = gpo("episodes", feed_url)
    positions = [listing.index(title) for title in titles]
    assert positions == sorted(positions), listing

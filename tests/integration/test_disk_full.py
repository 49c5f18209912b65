"""A full disk is noticed, said plainly, and recovered from by itself (issue 22, item 13):
the audio cache on a real, small tmpfs that narration fills up."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.jobs import recover_stalled, run_pending
from app.models import Article, Status, db

from ..conftest import FIXTURES, make_app

MB = 1024 * 1024


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 4 MB tmpfs (CI runs as root, so mount works; a failure to mount fails the test)."""
    mount = tmp_path / "audio"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_is_reported_retried_and_recovered(tmp_path, small_disk):
    app = make_app(tmp_path, AUDIO_CACHE_DIR=str(small_disk), MIN_FREE_BYTES=1 * MB)
    client = app.test_client()
    assert client.get("/healthz").json["checks"]["disk_space"] == "ok"

    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (4 * MB - 256 * 1024))  # leave a quarter of a megabyte
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json["checks"]["disk_space"].startswith("error:")
    assert health.json["free_bytes"] < 1 * MB

    result = app.test_cli_runner().invoke(
        args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0, result.output
    run_pending(app)
    with app.app_context():
        article = db.session.scalars(db.select(Article)).one()
        assert article.status == Status.FAILED
        assert article.error.startswith("Disk full:")
        assert "Error" not in article.error  # words, not an exception's class name
        assert recover_stalled() == []  # still full: nothing is retried in vain

    filler.unlink()
    assert client.get("/healthz").status_code == 200
    with app.app_context():
        assert recover_stalled() == [article.id]
    run_pending(app)
    with app.app_context():
        article = db.session.get(Article, article.id)
        assert article.status == Status.READY and article.episode is not None
        assert (small_disk / "episodes" / article.episode.audio_name).stat().st_size > 0

"""The whole path, and the job claim, on each backend (SQLite + embedded queue, and
PostgreSQL + Redis)."""

from __future__ import annotations

import threading

import feedparser

from app.jobs import claim, run_pending

from ..conftest import FIXTURES, make_app


def test_import_queue_narrate_and_feed(backend, tmp_path):
    app = make_app(tmp_path, **backend)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0, result.output
    assert app.extensions["huey"].pending_count() == 1  # really in that queue
    assert run_pending(app) == 1
    client = app.test_client()
    page = client.get("/articles/1").get_data(as_text=True)
    assert "Ready to play" in page
    feed = feedparser.parse(client.get("/feed.xml").data)
    assert not feed.bozo and len(feed.entries) == 1
    health = client.get("/healthz").get_json()
    assert health["status"] == "ok"


def test_only_one_of_many_workers_claims_an_article(backend, tmp_path):
    app = make_app(tmp_path, **backend)
    runner = app.test_cli_runner()
    runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    wins: list[bool] = []
    start = threading.Barrier(8)

    def try_claim(i: int) -> None:
        with app.app_context():
            start.wait()
            wins.append(claim(1, f"worker-{i}"))

    threads = [threading.Thread(target=try_claim, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == [False] * 7 + [True]

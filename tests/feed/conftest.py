"""Feed fixtures: a Hark with real narrated episodes, served over real HTTP on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime

import pytest
from flask import Flask
from werkzeug.serving import make_server

from app.articles import save_article
from app.importer.article import Article as Doc
from app.importer.article import Block as DocBlock
from app.jobs import enqueue_narration, run_pending
from app.models import Article, Episode, Status, db

from ..conftest import FIXTURES, make_app

# Text that breaks naive XML, HTML and VTT writers, in several scripts.
SPECIAL_TITLE = 'Fish & Chips <b>not bold</b> "quoted" \'single\' — Ελληνικά, 日本語, العربية'
SPECIAL_BYLINE = 'Zoë "Z" O\'Brien & Co'
SPECIAL_FIRST = ('Salt & vinegar < pepper > "mustard". Καλημέρα κόσμε. こんにちは世界。 '
                 'مرحبا بالعالم.')
SPECIAL_DOC = Doc(
    title=SPECIAL_TITLE,
    byline=SPECIAL_BYLINE,
    language="en",
    blocks=[DocBlock("paragraph", SPECIAL_FIRST),
            DocBlock("heading", "Part <2> & more"),
            DocBlock("paragraph", '"Tom & Jerry <3 cheese," said Ana Łukasiewicz.')],
)


def narrate_doc(app: Flask, doc: Doc, created_at: datetime | None = None) -> int:
    """Store and narrate one article in the foreground (real espeak-ng and ffmpeg)."""
    with app.app_context():
        article = save_article(doc)
        if created_at:
            article.created_at = created_at
        enqueue_narration(article)
        assert run_pending(app) == 1
        db.session.expire_all()
        article = db.session.get(Article, article.id)
        assert article.status == Status.READY, article.error
        return article.id


def fake_article(app: Flask, title: str, *, status: str = Status.READY, episode: bool = True,
                 created_at: datetime | None = None, episode_at: datetime | None = None) -> int:
    """An article row with an episode row whose files need not exist (for listing tests);
    the episode is made at `episode_at` (default: now)."""
    with app.app_context():
        article = Article(title=title, status=status, created_at=created_at or datetime(2025, 1, 1))
        db.session.add(article)
        if episode:
            digest = f"{abs(hash(title)) % 16**24:024x}"
            article.episodes.append(Episode(
                audio_name=f"{digest}.mp3", transcript_name=f"{digest}.vtt",
                chapters_name=f"{digest}.chapters.json", duration=61.4, bytes=12345,
                **({"created_at": episode_at} if episode_at else {})))
        db.session.commit()
        return article.id


@pytest.fixture(scope="session")
def hark(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One Hark, shared by read-only tests: two narrated articles and two that must not show.

    The library-vote article is the older one, the special-character article the newest.
    """
    app = make_app(tmp_path_factory.mktemp("hark"))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0, result.output
    assert run_pending(app) == 1
    with app.app_context():
        first = db.session.scalars(db.select(Article)).one()
        assert first.status == Status.READY, first.error
        first.created_at = datetime(2025, 3, 1, 9, 30)
        db.session.commit()
    narrate_doc(app, SPECIAL_DOC, created_at=datetime(2025, 3, 2, 17, 5))
    fake_article(app, "Still narrating", status=Status.NARRATING, episode=False,
                 created_at=datetime(2025, 3, 3))
    fake_article(app, "Narration failed", status=Status.FAILED, episode=False,
                 created_at=datetime(2025, 3, 4))
    return app


@pytest.fixture(scope="session")
def server(hark: Flask) -> Iterator[str]:
    """The shared Hark on a real HTTP server (threaded werkzeug) on a free loopback port."""
    httpd = make_server("127.0.0.1", 0, hark, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=5)

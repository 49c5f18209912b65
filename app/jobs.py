"""Background narration: the task queue (Huey on SQLite, or Redis by QUEUE_URL)."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, current_app
from huey import Huey, RedisHuey, SqliteHuey

from app.importer.article import Article as ArticleDoc
from app.importer.article import Block as BlockDoc

from .models import Article, Episode, Speaker, Status, db
from .narration import narrate
from .narration.cache import evict

log = logging.getLogger(__name__)


def init_queue(app: Flask) -> None:
    """Build the queue named by QUEUE_URL and register the tasks on it."""
    url = app.config["QUEUE_URL"]
    if url == "immediate":  # tests that want the job to run inside the request
        huey: Huey = Huey("hark", immediate=True)
    elif url.startswith("redis://"):
        huey = RedisHuey("hark", url=url)
    else:
        filename = url.removeprefix("sqlite:///") or str(Path(app.instance_path) / "queue.db")
        huey = SqliteHuey("hark", filename=filename)

    def narrate_article_task(article_id: int) -> None:
        with app.app_context():
            narrate_stored_article(article_id)

    narrate_article_task.__module__ = __name__
    app.extensions["huey"] = huey
    app.extensions["narrate_task"] = huey.task(name="narrate_article")(narrate_article_task)


def queue(app: Flask | None = None) -> Huey:
    return (app or current_app).extensions["huey"]


def enqueue_narration(article: Article) -> None:
    """Mark the article queued and hand it to the workers."""
    article.status = Status.QUEUED
    article.error = None
    article.progress_done = article.progress_total = 0
    db.session.commit()
    current_app.extensions["narrate_task"](article.id)


def run_pending(app: Flask) -> int:
    """Run every queued job now, in this process (for `worker --burst` and tests)."""
    huey = queue(app)
    count = 0
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        count += 1
    return count


def to_document(article: Article) -> ArticleDoc:
    return ArticleDoc(
        title=article.title,
        blocks=[BlockDoc(b.kind, b.text) for b in article.blocks],  # type: ignore[arg-type]
        byline=article.byline,
        published=article.published,
        site_name=article.site_name,
        language=article.language,
    )


def narrate_stored_article(article_id: int) -> Episode | None:
    """Narrate a stored article now, recording progress, speakers, and the new episode."""
    article = db.session.get(Article, article_id)
    if article is None:
        log.warning("article %s vanished before narration", article_id)
        return None
    article.status = Status.NARRATING
    article.error = None
    db.session.commit()

    def progress(done: int, total: int) -> None:
        # Every few sentences is plenty for a progress bar, and spares the database.
        if done == total or done % 5 == 0:
            article.progress_done, article.progress_total = done, total
            db.session.commit()

    chosen = {s.name: s.voice for s in article.speakers}
    try:
        result = narrate(
            to_document(article),
            Path(current_app.config["AUDIO_CACHE_DIR"]),
            chosen_voices=chosen,
            progress=progress,
            timeout=float(current_app.config["SEGMENT_TIMEOUT"]),
        )
    except Exception as e:  # the operator sees why; the worker carries on
        log.exception("narration of article %s failed", article_id)
        db.session.rollback()
        article = db.session.get(Article, article_id)
        article.status = Status.FAILED
        article.error = f"{type(e).__name__}: {e}"[:1000]
        db.session.commit()
        return None
    known = {s.name for s in article.speakers}
    for name, voice in result.voices.items():
        if name not in known:
            article.speakers.append(Speaker(name=name, voice=voice.key))
    f = result.files
    episode = Episode(audio_name=f.audio_name, transcript_name=f.transcript_name,
                      chapters_name=f.chapters_name, duration=f.duration, bytes=f.bytes)
    article.episodes.insert(0, episode)
    article.status = Status.READY
    db.session.commit()
    log.info("narrated article %s: %d sentences rendered, %d reused",
             article_id, result.rendered, result.reused)
    _trim_cache()
    return episode


def _trim_cache() -> None:
    keep = {name for row in db.session.execute(db.select(
        Episode.audio_name, Episode.transcript_name, Episode.chapters_name)) for name in row}
    evict(Path(current_app.config["AUDIO_CACHE_DIR"]),
          int(current_app.config["AUDIO_CACHE_MAX_BYTES"]), keep)

"""Background narration: the task queue (Huey on SQLite, or Redis by QUEUE_URL).

Huey forgets a task once a worker takes it, so the database is what makes jobs survive a
killed worker: a worker claims an article with one atomic UPDATE and keeps a heartbeat while
it narrates; recover_stalled() hands articles whose heartbeat stopped to the queue again.
The claim also means two workers never render the same article at once.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from flask import Flask, current_app
from huey import Huey, RedisHuey, SqliteHuey
from sqlalchemy import CursorResult, or_, update

from . import speakers
from .articles import to_document
from .episodes.files import DISK_FULL, free_bytes, out_of_space, remove_stale_parts
from .models import Article, Episode, Pronunciation, Status, db, utcnow
from .narration import narrate
from .narration.cache import evict

log = logging.getLogger(__name__)


def init_queue(app: Flask) -> None:
    """Build the queue named by QUEUE_URL and register the tasks on it."""
    url = app.config["QUEUE_URL"]
    if url == "immediate":  # tests that want the job to run inside the request
        huey: Huey = Huey("hark", immediate=True)
    elif url.startswith(("redis://", "rediss://", "unix://")):
        huey = RedisHuey("hark", url=url)
    else:
        filename = url.removeprefix("sqlite:///") or str(Path(app.instance_path) / "queue.db")
        Path(filename).parent.mkdir(parents=True, exist_ok=True)
        huey = SqliteHuey("hark", filename=filename)

    def narrate_article_task(article_id: int) -> None:
        with app.app_context():
            narrate_stored_article(article_id)

    app.extensions["huey"] = huey
    app.extensions["narrate_task"] = huey.task(name="narrate_article")(narrate_article_task)


def job_queue(app: Flask | None = None) -> Huey:
    """The app's Huey queue of narration jobs (not the listener's play queue)."""
    return (app or current_app).extensions["huey"]


def mark_queued(article: Article) -> None:
    """Mark the article queued (free to be claimed), whatever its status was."""
    # An UPDATE, not attribute changes: the object may be stale (workers change the row
    # behind this session's back), and unchanged-looking attributes would not be written.
    db.session.execute(update(Article).where(Article.id == article.id).values(
        status=Status.QUEUED, error=None, progress_done=0, progress_total=0, claimed_by=None,
        heartbeat_at=utcnow()))
    db.session.commit()
    db.session.refresh(article)


def enqueue_narration(article: Article) -> bool:
    """Mark the article queued and hand it to the workers; False if the job queue could not
    be reached (Redis down, say). The article is saved and marked queued either way, so
    recover_stalled hands it over once the queue answers again: a caller reports success."""
    mark_queued(article)
    try:
        current_app.extensions["narrate_task"](article.id)
    except Exception:  # noqa: BLE001 -- any queue backend's error: the row is the record
        log.exception("job queue unreachable; article %s waits for the recovery pass",
                      article.id)
        return False
    return True


def run_pending(app: Flask) -> int:
    """Run every queued job now, in this process (for `worker --burst` and tests)."""
    huey = job_queue(app)
    count = 0
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        count += 1
    return count


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def _stale_before() -> datetime:
    return utcnow() - timedelta(seconds=float(current_app.config["JOB_STALE_SECONDS"]))


def claim(article_id: int, me: str) -> bool:
    """Take the article for narration unless a live worker has it (one atomic UPDATE)."""
    # An UPDATE's result is a CursorResult (it has rowcount); Session.execute is typed Result.
    result = cast("CursorResult[Any]", db.session.execute(
        update(Article)
        .where(Article.id == article_id)
        .where(or_(Article.status == Status.QUEUED,
                   Article.status == Status.FAILED,
                   (Article.status == Status.NARRATING) & or_(
                       Article.heartbeat_at.is_(None), Article.heartbeat_at < _stale_before())))
        .values(status=Status.NARRATING, claimed_by=me, heartbeat_at=utcnow(), error=None,
                attempts=Article.attempts + 1)
    ))
    db.session.commit()
    return result.rowcount == 1


class _Heartbeat(threading.Thread):
    """Says every few seconds that this worker is still narrating the article."""

    def __init__(self, app: Flask, article_id: int, me: str) -> None:
        super().__init__(daemon=True)
        self.app, self.article_id, self.me = app, article_id, me
        self.stopped = threading.Event()

    def run(self) -> None:
        interval = float(self.app.config["HEARTBEAT_SECONDS"])
        while not self.stopped.wait(interval):
            with self.app.app_context():
                db.session.execute(update(Article).where(
                    Article.id == self.article_id, Article.claimed_by == self.me
                ).values(heartbeat_at=utcnow()))
                db.session.commit()


def narrate_stored_article(article_id: int) -> Episode | None:
    """Narrate a stored article now, recording progress, speakers, and the new episode.

    Returns None when narration failed (the article records why) or another worker has it.
    """
    me = worker_id()
    article = db.session.get(Article, article_id)
    if article is None:
        log.warning("article %s vanished before narration", article_id)
        return None
    if not claim(article_id, me):
        log.info("article %s is being narrated by another worker, or is done", article_id)
        return None
    db.session.refresh(article)  # the claim was written past the session
    # Flask's stubs type current_app as Flask, not as the proxy whose method this is.
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    beat = _Heartbeat(app, article_id, me)
    beat.start()

    def progress(done: int, total: int) -> None:
        # Every few sentences is plenty for a progress bar, and spares the database.
        if done == total or done % 5 == 0:
            article.progress_done, article.progress_total = done, total
            db.session.commit()

    renames, chosen = speakers.casting(article.speakers)
    fixes = list(article.quote_corrections)
    try:
        result = narrate(
            to_document(article),
            Path(current_app.config["AUDIO_CACHE_DIR"]),
            chosen_voices=chosen,
            progress=progress,
            timeout=float(current_app.config["SEGMENT_TIMEOUT"]),
            pronunciations=Pronunciation.rules(),
            lead_ins=bool(current_app.config["LEAD_INS"]),
            renames=renames,
            narrator_voices=current_app.config["NARRATOR_VOICES"],
            correct_quotes=lambda found: speakers.apply_corrections(found, fixes),
        )
    except Exception as e:  # the operator sees why; the worker carries on
        log.exception("narration of article %s failed", article_id)
        db.session.rollback()
        cfg = current_app.config
        if out_of_space(e, cfg["AUDIO_CACHE_DIR"], int(cfg["MIN_FREE_BYTES"])):
            # Said plainly, and retried by recover_stalled once there is room again.
            error = (f"{DISK_FULL}: the audio folder has no room left. Narration starts "
                     "again by itself once space is freed.")
        else:
            error = f"{type(e).__name__}: {e}"[:1000]
        db.session.execute(update(Article).where(
            Article.id == article_id, Article.claimed_by == me
        ).values(status=Status.FAILED, error=error, claimed_by=None))
        db.session.commit()
        return None
    finally:
        beat.stopped.set()
        beat.join()
    db.session.refresh(article)
    if article.claimed_by != me:
        log.warning("article %s was taken over while this worker narrated it", article_id)
        return None
    speakers.record_new(article, result.voices)
    f = result.files
    episode = Episode(audio_name=f.audio_name, transcript_name=f.transcript_name,
                      chapters_name=f.chapters_name, duration=f.duration, bytes=f.bytes)
    article.episodes.insert(0, episode)
    article.status = Status.READY
    article.claimed_by = None
    db.session.commit()
    log.info("narrated article %s: %d sentences rendered, %d reused",
             article_id, result.rendered, result.reused)
    _trim_cache()
    return episode


def recover_stalled() -> list[int]:
    """Queue again the articles whose worker stopped beating (killed, or lost by the queue)."""
    stalled = db.session.scalars(db.select(Article).where(
        Article.status.in_([Status.QUEUED, Status.NARRATING]),
        or_(Article.heartbeat_at.is_(None), Article.heartbeat_at < _stale_before()),
    )).all()
    for article in stalled:
        log.warning("article %s stalled (worker %s); queueing it again",
                    article.id, article.claimed_by)
        # Queued afresh: the next worker to take it claims it from whoever had it.
        article.status = Status.QUEUED
        article.heartbeat_at = utcnow()
        db.session.commit()
        current_app.extensions["narrate_task"](article.id)
    return [a.id for a in stalled] + retry_after_disk_full()


def retry_after_disk_full() -> list[int]:
    """Queue again the articles that failed for want of space, once the audio folder has
    MIN_FREE_BYTES free again; returns their ids (none while the disk is still full)."""
    cfg = current_app.config
    if free_bytes(cfg["AUDIO_CACHE_DIR"]) < int(cfg["MIN_FREE_BYTES"]):
        return []
    waiting = db.session.scalars(db.select(Article).where(
        Article.status == Status.FAILED, Article.error.startswith(DISK_FULL))).all()
    for article in waiting:
        log.info("article %s failed for want of space; there is room now, queueing it again",
                 article.id)
        enqueue_narration(article)
    return [a.id for a in waiting]


def recovery_loop(app: Flask) -> None:
    """Now and every RECOVERY_SECONDS, queue again what a dead worker left unfinished
    (run by `flask worker` in a daemon thread; never returns)."""
    while True:
        with app.app_context():
            try:
                recover_stalled()
            except Exception:  # a database hiccup must not stop the worker
                log.exception("recovery pass failed")
        time.sleep(float(app.config["RECOVERY_SECONDS"]))


def _trim_cache() -> None:
    remove_stale_parts(current_app.config["AUDIO_CACHE_DIR"])
    evict(Path(current_app.config["AUDIO_CACHE_DIR"]),
          int(current_app.config["AUDIO_CACHE_MAX_BYTES"]), Episode.names_in_use())

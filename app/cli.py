"""The Flask command line (see DESIGN.md: inspect, speak, import, narrate, ...)."""

from __future__ import annotations

import json
import shutil
import sys
import threading
from pathlib import Path
from typing import NoReturn

import click
from flask import Flask, current_app

from app.importer import Article as ArticleDoc
from app.importer import ImportFailed, import_document
from app.importer.policy import fetch_for_import

from .articles import save_article
from .episodes.files import episodes_dir
from .jobs import (
    enqueue_narration,
    job_queue,
    mark_queued,
    narrate_stored_article,
    recovery_loop,
    run_pending,
)
from .models import Article, Operator, Pronunciation, Status, db
from .narration import SynthesisError, narrate, speakers_of, voice_report
from .narration.quotes import analyse_blocks

DEMO = Path(__file__).parent / "demo" / "harbour-seals.txt"
IDLE_POLL_SECONDS = 1.0  # the longest an idle worker waits before looking for new jobs


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def load_document(source: str) -> tuple[ArticleDoc, str | None]:
    """Import a path or an http(s) URL; exit 1 with one line on bad input."""
    try:
        if source.startswith(("http://", "https://")):
            # The same policy as the import desk's (private addresses, the allow-list).
            body, ctype, final = fetch_for_import(source, current_app.config)
            return import_document(body, content_type=ctype, url=final), final
        path = Path(source)
        if not path.is_file():
            _fail(f"{source}: no such file")
        return import_document(path.read_bytes(), filename=path.name), None
    except ImportFailed as e:
        _fail(f"{source}: {e}")


def register(app: Flask) -> None:
    @app.cli.command("inspect")
    @click.argument("source")
    def inspect_cmd(source: str) -> None:
        """Parse one document without storing anything; print JSON."""
        doc, _ = load_document(source)
        segments = analyse_blocks(doc.blocks, doc.language, quote_languages=True)[0]
        out = {
            "title": doc.title, "byline": doc.byline, "published": doc.published,
            "language": doc.language, "site_name": doc.site_name, "teaser_only": doc.teaser_only,
            "paragraphs": doc.paragraphs,
            "segments": [{"speaker": s.speaker, "text": s.text, "quote": s.quote,
                          **({"language": s.language} if s.language else {})}
                         for s in segments],
            "speakers": speakers_of(segments),
            **voice_report(doc, current_app.config["NARRATOR_VOICES"]),  # lang: issue 15
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))

    @app.cli.command("speak")
    @click.argument("source")
    @click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
                  help="The MP3 to write; OUT.vtt and OUT.chapters.json go beside it.")
    def speak_cmd(source: str, output: str) -> None:
        """Import and narrate one document straight to an MP3 (nothing stored)."""
        doc, _ = load_document(source)
        cache = Path(current_app.config["AUDIO_CACHE_DIR"])
        try:
            result = narrate(doc, cache, timeout=float(current_app.config["SEGMENT_TIMEOUT"]),
                             pronunciations=Pronunciation.rules(),
                             narrator_voices=current_app.config["NARRATOR_VOICES"])
        except SynthesisError as e:
            _fail(str(e))
        out = Path(output)
        stem = out.with_suffix("")
        episodes = episodes_dir(cache)
        shutil.copyfile(episodes / result.files.audio_name, out)
        shutil.copyfile(episodes / result.files.transcript_name, f"{stem}.vtt")
        shutil.copyfile(episodes / result.files.chapters_name, f"{stem}.chapters.json")
        click.echo(f"{out}\t{result.files.duration:.1f} s of audio\t"
                   f"{len(result.voices)} quoted speakers")

    @app.cli.command("import")
    @click.argument("sources", nargs=-1, required=True)
    def import_cmd(sources: tuple[str, ...]) -> None:
        """Store articles and queue their narration."""
        for source in sources:
            doc, url = load_document(source)
            article = save_article(doc, source_url=url)
            enqueue_narration(article)
            click.echo(f"{article.id}\t{article.title}")

    @app.cli.command("narrate")
    @click.argument("article_id", type=int)
    def narrate_cmd(article_id: int) -> None:
        """(Re)narrate a stored article now, in the foreground."""
        article = db.session.get(Article, article_id)
        if article is None:
            _fail(f"no article with id {article_id}")
        if article.status == Status.READY:
            mark_queued(article)  # narrated already: narrate it again
        episode = narrate_stored_article(article_id)
        if episode is None:
            article = db.session.get(Article, article_id)
            if article is None:
                _fail(f"article {article_id} was deleted while it was narrated")
            if article.status == Status.NARRATING:
                _fail(f"article {article_id} is being narrated by a worker now")
            _fail(article.error or "narration failed")
        click.echo(f"{article_id}\t{episode.audio_name}\t{episode.duration:.1f} s of audio")

    @app.cli.command("create-operator")
    @click.argument("name")
    def create_operator_cmd(name: str) -> None:
        """Create an operator, or reset its password (read from stdin when piped)."""
        if sys.stdin.isatty():
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        else:
            password = sys.stdin.readline().rstrip("\n")
        if len(password) < 8:
            _fail("the password must be at least 8 characters")
        operator = db.session.scalar(db.select(Operator).filter_by(name=name))
        created = operator is None
        if created:
            operator = Operator(name=name)
            db.session.add(operator)
        operator.set_password(password)
        db.session.commit()
        click.echo(f"{'created' if created else 'reset'} operator {name}")

    @app.cli.command("worker")
    @click.option("--workers", default=1, show_default=True, help="Jobs run at once.")
    @click.option("--burst", is_flag=True, help="Run the queued jobs, then exit.")
    def worker_cmd(workers: int, burst: bool) -> None:
        """Run the background narration worker(s)."""
        if burst:
            click.echo(f"ran {run_pending(app)} jobs")
            return
        threading.Thread(target=recovery_loop, args=(app,), daemon=True).start()
        # An idle consumer polls less and less often, by default down to every 10 s: an
        # operator who saves an article would wait that long for narration to start.
        consumer = job_queue().create_consumer(workers=workers, worker_type="thread",
                                           max_delay=IDLE_POLL_SECONDS)
        consumer.run()

    @app.cli.command("demo")
    def demo_cmd() -> None:
        """Import and narrate the demo article, unless it is already in the library."""
        doc = import_document(DEMO.read_bytes(), filename=DEMO.name)
        existing = db.session.scalar(db.select(Article).filter_by(title=doc.title))
        if existing and existing.status == Status.READY:
            click.echo(f"{existing.id}\t{existing.title}\t(already narrated)")
            return
        article = existing or save_article(doc)
        episode = narrate_stored_article(article.id)
        if episode is None:
            stored = db.session.get(Article, article.id)
            _fail((stored and stored.error) or "narration failed")
        click.echo(f"{article.id}\t{article.title}\t{episode.duration:.1f} s of audio")

"""Odd text is narrated or skipped, never a crash; a hanging engine fails the job clearly."""

from pathlib import Path

import pytest

from app.importer.article import Article, Block
from app.jobs import run_pending
from app.narration import narrate

from ..conftest import FIXTURES


@pytest.mark.parametrize("text", [
    "!!! ... ??? — * * *",
    "\U0001F600\U0001F389\U0001F44D",
    "Control\x00 characters\x07 in\x1b the middle.",
    "שלום עולם. مرحبا بالعالم.",
    ("word " * 2500).strip(),  # a 12,500-character "sentence"
    "A" * 10000,
])
def test_odd_text_is_narrated_or_skipped_without_crashing(tmp_path, text):
    article = Article(title="Odd", blocks=[Block("paragraph", "Before."),
                                           Block("paragraph", text),
                                           Block("paragraph", "After.")])
    result = narrate(article, tmp_path)
    vtt = (tmp_path / "episodes" / result.files.transcript_name).read_text()
    assert "Before." in vtt and "After." in vtt
    assert result.files.duration > 1.0


def test_a_hanging_engine_fails_the_job_with_a_message_and_serves_nothing(app, runner):
    app.config["SEGMENT_TIMEOUT"] = 0.001  # nothing can be synthesized that fast
    result = runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0
    assert run_pending(app) == 1
    with app.app_context():
        from app.models import Article as Row
        from app.models import Status, db

        row = db.session.scalars(db.select(Row)).one()
        assert row.status == Status.FAILED
        assert "timed out" in row.error
        assert row.episodes == []
    left = Path(app.config["AUDIO_CACHE_DIR"]).rglob("*")
    assert not [p for p in left if p.suffix in (".mp3", ".part", ".wav")]


def test_progress_is_recorded_as_sentences_are_rendered(app, runner):
    runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    seen = []
    with app.app_context():
        from app.jobs import narrate_stored_article
        from app.models import Article as Row
        from app.models import db

        row = db.session.scalars(db.select(Row)).one()
        original = db.session.commit

        def spy():
            seen.append((row.progress_done, row.progress_total))
            original()

        db.session.commit = spy
        try:
            narrate_stored_article(row.id)
        finally:
            db.session.commit = original
    totals = {t for _d, t in seen if t}
    assert len(totals) == 1 and totals.pop() > 5
    dones = [d for d, t in seen if t]
    assert dones == sorted(dones) and dones[-1] == seen[-1][1]

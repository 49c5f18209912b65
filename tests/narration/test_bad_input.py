"""Odd text is narrated or skipped, never a crash; a hanging engine fails the job clearly."""

import os
from pathlib import Path

import pytest

from app.importer.article import Article, Block
from app.jobs import run_pending
from app.narration import narrate
from app.narration.engine import Pyttsx3Engine, SynthesisError
from app.narration.mp3frames import frame_length

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


class FailsAfter:
    """The real engine, until the n-th sentence: then the failure a dead voice would give."""

    def __init__(self, n: int) -> None:
        self.real, self.left = Pyttsx3Engine(), n
        self.name, self.version = self.real.name, self.real.version

    def synthesize(self, text, voice, path):
        self.left -= 1
        if self.left < 0:
            raise SynthesisError("espeak-ng stopped answering")
        return self.real.synthesize(text, voice, path)

    def timed_synthesize(self, text, voice, path):
        self.left -= 1
        if self.left < 0:
            raise SynthesisError("espeak-ng stopped answering")
        return self.real.timed_synthesize(text, voice, path)

    def close(self):
        self.real.close()


def test_a_failure_mid_article_stops_the_encoder_and_keeps_only_whole_chunks(tmp_path):
    article = Article(title="Ferry news", blocks=[
        Block("paragraph", "The ferry sails at nine. It returns at five."),
        Block("paragraph", "Tickets cost less in winter."),
        Block("paragraph", "The harbour master will retire in May.")])
    engine = FailsAfter(4)  # the title and the first paragraph, then a failure
    before = {p.pid for p in psutil_children()}
    with pytest.raises(SynthesisError, match="stopped answering"):
        narrate(article, tmp_path, engine=engine)
    engine.close()
    assert {p.pid for p in psutil_children()} == before  # no ffmpeg left running
    assert not (tmp_path / "episodes").exists() or not list((tmp_path / "episodes").glob("*.mp3"))
    chunks = list((tmp_path / "chunks").rglob("*.mp3"))
    assert chunks, "the paragraphs spoken before the failure were encoded meanwhile"
    for chunk in chunks:
        data = chunk.read_bytes()
        at = 0
        while at < len(data):  # whole MP3 frames, end to end
            n = frame_length(data[at:at + 4])
            assert n > 0, f"not a frame at byte {at}"
            at += n
        assert at == len(data)
    # Narrating again with a working engine reuses them and finishes.
    result = narrate(article, tmp_path)
    assert result.reused == 4 and result.files.duration > 2.0


def psutil_children() -> list:
    """This process's child processes, from /proc (ffmpeg, the speech engine)."""
    me = str(os.getpid())
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me and fields[0] != "Z":
            kids.append(type("Child", (), {"pid": int(stat.parent.name)}))
    return kids

"""Two real worker processes; one is killed (SIGKILL) mid-narration; the article still
finishes, with exactly one complete MP3 and nothing partial where media is served."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from ..conftest import ROOT

FLASK = str(Path(sys.executable).with_name("flask"))


def _article_text(paragraphs: int) -> str:
    body = []
    for i in range(paragraphs):
        body.append(f"Paragraph {i + 1} of the report describes how the harbour works went on "
                    "through the winter, with divers checking every pile and every bolt.")
        body.append(f'"We checked section {i + 1} twice," said Mara Olsen, the site engineer.')
    return "Harbour works finish after a long winter\n\n" + "\n\n".join(body)


def _row(engine) -> dict:
    with engine.connect() as conn:
        row = conn.execute(text("select * from article")).mappings().first()
        return dict(row) if row else {}


def _wait(predicate, timeout: float, what: str):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if value := predicate():
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_killed_worker_job_is_taken_over_and_finishes_once(tmp_path, backend):
    env = dict(os.environ,
               FLASK_APP="app",
               FLASK_SECRET_KEY="test",
               FLASK_DATABASE_URL=backend["DATABASE_URL"],
               FLASK_QUEUE_URL=backend["QUEUE_URL"],
               FLASK_AUDIO_CACHE_DIR=str(tmp_path / "audio"),
               FLASK_HEARTBEAT_SECONDS="0.3",
               FLASK_JOB_STALE_SECONDS="2",
               FLASK_RECOVERY_SECONDS="0.5")
    source = tmp_path / "harbour.txt"
    source.write_text(_article_text(120))
    out = subprocess.run([FLASK, "import", str(source)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    db = create_engine(backend["DATABASE_URL"])

    workers = [subprocess.Popen([FLASK, "worker"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True) for _ in range(2)]
    try:
        row = _wait(lambda: (r := _row(db)).get("progress_done", 0) > 0 and r, 60,
                    "narration to start")
        owner_pid = int(row["claimed_by"].split(":")[1])
        (victim,) = [w for w in workers if w.pid == owner_pid]
        os.killpg(victim.pid, signal.SIGKILL)  # the worker and its speech child
        victim.wait()
        killed_at = row["progress_done"]

        row = _wait(lambda: (r := _row(db)).get("status") == "ready" and r, 180,
                    "the other worker to finish the article")
        assert row["attempts"] == 2
        assert killed_at < row["progress_total"]  # it really was killed mid-narration
    finally:
        for w in workers:
            if w.poll() is None:
                os.killpg(w.pid, signal.SIGTERM)
                w.wait(timeout=30)

    with db.connect() as conn:
        episodes = conn.execute(text("select audio_name, bytes from episode")).fetchall()
    db.dispose()
    assert len(episodes) == 1
    served = [p for p in (tmp_path / "audio" / "episodes").iterdir() if p.suffix == ".mp3"]
    assert [p.name for p in served] == [episodes[0][0]]
    assert served[0].stat().st_size == episodes[0][1]
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                            "-of", "json", str(served[0])], capture_output=True, check=True)
    assert float(json.loads(probe.stdout)["format"]["duration"]) > 60

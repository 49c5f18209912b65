"""Load test: gunicorn + a worker, 50 simulated listeners, while articles are imported.

Loopback only, bounded in requests and time. Listeners fetch the library, article pages,
the feed and ranged audio; an importer adds articles through the CLI meanwhile.
Reports errors, p50/p99 latency and throughput into docs/benchmarks.md ("Load").
"""

from __future__ import annotations

import http.client
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.article import make_article, plain_text  # noqa: E402
from bench.report import write_section  # noqa: E402

LISTENERS = 50
REQUESTS_EACH = 40
IMPORTS = 6
TIME_LIMIT = 240  # seconds; the run stops by itself
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


Request = tuple[str, str, dict[str, str], tuple[int, ...]]


def mixed(audio: str, size: int) -> Callable[[random.Random], Request]:
    """What a listener asks for: library 25%, article 25%, feed 20%, 64 KB of audio 30%."""
    def choose(rng: random.Random) -> Request:
        choice = rng.random()
        if choice < 0.25:
            return "library", "/", {}, (200,)
        if choice < 0.5:
            return "article", f"/articles/{rng.randint(1, 3)}", {}, (200,)
        if choice < 0.7:
            return "feed", "/feed.xml", {}, (200,)
        start = rng.randrange(0, size - 65536)
        return "audio range", audio, {"Range": f"bytes={start}-{start + 65535}"}, (206,)
    return choose


def run(port: int, choose: Callable[[random.Random], Request], work: Path,
        env: dict[str, str], imports: int
        ) -> tuple[list[float], dict[str, list[float]], list[str], float]:
    """LISTENERS threads × REQUESTS_EACH requests, with `imports` CLI imports meanwhile."""
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + TIME_LIMIT

    def listener(n: int) -> None:
        rng = random.Random(n)
        for _ in range(REQUESTS_EACH):
            if time.monotonic() > deadline:
                return
            kind, path, headers, ok = choose(rng)
            t = time.perf_counter()
            try:
                code, _body = get(port, path, headers)
                if code not in ok:
                    raise RuntimeError(f"{path} answered {code}")
            except Exception as e:  # counted, and reported below
                with lock:
                    errors.append(f"{path}: {e}")
                continue
            with lock:
                latencies.append(time.perf_counter() - t)
                by_kind.setdefault(kind, []).append(latencies[-1])

    def importer() -> None:
        for i in range(imports):
            src = work / f"live{i}.txt"
            src.write_text(plain_text(make_article(300, seed=100 + i)))
            out = subprocess.run([str(BIN / "flask"), "import", str(src)], env=env, cwd=ROOT,
                                 capture_output=True, text=True)
            if out.returncode:
                with lock:
                    errors.append(f"import {i}: {out.stderr.strip()[-200:]}")

    threads = [threading.Thread(target=listener, args=(n,)) for n in range(LISTENERS)]
    threads.append(threading.Thread(target=importer))
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, by_kind, errors, time.perf_counter() - started


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="hark-load-"))
    env = dict(os.environ, FLASK_APP="app", FLASK_SECRET_KEY="load",
               FLASK_DATABASE_URL=f"sqlite:///{work / 'hark.db'}",
               FLASK_QUEUE_URL=f"sqlite:///{work / 'queue.db'}",
               FLASK_AUDIO_CACHE_DIR=str(work / "audio"), FLASK_LOG_LEVEL="WARNING")
    flask = [str(BIN / "flask")]
    for i in range(3):
        src = work / f"seed{i}.txt"
        src.write_text(plain_text(make_article(400, seed=i)))
        subprocess.run([*flask, "import", str(src)], env=env, cwd=ROOT, check=True,
                       capture_output=True)
    subprocess.run([*flask, "worker", "--burst"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}",
                               "--workers", "2", "--threads", "8", "--log-level", "warning",
                               "app:create_app()"], env=env, cwd=ROOT,
                              start_new_session=True, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([*flask, "worker"], env=env, cwd=ROOT, start_new_session=True,
                              stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        wait_for(port)
        status, page = get(port, "/articles/1")
        audio = re.search(rb'src="(/media/[0-9a-f]+\.mp3)"', page).group(1).decode()
        size = len(get(port, audio)[1])
        baseline = run(port, lambda rng: ("static file", "/static/css/hark.css", {}, (200,)),
                       work, env, imports=0)
        latencies, by_kind, errors, elapsed = run(port, mixed(audio, size), work, env,
                                                  imports=IMPORTS)
    finally:
        for proc in (server, worker):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)

    q = statistics.quantiles(latencies, n=100)
    b = statistics.quantiles(baseline[0], n=100)
    rows = [
        ("requests", f"{len(latencies) + len(errors)}", f"{len(baseline[0])}", ""),
        ("errors", f"{len(errors)}", f"{len(baseline[2])}", ""),
        ("p50 latency", f"{q[49] * 1000:.0f} ms", f"{b[49] * 1000:.0f} ms",
         f"{q[49] / b[49]:.2f}×"),
        ("p99 latency", f"{q[98] * 1000:.0f} ms", f"{b[98] * 1000:.0f} ms",
         f"{q[98] / b[98]:.2f}×"),
        ("throughput", f"{len(latencies) / elapsed:.0f} requests/s",
         f"{len(baseline[0]) / baseline[3]:.0f} requests/s",
         f"{(len(latencies) / elapsed) / (len(baseline[0]) / baseline[3]):.2f}×"),
        ("articles imported during the run", f"{IMPORTS}", "0", ""),
    ]
    for kind, values in sorted(by_kind.items()):
        kq = statistics.quantiles(values, n=100)
        rows.append((f"{kind}: p50 / p99", f"{kq[49] * 1000:.0f} / {kq[98] * 1000:.0f} ms",
                     "", ""))
    table = ("| measure | listeners | baseline: static file | ratio |\n|---|---:|---:|---:|\n"
             + "\n".join(f"| {a} | {v} | {w} | {r} |" for a, v, w, r in rows))
    note = (f"\n\n{LISTENERS} listeners × {REQUESTS_EACH} requests (library 25%, article "
            "25%, feed 20%, 64 KB audio ranges 30%) against gunicorn (2 workers × 8 "
            "threads) and one narration worker on SQLite, loopback only, while "
            f"{IMPORTS} articles are imported and narrated. The baseline, measured in the same "
            "run against the same server, is the same listeners fetching a static file: "
            "what this 2-core machine and the Python client cost with no Hark work. The "
            "client's 50 threads share the server's two cores.\n")
    print(table + note)
    for e in errors[:10]:
        print("error:", e)
    write_section("Load", table + note)
    if errors or baseline[2]:
        sys.exit(1)


if __name__ == "__main__":
    main()

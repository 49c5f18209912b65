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
                choice = rng.random()
                if choice < 0.25:
                    kind, path, headers, ok = "library", "/", {}, (200,)
                elif choice < 0.5:
                    kind, path, ok = "article", f"/articles/{rng.randint(1, 3)}", (200,)
                    headers = {}
                elif choice < 0.7:
                    kind, path, headers, ok = "feed", "/feed.xml", {}, (200,)
                else:
                    start = rng.randrange(0, size - 65536)
                    kind, path, ok = "audio range", audio, (206,)
                    headers = {"Range": f"bytes={start}-{start + 65535}"}
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
            for i in range(IMPORTS):
                src = work / f"live{i}.txt"
                src.write_text(plain_text(make_article(300, seed=100 + i)))
                out = subprocess.run([*flask, "import", str(src)], env=env, cwd=ROOT,
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
        elapsed = time.perf_counter() - started
    finally:
        for proc in (server, worker):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)

    q = statistics.quantiles(latencies, n=100)
    rows = [
        ("requests", f"{len(latencies) + len(errors)}"),
        ("errors", f"{len(errors)}"),
        ("p50 latency", f"{q[49] * 1000:.0f} ms"),
        ("p99 latency", f"{q[98] * 1000:.0f} ms"),
        ("throughput", f"{len(latencies) / elapsed:.0f} requests/s"),
        ("articles imported during the run", f"{IMPORTS}"),
    ]
    for kind, values in sorted(by_kind.items()):
        kq = statistics.quantiles(values, n=100)
        rows.append((f"{kind}: p50 / p99", f"{kq[49] * 1000:.0f} / {kq[98] * 1000:.0f} ms"))
    table = "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)
    note = (f"\n\n{LISTENERS} listeners × {REQUESTS_EACH} requests (library 25%, article "
            "25%, feed 20%, 64 KB audio ranges 30%) against gunicorn (2 workers × 8 "
            "threads) and one narration worker on SQLite, loopback only.\n")
    print(table + note)
    for e in errors[:10]:
        print("error:", e)
    write_section("Load", table + note)
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()

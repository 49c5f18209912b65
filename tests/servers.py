"""Real PostgreSQL and Redis servers for the integration tests, started from Debian's
packages in a temporary folder on Unix sockets (nothing listens on the network)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:  # fail loudly: `make test` installs the postgresql package
        raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
    return found[-1]


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; CI runs as root.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class Postgres:
    def __init__(self, root: Path) -> None:
        self.dir = root / "pg"
        self.dir.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.port = 5432 + (os.getpid() % 1000) + 1
        data = self.dir / "data"
        subprocess.run(_as_postgres([_pg_bin("initdb"), "-D", str(data), "-U", "postgres",
                                     "--auth=trust", "-E", "UTF8"]),
                       check=True, capture_output=True)
        subprocess.run(_as_postgres([
            _pg_bin("pg_ctl"), "-D", str(data), "-l", str(self.dir / "log"), "-w", "start",
            "-o", f"-k {self.dir} -p {self.port} -c listen_addresses='' -c fsync=off "
                  "-c max_connections=200",
        ]), check=True, capture_output=True)
        self.data = data

    def create_database(self) -> str:
        """A fresh database; returns its SQLAlchemy URL."""
        name = f"hark_{uuid.uuid4().hex[:12]}"
        subprocess.run([_pg_bin("createdb"), "-h", str(self.dir), "-p", str(self.port),
                        "-U", "postgres", name], check=True, capture_output=True)
        return f"postgresql+psycopg://postgres@/{name}?host={self.dir}&port={self.port}"

    def stop(self) -> None:
        subprocess.run(_as_postgres([_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast",
                                     "stop"]), capture_output=True)


class Redis:
    def __init__(self, root: Path) -> None:
        if shutil.which("redis-server") is None:
            raise RuntimeError("Redis is not installed (Debian package redis-server)")
        self.dir = root / "redis"
        self.dir.mkdir(parents=True)
        self.socket = self.dir / "redis.sock"
        self.proc = subprocess.Popen(
            ["redis-server", "--port", "0", "--unixsocket", str(self.socket),
             "--save", "", "--appendonly", "no", "--dir", str(self.dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not self.socket.exists():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        self._next_db = 0

    def url(self) -> str:
        """A Redis database of its own (0-15, reused after a flush)."""
        db = self._next_db % 16
        self._next_db += 1
        import redis

        redis.Redis(unix_socket_path=str(self.socket), db=db).flushdb()
        return f"unix://{self.socket}?db={db}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)

"""The README's two nginx recipes, run with a real nginx in front of a real Hark server
(issue 22, item 3): the `alias` recipe serves /media/ from disk, the X-Accel-Redirect
recipe lets Hark answer and nginx send the bytes. nginx's workers run as another user, so
both fail with 403 unless Hark writes its files readable by that user."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app.jobs import run_pending

from ..conftest import FIXTURES, make_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


@pytest.fixture(scope="module")
def site():
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert os.path.exists(nginx), "nginx is not installed (make test installs it)"
    # A folder nginx's unprivileged workers can walk into, as /srv would be.
    root = Path(tempfile.mkdtemp(prefix="hark-nginx-"))
    root.chmod(0o755)
    app = make_app(root, X_ACCEL_REDIRECT_PREFIX="/internal-audio/")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import", str(FIXTURES / "web" / "library-vote.html")])
    assert result.exit_code == 0, result.output
    assert run_pending(app) == 1
    with app.app_context():
        from app.models import Article, db

        episode = db.session.scalars(db.select(Article)).one().episode
        names = (episode.audio_name, episode.transcript_name, episode.chapters_name)
    episodes = root / "audio" / "episodes"

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    hark = f"http://127.0.0.1:{server.server_port}"

    alias_port, accel_port = _free_port(), _free_port()
    conf = root / "nginx.conf"
    conf.write_text(f"""
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{}}
http {{
  access_log off;
  client_body_temp_path {root}/body; proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fcgi; uwsgi_temp_path {root}/uwsgi; scgi_temp_path {root}/scgi;
  types {{ audio/mpeg mp3; text/vtt vtt; application/json json; }}
  server {{  # the alias recipe
    listen 127.0.0.1:{alias_port};
    location /media/ {{ alias {episodes}/; expires max;
                        add_header Access-Control-Allow-Origin *; }}
    location / {{ proxy_pass {hark}; }}
  }}
  server {{  # the X-Accel-Redirect recipe
    listen 127.0.0.1:{accel_port};
    location /internal-audio/ {{ internal; alias {episodes}/; }}
    location / {{ proxy_pass {hark}; }}
  }}
}}
""")
    proc = subprocess.Popen([nginx, "-c", str(conf), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", accel_port), timeout=1).close()
            socket.create_connection(("127.0.0.1", alias_port), timeout=1).close()
            break
        except OSError as e:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start: {proc.stderr.read().decode()}") from e
            time.sleep(0.05)
    yield {"alias": f"http://127.0.0.1:{alias_port}", "accel": f"http://127.0.0.1:{accel_port}",
           "names": names, "episodes": episodes, "root": root}
    proc.terminate()
    proc.wait(timeout=20)
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("recipe", ["alias", "accel"])
def test_each_recipe_serves_every_episode_file(site, recipe):
    for name in site["names"]:
        status, body, _ = _get(f"{site[recipe]}/media/{name}")
        assert status == 200, (recipe, name, status)
        assert body == (site["episodes"] / name).read_bytes()


def test_episode_files_are_readable_by_other_users(site):
    for name in site["names"]:
        assert (site["episodes"] / name).stat().st_mode & 0o777 == 0o644


def test_a_file_only_its_owner_can_read_is_refused_by_nginx(site):
    # What the recipes met before: the same file with a temporary file's 0600.
    name = site["names"][1]
    private = site["episodes"] / name
    private.chmod(0o600)
    try:
        assert _get(f"{site['alias']}/media/{name}")[0] == 403
    finally:
        private.chmod(0o644)

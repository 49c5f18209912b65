"""Fixtures in the shape of Flask's tutorial: app, client, runner, and an auth helper."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import sync_playwright

from app import create_app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"  # only tests marked `shared` read it (make test-shared)
SEED = SHARED / "seed" / "000_87e789a2473f025a.txt"
PASTED_PAGE = FIXTURES / "articles" / "pasted-radio-drama.txt"  # a news page pasted whole
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--autoplay-policy=no-user-gesture-required"]

for tool in ("espeak-ng", "ffmpeg", "ffprobe"):
    if shutil.which(tool) is None:  # fail loudly: these tests exist to use the real thing
        raise RuntimeError(f"{tool} is not installed; run `make test`, which installs it")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, one for the whole run (Playwright's sync API allows only one)."""
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium package is not installed (make test installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


def make_app(tmp: Path, **config: object) -> Flask:
    """The test configuration, in one place: a fresh app whose database, queue and audio
    live under `tmp`; `config` overrides any of it (another backend, a setting)."""
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": f"sqlite:///{tmp / 'hark.db'}",
        "AUDIO_CACHE_DIR": str(tmp / "audio"),
        "QUEUE_URL": f"sqlite:///{tmp / 'queue.db'}",
        **config,
    })


@pytest.fixture
def app(tmp_path: Path):
    yield make_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    m = _TOKEN.search(html)
    assert m, "page has no CSRF token"
    return m.group(1)


class AuthActions:
    def __init__(self, client, runner) -> None:
        self.client, self.runner = client, runner

    def create(self, name: str = "editor", password: str = "correct horse battery") -> None:
        result = self.runner.invoke(args=["create-operator", name], input=password + "\n")
        assert result.exit_code == 0, result.output

    def login(self, name: str = "editor", password: str = "correct horse battery"):
        token = csrf_token(self.client.get("/login").get_data(as_text=True))
        return self.client.post("/login", data={"name": name, "password": password,
                                                "csrf_token": token})


@pytest.fixture
def auth(client, runner) -> AuthActions:
    return AuthActions(client, runner)

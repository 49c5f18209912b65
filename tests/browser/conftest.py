"""A live Hark in a server thread with narrated articles, and Debian's Chromium."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app.jobs import run_pending

from ..conftest import make_app

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "tests" / "screenshots"

OPERATOR = ("editor", "a long enough passphrase")
ARTICLES = [
    ("Gulls learn to open bins in the old town",
     ['Gulls in the old town have learned to lift the lids of the new bins.',
      '"They watch us do it, and then they copy," said Ellen Shaw, a warden.',
      "The council will fit heavier lids next month."]),
    ("Night bus returns to the valley",
     ["The night bus to the valley runs again from Friday.",
      '"People wrote to us every week," said driver Omar Patel.']),
    ("Choir wins regional prize",
     ["The town choir won the regional prize on Sunday.",
      '"We sang our hearts out," said Lena Ortiz, the conductor.']),
]


@pytest.fixture(scope="session")
def live(live_site):
    return live_site[0]


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The live Hark's address, and its app (to import and run jobs from a test)."""
    work = tmp_path_factory.mktemp("browser")
    app = make_app(work)
    runner = app.test_cli_runner()
    for i, (title, paragraphs) in enumerate(ARTICLES):
        path = work / f"a{i}.txt"
        path.write_text(title + "\n\n" + "\n\n".join(paragraphs))
        assert runner.invoke(args=["import", str(path)]).exit_code == 0
    assert run_pending(app) == len(ARTICLES)
    assert runner.invoke(args=["create-operator", OPERATOR[0]],
                         input=OPERATOR[1] + "\n").exit_code == 0
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}", app
    httpd.shutdown()


@pytest.fixture(scope="session", autouse=True)
def _axe_installed():
    assert AXE.is_file(), "axe-core is missing: make test runs npm install"


@pytest.fixture
def page(browser):
    # A fresh listener (cookies, storage) per test. bypass_csp only so that axe-core can be
    # injected as a <script>; the policy itself is tested in tests/security.
    context = browser.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    yield pg
    context.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core (the npm package) in the page; WCAG 2.2 A and AA rules."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

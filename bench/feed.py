"""Feed generation for 1,000 episodes against a bare string join measured in the same run.

The database holds rows only (file names are well-formed hashes; no audio is needed): the feed
never opens episode files. Timed: a whole GET /feed.xml through the app (query, items, template,
ETag) and its parts. Baseline: the same items written with one f-string each and str.join.
Target (issue 7): well under a second for 1,000 episodes.
"""

from __future__ import annotations

import hashlib
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from app.episodes.feed import (  # noqa: E402
    build_items,
    import_order_dates,
    public_episodes,
    render_feed,
)
from app.models import Article, Block, Episode, Status, db  # noqa: E402
from bench.report import write_section  # noqa: E402

EPISODES = 1000
RUNS = 7
TARGET = 1.0  # seconds


def median_seconds(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fill(n: int) -> None:
    """n READY articles, each with a first paragraph, a heading and one episode row."""
    start = datetime(2025, 1, 1)
    for i in range(n):
        digest = hashlib.sha256(str(i).encode()).hexdigest()[:24]
        article = Article(title=f"Council votes on library plan & budget <{i}>",
                          byline="Jo Reporter", language="en", status=Status.READY,
                          created_at=start + timedelta(hours=i))
        article.blocks = [
            Block(position=0, kind="heading", text="Overview"),
            Block(position=1, kind="paragraph", text=("The council met on Monday and voted "
                                                      "on the new library. " * 12).strip()),
        ]
        article.episodes = [Episode(audio_name=f"{digest}.mp3", transcript_name=f"{digest}.vtt",
                                    chapters_name=f"{digest}.chapters.json",
                                    duration=300.0 + i, bytes=2_400_000 + i)]
        db.session.add(article)
    db.session.commit()


def bare_join(items: list) -> str:
    """The floor: every item's XML from one f-string, no template engine."""
    parts = []
    for i in items:
        parts.append(
            f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
            f'<guid isPermaLink="false">{i.guid}</guid><pubDate>{i.pub_date}</pubDate>'
            f"<description>{escape(i.description_html)}</description>"
            f"<enclosure url={quoteattr(i.audio_url)} length=\"{i.length}\" type=\"audio/mpeg\"/>"
            f"<itunes:duration>{i.duration}</itunes:duration>"
            f"<podcast:transcript url={quoteattr(i.vtt_url)} type=\"text/vtt\"/>"
            f"<podcast:transcript url={quoteattr(i.json_url)} type=\"application/json\"/>"
            f"<podcast:chapters url={quoteattr(i.chapters_url)} "
            f"type=\"application/json+chapters\"/></item>")
    return "<rss><channel>" + "".join(parts) + "</channel></rss>"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({
            "SECRET_KEY": "bench", "DATABASE_URL": f"sqlite:///{tmp}/hark.db",
            "AUDIO_CACHE_DIR": f"{tmp}/audio", "QUEUE_URL": f"sqlite:///{tmp}/queue.db",
            "PUBLIC_BASE_URL": "https://hark.example.org", "LOG_LEVEL": "WARNING",
        })
        with app.app_context():
            fill(EPISODES)
        client = app.test_client()
        first = client.get("/feed.xml")  # also draws the artwork once
        assert first.status_code == 200 and first.data.count(b"<item>") == EPISODES
        size = len(first.data)

        whole = median_seconds(lambda: client.get("/feed.xml"))
        etag = first.headers["ETag"]
        revalidate = median_seconds(lambda: client.get("/feed.xml",
                                                       headers={"If-None-Match": etag}))
        with app.test_request_context("/feed.xml"):
            rows = public_episodes()
            numbers = {r.article.id: r.article.id for r in rows}
            items = build_items(rows, import_order_dates(rows), numbers)
            query = median_seconds(public_episodes)
            build = median_seconds(lambda: build_items(rows, import_order_dates(rows), numbers))
            render = median_seconds(lambda: render_feed(
                items, feed_url="https://hark.example.org/feed.xml", title="Hark",
                description="d", link="https://hark.example.org/", last_change=None))
            baseline = median_seconds(lambda: bare_join(items))

    ratio = whole / baseline
    verdict = "met" if whole < TARGET / 4 else ("close" if whole < TARGET else "missed")
    rows_md = [
        "| measure | median | ratio to baseline | target |",
        "|---|---|---|---|",
        f"| baseline: the same {EPISODES} items, one f-string each + join | "
        f"{baseline * 1000:.1f} ms | 1.0× |  |",
        f"| GET /feed.xml, {EPISODES} episodes (query + items + template + ETag) | "
        f"{whole * 1000:.1f} ms | {ratio:.1f}× | well under 1 s ({verdict}) |",
        f"| … database query | {query * 1000:.1f} ms | {query / baseline:.1f}× |  |",
        f"| … building items (URLs, dates, summaries) | {build * 1000:.1f} ms | "
        f"{build / baseline:.1f}× |  |",
        f"| … template rendering | {render * 1000:.1f} ms | {render / baseline:.1f}× |  |",
        f"| conditional GET answered 304 | {revalidate * 1000:.1f} ms | "
        f"{revalidate / baseline:.1f}× |  |",
    ]
    body = "\n".join(rows_md) + (
        f"\n\nFeed size {size / 1024:.0f} KB. Median of {RUNS} runs; rows in a temporary "
        f"SQLite database (no audio). Machine: {platform.machine()}, "
        f"Python {platform.python_version()}.")
    print(body)
    write_section("Feed", body)
    return 0 if whole < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

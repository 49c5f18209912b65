"""The feed as three real podcast parsers read it: feedparser, gPodder's podcastparser and
Podcast Index's partytime (npm; run with node), and the visible text of what they hand to an
app, as Chromium's HTML parser makes it."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import feedparser
import podcastparser

HERE = Path(__file__).resolve().parent
WORD_JOINER = "\u2060"  # invisible; Hark puts it after a `<` or `&` in plain-text tags

if shutil.which("node") is None:
    raise RuntimeError("node is not installed; the partytime checks need it")


def partytime(xml: bytes) -> dict[str, Any]:
    """partytime's parse of the feed (channel fields, `items` with theirs)."""
    result = subprocess.run(["node", str(HERE / "partytime_items.js")], input=xml,
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def feedparser_items(xml: bytes) -> list[Any]:
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return list(parsed.entries)


def podcastparser_items(xml: bytes, url: str = "http://localhost/feed.xml") -> list[dict]:
    return podcastparser.parse(url, io.BytesIO(xml))["episodes"]


# Run in the page: parse each string as an HTML body, as an app that shows it would.
_READ_HTML = """(fragments) => fragments.map((markup) => {
  const doc = new DOMParser().parseFromString(markup, "text/html");
  const handlers = [...doc.querySelectorAll("*")].flatMap(
    (el) => [...el.attributes].map((a) => a.name).filter((n) => n.startsWith("on")));
  return {text: doc.body.textContent,
          scripts: doc.querySelectorAll("script, iframe, object, embed").length,
          handlers: handlers.length,
          links: [...doc.querySelectorAll("[href], [src]")].map(
            (el) => el.getAttribute("href") || el.getAttribute("src"))};
})"""


def read_as_html(page: Any, fragments: list[str]) -> list[dict[str, Any]]:
    """For each string shown as HTML by a browser: its visible text (word joiners and runs of
    whitespace normalised away), how many executable elements and event handlers it makes,
    and its link targets."""
    results = page.evaluate(_READ_HTML, fragments)
    for r in results:
        r["text"] = " ".join(r["text"].replace(WORD_JOINER, "").split())
    return results

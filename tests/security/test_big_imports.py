"""Imports that are large on purpose finish or are refused in bounded time (issue 22,
items 6 and 7): an article quoting 10,000 different people is analysed in linear time, and
a gzip upload that would unpack past the upload limit is refused by size."""

from __future__ import annotations

import gzip
import random
import string
import time

from app.narration.quotes import attribute_paragraphs

from ..web.test_admin import post_import


def _people_article(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)

    def name() -> str:
        return rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase,
                                                                       k=6))
    return [f'"We counted {i} boats in the harbour this morning," said {name()} {name()}.'
            for i in range(n)]


def test_attribution_grows_linearly_with_the_number_of_people():
    small, big = _people_article(1000), _people_article(8000)
    started = time.process_time()
    found_small = attribute_paragraphs(small)
    t_small = time.process_time() - started
    started = time.process_time()
    found_big = attribute_paragraphs(big)
    t_big = time.process_time() - started
    assert len(found_small) == 1000 and len(found_big) == 8000
    assert all(q["speaker"] for q in found_big)
    # eight times the people: a linear walk takes about eight times as long, a quadratic
    # one sixty-four times (CPU time, so other processes do not count)
    assert t_big < 20 * t_small


def test_a_gzip_upload_that_unpacks_past_the_upload_limit_is_refused(app, client, auth):
    auth.create()
    auth.login()
    app.config["MAX_UPLOAD_BYTES"] = 1_000_000
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")
    assert len(bomb) < 100_000
    from io import BytesIO

    response = post_import(client, files=(BytesIO(bomb), "page.html.gz"))
    html = response.get_data(as_text=True) if response.status_code != 302 else \
        client.get(response.headers["Location"]).get_data(as_text=True)
    assert "too large" in html

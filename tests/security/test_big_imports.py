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
    bomb = gzip.compress(b"<p>" + b"a" * 20_000_000 + b"</p>")  # unpacks to 20 MB
    assert len(bomb) < 100_000
    from io import BytesIO

    response = post_import(client, file=(BytesIO(bomb), "page.html.gz"))
    html = response.get_data(as_text=True) if response.status_code != 302 else \
        client.get(response.headers["Location"]).get_data(as_text=True)
    assert "too large" in html


def test_a_200000_paragraph_page_is_refused_in_moments_with_a_message():
    from app.importer import ImportFailed, import_document

    page = ("<html><head><title>Endless</title></head><body><article>"
            + "<p>One more line of the endless page.</p>" * 200_000
            + "</article></body></html>").encode()
    assert len(page) < 8 * 1024 * 1024  # under the size bounds: the element bound decides
    started = time.process_time()
    try:
        import_document(page, filename="endless.html")
    except ImportFailed as e:
        message = str(e)
    else:
        raise AssertionError("a 200,000-paragraph page was imported")
    assert "too large to be an article" in message and "200,0" in message
    assert time.process_time() - started < 5  # refused before parsing, not after 28 s


def test_a_paste_of_200000_lines_is_refused_with_a_message():
    from app.importer import ImportFailed, import_document

    text = "Endless paste\n\n" + "\n\n".join(f"Line {i} of the paste." for i in range(200_000))
    try:
        import_document(text.encode())
    except ImportFailed as e:
        assert "too long to be an article" in str(e)
    else:
        raise AssertionError("a 200,000-line paste was imported")

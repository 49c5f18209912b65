"""Artwork: drawn once per title, square, within Apple's bounds, named by its content hash."""

from __future__ import annotations

import hashlib
import io
import threading

from PIL import Image

import app.episodes.artwork as artwork
from app.episodes.artwork import SIZE, artwork_dir, artwork_name


def test_artwork_is_made_once_and_named_by_its_hash(tmp_path):
    name = artwork_name(tmp_path, "Hark")
    path = artwork_dir(tmp_path) / name
    data = path.read_bytes()
    assert name == hashlib.sha256(data).hexdigest()[:24] + ".png"
    mtime = path.stat().st_mtime_ns
    assert artwork_name(tmp_path, "Hark") == name
    assert path.stat().st_mtime_ns == mtime  # reused, not redrawn
    image = Image.open(io.BytesIO(data))
    assert image.size == (SIZE, SIZE) and 1400 <= SIZE <= 3000 and image.mode == "RGB"


def test_another_title_gets_another_image(tmp_path):
    assert artwork_name(tmp_path, "Hark") != artwork_name(tmp_path, "Morning Papers, Read Aloud")


def test_a_lost_image_is_drawn_again(tmp_path):
    name = artwork_name(tmp_path, "Hark")
    (artwork_dir(tmp_path) / name).unlink()
    assert artwork_name(tmp_path, "Hark") == name
    assert (artwork_dir(tmp_path) / name).is_file()


def test_a_cold_server_draws_the_artwork_once_for_many_requests(tmp_path, monkeypatch):
    drawn: list[str] = []
    real = artwork.render_png

    def counting(title: str, *args, **kwargs) -> bytes:
        drawn.append(title)
        return real.__wrapped__(title, *args, **kwargs)  # the real drawing, uncached

    monkeypatch.setattr(artwork, "render_png", counting)
    start = threading.Barrier(12)
    names: list[str] = []

    def request() -> None:
        start.wait()
        names.append(artwork_name(tmp_path, "A title no other test draws"))

    threads = [threading.Thread(target=request) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(names) == 12 and len(set(names)) == 1
    assert drawn == ["A title no other test draws"]

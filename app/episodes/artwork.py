"""Podcast artwork: a square PNG drawn by Hark, stored under its content hash.

Apple asks for 1400–3000 px square RGB artwork without transparency. The image depends only
on the site title (and this drawing code), so it is made on first use, written atomically to
AUDIO_CACHE_DIR/artwork/<sha>.png and found again through a small reference file.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .files import digest_of_bytes, write_atomic

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

SIZE = 3000  # Apple's recommended size; flat colours keep the PNG small
DESIGN = "2"  # bump when the drawing changes, so the image gets a new URL
FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)
BACKGROUND_TOP, BACKGROUND_BOTTOM = (12, 63, 77), (5, 30, 38)
WAVE, INK = (242, 177, 52), (255, 255, 255)

# (cache dir, title) -> file name, so a feed request costs one stat() once the image exists.
_known: dict[tuple[str, str], str] = {}
# One drawing at a time per process: when a cold server gets many feed requests at once,
# the others wait for it instead of all drawing the same picture.
_drawing = threading.Lock()


def artwork_dir(cache_dir: str | Path) -> Path:
    """The artwork folder under the audio cache root."""
    return Path(cache_dir) / "artwork"


def artwork_name(cache_dir: str | Path, title: str) -> str:
    """The file name (`<24 hex>.png`) of the artwork for `title`, drawing it if needed."""
    folder = artwork_dir(cache_dir)
    key = (str(cache_dir), title)
    name = _known.get(key)
    if name and (folder / name).is_file():
        return name
    with _drawing:
        name = _known.get(key)
        if name and (folder / name).is_file():
            return name
        return _draw_once(folder, key, title)


def artwork_recipe(title: str) -> str:
    """What the artwork for `title` is drawn from (design, size, font, title), hashed: 24 hex
    digits that change whenever the picture would."""
    font = _font_path()
    return hashlib.sha256(f"{DESIGN}\0{SIZE}\0{font}\0{title}".encode()).hexdigest()[:24]


def _draw_once(folder: Path, key: tuple[str, str], title: str) -> str:
    font = _font_path()
    recipe = artwork_recipe(title)
    ref = folder / f"{recipe}.ref"
    try:
        name = ref.read_text().strip()
    except FileNotFoundError:
        name = ""
    if not name or not (folder / name).is_file():
        data = render_png(title, SIZE, font)
        name = digest_of_bytes(data) + ".png"
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / name, data)
        write_atomic(ref, name.encode())
    _known[key] = name
    return name


@lru_cache(maxsize=4)  # drawing takes ~0.4 s; several apps in one process share it
def render_png(title: str, size: int = SIZE, font_path: str | None = None) -> bytes:
    """Draw the artwork: a waveform over a dark gradient, the title beneath it (pure)."""
    # Imported here: only drawing needs Pillow, and it happens once per title.
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (size, size), BACKGROUND_BOTTOM)
    draw = ImageDraw.Draw(img)
    for y in range(0, size, 4):  # 4-px bands: smooth enough, and four times fewer calls
        t = y / size
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BACKGROUND_TOP, BACKGROUND_BOTTOM,
                                                              strict=True))
        draw.rectangle((0, y, size, y + 4), fill=colour)

    bars, width = 23, size * 0.72
    step = width / bars
    left, middle = (size - width) / 2, size * 0.40
    for i in range(bars):
        # A fixed, speech-like envelope: loud in the middle, with a little ripple.
        x = i / (bars - 1)
        level = 0.25 + 0.75 * math.sin(math.pi * x) * (0.6 + 0.4 * abs(math.sin(i * 1.7)))
        half = level * size * 0.16
        x0 = left + i * step + step * 0.18
        draw.rounded_rectangle((x0, middle - half, x0 + step * 0.64, middle + half),
                               radius=step * 0.32, fill=WAVE)

    lines, font = _fit_title(draw, title or "Hark", size, font_path)
    top = size * 0.66
    for line in lines:
        box = draw.textbbox((0, 0), line, font=font)
        draw.text(((size - (box[2] - box[0])) / 2 - box[0], top - box[1]), line, font=font,
                  fill=INK)
        top += (box[3] - box[1]) + size * 0.03

    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


@lru_cache(maxsize=1)
def _font_path() -> str | None:
    return next((f for f in FONTS if os.path.exists(f)), None)


def _load_font(font_path: str | None, px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    if font_path:
        return ImageFont.truetype(font_path, px)
    return ImageFont.load_default(size=px)  # Pillow's own scalable font


def _fit_title(draw: ImageDraw.ImageDraw, title: str, size: int, font_path: str | None
               ) -> tuple[list[str], ImageFont.FreeTypeFont | ImageFont.ImageFont]:
    """Largest font at which the title, wrapped to at most three lines, fits the width."""
    limit = size * 0.82
    px = int(size * 0.15)
    while True:
        font = _load_font(font_path, px)
        lines: list[str] = []
        for word in title.split():
            if lines and draw.textlength(lines[-1] + " " + word, font=font) <= limit:
                lines[-1] += " " + word
            else:
                lines.append(word)
        fits = all(draw.textlength(line, font=font) <= limit for line in lines)
        if (fits and len(lines) <= 3) or px <= size // 60:
            return lines[:3], font
        px = int(px * 0.9)


"""Template filters: numbers as people say them (`running_time`, `size`)."""

from __future__ import annotations

from flask import Flask


def spoken_length(seconds: float) -> str:
    """A running time as people say it: 45 s, 3 min 5 s, 1 h 2 min (the `running_time` filter)."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def human_size(n: int) -> str:
    """A byte count as people say it: 5 MB, 977 KB (the `size` filter)."""
    return f"{n / 1048576:.3g} MB" if n >= 1048576 else f"{n / 1024:.0f} KB"


def init_app(app: Flask) -> None:
    """Register the filters on the app's templates."""
    app.add_template_filter(spoken_length, "running_time")
    app.add_template_filter(human_size, "size")

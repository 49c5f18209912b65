"""The new operator's first import with a whole news page pasted as a new user would
(caption, promos and all): fix one speaker's name in the preview; it narrates and plays."""

from __future__ import annotations

from ..conftest import PASTED_PAGE
from .journey import first_import


def test_new_operator_pastes_a_whole_news_page(app, client, runner):
    _page, vtt = first_import(app, client, runner, PASTED_PAGE.read_text(), "Dara Quinlan",
                              "Dara Quinlan (writer)")
    assert "<v Dara Quinlan (writer)>" in vtt and "<v Dara Quinlan>" not in vtt
    assert "<v Priya Vance>" in vtt and "<v Tomasz Orrell>" in vtt
    assert "Tideline from £3.49" not in vtt and "Airwaves Weekly magazine" not in vtt

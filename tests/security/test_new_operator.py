"""A new operator's first import, as the issue describes it: create the account, sign in,
paste an article, fix a speaker's name in the preview, save; it narrates and plays."""

from __future__ import annotations

from ..conftest import FIXTURES
from .journey import first_import


def test_new_operator_imports_fixes_a_speaker_and_it_plays(app, client, runner):
    text = (FIXTURES / "security" / "two-voices.txt").read_text()
    page, vtt = first_import(app, client, runner, text, "Ruairi Doherty", "Ruairí Doherty")
    assert "<v Ruairí Doherty>" in vtt and "<v Ruairi Doherty>" not in vtt
    assert "<v Ines Varga>" in vtt
    assert "Harbour ferry returns after winter repairs" in page

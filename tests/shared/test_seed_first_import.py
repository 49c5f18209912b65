"""The new operator's first import, with the shared seed article (../shared/seed/) pasted
as a new user would: fix one speaker's name in the preview; it narrates and plays.
The same journey with the project's own page: tests/security/test_new_operator_paste.py."""

from __future__ import annotations

import pytest

from ..conftest import SEED
from ..security.journey import first_import

pytestmark = pytest.mark.shared


def test_new_operator_pastes_the_shared_seed_article(app, client, runner):
    if not SEED.is_file():
        pytest.fail(f"the shared seed article is missing: {SEED}")
    _page, vtt = first_import(app, client, runner, SEED.read_text(), "Alice Oseman",
                              "Alice Oseman (writer)")
    assert "<v Alice Oseman (writer)>" in vtt
    assert "<v Joe Locke>" in vtt and "<v Yasmin Finney>" in vtt

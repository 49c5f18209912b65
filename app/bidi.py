"""Unicode bidirectional controls that reorder what is displayed (data, one function).

Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) make text display in an
order other than the one it is stored and read in: a title or a speaker's name carrying them
can disguise itself on the operator's pages ("Trojan Source", CVE-2021-42574). Hark stores
text without them; the marks U+200E/U+200F, which only tell a neutral character's direction
and are common in right-to-left text, are kept. Source: Unicode Standard Annex #9.
"""

from __future__ import annotations

_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_bidi_controls(text: str) -> str:
    """`text` without bidi embedding, override and isolate controls (see the module doc)."""
    return text.translate(_CONTROLS)

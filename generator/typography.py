"""Small typographic fixes that keep a text readable in every direction."""

from __future__ import annotations

import re

# « 1 500 € » written with ordinary spaces: in right-to-left text the bidirectional algorithm
# treats each space as a neutral and shows "500 1 €". No-break spaces are number separators to
# it (class CS), so the figure stays one run, in its order, and never breaks across lines.
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_UNIT = re.compile(r"(?<=\d) (?=(?:€|%|euros?\b|EUR\b))")


def keep_numbers_together(text: str) -> str:
    """Digit groups and their unit joined by no-break spaces."""
    return _UNIT.sub("\u00a0", _THOUSANDS.sub("\u202f", text))

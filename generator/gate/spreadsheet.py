"""Cells of the open-data CSV that a spreadsheet would run as a formula (OWASP « CSV injection »).

A cell starting with =, +, -, @, a tab or a carriage return is a formula to Excel, LibreOffice
and Google Sheets: `=HYPERLINK(…)` in a title would become a link a reader clicks. Such a cell
gets a leading single quote, which spreadsheets read as « this is text ». Control characters are
refused by the loader before any file is written; one reaching here is a bug, not content.
"""

from __future__ import annotations

import unicodedata

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ALLOWED_CONTROLS = {"\t", "\r", "\n"}


def spreadsheet_safe(cell: str) -> str:
    """`cell` as a spreadsheet shows it, never runs it."""
    if any(unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS for c in cell):
        raise ValueError(f"control character in an open-data cell: {cell!r}")
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell

"""The subset of OpenStreetMap's `opening_hours` syntax that fiches use.

Supported: `24/7`, and rules separated by `;`, each made of days (`Mo`, `Mo-Fr`, `Mo,We,Fr`)
then `off` or time ranges (`09:00-12:00,14:00-17:00`). Parsing lets the pages show days in the
reader's language instead of OSM's English abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_TIME = r"(?:[01]\d|2[0-4]):[0-5]\d"
_RANGE = re.compile(rf"^({_TIME})-({_TIME})$")


@dataclass(frozen=True)
class Rule:
    days: tuple[str, ...]
    intervals: tuple[tuple[str, str], ...]  # empty means closed


def _parse_days(text: str) -> tuple[str, ...]:
    days: list[str] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise ValueError(
                f"jours « {text} » non reconnus : utilisez Mo Tu We Th Fr Sa Su, par exemple « Mo-Fr »"
            )
        start, end = DAYS.index(first), DAYS.index(last or first)
        if end < start:
            raise ValueError(f"plage de jours « {part} » à l'envers")
        days.extend(DAYS[start : end + 1])
    return tuple(days)


def parse_opening_hours(value: str) -> tuple[Rule, ...]:
    """Parse `value`; raise ValueError with a French message when it is outside the subset."""
    if value.strip() == "24/7":
        return (Rule(DAYS, (("00:00", "24:00"),)),)
    rules = []
    for raw_rule in filter(None, (r.strip() for r in value.split(";"))):
        days_text, _, times_text = raw_rule.partition(" ")
        days = _parse_days(days_text)
        times_text = times_text.strip()
        if times_text == "off":
            rules.append(Rule(days, ()))
            continue
        intervals = []
        for span in times_text.split(","):
            match = _RANGE.match(span.strip())
            if not match:
                raise ValueError(
                    f"horaires « {raw_rule} » non reconnus : écrivez par exemple « Mo-Fr 09:00-12:00,14:00-17:00 »"
                )
            intervals.append((match.group(1), match.group(2)))
        rules.append(Rule(days, tuple(intervals)))
    if not rules:
        raise ValueError("horaires vides")
    return tuple(rules)

"""Dates as precise as their source says: a day, a month, a season, a year, or unknown.

The deliberations often date an action « à l'automne 2020 », « en 2019 » or not at all. A date is
never made more precise than that: `2019` stays a year, and the page says so. What a date means
for a status is a range — its earliest and its latest possible day — so that an action is only
called running when its source lets us know it is.

Written in YAML as:

| written           | precision | range                          |
|-------------------|-----------|--------------------------------|
| `2019-06-20`      | day       | that day                       |
| `2019-06`         | month     | 1–30 June 2019                 |
| `automne 2020`    | season    | 23 September – 20 December 2020 |
| `2019`            | year      | 1 January – 31 December 2019   |
| `inconnue`        | unknown   | none                           |

Seasons are the astronomical ones, rounded to whole days; winter 2020 starts on 21 December 2020.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

UNKNOWN = "inconnue"

# Season name → (first month, first day, last month, last day); winter ends in the next year.
SEASONS = {
    "printemps": (3, 20, 6, 20),
    "été": (6, 21, 9, 22),
    "automne": (9, 23, 12, 20),
    "hiver": (12, 21, 3, 19),
}

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(rf"^({'|'.join(SEASONS)}) (\d{{4}})$")


class Precision(str, Enum):
    day = "day"
    month = "month"
    season = "season"
    year = "year"
    unknown = "unknown"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a given precision. `earliest` and `latest` bound the real day."""

    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        """From what YAML gives: a date, a year as a number, or one of the written forms above.
        Raises ValueError with a French message a coordinator can act on."""
        if isinstance(value, dt.datetime):
            raise ValueError("écrivez une date sans heure, par exemple 2024-09-26")
        if isinstance(value, dt.date):
            return cls(Precision.day, value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            text = value.strip().lower()
            if text == UNKNOWN:
                return cls(Precision.unknown)
            if _DAY.match(text):
                try:
                    return cls.parse(dt.date.fromisoformat(text))
                except ValueError:
                    pass
            if match := _MONTH.match(text):
                year, month = int(match[1]), int(match[2])
                if 1 <= month <= 12:
                    return cls(Precision.month, year, month)
            if match := _YEAR.match(text):
                return cls(Precision.year, int(match[1]))
            if match := _SEASON.match(text):
                return cls(Precision.season, int(match[2]), season=match[1])
        raise ValueError(
            f"« {value} » n'est pas une date. Écrivez-la aussi précisément que le document source : "
            "2024-09-26 (un jour), 2024-09 (un mois), « automne 2020 » (une saison : printemps, été, "
            "automne, hiver), 2019 (une année), ou « inconnue »"
        )

    @property
    def is_exact(self) -> bool:
        return self.precision is Precision.day

    @property
    def earliest(self) -> dt.date | None:
        if self.precision is Precision.unknown:
            return None
        if self.precision is Precision.day:
            return dt.date(self.year, self.month, self.day)
        if self.precision is Precision.month:
            return dt.date(self.year, self.month, 1)
        if self.precision is Precision.season:
            first_month, first_day, _, _ = SEASONS[self.season]
            return dt.date(self.year, first_month, first_day)
        return dt.date(self.year, 1, 1)

    @property
    def latest(self) -> dt.date | None:
        if self.precision is Precision.unknown:
            return None
        if self.precision is Precision.day:
            return dt.date(self.year, self.month, self.day)
        if self.precision is Precision.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.precision is Precision.season:
            first_month, _, last_month, last_day = SEASONS[self.season]
            return dt.date(self.year + (last_month < first_month), last_month, last_day)
        return dt.date(self.year, 12, 31)

    def as_written(self) -> str:
        """The canonical written form, for the open data: `2019-06-20`, `2019-06`, `automne 2020`,
        `2019` or `inconnue`."""
        if self.precision is Precision.day:
            return self.earliest.isoformat()
        if self.precision is Precision.month:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision is Precision.season:
            return f"{self.season} {self.year}"
        if self.precision is Precision.year:
            return str(self.year)
        return UNKNOWN


# What the JSON Schema (and so VS Code) accepts: the written forms above.
JSON_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": rf"^(\d{{4}}(-\d{{2}})?|({'|'.join(SEASONS)}) \d{{4}}|{UNKNOWN})$"},
        {"type": "integer", "minimum": 1900, "maximum": 2100},
    ],
    "description": "Aussi précise que le document source : 2024-09-26, 2024-09, « automne 2020 », 2019, ou « inconnue ».",
}


# The field type of the models: parsed from YAML, written back as written, documented in the
# JSON Schema with the forms it accepts.
PartialDateField = Annotated[
    PartialDate,
    PlainValidator(lambda value: value if isinstance(value, PartialDate) else PartialDate.parse(value)),
    PlainSerializer(lambda value: value.as_written(), return_type=str),
    WithJsonSchema(JSON_SCHEMA),
]


def period_status(start: PartialDate | None, end: PartialDate | None, today: dt.date) -> str:
    """upcoming, running, ended, end-unknown or unknown — only as far as the dates let us know.

    Running needs a known end after today: an action whose end the source does not give is never
    called running (a 2019 contract with no end date may have stopped long ago)."""
    if start and start.earliest and start.earliest > today:
        return "upcoming"
    if end and end.latest and end.latest < today:
        return "ended"
    started = start is None or (start.latest is not None and start.latest <= today)
    still_running = end is not None and end.earliest is not None and end.earliest >= today
    if started and still_running:
        return "running"
    return "end-unknown" if end is None or end.latest is None else "unknown"


def period_is_open(start: PartialDate | None, end: PartialDate | None, today: dt.date) -> bool:
    """Whether a person may still go to the action: the one rule of every count, list and export.

    Open: running or upcoming; or dates to confirm (« unknown ») whose end, even at its earliest,
    is not past — the action has started or not yet, but has not ended. Not open: ended; an end
    the source does not give (« end-unknown »: a 2019 contract without an end may have stopped
    long ago); and dates to confirm whose end may already be past (an end in « 2025 », in June 2025)."""
    status = period_status(start, end, today)
    if status == "unknown":
        return end.earliest >= today  # `unknown` always has an end of known range (period_status)
    return status in ("upcoming", "running")

"""Dates as text: in a page's language (long form, as precise as the source), or in the open
data's ISO form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from babel.dates import format_date, format_skeleton

from generator import labels
from generator.dates import PartialDate, Precision


@lru_cache(maxsize=4096)
def long_date(value: dt.date | None, locale: str) -> str:
    """« 20 juin 2019 » in the locale; "" for no date."""
    return format_date(value, format="long", locale=locale) if value else ""


def partial_date(value: PartialDate | None, locale: str, gettext: Callable[[str], str]) -> str:
    """A date as precise as its source: « 20 juin 2019 », « juin 2019 », « automne 2020 », « 2019 »."""
    if value is None:
        return ""
    if value.precision is Precision.day:
        return long_date(value.earliest, locale)
    if value.precision is Precision.month:
        return format_skeleton("yMMMM", value.earliest, locale=locale)
    if value.precision is Precision.season:
        return gettext(labels.SEASONS[value.season]).format(year=value.year)
    if value.precision is Precision.year:
        return str(value.year)
    return gettext("date inconnue")


def iso_date(value: PartialDate | dt.date | None) -> str | None:
    """AAAA-MM-JJ; a date the source gives less precisely stays as written (2019, 2019-06, automne 2020)."""
    if value is None:
        return None
    return value.as_written() if isinstance(value, PartialDate) else value.isoformat()

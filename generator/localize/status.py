"""Whether an action or a contract is upcoming, running, ended or unknown, on the build date, and
whether it is open (generator/dates.py, `period_is_open`: the one rule of counts, lists and exports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from generator import labels
from generator.dates import period_is_open, period_status
from generator.localize.period import period_dates
from generator.localize.views import Status
from generator.models import Period


def status_key(period: Period, build_date: dt.date) -> str:
    return period_status(period.start, period.end, build_date)


def is_open(period: Period, build_date: dt.date) -> bool:
    return period_is_open(period.start, period.end, build_date)


def status(period: Period, build_date: dt.date, locale: str, gettext: Callable[[str], str]) -> Status:
    key = status_key(period, build_date)
    return Status(key, gettext(labels.STATUSES[key]), period_dates(period, locale, gettext), is_open(period, build_date))

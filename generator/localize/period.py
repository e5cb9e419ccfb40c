"""An action's period: the one it gives, else its contract's; and its dates as one line of text."""

from __future__ import annotations

from collections.abc import Callable

from generator.dates import Precision
from generator.localize.dates import partial_date
from generator.models import LoadedAction, LoadedTerritory, Period


def effective_period(action: LoadedAction, territory: LoadedTerritory) -> Period:
    """An action without dates of its own runs for its contract's period."""
    return action.model.who.period or territory.contract(action.model.admin.contract).period


def period_dates(period: Period, locale: str, gettext: Callable[[str], str]) -> str:
    """« 1 septembre 2023 – 30 juin 2024 »; one date when start and end are the same; a date less
    precise than a day says so."""
    start, end = period.start, period.end
    shown = [partial_date(start, locale, gettext), partial_date(end, locale, gettext)]
    dates = shown[0] if start == end else " – ".join(filter(None, shown))
    if any(value and value.precision not in (Precision.day, Precision.unknown) for value in (start, end)):
        dates += " " + gettext("(date exacte non précisée)")
    return dates

"""Dates as precise as their source, and the statuses they allow."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import PartialDate, Precision, period_is_open, period_status


@pytest.mark.parametrize(
    "written, precision, earliest, latest, canonical",
    [
        (dt.date(2019, 6, 20), Precision.day, dt.date(2019, 6, 20), dt.date(2019, 6, 20), "2019-06-20"),
        ("2024-02", Precision.month, dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024-02"),
        ("Automne 2020", Precision.season, dt.date(2020, 9, 23), dt.date(2020, 12, 20), "automne 2020"),
        ("hiver 2020", Precision.season, dt.date(2020, 12, 21), dt.date(2021, 3, 19), "hiver 2020"),
        (2019, Precision.year, dt.date(2019, 1, 1), dt.date(2019, 12, 31), "2019"),
        ("2019", Precision.year, dt.date(2019, 1, 1), dt.date(2019, 12, 31), "2019"),
        ("inconnue", Precision.unknown, None, None, "inconnue"),
    ],
)
def test_a_date_keeps_its_precision_and_its_range(written, precision, earliest, latest, canonical):
    value = PartialDate.parse(written)
    assert value.precision is precision
    assert (value.earliest, value.latest) == (earliest, latest)
    assert value.as_written() == canonical
    assert value.is_exact == (precision is Precision.day)


@pytest.mark.parametrize("written", ["2019-13", "juin 2019", "20/06/2019", "", True, 3.5, dt.datetime(2019, 6, 20, 10)])
def test_what_is_not_a_date_is_refused_with_the_forms_that_are(written):
    with pytest.raises(ValueError, match="aussi précisément que le document source|sans heure"):
        PartialDate.parse(written)


TODAY = dt.date(2020, 7, 1)


@pytest.mark.parametrize(
    "start, end, status",
    [
        ("2020-01-01", "2020-12-31", "running"),
        ("2020-09", "2021-06", "upcoming"),
        ("2019", "2019", "ended"),
        ("2019", None, "end-unknown"),  # no end given: never « en cours »
        ("2019", "inconnue", "end-unknown"),
        ("2020", "2020-12-31", "unknown"),  # may not have started yet
        ("2020-06", "2020", "unknown"),  # may have ended already
        (None, "2021", "running"),
        ("inconnue", "2021", "unknown"),
        ("automne 2020", None, "upcoming"),
        ("2019-06-20", "2019", "ended"),
    ],
)
def test_an_action_is_called_running_only_when_its_dates_say_so(start, end, status):
    parse = lambda text: None if text is None else PartialDate.parse(dt.date.fromisoformat(text) if len(text) == 10 and text[4] == "-" else text)
    assert period_status(parse(start), parse(end), TODAY) == status


@pytest.mark.parametrize(
    "start, end, is_open",
    [
        ("2020-01-01", "2020-12-31", True),  # running
        ("2020-09", "2021-06", True),  # upcoming
        ("automne 2020", None, True),  # upcoming, end not given yet
        ("2019", "2019", False),  # ended
        ("2019", None, False),  # end not given: may have stopped long ago
        ("2019", "inconnue", False),
        ("2020", "2020-12-31", True),  # dates to confirm, but its end is not past: started or about to
        ("inconnue", "2021", True),
        ("2020-06", "2020", False),  # dates to confirm, and its end may be past already
    ],
)
def test_open_means_running_upcoming_or_dates_to_confirm_whose_end_cannot_be_past(start, end, is_open):
    parse = lambda text: None if text is None else PartialDate.parse(dt.date.fromisoformat(text) if len(text) == 10 and text[4] == "-" else text)
    assert period_is_open(parse(start), parse(end), TODAY) is is_open

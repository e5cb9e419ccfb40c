"""Settings a person gives the build through the environment, checked before anything is built."""

from __future__ import annotations

import datetime as dt
import os
import re

from generator.errors import ConfigurationError

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
# The last second of the year 9999: later dates are beyond what Python's dates can hold.
LATEST_EPOCH = int(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc).timestamp())


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as the reproducible-builds convention defines it: whole seconds since
    1970-01-01 UTC, digits only. None when it is not set (or empty)."""
    value = os.environ.get(SOURCE_DATE_EPOCH, "")
    if not value:
        return None
    if not re.fullmatch(r"[0-9]+", value.strip()) or int(value) > LATEST_EPOCH:
        raise ConfigurationError(
            f"{SOURCE_DATE_EPOCH}={value!r} : un nombre entier de secondes depuis le 1er janvier 1970 est attendu "
            f"(par exemple 1725148800 pour le 1er septembre 2024 ; « date +%s » le donne), ou rien : "
            "la date du jour est alors utilisée"
        )
    return int(value)

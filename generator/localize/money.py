"""Amounts of money: in a page's language, or as the open data writes them."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency


def money(value: Decimal, locale: str) -> str:
    """An amount in euros, in the locale: « 1 200,00 € », « €1,200.00 »."""
    return format_currency(value, "EUR", locale=locale, format_type="standard")


def number(value: Decimal | None) -> int | float | None:
    """An amount as a JSON number: whole amounts as integers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def french_amount(value: Decimal) -> str:
    """An amount as written in French, with its digits as given: « 12,50 € »."""
    return f"{value:f}".replace(".", ",") + " €"

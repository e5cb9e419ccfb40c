"""The three answers of a field that accepts `non-concerne`: not filled yet (left out or `null`),
not relevant (`non-concerne`), or its values. The models declare such fields as
`OrNotRelevant[T]`; every reader asks `Answer.of`, `given` or `listed`, never the raw value."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Generic, TypeVar

from pydantic import WrapValidator

NOT_RELEVANT = "non-concerne"

T = TypeVar("T")


class Filled(str, Enum):
    """How a field that accepts `non-concerne` is answered."""

    missing = "missing"  # not filled yet
    not_relevant = "not-relevant"  # `non-concerne`: filled, with nothing to show
    given = "given"


@dataclass(frozen=True)
class Answer(Generic[T]):
    """A field that accepts `non-concerne`, read once: how it is filled, and its value when given."""

    filled: Filled
    value: T | None = None

    @classmethod
    def of(cls, value: "T | str | None") -> "Answer[T]":
        if value is None:
            return cls(Filled.missing)
        if isinstance(value, str) and value == NOT_RELEVANT:
            return cls(Filled.not_relevant)
        return cls(Filled.given, value)


def given(value: "T | str | None") -> "T | None":
    """The value of a field that accepts `non-concerne`; None when not filled yet or not relevant."""
    return Answer.of(value).value


def listed(values: "list[T] | str | None") -> list[T]:
    """The values of a list field that accepts `non-concerne`; none when not filled yet or not relevant."""
    return given(values) or []



def _pass_not_relevant(value, handler):
    return value if value == NOT_RELEVANT else handler(value)


class _NotRelevantInSchema:
    """Adds `non-concerne` to the JSON Schema, so VS Code accepts and suggests it."""

    def __get_pydantic_json_schema__(self, schema, handler):
        return {"anyOf": [handler(schema), {"const": NOT_RELEVANT}]}


class _OrNotRelevant:
    """`OrNotRelevant[T]`: a value of type T, `non-concerne`, or nothing yet.

    Not a plain union on purpose: pydantic reports one error per union branch, which would
    bury the one message a coordinator needs.
    """

    def __class_getitem__(cls, item):
        return Annotated[item | None, WrapValidator(_pass_not_relevant), _NotRelevantInSchema()]


OrNotRelevant = _OrNotRelevant

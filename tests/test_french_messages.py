"""No sentence of pydantic's reaches a coordinator: every error the models can raise, and every
error type pydantic knows, is told in French (generator/errors.py `french_message`)."""

from __future__ import annotations

import datetime as dt
import re
import typing

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core import core_schema

from generator import models
from generator.errors import french_message

# Words of pydantic's English messages; none is French.
ENGLISH = re.compile(r"\b(?:Input|should|must|Value error|Field required|valid|number|characters?|items?)\b")
# Accented letters, French quotes or the commonest French words: « Invalid IPv6 URL » has none.
FRENCH = re.compile(r"[àâçéèêëîïôûù«»]|\b(?:est|une?|les?|la|des?|du|au|et|ici|pas|champ|vides?)\b")


def is_french(message: str) -> bool:
    return bool(FRENCH.search(message)) and not ENGLISH.search(message)

# Values a person can type in YAML, right or wrong for any field.
TYPED = [
    None, "texte", "", "non-concerne", 1.5, -5, 0, 10**30, True, [], {}, ["x"], {"cle": 1},
    float("inf"), float("-inf"), float("nan"), dt.date(2024, 1, 1), dt.datetime(2024, 1, 1, 9, 30),
    "2024-13-45", "x" * 500,
]
# Addresses that each break a different part of URL parsing.
BAD_URLS = ["https://[::1/", "https://a.fr:99999/", "https://a.fr:port/", "https://xn--.fr", "https://user:pw@a.fr/"]


def content_models() -> list[type[BaseModel]]:
    """Every model reachable from the four kinds of content file."""
    found: list[type[BaseModel]] = []
    todo = [models.Territory, models.Action, models.ActionTranslation, models.TerritoryTranslation]
    while todo:
        model = todo.pop()
        if model in found:
            continue
        found.append(model)
        for field in model.model_fields.values():
            todo += [inner for inner in _models_in(field.annotation) if inner not in found]
    return found


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [inner for arg in typing.get_args(annotation) for inner in _models_in(arg)]


def raised_errors() -> list[tuple[type[BaseModel], dict]]:
    """The errors the models raise for every typed value in every field, with the model."""
    errors = []
    for model in content_models():
        for name in model.model_fields:
            for value in TYPED:
                try:
                    model.model_validate({name: value})
                except ValidationError as exc:
                    errors += [(model, error) for error in exc.errors(include_url=False) if error["loc"][:1] == (name,)]
    whole = [(models.Contact, {"kind": "website", "value": url}) for url in BAD_URLS]
    whole += [(models.Territory, {"report_url": url}) for url in BAD_URLS]
    for model, data in whole:
        try:
            model.model_validate(data)
        except ValidationError as exc:
            errors += [(model, error) for error in exc.errors(include_url=False) if error["type"] != "missing"]
    return errors


RAISED = raised_errors()


def test_the_walk_meets_the_error_types_coordinators_cause():
    kinds = {error["type"] for _, error in RAISED}
    assert {"finite_number", "int_type", "bool_parsing", "enum", "string_too_long", "value_error", "url_parsing"} <= kinds


@pytest.mark.parametrize("kind", sorted({error["type"] for _, error in RAISED}))
def test_every_error_the_models_raise_is_told_in_french(kind):
    for model, error in [(model, error) for model, error in RAISED if error["type"] == kind]:
        message = french_message(error, model)
        assert is_french(message), (error, message)


@pytest.mark.parametrize("kind", typing.get_args(core_schema.ErrorType))
def test_every_pydantic_error_type_gets_a_french_sentence(kind):
    error = {"type": kind, "loc": ("title",), "msg": "Input should be something", "input": "x", "ctx": {}}
    message = french_message(error, models.Action)
    assert is_french(message), message


def test_an_infinite_amount_says_what_to_write():
    with pytest.raises(ValidationError) as raised:
        models.Budget(total_cost=float("inf"))
    assert "un nombre fini est attendu" in french_message(raised.value.errors()[0], models.Budget)

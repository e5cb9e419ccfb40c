"""The age an action is for, as one sentence: the one rule for « from », « up to » and « between »."""

from __future__ import annotations

from collections.abc import Callable

from generator.labels import N_
from generator.models import AgeRange, given

# The page's sentences (message ids) and the open data's French ones, by the bounds given.
PAGE_SENTENCES = {
    "between": N_("De {min} à {max} ans"),
    "from": N_("À partir de {min} ans"),
    "until": N_("Jusqu'à {max} ans"),
}
OPEN_DATA_SENTENCES = {
    "between": "Âge : de {min} à {max} ans.",
    "from": "Âge : {min} ans et plus.",
    "until": "Âge : jusqu'à {max} ans.",
}


def bounds(age: AgeRange | str | None) -> str | None:
    """Which bounds an age gives: between, from, until; None when not filled or not relevant."""
    age = given(age)
    if age is None:
        return None
    if age.min is not None and age.max is not None:
        return "between"
    return "from" if age.min is not None else "until"


def age_sentence(age: AgeRange | str | None, gettext: Callable[[str], str], sentences=PAGE_SENTENCES) -> str | None:
    """« De 18 à 25 ans » in the page's language (or with the open data's `sentences`), or None."""
    kind = bounds(age)
    if kind is None:
        return None
    age = given(age)
    return gettext(sentences[kind]).format(min=age.min, max=age.max)

"""The `not_persons` marks that dismiss nothing: a mark left over after an edit, or one that was
never a phrase the detector flagged, would silently dismiss a real name written there later."""

from __future__ import annotations

from pathlib import Path

from generator.checks import ContentWarning
from generator.errors import display_path, field_path
from generator.gate.privacy import screened_persons
from generator.models import Catalogue
from generator.yaml_reader import field_lines, line_of, texts

UNUSED = (
    "« {mark} » ne couvre aucun nom que la vérification a relevé dans ce fichier ou ses traductions :"
    " retirez-le de not_persons. Une marque doit reprendre le nom relevé, tel qu'il est écrit, avec au"
    " plus quelques mots autour (« Ateliers Pierre Dupont »)."
)


def _unused(path: Path, marks: list[str], models: list, territory: str) -> list[ContentWarning]:
    used: set[str] = set()
    for model in models:
        for loc, text in texts(model.model_dump()):
            if loc[:1] != ("not_persons",):  # the marks themselves
                used |= screened_persons(text, marks)[1]
    data = None
    warnings = []
    for index, mark in enumerate(marks):
        if mark.strip() and mark.strip() not in used:
            data = data if data is not None else field_lines(path)
            loc = ("not_persons", index)
            warnings.append(ContentWarning(
                display_path(path), line_of(data, loc), field_path(loc), UNUSED.format(mark=mark), territory
            ))
    return warnings


def unused_mark_warnings(catalogue: Catalogue) -> list[ContentWarning]:
    """A warning for each mark of a territory or action file that covers no flagged phrase."""
    warnings = []
    for territory in catalogue.territories.values():
        files = [(territory.path, territory.model, territory.translations)]
        files += [(action.path, action.model, action.translations) for action in territory.actions.values()]
        for path, model, translations in files:
            if model.not_persons:
                models = [model, *(translation.model for translation in translations.values())]
                warnings += _unused(path, model.not_persons, models, territory.slug)
    return warnings

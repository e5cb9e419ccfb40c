"""Content warnings: what a coordinator should still do, without stopping publication.

Errors (generator/load.py) block the build: invalid data, privacy and safety. Warnings do not:
a translation to make or to update, a field not filled yet. `catalogue validate` prints them,
the workflow lists them on the run's summary page, and the completeness page of each territory
shows its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import ContentError, display_path
from generator.languages import TRANSLATION_LANGUAGES
from generator.localize import missing_fields
from generator.models import Catalogue, LoadedTranslation

MODELINE = "# yaml-language-server: $schema="
NO_MODELINE = "la première ligne « # yaml-language-server: $schema=… » manque : VS Code ne peut pas vérifier ce fichier. Recopiez-la d'un fichier voisin."
STALE = "traduction peut-être périmée : le texte français a changé depuis. Mettez-la à jour (« catalogue translations export --lang {lang} », puis « import »)."


@dataclass(frozen=True, order=True)
class ContentWarning(ContentError):
    """Worded like an error, `file:line: field: message`; and the territory it belongs to."""

    territory: str = ""


def _stale(territory: str, translation: LoadedTranslation) -> ContentWarning:
    return ContentWarning(
        display_path(translation.path), 1, "source_fingerprint", STALE.format(lang=translation.lang), territory
    )


def _without_modeline(territory: str, paths) -> list[ContentWarning]:
    return [
        ContentWarning(display_path(path), 1, "", NO_MODELINE, territory)
        for path in paths
        if not path.read_text(encoding="utf-8").startswith(MODELINE)
    ]


def content_warnings(catalogue: Catalogue) -> list[ContentWarning]:
    """Every warning of the catalogue, sorted by file and line."""
    warnings = []
    for territory in catalogue.territories.values():
        files = [territory.path, *(t.path for t in territory.translations.values())]
        files += [path for a in territory.actions.values() for path in (a.path, *(t.path for t in a.translations.values()))]
        warnings += _without_modeline(territory.slug, files)
        warnings += [_stale(territory.slug, t) for t in territory.translations.values() if t.stale]
        for action in territory.actions.values():
            path = display_path(action.path)
            missing_languages = [lang for lang in TRANSLATION_LANGUAGES if lang not in action.translations]
            if missing_languages:
                warnings.append(ContentWarning(
                    path, 1, "", f"pas encore traduite en : {', '.join(missing_languages)}.", territory.slug
                ))
            warnings += [_stale(territory.slug, t) for t in action.translations.values() if t.stale]
            missing = missing_fields(action.model)
            if missing:
                warnings.append(ContentWarning(
                    path, 1, "", f"champs pas encore remplis : {', '.join(missing)}.", territory.slug
                ))
        warnings += _duplicate_titles(territory)
    return sorted(warnings)


def _duplicate_titles(territory) -> list[ContentWarning]:
    """Two fiches of one territory with the same title look like one action twice in its lists."""
    by_title: dict[str, list] = {}
    for action in territory.actions.values():
        by_title.setdefault(" ".join(action.model.title.casefold().split()), []).append(action)
    warnings = []
    for actions in by_title.values():
        for action in actions if len(actions) > 1 else []:
            others = ", ".join(display_path(other.path) for other in actions if other is not action)
            warnings.append(ContentWarning(
                display_path(action.path), _title_line(action.path), "title",
                f"même titre que {others} : distinguez les deux fiches par ce que la source dit d'elles"
                " (lieu, public, période).", territory.slug,
            ))
    return warnings


def _title_line(path) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("title:"):
            return number
    return 1

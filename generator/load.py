"""Stage 1, load: read `content/` into validated models, or report every error at once.

The content folder looks like:

    content/<territory>/territory.yml
    content/<territory>/territory.<lang>.yml        (translations of the introduction)
    content/<territory>/actions/<action>.yml
    content/<territory>/actions/<action>.<lang>.yml (translations of the public text)
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import babel
from pydantic import BaseModel, ValidationError

from generator.errors import ContentError, ContentErrors, display_path, field_path, validation_errors
from generator.languages import TRANSLATION_LANGUAGES
from generator.routes import reserved_problem
from generator.gate.consistency import action_problems, territory_problems
from generator.yaml_reader import LineDict, line_of, read_yaml  # noqa: F401 (terms.py reads files too)
from generator.fingerprints import fingerprint, translatable_fields
from generator.models import (
    SLUG_PATTERN,
    Action,
    ActionTranslation,
    Catalogue,
    LoadedAction,
    LoadedTerritory,
    LoadedTranslation,
    Territory,
    TerritoryTranslation,
    listed,
)

# The files read, by path and content, when `remember_files()` turned it on: `catalogue serve`
# reads a territory again after each edit, and most of its files are unchanged. Not by
# modification time: two saves in the same clock tick, of the same size, would look the same.
_REMEMBERED: dict[tuple, tuple] | None = None


def remember_files() -> None:
    global _REMEMBERED
    if _REMEMBERED is None:
        _REMEMBERED = {}


def _validate(model: type[BaseModel], path: Path, errors: list[ContentError], not_persons: tuple[str, ...] = ()):
    """The validated model and its parsed data (for line numbers), or (None, data)."""
    if _REMEMBERED is None:
        return _validate_file(model, path, errors, not_persons)
    try:
        digest = hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return _validate_file(model, path, errors, not_persons)
    key = (model, path, digest, not_persons)
    if key not in _REMEMBERED:
        found: list[ContentError] = []
        _REMEMBERED[key] = (*_validate_file(model, path, found, not_persons), found)
    validated, data, found = _REMEMBERED[key]
    errors.extend(found)
    return validated, data


def _validate_file(model: type[BaseModel], path: Path, errors: list[ContentError], not_persons: tuple[str, ...]):
    data = read_yaml(path, errors, not_persons)
    if data is None:
        return None, None
    try:
        return model.model_validate(data), data
    except ValidationError as exc:
        errors.extend(validation_errors(exc, model, display_path(path), lambda loc: line_of(data, loc)))
        return None, data


def _known_language(code: str) -> bool:
    try:
        babel.Locale.parse(code)
    except (ValueError, babel.UnknownLocaleError):
        return False
    return True


def _split_name(path: Path) -> tuple[str, str | None]:
    """`atelier.ar.yml` → ("atelier", "ar"); `atelier.yml` → ("atelier", None)."""
    stem, _, lang = path.name.rsplit(".", 1)[0].partition(".")
    return stem, (lang or None)


def _content_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml"))


def _load_territory(folder: Path, errors: list[ContentError]) -> LoadedTerritory | None:
    shown_folder = display_path(folder)
    main_file = next((folder / name for name in ("territory.yml", "territory.yaml") if (folder / name).exists()), None)
    if main_file is None:
        errors.append(ContentError(shown_folder, 1, "", "il manque le fichier territory.yml de ce territoire"))
        return None
    territory, data = _validate(Territory, main_file, errors)
    actions_folder = folder / "actions"
    if territory is None:
        # Still check the actions, so that one broken file does not hide the others' errors.
        if actions_folder.is_dir():
            stand_in = LoadedTerritory(slug=folder.name, model=None, path=main_file)
            _load_actions(actions_folder, stand_in, None, errors)
        return None
    if territory.slug != folder.name:
        errors.append(
            ContentError(
                display_path(main_file),
                line_of(data, ("slug",)),
                "slug",
                f"le slug « {territory.slug} » doit être le nom du dossier « {folder.name} »",
            )
        )
    if problem := reserved_problem(territory.slug):
        errors.append(ContentError(display_path(main_file), line_of(data, ("slug",)), "slug", problem))
    loaded = LoadedTerritory(slug=territory.slug, model=territory, path=main_file, data=data)
    _add_problems(territory_problems(territory), main_file, data, errors)
    contract_ids = [contract.id for contract in territory.contracts]
    for index, contract_id in enumerate(contract_ids):
        if contract_id in contract_ids[:index]:
            loc = ("contracts", index, "id")
            errors.append(
                ContentError(
                    display_path(main_file), line_of(data, loc), field_path(loc),
                    f"l'identifiant de contrat « {contract_id} » est en double",
                )
            )
    intro_fingerprint = fingerprint({"intro": territory.intro})
    for path in _content_files(folder):
        stem, lang = _split_name(path)
        if stem != "territory" or lang is None:
            if path != main_file:
                errors.append(
                    ContentError(display_path(path), 1, "", "fichier inattendu : les actions vont dans le dossier actions/")
                )
            continue
        if not _check_language(path, lang, errors):
            continue
        translation, _ = _validate(TerritoryTranslation, path, errors, tuple(territory.not_persons))
        if translation:
            loaded.translations[lang] = LoadedTranslation(
                lang, translation, path, stale=translation.source_fingerprint != intro_fingerprint
            )
    if actions_folder.is_dir():
        _load_actions(actions_folder, loaded, set(contract_ids), errors)
    return loaded


def _add_problems(problems: list[tuple[tuple, str]], path: Path, data: LineDict, errors: list[ContentError]) -> None:
    errors.extend(ContentError(display_path(path), line_of(data, loc), field_path(loc), message) for loc, message in problems)


def _check_language(path: Path, lang: str, errors: list[ContentError]) -> bool:
    if lang in TRANSLATION_LANGUAGES:
        return True
    errors.append(
        ContentError(
            display_path(path),
            1,
            "",
            f"langue « {lang} » inconnue dans le nom du fichier : utilisez {', '.join(TRANSLATION_LANGUAGES)}",
        )
    )
    return False


def _load_actions(folder: Path, territory: LoadedTerritory, contract_ids: set[str] | None, errors: list[ContentError]):
    """Load the actions and their translations; `contract_ids` None skips the contract check."""
    files = _content_files(folder)
    seen = _load_action_files(files, territory, contract_ids, errors)
    _load_translation_files(files, territory, seen, errors)


def _load_action_files(files: list[Path], territory: LoadedTerritory, contract_ids: set[str] | None,
                       errors: list[ContentError]) -> dict[str, Path]:
    """The French action files; returns the file of each action slug met."""
    seen: dict[str, Path] = {}
    for path in files:
        slug, lang = _split_name(path)
        if lang is not None:
            continue
        shown = display_path(path)
        if not re.fullmatch(SLUG_PATTERN, slug):
            errors.append(
                ContentError(shown, 1, "", f"nom de fichier « {path.name} » : lettres minuscules, chiffres et tirets seulement")
            )
            continue
        if problem := reserved_problem(slug):
            errors.append(ContentError(shown, 1, "", f"nom de fichier « {path.name} » : {problem}"))
            continue
        if slug in seen:
            errors.append(ContentError(shown, 1, "", f"action en double : « {display_path(seen[slug])} » a le même nom"))
            continue
        seen[slug] = path
        action, data = _validate(Action, path, errors)
        if action is None:
            continue
        _check_action(action, data, path, territory, contract_ids, errors)
        territory.actions[slug] = LoadedAction(slug=slug, territory=territory.slug, model=action, path=path)
    return seen


def _check_action(action: Action, data, path: Path, territory: LoadedTerritory, contract_ids: set[str] | None,
                  errors: list[ContentError]) -> None:
    """What the model alone cannot check: its contract, its languages, its dates against the contract's."""
    shown = display_path(path)
    if contract_ids is not None and action.admin.contract not in contract_ids:
        errors.append(
            ContentError(
                shown,
                line_of(data, ("admin", "contract")),
                "admin.contract",
                f"contrat « {action.admin.contract} » introuvable dans territory.yml : "
                f"contrats connus : {', '.join(sorted(contract_ids))}",
            )
        )
    for lang_code in listed(action.who.languages):
        if not _known_language(lang_code):
            errors.append(
                ContentError(
                    shown,
                    line_of(data, ("who", "languages")),
                    "who.languages",
                    f"code de langue « {lang_code} » inconnu : utilisez un code comme fr, en, ar, ps, ti",
                )
            )
    contract = next((c for c in territory.model.contracts if c.id == action.admin.contract), None) if territory.model else None
    _add_problems(action_problems(action, contract.period if contract else None, dt.date.today()), path, data, errors)


def _load_translation_files(files: list[Path], territory: LoadedTerritory, seen: dict[str, Path],
                            errors: list[ContentError]) -> None:
    """The translation files, each of an action met in `seen`."""
    seen_translations: dict[tuple[str, str], Path] = {}
    for path in files:
        slug, lang = _split_name(path)
        if lang is None:
            continue
        if not _check_language(path, lang, errors):
            continue
        if (slug, lang) in seen_translations:
            errors.append(
                ContentError(
                    display_path(path), 1, "",
                    f"traduction en double : « {display_path(seen_translations[(slug, lang)])} » traduit la même action",
                )
            )
            continue
        seen_translations[(slug, lang)] = path
        if slug not in seen:
            errors.append(
                ContentError(
                    display_path(path), 1, "", f"traduction d'une action qui n'existe pas : il n'y a pas de fichier {slug}.yml"
                )
            )
            continue
        action = territory.actions.get(slug)
        translation, _ = _validate(ActionTranslation, path, errors, tuple(action.model.not_persons) if action else ())
        if translation and action:
            current = fingerprint(translatable_fields(action.model))
            action.translations[lang] = LoadedTranslation(
                lang, translation, path, stale=translation.source_fingerprint != current
            )


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM_FILES = 2_000


def _load_one(folder: Path) -> tuple[LoadedTerritory | None, list[ContentError]]:
    errors: list[ContentError] = []
    return _load_territory(folder, errors), errors


def _load_territories(folders: list[Path]):
    """Load territory folders, in parallel processes when the catalogue is big."""
    files = sum(1 for folder in folders for _ in folder.rglob("*.y*ml"))
    workers = min(len(folders), os.cpu_count() or 1)
    if files < PARALLEL_FROM_FILES or workers < 2:
        return map(_load_one, folders)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_load_one, folders))


@contextmanager
def _garbage_collector_paused():
    """Loading makes hundreds of thousands of objects that all live on, and no cyclic garbage:
    the collector would walk them again and again for nothing (a seventh of the load time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalogue(content_dir: Path) -> Catalogue:
    """Read and check everything under `content_dir`; raise ContentErrors listing all problems."""
    if not content_dir.is_dir():
        raise ContentErrors([ContentError(display_path(content_dir), 1, "", "dossier de contenu introuvable")])
    folders = sorted(p for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    with _garbage_collector_paused():
        loaded = list(_load_territories(folders))
    errors: list[ContentError] = []
    territories: dict[str, LoadedTerritory] = {}
    for territory, territory_errors in loaded:
        errors.extend(territory_errors)
        if territory is None:
            continue
        if territory.slug in territories:
            errors.append(
                ContentError(
                    display_path(territory.path),
                    line_of(territory.data, ("slug",)),
                    "slug",
                    f"territoire en double : « {territory.slug} » est déjà utilisé par "
                    f"{display_path(territories[territory.slug].path)}",
                )
            )
            continue
        territories[territory.slug] = territory
    if not territories and not errors:
        errors.append(ContentError(display_path(content_dir), 1, "", "aucun territoire : ajoutez un dossier avec territory.yml"))
    elif not errors and not any(territory.actions for territory in territories.values()):
        errors.append(ContentError(
            display_path(content_dir), 1, "",
            "aucune action dans aucun territoire : le site serait vide. Ajoutez une action (« catalogue new action »)",
        ))
    if errors:
        raise ContentErrors(errors)
    return Catalogue(territories=territories)


def load_territory(folder: Path) -> LoadedTerritory:
    """One territory folder, read and checked alone: the preview reloads only what changed."""
    territory, errors = _load_one(folder)
    if errors:
        raise ContentErrors(errors)
    return territory

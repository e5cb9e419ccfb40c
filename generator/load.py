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
import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import ContentError, ContentErrors, display_path, field_path, validation_errors
from generator.languages import TRANSLATION_LANGUAGES
from generator.routes import reserved_problem
from generator.gate.consistency import action_problems, territory_problems
from generator.gate.text import text_problems
from generator.gate.yaml_messages import yaml_advice
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
    fingerprint,
    translatable_fields,
)

# A file whose data tree is bigger than this is refused: it is how an alias bomb
# ("billion laughs") shows up once parsed, long before it could exhaust memory.
MAX_NODES = 20_000
MAX_FILE_BYTES = 1_000_000
# Deeper than this, a content file is a mistake or an attack (and Python's recursion would fail).
MAX_DEPTH = 20


# --- Text policy: what no text field may contain ---

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>?")
DANGEROUS_URL = re.compile(r"(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
MARKDOWN_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
SAFE_LINK = re.compile(r"^(?:https?://|mailto:|tel:)", re.IGNORECASE)

# One cheap look for anything the checks below could find; most texts have none of it.
SUSPECT = re.compile(r"[<\]:]")


def text_problem(text: str) -> str | None:
    """Why `text` cannot be published, or None."""
    if not SUSPECT.search(text):
        return None
    if HTML_TAG.search(text):
        return "le HTML n'est pas accepté : écrivez du texte simple (Markdown permis : **gras**, listes, liens)"
    if DANGEROUS_URL.search(text):
        return "lien dangereux (javascript:, data:) : seuls les liens https://, mailto: et tel: sont acceptés"
    for target in MARKDOWN_LINK_TARGET.findall(text):
        if not SAFE_LINK.match(target):
            return f"lien « {target} » refusé : seuls les liens https://, mailto: et tel: sont acceptés"
    return None


# --- YAML that remembers lines ---


class LineDict(dict):
    """A mapping that remembers the line of each of its keys."""

    line: int
    key_lines: dict


class LineList(list):
    line: int
    item_lines: list


class _LineLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """Safe YAML (no Python tags) that records lines and refuses duplicate keys."""

    key_problems: list[tuple[int, str, str]]
    depth: int = 0


def _nested(loader: _LineLoader, node: yaml.Node) -> None:
    loader.depth += 1
    if loader.depth > MAX_DEPTH:
        raise yaml.constructor.ConstructorError(None, None, "nesting depth", node.start_mark)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    _nested(loader, node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            # `2024:` or `yes:` are read as a number or true: a coordinator meant a word.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key)
            loader.key_problems.append((line, key, "clé qui n'est pas un mot : mettez-la entre guillemets"))
        if key in mapping:
            loader.key_problems.append((line, key, "clé en double : la seconde effacerait la première"))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    loader.depth -= 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    _nested(loader, node)
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    loader.depth -= 1
    return items


def _refuse_tag(loader: _LineLoader, node: yaml.Node):
    raise yaml.constructor.ConstructorError(None, None, f"balise {node.tag} refusée", node.start_mark)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        # An impossible date such as 2024-02-30 stays text: the model then names the field.
        return node.value


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
# Binary, sets and ordered pairs are plain YAML, but no field needs them, and decoded bytes or
# set members would slip past the text checks.
for _tag in ("binary", "set", "omap", "pairs"):
    _LineLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


def line_of(data: object, loc: tuple) -> int:
    """The line of the deepest part of `loc` that exists in the parsed data."""
    line = getattr(data, "line", 1)
    current = data
    for part in loc:
        if isinstance(current, LineDict) and part in current:
            line = current.key_lines[part]
            current = current[part]
        elif isinstance(current, LineList) and isinstance(part, int) and part < len(current):
            line = current.item_lines[part]
            current = current[part]
        else:
            break
    return line


def _key_location(data: object, line: int, key: str, loc: tuple = ()) -> tuple | None:
    """Where the key written on `line` sits in the data, to name the field in full."""
    if isinstance(data, LineDict):
        if data.key_lines.get(key) == line:
            return (*loc, key)
        children = data.items()
    elif isinstance(data, LineList):
        children = enumerate(data)
    else:
        return None
    for name, child in children:
        found = _key_location(child, line, key, (*loc, name))
        if found:
            return found
    return None


def _count_nodes(data: object, budget: int) -> int:
    """Count nodes until the budget is spent; aliases count every time they are reached."""
    stack = [data]
    count = 0
    while stack and count <= budget:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def _texts(data: object, loc: tuple = ()):
    """Every string of the data (keys excluded), with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


def read_yaml(path: Path, errors: list[ContentError], not_persons: tuple[str, ...] = ()) -> LineDict | None:
    """Parse one file; on any problem, add errors and return None.

    `not_persons`: phrases marked as not persons elsewhere (a translation takes its French file's).
    """
    shown = display_path(path)
    if path.stat().st_size > MAX_FILE_BYTES:  # before reading: a huge file is never read whole
        errors.append(ContentError(shown, 1, "", "fichier trop gros (plus de 1 Mo) : découpez-le"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.append(
            ContentError(
                shown, line, "", "le fichier n'est pas en UTF-8 : enregistrez-le en « UTF-8 » dans votre éditeur"
            )
        )
        return None
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        errors.append(ContentError(shown, 1, "", "le fichier est vide : remplissez-le ou supprimez-le"))
        return None
    loader = _LineLoader(text)
    loader.key_problems = []
    try:
        data = loader.get_single_data()
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        if "recursive" in str(exc.problem):
            message = "alias YAML qui se contient lui-même : écrivez les valeurs en entier"
        elif exc.problem == "nesting depth":
            message = f"plus de {MAX_DEPTH} niveaux imbriqués : écrivez des listes et des blocs simples"
        else:
            tag = f" ({exc.problem})" if exc.problem else ""
            message = "balise YAML interdite : seules les données simples sont acceptées" + tag
        errors.append(ContentError(shown, mark.line + 1 if mark else 1, "", message))
        return None
    except yaml.MarkedYAMLError as exc:
        line, advice = yaml_advice(exc, text)
        errors.append(ContentError(shown, line, "", advice))
        return None
    except yaml.reader.ReaderError as exc:
        line = text.encode("utf-8")[: exc.position].count(b"\n") + 1  # libyaml counts bytes
        errors.append(ContentError(shown, line, "", f"caractère de contrôle invisible (U+{exc.character:04X}) : retapez cette ligne sans la copier-coller"))
        return None
    except yaml.YAMLError as exc:
        errors.append(ContentError(shown, 1, "", f"syntaxe YAML incorrecte : {exc}"))
        return None
    finally:
        loader.dispose()
    for line, key, message in loader.key_problems:
        errors.append(ContentError(shown, line, field_path(_key_location(data, line, key) or (key,)), message))
    if not isinstance(data, LineDict):
        errors.append(ContentError(shown, 1, "", "le fichier doit contenir des lignes « clé: valeur »"))
        return None
    if _count_nodes(data, MAX_NODES) > MAX_NODES:
        errors.append(
            ContentError(shown, 1, "", "fichier trop complexe (alias YAML répétés ?) : écrivez les valeurs en entier")
        )
        return None
    if loader.key_problems:
        return None
    marked = data.get("not_persons")
    not_persons = (*not_persons, *(m for m in marked if isinstance(m, str))) if isinstance(marked, list) else not_persons
    # A refused text is an error, so nothing is published; the model is still checked, to list
    # every error of the file in one run.
    for loc, value in _texts(data):
        for problem in [text_problem(value), *text_problems(value, not_persons)]:
            if problem:
                errors.append(ContentError(shown, line_of(data, loc), field_path(loc), problem))
    return data


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
    seen: dict[str, Path] = {}
    for path in files:
        slug, lang = _split_name(path)
        if lang is not None:
            continue
        shown = display_path(path)
        if not re.match(SLUG_PATTERN, slug):
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
        for lang_code in action.who.languages if isinstance(action.who.languages, list) else []:
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
        territory.actions[slug] = LoadedAction(slug=slug, territory=territory.slug, model=action, path=path)
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
    if errors:
        raise ContentErrors(errors)
    return Catalogue(territories=territories)


def load_territory(folder: Path) -> LoadedTerritory:
    """One territory folder, read and checked alone: the preview reloads only what changed."""
    territory, errors = _load_one(folder)
    if errors:
        raise ContentErrors(errors)
    return territory

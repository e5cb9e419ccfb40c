"""Reading one content file: YAML that remembers its lines, within size, depth and text limits.

Every problem becomes a ContentError naming the file and line, in French; nothing is raised.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import ContentError, display_path, field_path, system_reason
from generator.gate.contacts import email_problem, phone_problem, website_problem
from generator.gate.text import text_problems
from generator.gate.unquoted import prose_keys, unquoted_text_problem
from generator.gate.yaml_messages import yaml_advice
from generator.routes import SAFE_LINK

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
        if problem := _link_target_problem(target):
            return f"lien refusé : {problem}"
    return None


def _link_target_problem(target: str) -> str | None:
    """A link's target checked as the contact of its kind: no credentials, no hidden characters,
    no recipients added to an e-mail."""
    scheme, _, rest = target.partition(":")
    if scheme.lower() == "mailto":
        return email_problem(rest)
    if scheme.lower() == "tel":
        return phone_problem(rest)
    return website_problem(target)


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
    # (line of the key, key, item index or None, line of the problem, message)
    unquoted_problems: list[tuple[int, str, int | None, int, str]]
    lines: list[str]
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
        if key in prose_keys():
            _check_unquoted(loader, line, key, value_node)
    loader.depth -= 1
    return mapping


def _check_unquoted(loader: _LineLoader, key_line: int, key: str, node: yaml.Node) -> None:
    """Unquoted texts of a text field (or of its list) that a `#` or a leading `&` cut short."""
    items = enumerate(node.value) if isinstance(node, yaml.SequenceNode) else [(None, node)]
    for index, item in items:
        if found := unquoted_text_problem(item, loader.lines):
            loader.unquoted_problems.append((key_line, key, index, *found))


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


def texts(data: object, loc: tuple = ()):
    """Every string of the data (keys excluded), with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


def read_yaml(path: Path, errors: list[ContentError], not_persons: tuple[str, ...] = ()) -> LineDict | None:
    """Parse one file; on any problem, add errors and return None.

    `not_persons`: phrases marked as not persons elsewhere (a translation takes its French file's).
    """
    shown = display_path(path)
    text = _read_text(path, shown, errors)
    if text is None:
        return None
    loader = _LineLoader(text)
    loader.key_problems = []
    loader.unquoted_problems = []
    loader.lines = text.splitlines()
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
    for key_line, key, index, line, message in loader.unquoted_problems:
        loc = (*(_key_location(data, key_line, key) or (key,)), *(() if index is None else (index,)))
        errors.append(ContentError(shown, line, field_path(loc), message))
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
    _check_texts(data, shown, errors, not_persons)
    return data


def field_lines(path: Path) -> object:
    """A file the loader accepted, parsed again without its checks: for the lines of its fields
    in a later warning (the models do not keep them). None if it cannot be read now."""
    try:
        loader = _LineLoader(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    loader.key_problems, loader.unquoted_problems, loader.lines = [], [], []
    try:
        return loader.get_single_data()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _read_text(path: Path, shown: str, errors: list[ContentError]) -> str | None:
    """The file's text: not too big, in UTF-8, not empty; else None, with the error added."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:  # before reading: a huge file is never read whole
            errors.append(ContentError(shown, 1, "", "fichier trop gros (plus de 1 Mo) : découpez-le"))
            return None
        raw = path.read_bytes()
    except OSError as error:  # unreadable, or a link to nowhere
        errors.append(ContentError(shown, 1, "", f"fichier illisible : {system_reason(error)}. Vérifiez ses droits, ou remplacez le lien par le fichier"))
        return None
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
    return text


def _check_texts(data: LineDict, shown: str, errors: list[ContentError], not_persons: tuple[str, ...]) -> None:
    """A refused text is an error, so nothing is published; the model is still checked after, to
    list every error of the file in one run."""
    marked = data.get("not_persons")
    not_persons = (*not_persons, *(m for m in marked if isinstance(m, str))) if isinstance(marked, list) else not_persons
    for loc, value in texts(data):
        contact_value = loc[-1:] == ("value",)  # a contact's number: generator/gate/contacts.py
        for problem in [text_problem(value), *text_problems(value, not_persons, contact_value)]:
            if problem:
                errors.append(ContentError(shown, line_of(data, loc), field_path(loc), problem))

"""Unquoted YAML texts that silently lose part of themselves: ` #` starts a comment, so
`abstract: Atelier n°1 #lundi` publishes « Atelier n°1 »; a leading `&` or `!` is read as YAML
syntax and dropped. Checked in free-text fields only: after a code, a number, a date or
true/false, a comment (such as those `catalogue new` writes) cuts nothing off."""

from __future__ import annotations

import functools
import re

import yaml

from generator.answers import NOT_RELEVANT

STRING_TAG = "tag:yaml.org,2002:str"
COMMENT_AFTER = re.compile(r"[ \t]+#")
# Text fields that hold a code checked for its own form (an identifier, a file name, a phone
# number, an address, opening hours): what a comment cuts off was never part of the code.
CODE_KEYS = frozenset({"contract", "document", "value", "report_url", "opening_hours", "languages"})
QUOTE_IT = 'mettez tout le texte entre guillemets, par exemple : abstract: "Atelier n°1 #lundi"'


def _free_string(schema: dict) -> bool:
    """Whether a JSON Schema property takes any text (not a pattern, a date, an enumeration)."""
    if schema.get("type") == "string":
        return not any(constraint in schema for constraint in ("pattern", "format", "enum", "const"))
    if schema.get("type") == "array":
        return _free_string(schema.get("items", {}))
    return any(_free_string(option) for option in schema.get("anyOf", []))


@functools.cache
def prose_keys() -> frozenset[str]:
    """The keys of free text, in any content file: read from the models' JSON Schemas, so that a
    new text field is checked without a change here."""
    from generator.schema import SCHEMA_MODELS

    keys = set()
    for model in SCHEMA_MODELS.values():
        schema = model.model_json_schema()
        for properties in [schema.get("properties", {}), *(d.get("properties", {}) for d in schema.get("$defs", {}).values())]:
            keys.update(key for key, prop in properties.items() if _free_string(prop))
    return frozenset(keys - CODE_KEYS)


def unquoted_text_problem(node: yaml.Node, lines: list[str]) -> tuple[int, str] | None:
    """(line, message) when `node`, an unquoted text, lost part of itself; else None."""
    if not isinstance(node, yaml.ScalarNode) or node.style or node.tag != STRING_TAG or node.value == NOT_RELEVANT:
        return None
    start, end = node.start_mark, node.end_mark
    first = lines[start.line][start.column : start.column + 1] if start.line < len(lines) else ""
    if first in ("&", "!"):
        return start.line + 1, (
            f"un texte ne peut pas commencer par « {first} » sans guillemets : YAML le lit comme un signe à lui"
            f" et l'efface ; {QUOTE_IT}"
        )
    if end.line < len(lines) and COMMENT_AFTER.match(lines[end.line], end.column):
        return end.line + 1, (
            f"texte coupé : « # » après une espace commence un commentaire, la fin du texte serait perdue"
            f" (il resterait « {node.value[-40:]} ») ; {QUOTE_IT}"
        )
    return None

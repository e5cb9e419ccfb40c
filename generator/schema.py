"""JSON Schema files exported from the models, so editors validate and complete the YAML.

Content files point to them with a first line such as:
`# yaml-language-server: $schema=../../_schema/action.schema.json`
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.models import Action, ActionTranslation, Territory, TerritoryTranslation

SCHEMA_MODELS = {
    "territory": Territory,
    "territory-translation": TerritoryTranslation,
    "action": Action,
    "action-translation": ActionTranslation,
}


def schema_texts() -> dict[str, str]:
    """File name → text, for every exported schema, and the web editor's fields made from them."""
    from generator.editor_form import editor_fields_text

    texts = {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in SCHEMA_MODELS.items()
    }
    texts["editor-fields.yml"] = editor_fields_text()
    return texts


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

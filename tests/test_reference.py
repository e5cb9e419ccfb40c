"""The committed JSON Schemas and content/README.md, generated from the models, match them.

They are code, written by `catalogue schema`, not content: no coordinator edits them."""

from generator.reference import reference_text
from generator.schema import schema_texts

from conftest import SHIPPED_CONTENT as CONTENT


def test_committed_schemas_are_up_to_date():
    for name, text in schema_texts().items():
        assert (CONTENT / "_schema" / name).read_text(encoding="utf-8") == text, f"run `catalogue schema` ({name})"


def test_coordinator_reference_is_up_to_date():
    assert (CONTENT / "README.md").read_text(encoding="utf-8") == reference_text(), "run `catalogue schema`"


def _reachable(model, seen):
    """Every model and enumeration a content file can hold, from `model` down."""
    import enum
    import typing

    from pydantic import BaseModel

    def walk(annotation):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in seen:
                seen.add(annotation)
                for field in annotation.model_fields.values():
                    walk(field.annotation)
        elif isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            seen.add(annotation)
        for argument in typing.get_args(annotation):
            walk(argument)

    walk(model)
    return seen


def test_the_reference_documents_every_block_and_every_allowed_value():
    """content/README.md is what coordinators read: a block or a value the loader accepts but
    the reference leaves out is a value they cannot know of."""
    import enum

    from generator import models
    from generator.reference import ENUMS, SECTIONS

    reachable = set()
    for root in (models.Territory, models.Action, models.ActionTranslation, models.TerritoryTranslation):
        _reachable(root, reachable)
    documented_models = {model for _, _, model, _ in SECTIONS}
    documented_enums = {enum_class for _, enum_class, _ in ENUMS}
    assert {m for m in reachable if not issubclass(m, enum.Enum)} - documented_models == set()
    assert {e for e in reachable if issubclass(e, enum.Enum)} - documented_enums == set()
    reference = reference_text()
    for _, enum_class, table in ENUMS:
        for member in enum_class:
            assert f"| `{member.value}` |" in reference, member
            assert member in table, member

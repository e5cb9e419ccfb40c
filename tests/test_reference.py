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

"""The committed JSON Schemas and content/README.md match the models."""

from generator.reference import reference_text
from generator.schema import schema_texts

from conftest import CONTENT


def test_committed_schemas_are_up_to_date():
    for name, text in schema_texts().items():
        assert (CONTENT / "_schema" / name).read_text(encoding="utf-8") == text, f"run `catalogue schema` ({name})"


def test_coordinator_reference_is_up_to_date():
    assert (CONTENT / "README.md").read_text(encoding="utf-8") == reference_text(), "run `catalogue schema`"


def test_every_content_file_has_the_schema_modeline():
    for path in CONTENT.rglob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema="), path

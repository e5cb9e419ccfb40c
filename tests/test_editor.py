"""The web editor's configuration is the models' (compared with the JSON Schemas), its files are
the vendored ones, and the built /admin/ stays out of search, sitemap and other origins."""

from __future__ import annotations

import hashlib
import json
import re

import yaml

from conftest import CATALOGUE, SHIPPED_CONTENT
from generator import editor, editor_form
from generator.dates import JSON_SCHEMA as PARTIAL_DATE_SCHEMA
from generator.schema import schema_texts
from generator.settings import Settings


def test_committed_editor_fields_are_up_to_date():
    committed = (SHIPPED_CONTENT / "_schema" / "editor-fields.yml").read_text(encoding="utf-8")
    assert committed == editor_form.editor_fields_text(), "run `catalogue schema`"


def _resolve(schema: dict, node: dict) -> dict:
    """A schema node with its $ref followed and `non-concerne` / null branches dropped."""
    if "$ref" in node:
        return _resolve(schema, schema["$defs"][node["$ref"].split("/")[-1]])
    for key in ("anyOf", "oneOf"):
        if key in node:
            branches = [b for b in node[key] if b.get("type") != "null" and b.get("const") != "non-concerne"]
            if len(branches) == 1:
                return _resolve(schema, branches[0])
    return node


def _compare(schema: dict, node: dict, fields: list[dict], where: str, problems: list[str]) -> None:
    node = _resolve(schema, node)
    properties = node.get("properties", {})
    by_name = {field["name"]: field for field in fields}
    if set(by_name) != set(properties):
        problems.append(f"{where}: fields {sorted(by_name)} ≠ schema {sorted(properties)}")
    required = set(node.get("required", []))
    for name, prop in properties.items():
        field = by_name.get(name)
        if field is None:
            continue
        path = f"{where}.{name}"
        if field["required"] != (name in required):
            problems.append(f"{path}: required {field['required']} in the editor, {name in required} in the schema")
        prop = _resolve(schema, prop)
        if prop.get("type") == "object" or "properties" in prop:
            assert field["widget"] == "object", path
            _compare(schema, prop, field["fields"], path, problems)
        elif prop.get("type") == "array":
            items = _resolve(schema, prop["items"])
            if "enum" in items:
                assert field["widget"] == "select" and field["multiple"], path
                if [o["value"] for o in field["options"]] != items["enum"]:
                    problems.append(f"{path}: options differ from the schema's enum")
            elif "properties" in items:
                assert field["widget"] == "list", path
                _compare(schema, items, field["fields"], f"{path}[]", problems)
            else:
                assert field["widget"] == "list", path
        elif "enum" in prop:
            assert field["widget"] == "select", path
            if [o["value"] for o in field["options"]] != prop["enum"]:
                problems.append(f"{path}: options differ from the schema's enum")
        elif prop.get("type") == "boolean":
            assert field["widget"] == "select" and [o["value"] for o in field["options"]] == [True, False], path
        elif prop.get("type") in ("integer", "number") or prop.get("format") == "date":
            assert field["widget"] in ("number", "datetime"), path
        # A partial date's schema carries the generic description of the type, the form the field's own.
        if prop.get("description") not in (None, PARTIAL_DATE_SCHEMA["description"]) and prop["description"] not in field.get("hint", ""):
            problems.append(f"{path}: the help text is not the model's description")


def test_the_editor_covers_every_field_of_the_json_schemas():
    """Each property of the territory and action schemas is a field of the form, required
    exactly where the schema requires it, with the schema's values for an enumeration."""
    fields = editor_form.editor_fields()
    problems: list[str] = []
    for name in ("territory", "action"):
        schema = json.loads(schema_texts()[f"{name}.schema.json"])
        _compare(schema, schema, fields[name], name, problems)
    assert problems == []


def test_enumerations_show_their_french_labels_and_admin_fields_are_grouped():
    fields = {field["name"]: field for field in editor_form.editor_fields()["action"]}
    themes = {option["value"]: option["label"] for option in fields["themes"]["options"]}
    assert themes["francais"] == "Apprendre le français"
    assert fields["admin"]["label"] == "Pour l'administration"
    assert fields["what"]["widget"] == "markdown"
    assert set(fields["what"]["buttons"]) <= {"bold", "italic", "link", "bulleted-list", "numbered-list"}
    assert fields["last_verified"]["widget"] == "datetime"
    assert fields["abstract"]["maxlength"] == 110


def test_every_field_of_the_form_has_a_french_label_and_a_help_text():
    """The help text is the model's description: a field without one shows the coordinator
    nothing; a field without a label of its own shows its YAML name."""
    def missing(fields, where):
        for field in fields:
            path = f"{where}.{field['name']}"
            if not field.get("hint", "").strip() or field["label"] == field["name"]:
                yield path
            yield from missing(field.get("fields", []), path)
            if "field" in field:  # a list of single values: its item carries no help of its own
                assert "hint" not in field["field"], path

    fields = editor_form.editor_fields()
    assert [path for name in fields for path in missing(fields[name], name)] == []


def test_each_form_groups_its_administrative_fields_under_one_heading():
    """« Pour l'administration »: the action's `admin` block, and the territory's contracts."""
    def groups(fields):
        return [field["name"] for field in fields if editor_form.ADMINISTRATION in field["label"]]

    fields = editor_form.editor_fields()
    assert groups(fields["action"]) == ["admin"] and groups(fields["territory"]) == ["contracts"]
    contracts = next(field for field in fields["territory"] if field["name"] == "contracts")
    assert contracts["label"] == editor_form.ADMINISTRATION and contracts["minimize_collapsed"] is True
    assert "contrats signés avec l'État" in contracts["hint"]
    admin = next(field for field in fields["action"] if field["name"] == "admin")
    assert admin["label"] == editor_form.ADMINISTRATION and admin["collapsed"] is True


def test_no_field_pre_fills_a_fact():
    def defaults(fields):
        for field in fields:
            yield from (["default"] if "default" in field else [])
            yield from defaults(field.get("fields", []))

    assert list(defaults(sum(editor_form.editor_fields().values(), []))) == []


def test_the_vendored_editor_is_the_pinned_release_patched_to_stay_on_this_site():
    script = (editor.EDITOR_FILES / editor.EDITOR_SCRIPT).read_bytes()
    assert hashlib.sha256(script).hexdigest() == editor.EDITOR_SHA256
    text = script.decode("utf-8")
    assert "cdn.jsdelivr.net/fontsource" not in text
    assert "unpkg.com/@sveltia/cms@${rP}/locales" not in text and "USe=`./locales`" in text
    # Patched off: the update check, the GitHub status check and the Shiki highlighter.
    for _old, new in editor.VENDOR_PATCHES:
        assert text.count(new) == 1, new
    assert "kye=async()=>{try{return`unknown`;" in text
    assert "loadEngine:async()=>hk(" not in text
    assert (editor.EDITOR_FILES / "LICENSE.txt").read_text(encoding="utf-8").startswith("MIT License")


def test_built_admin_has_its_own_policy_and_stays_out_of_search_and_sitemaps(built_site):
    admin = built_site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    origins = set(re.findall(r"https?://[^\s;']+", policy))
    assert origins == {"https://api.github.com"}
    assert "script-src 'self';" in policy
    # data: is the editor's own logo, which it reads to make its app icons.
    assert "connect-src 'self' data: https://api.github.com;" in policy
    assert '<meta name="robots" content="noindex, nofollow">' in page
    for name in editor.EDITOR_PAGE_FILES:
        assert (admin / name).is_file(), name
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    folders = [c["folder"] for c in config["collections"] if "folder" in c]
    assert folders == [f"content/{slug}/actions" for slug in sorted(p.parent.name for p in CATALOGUE.glob("*/territory.yml"))]
    assert [c["name"] for c in config["collections"]].count("traductions-port-exemple") == 1
    assert config["publish_mode"] == "editorial_workflow"
    for sitemap in built_site.rglob("sitemap.xml"):
        assert "admin" not in sitemap.read_text(encoding="utf-8")
    for index in built_site.rglob("pagefind-entry.json"):
        assert "admin" not in index.read_text(encoding="utf-8")
    assert not list(built_site.glob("*/admin"))


def test_the_published_editor_commits_to_the_workflows_repository_through_pull_requests():
    from generator.load import load_catalogue

    from conftest import CATALOGUE

    catalogue = load_catalogue(CATALOGUE)
    on_github = Settings.read({"GITHUB_REPOSITORY": "une-organisation/catalogue"})
    config = editor.editor_config(catalogue, on_github)
    assert config["backend"] == {"name": "github", "repo": "une-organisation/catalogue", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"
    chosen = Settings.read({"GITHUB_REPOSITORY": "une-organisation/catalogue", "CATALOGUE_EDITOR_REPO": "autre/depot"})
    assert editor.editor_config(catalogue, chosen)["backend"]["repo"] == "autre/depot"
    in_tests = Settings.read({"CATALOGUE_EDITOR_BACKEND": "test-repo"})
    assert editor.editor_config(catalogue, in_tests)["backend"] == {"name": "test-repo"}


def test_the_partial_date_field_accepts_what_the_loader_reads_and_nothing_else():
    import pytest

    from generator.dates import PartialDate

    pattern = re.compile(editor_form.PARTIAL_DATE_PATTERN[0])
    for accepted in ("2024-09-26", "2024-09", "automne 2020", "2019", "inconnue"):
        assert pattern.match(accepted)
        PartialDate.parse(accepted)
    for refused in ("septembre 2024", "26/09/2024", "2024-9"):
        assert not pattern.match(refused)
        with pytest.raises(ValueError):
            PartialDate.parse(refused)

"""`catalogue new` and `translations import` write into the content folder, and nowhere else:
not through a slug or a territory name, not through a PO file's places, not through a link."""

from __future__ import annotations

import errno
import io
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from generator.errors import ContentErrors
from generator.gate import paths
from generator.models import TranslationStatus
from generator.scaffold import new_action, new_territory
from generator.translations import export_catalog, import_catalog

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRAVERSALS = ["../ailleurs", "../../ailleurs", "/tmp/ailleurs", "a/../../ailleurs", "..", ".", "ailleurs\n", "Ailleurs", ""]


@pytest.fixture
def workspace(tmp_path) -> tuple[Path, Path]:
    """A content folder inside a workspace: whatever appears beside the content is a leak."""
    content = tmp_path / "workspace" / "content"
    shutil.copytree(FIXTURES / "valid_content", content)
    return tmp_path / "workspace", content


def refused(action, saying: str) -> None:
    with pytest.raises(ContentErrors) as raised:
        action()
    assert any(saying in error.message for error in raised.value.errors), raised.value.errors


def files_of(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


@pytest.mark.parametrize("slug", TRAVERSALS, ids=repr)
def test_new_refuses_slugs_and_territories_that_leave_the_content(workspace, slug):
    root, content = workspace
    before = files_of(root)
    for create in (
        lambda: new_territory(content, slug),
        lambda: new_action(content, slug, "atelier"),
        lambda: new_action(content, "exemple", slug),
    ):
        refused(create, "lettres minuscules")
    assert files_of(root) == before


def test_new_does_not_follow_a_link_out_of_the_content(workspace):
    root, content = workspace
    outside = root / "outside"
    outside.mkdir()
    shutil.rmtree(content / "exemple" / "actions")
    (content / "exemple" / "actions").symlink_to(outside, target_is_directory=True)
    refused(lambda: new_action(content, "exemple", "atelier"), "hors du dossier de contenu")
    assert not list(outside.iterdir())


@pytest.mark.parametrize("slug", ["recherche", "pagefind", "index", "completude", "data", "fr"])
def test_new_refuses_the_names_of_the_site_s_own_pages(workspace, slug):
    root, content = workspace
    before = files_of(root)
    refused(lambda: new_territory(content, slug), "nom réservé")
    refused(lambda: new_action(content, "exemple", slug), "nom réservé")
    assert files_of(root) == before


class _FullDisk(io.StringIO):
    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_empty_file(workspace, monkeypatch):
    root, content = workspace
    fiche = content / "exemple" / "actions" / "atelier-francais.yml"
    before = fiche.read_text(encoding="utf-8")
    monkeypatch.setattr(paths.os, "fdopen", lambda handle, *args, **kwargs: (paths.os.close(handle), _FullDisk())[1])
    for write in (
        lambda: new_territory(content, "nouveau"),
        lambda: new_action(content, "exemple", "nouvel-atelier"),
        lambda: paths.write_whole(fiche, "texte"),
    ):
        with pytest.raises(OSError):
            write()
    assert not (content / "nouveau" / "territory.yml").exists()
    assert not (content / "exemple" / "actions" / "nouvel-atelier.yml").exists()
    assert fiche.read_text(encoding="utf-8") == before
    assert not [path for path in content.rglob("*") if path.name.endswith(".tmp")]


def test_new_writes_inside_the_content(workspace):
    root, content = workspace
    created = new_action(content, "exemple", "nouvel-atelier")
    assert created == content / "exemple" / "actions" / "nouvel-atelier.yml" and created.is_file()


def _po(path: Path, lang: str, entries: list[tuple[str, str, str]]) -> Path:
    catalog = Catalog(locale=lang)
    for context, french, translated in entries:
        catalog.add(french, translated, context=context)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return path


def test_import_ignores_places_that_are_not_in_the_content(workspace):
    root, content = workspace
    before = files_of(root)
    po = _po(root.parent / "en.po", "en", [
        (f"{place}:title", "Titre", "Title")
        for place in ("../../../ailleurs/x", "../exemple/atelier-francais", "exemple/../../x", "/tmp/x", "exemple/../exemple")
    ])
    assert import_catalog(content, po, TranslationStatus.machine) == []
    assert files_of(root) == before


def test_import_writes_nothing_when_a_file_would_land_outside_through_a_link(workspace):
    root, content = workspace
    outside = root / "outside"
    shutil.move(content / "exemple" / "actions", outside)
    (content / "exemple" / "actions").symlink_to(outside, target_is_directory=True)
    before = files_of(outside)
    po_catalog = export_catalog(content, "en")
    for message in po_catalog:
        if message.id and not message.string:
            message.string = "Translated"
    po = root.parent / "en.po"
    with po.open("wb") as handle:
        write_po(handle, po_catalog)
    refused(lambda: import_catalog(content, po, TranslationStatus.machine), "hors du dossier de contenu")
    assert files_of(outside) == before

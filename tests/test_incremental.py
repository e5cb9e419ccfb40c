"""The preview's incremental rebuild gives exactly the files of a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, CATALOGUE, TEST_SITE_URL, tree_digest
from generator.errors import ContentErrors
from generator.incremental import IncrementalSite
from generator.pipeline import run_pipeline
from generator.routes import INDEX_FOLDER
from generator.settings import Settings

LANGUAGES = ["fr", "en", "ar"]
ACTIONS = Path("port-exemple") / "actions"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _text_edit(content: Path) -> list[Path]:
    fiche = content / ACTIONS / "atelier-emploi.yml"
    _replace(fiche, "Un entretien d'essai et des conseils", "Un entretien d'essai, puis des conseils")
    return [fiche]


def _theme_change(content: Path) -> list[Path]:
    fiche = content / ACTIONS / "atelier-emploi.yml"
    _replace(fiche, "themes: [travail]", "themes: [travail, logement]")
    return [fiche]


def _new_action(content: Path) -> list[Path]:
    new = content / ACTIONS / "autre-permanence.yml"
    shutil.copy(content / ACTIONS / "permanence-logement.yml", new)
    _replace(new, "title: ", "title: Autre ")
    return [new]


def _deleted_action(content: Path) -> list[Path]:
    gone = content / ACTIONS / "reseau-professionnels.yml"
    gone.unlink()
    return [gone]


def _translation_edit(content: Path) -> list[Path]:
    translation = content / ACTIONS / "atelier-emploi.en.yml"
    _replace(translation, 'title: "Prepare for a job interview"', 'title: "Get ready for a job interview"')
    return [translation]


@pytest.fixture
def settings() -> Settings:
    return Settings.read({"CATALOGUE_SITE_URL": TEST_SITE_URL, "SOURCE_DATE_EPOCH": BUILD_EPOCH}, preview=True)


@pytest.fixture
def preview(tmp_path, settings):
    """A preview of a copy of the fixture catalogue, built in full: (site, content, its folder)."""
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    site = IncrementalSite(content, tmp_path / "preview", LANGUAGES, settings)
    site.build_all()
    yield site, content, tmp_path / "preview"
    site.close()


def test_incremental_rebuilds_equal_full_builds(tmp_path, settings, preview):
    site, content, _ = preview
    untouched = tmp_path / "preview" / "fr" / "val-exemple" / "mentorat-jeunes" / "index.html"
    written = untouched.stat().st_mtime_ns
    for number, change in enumerate((_text_edit, _theme_change, _new_action, _deleted_action, _translation_edit)):
        site.rebuild_pages(set(change(content)), settings)
        site.finish()
        full = tmp_path / f"full-{number}"
        run_pipeline(content, full, LANGUAGES, progress=False, settings=settings)
        assert tree_digest(tmp_path / "preview") == tree_digest(full), change.__name__
    # Only what the edits affect was rebuilt: another territory's fiche was never written again.
    assert untouched.stat().st_mtime_ns == written


def test_an_edit_with_errors_changes_nothing(tmp_path, settings, preview):
    site, content, _ = preview
    before = tree_digest(tmp_path / "preview")
    fiche = content / ACTIONS / "atelier-emploi.yml"
    _replace(fiche, "themes: [travail]", "themes: [pas-un-theme]")
    with pytest.raises(ContentErrors):
        site.rebuild_pages({fiche}, settings)
    assert tree_digest(tmp_path / "preview") == before


def test_a_new_edit_stops_a_running_search_index_which_keeps_the_previous_one(tmp_path, settings, preview):
    """At 2,000 actions Pagefind takes seconds: the next edit's pages must not wait for it."""
    site, content, preview = preview
    index_before = tree_digest(preview / "fr" / INDEX_FOLDER)
    site.rebuild_pages(set(_text_edit(content)), settings)
    asked = []

    def second_edit_arrives() -> bool:
        # False while the languages are handed out, true once Pagefind runs: it is stopped.
        asked.append(True)
        return len(asked) > len(LANGUAGES)

    assert site.finish(interrupted=second_edit_arrives) is False
    assert tree_digest(preview / "fr" / INDEX_FOLDER) == index_before
    assert not list(preview.glob(f"*/.{INDEX_FOLDER}-previous"))
    assert site.finish() is True
    full = tmp_path / "full"
    run_pipeline(content, full, LANGUAGES, progress=False, settings=settings)
    assert tree_digest(preview) == tree_digest(full)


def test_new_settings_rebuild_the_whole_preview(tmp_path, settings, preview):
    """A preview left open past midnight: the build date moves on, and every status with it."""
    site, content, preview = preview
    next_day = Settings.read({"CATALOGUE_SITE_URL": TEST_SITE_URL, "SOURCE_DATE_EPOCH": str(int(BUILD_EPOCH) + 86400)}, preview=True)
    site.rebuild_pages(set(_text_edit(content)), next_day)
    full = tmp_path / "full"
    run_pipeline(content, full, LANGUAGES, progress=False, settings=next_day)
    assert tree_digest(preview) == tree_digest(full)

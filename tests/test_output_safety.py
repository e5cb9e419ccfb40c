"""Nothing lost: what a build may replace, and a publish swap that never leaves the site missing.

Real builds of the small fixture catalogue (French only, to stay quick) into temporary folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, CATALOGUE, tree_digest
from generator import publish as publish_module
from generator.errors import ConfigurationError, ContentErrors
from generator.pipeline import run_pipeline
from generator.publish import MARKER, output_folder, publish, staging_dir


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    monkeypatch.delenv("CATALOGUE_BASE_PATH", raising=False)


@pytest.fixture
def content(tmp_path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CATALOGUE, copy)
    return copy


def build(content: Path, out: Path) -> None:
    run_pipeline(content, out, ["fr"], progress=False)


def test_a_build_marks_the_site_and_replaces_only_a_marked_folder(content, tmp_path):
    out = tmp_path / "site"
    build(content, out)
    assert (out / MARKER).is_file()
    (out / "fr" / "gone.html").write_text("a page of the previous build", encoding="utf-8")
    build(content, out)
    assert not (out / "fr" / "gone.html").exists()

    (out / MARKER).unlink()
    before = tree_digest(out)
    with pytest.raises(ConfigurationError, match="ne vient pas d'une construction"):
        build(content, out)
    assert tree_digest(out) == before


def test_an_empty_folder_may_be_used(content, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    build(content, out)
    assert (out / "fr" / "index.html").is_file()


@pytest.mark.parametrize(
    "relative, reason",
    [
        ("content", "c'est le dossier de contenu"),
        ("content/port-exemple", "c'est le dossier de contenu"),
        (".", "il contient le dossier de contenu"),
    ],
)
def test_the_content_folder_is_never_an_output(content, tmp_path, relative, reason):
    before = tree_digest(content)
    with pytest.raises(ConfigurationError, match=reason):
        build(content, tmp_path / relative)
    assert tree_digest(content) == before


def test_a_project_folder_is_never_an_output(content, tmp_path, monkeypatch):
    """The project is the nearest folder with pyproject.toml or .git above the working folder."""
    project = tmp_path / "work" / "project"
    (project / "docs").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(project / "docs")
    for out in (project, tmp_path / "work"):
        with pytest.raises(ConfigurationError, match="dossier du projet"):
            output_folder(out, content)
    # A folder inside the project (like the default `site/`) is fine.
    assert output_folder(project / "site", content) == (project / "site").resolve()


def test_a_relative_output_is_resolved_against_the_working_folder(content, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert output_folder(Path("out/site"), Path("content")) == (tmp_path / "out" / "site").resolve()


def _interrupted_between_the_renames(out: Path) -> None:
    """What a kill between the two renames of the swap leaves: no site, the previous one moved
    aside, and the new build still in its staging folder."""
    out.rename(out.with_name(f".{out.name}-previous"))
    staging = staging_dir(out)
    (staging / "fr").mkdir()
    (staging / "fr" / "index.html").write_text("a build killed before it was published", encoding="utf-8")


def test_the_next_build_restores_a_site_left_missing_by_an_interrupted_swap(content, tmp_path):
    out = tmp_path / "site"
    build(content, out)
    published = tree_digest(out)
    _interrupted_between_the_renames(out)
    assert not out.exists()

    # Even a build that fails on its content puts the previous site back and clears the leftovers.
    broken = content / "port-exemple" / "actions" / "cours-francais.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("themes:", "themes: [pas-un-theme]\nx_themes:", 1), encoding="utf-8")
    with pytest.raises(ContentErrors):
        build(content, out)
    assert tree_digest(out) == published
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_leftover_build_folders_are_cleaned_by_the_next_build(content, tmp_path):
    out = tmp_path / "site"
    build(content, out)
    for name in (".site-building-abc123", ".site-building-xyz789", ".site-previous"):
        (tmp_path / name / "fr").mkdir(parents=True)
        (tmp_path / name / "fr" / "index.html").write_text("left over", encoding="utf-8")
    build(content, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
    assert "left over" not in (out / "fr" / "index.html").read_text(encoding="utf-8")


def _staged(out: Path, text: str) -> Path:
    staging = staging_dir(out)
    (staging / "fr").mkdir()
    (staging / "fr" / "index.html").write_text(text, encoding="utf-8")
    return staging


@pytest.mark.parametrize("atomic", [True, False], ids=["exchange", "two-renames"])
def test_the_swap_replaces_the_site_and_leaves_nothing_beside_it(tmp_path, monkeypatch, atomic):
    if atomic and not publish_module.exchange(*_two_folders(tmp_path / "probe")):
        pytest.skip("this system cannot exchange two folders in one step")
    if not atomic:
        monkeypatch.setattr(publish_module, "exchange", lambda first, second: False)
    out = tmp_path / "site"
    publish(_staged(out, "first"), out)
    publish(_staged(out, "second"), out)
    assert (out / "fr" / "index.html").read_text(encoding="utf-8") == "second"
    assert (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "probe") == ["site"]


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = _two_folders(tmp_path)
    if not publish_module.exchange(first, second):
        pytest.skip("this system cannot exchange two folders in one step")
    assert (second / "from-first").is_file() and (first / "from-second").is_file()


def _two_folders(root: Path) -> tuple[Path, Path]:
    first, second = root / "a", root / "b"
    for folder in (first, second):
        folder.mkdir(parents=True)
    (first / "from-first").write_text("1", encoding="utf-8")
    (second / "from-second").write_text("2", encoding="utf-8")
    return first, second

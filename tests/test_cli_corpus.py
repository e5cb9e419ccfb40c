"""Exit code 3 (a bug of the generator) is out of reach of anything a person supplies.

The real command line (`python -m generator …`, in a subprocess) is fed every case of
`tests/broken/` through `catalogue build`, then options, environment variables, folders and
PO files that a person can get wrong. Each must end with exit code 1 (content) or 2 (usage), a
French message saying what to do, no traceback, and nothing built.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from test_broken_inputs import CASES, VALID_CONTENT, build_content, load_case, matching_lines

REPO_ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path = REPO_ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    inherited = {name: value for name, value in os.environ.items() if name != "CATALOGUE_BASE_PATH"}
    environment = {**inherited, "SOURCE_DATE_EPOCH": "1748736000", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=environment, capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=600,
    )


def assert_refused_cleanly(result: subprocess.CompletedProcess, codes: set[int], message: str) -> None:
    output = result.stdout + result.stderr
    shown = f"exit code {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    assert result.returncode in codes, shown
    assert "Traceback" not in output and "Erreur interne" not in output, shown
    assert message in output, f"« {message} » not said\n{shown}"


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_build_refuses_every_broken_case_and_builds_nothing(case_dir: Path, tmp_path: Path):
    spec = load_case(case_dir)
    content = build_content(case_dir, spec, tmp_path)
    out = tmp_path / "site"
    result = run_cli("build", "--content", str(content), "--out", str(out), "--lang", "fr", "--quiet")
    first = spec["errors"][0]
    assert_refused_cleanly(result, {1}, "Rien n'a été publié")
    assert matching_lines(result.stdout + result.stderr, first), (first, result.stderr)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"], "a build folder was left behind"


# --- options, environment, folders and files ---


@dataclass
class Case:
    args: list[str]
    code: int
    message: str
    env: dict = field(default_factory=dict)
    # Run in the test's folder, which holds `content` (a valid copy) and `site`, `po`.
    setup: str = ""


def _no_action(tmp: Path) -> None:
    for fiche in (tmp / "content").glob("*/actions/*"):
        fiche.unlink()


def _other_files(tmp: Path) -> None:
    (tmp / "mine").mkdir()
    (tmp / "mine" / "notes.txt").write_text("à garder", encoding="utf-8")
    (tmp / "a-file").write_text("un fichier", encoding="utf-8")


def _po_files(tmp: Path) -> None:
    (tmp / "garbage.po").write_bytes(b"\x00\x01\xff\xfe pas un PO")
    (tmp / "keyword.po").write_text('msgid ""\nmsgstr ""\n\"Language: en\\n\"\n\nfoo "bar"\n', encoding="utf-8")
    (tmp / "nolang.po").write_text('msgctxt "exemple:intro"\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    (tmp / "badlang.po").write_text('msgid ""\nmsgstr ""\n"Language: ../../x\\n"\n', encoding="utf-8")
    (tmp / "folder.po").mkdir()
    # A terminal escape and a right-to-left override on the broken line: quoted as codes.
    (tmp / "escape.po").write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nfoo\x1b[2J "\u202ebar"\n', encoding="utf-8")


def _huge_file(tmp: Path) -> None:
    """3 GiB of holes: refused by its size before it is read, and free on the disk."""
    with (tmp / "content" / "exemple" / "actions" / "enorme.yml").open("wb") as handle:
        handle.truncate(3 * 2**30)


SETUPS = {"no_action": _no_action, "other_files": _other_files, "po_files": _po_files, "huge_file": _huge_file}

EPOCH_MESSAGE = "un nombre entier de secondes depuis le 1er janvier 1970"
OPTION_CASES = {
    "no-action-at-all": Case(["build", "--content", "content", "--out", "site"], 1, "aucune action dans aucun territoire", setup="no_action"),
    "no-action-validate": Case(["validate", "content"], 1, "aucune action dans aucun territoire", setup="no_action"),
    "file-of-3-gib": Case(["build", "--content", "content", "--out", "site"], 1, "enorme.yml:1: fichier trop gros", setup="huge_file"),
    "content-missing": Case(["build", "--content", "nowhere", "--out", "site"], 1, "dossier de contenu introuvable"),
    "lang-twice": Case(["build", "--content", "content", "--lang", "fr", "--lang", "fr"], 2, "--lang fr est donnée plusieurs fois"),
    "lang-unknown": Case(["build", "--content", "content", "--lang", "xx"], 2, "choix « xx » inconnu"),
    "command-unknown": Case(["bild"], 2, "choix « bild » inconnu"),
    "option-unknown": Case(["build", "--langue", "fr"], 2, "options inconnues : --langue"),
    "option-without-value": Case(["build", "--out"], 2, "une valeur est attendue"),
    "port-not-a-number": Case(["serve", "--port", "abc"], 2, "un numéro de port de 1 à 65535"),
    "port-too-big": Case(["serve", "--port", "99999"], 2, "un numéro de port de 1 à 65535"),
    "new-action-without-territory": Case(["new", "action", "atelier"], 2, "« new action » demande --territory"),
    "epoch-text": Case(["build", "--content", "content"], 2, EPOCH_MESSAGE, env={"SOURCE_DATE_EPOCH": "abc"}),
    "epoch-date": Case(["build", "--content", "content"], 2, EPOCH_MESSAGE, env={"SOURCE_DATE_EPOCH": "2024-09-01"}),
    "epoch-negative": Case(["build", "--content", "content"], 2, EPOCH_MESSAGE, env={"SOURCE_DATE_EPOCH": "-5"}),
    "epoch-huge": Case(["build", "--content", "content"], 2, EPOCH_MESSAGE, env={"SOURCE_DATE_EPOCH": "99999999999999999"}),
    "site-url-bad": Case(["build", "--content", "content"], 2, "une adresse comme https://", env={"CATALOGUE_SITE_URL": "https://[::1/"}),
    "base-path-bad": Case(["build", "--content", "content"], 2, "un chemin comme /catalogue/", env={"CATALOGUE_BASE_PATH": "/a b/"}),
    "out-is-content": Case(["build", "--content", "content", "--out", "content"], 2, "c'est le dossier de contenu"),
    "out-inside-content": Case(["build", "--content", "content", "--out", "content/site"], 2, "c'est le dossier de contenu"),
    "out-contains-content": Case(["build", "--content", "content", "--out", "."], 2, "il contient le dossier de contenu"),
    "out-not-from-a-build": Case(["build", "--content", "content", "--out", "mine"], 2, "ne vient pas d'une construction", setup="other_files"),
    "out-is-a-file": Case(["build", "--content", "content", "--out", "a-file"], 2, "ce n'est pas un dossier", setup="other_files"),
    "out-below-a-file": Case(["build", "--content", "content", "--out", "a-file/site"], 2, "est un fichier, pas un dossier", setup="other_files"),
    "summary-is-a-folder": Case(["validate", "content", "--summary", "mine"], 2, "« mine » : c'est un dossier, pas un fichier", setup="other_files"),
    "summary-in-a-missing-folder": Case(["validate", "content", "--summary", "nowhere/summary.md"], 2, "« nowhere/summary.md » : introuvable"),
    "schema-into-a-file": Case(["schema", "--content", "a-file"], 2, "un élément du chemin est un fichier", setup="other_files"),
    "new-territory-into-a-file": Case(["new", "territory", "abc", "--content", "a-file"], 2, "un élément du chemin est un fichier", setup="other_files"),
    "import-missing-po": Case(["translations", "import", "missing.po", "--content", "content"], 1, "fichier PO illisible : introuvable"),
    "import-folder-po": Case(["translations", "import", "folder.po", "--content", "content"], 1, "c'est un dossier", setup="po_files"),
    "import-garbage-po": Case(["translations", "import", "garbage.po", "--content", "content"], 1, "pas un fichier PO en UTF-8", setup="po_files"),
    "import-broken-po": Case(["translations", "import", "keyword.po", "--content", "content"], 1, "keyword.po:5: fichier PO mal formé", setup="po_files"),
    "import-po-with-control-characters": Case(["translations", "import", "escape.po", "--content", "content"], 1, "(« foo\\x1b[2J \"\\u202ebar\" »)", setup="po_files"),
    "import-po-without-language": Case(["translations", "import", "nolang.po", "--content", "content"], 1, "langue absente", setup="po_files"),
    "import-po-bad-language": Case(["translations", "import", "badlang.po", "--content", "content"], 1, "en-tête du fichier PO invalide", setup="po_files"),
    "export-to-missing-folder": Case(["translations", "export", "--lang", "en", "--content", "content", "--out", "nowhere/en.po"], 2, "impossible d'écrire « nowhere/en.po » : introuvable"),
    "export-unknown-territory": Case(["translations", "export", "--lang", "en", "--content", "content", "--territory", "atlantide"], 2, "territoire « atlantide » inconnu"),
    "new-territory-outside": Case(["new", "territory", "../ailleurs", "--content", "content"], 1, "lettres minuscules sans accent"),
    "new-action-territory-outside": Case(["new", "action", "atelier", "--territory", "../../ailleurs", "--content", "content"], 1, "lettres minuscules sans accent"),
    "new-territory-reserved": Case(["new", "territory", "recherche", "--content", "content"], 1, "« recherche » est un nom réservé"),
    "new-action-reserved": Case(["new", "action", "index", "--territory", "exemple", "--content", "content"], 1, "« index » est un nom réservé"),
    "new-action-slug-outside": Case(["new", "action", "../../ailleurs", "--territory", "exemple", "--content", "content"], 1, "lettres minuscules sans accent"),
}


@pytest.mark.parametrize("name", sorted(OPTION_CASES))
def test_what_a_person_types_wrong_is_a_french_error_not_a_bug(name: str, tmp_path: Path):
    case = OPTION_CASES[name]
    shutil.copytree(VALID_CONTENT, tmp_path / "content")
    if case.setup:
        SETUPS[case.setup](tmp_path)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    result = run_cli(*case.args, cwd=tmp_path, env=case.env)
    assert_refused_cleanly(result, {case.code}, case.message)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before, "a refused command wrote files"


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder the build cannot write in: a read-only one for a normal user; root writes
    everywhere, but not in /sys (a kernel file system)."""
    if os.geteuid() == 0:
        if not Path("/sys").is_dir():
            pytest.skip("no folder is read-only for root here")
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def test_an_output_folder_that_cannot_be_written_is_a_usage_error(tmp_path: Path):
    folder = _unwritable_folder(tmp_path)
    result = run_cli("build", "--content", str(VALID_CONTENT), "--out", str(folder / "site"), "--lang", "fr", cwd=tmp_path)
    assert_refused_cleanly(result, {2}, "impossible d'écrire dans")
    assert not (folder / "site").exists()


def test_a_broken_interface_catalog_in_locales_is_reported_with_its_line(tmp_path: Path):
    """The interface's PO files (locales/) are edited by translators: a copy of the project with
    broken ones. Every file's problems are listed in one run."""
    project = tmp_path / "project"
    for part in ("generator", "locales"):
        shutil.copytree(REPO_ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "pyproject.toml", project)
    english = project / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    lines = english.read_bytes().count(b"\n")
    english.write_bytes(english.read_bytes() + b"\nmsgid \"x\"\nmsgstr \"\xff\"\n")
    russian = project / "locales" / "ru" / "LC_MESSAGES" / "messages.po"
    text = russian.read_text(encoding="utf-8")
    start = text.index('msgid "Actions trouvées : {count}"')
    msgstr = text.index("msgstr", start)
    end = text.index("\n", msgstr)
    russian.write_text(text[:msgstr] + 'msgstr "Найдено: {cuont}"' + text[end:], encoding="utf-8")
    shutil.copytree(VALID_CONTENT, tmp_path / "content")

    env = {"PYTHONPATH": str(project)}
    validate = run_cli("validate", str(tmp_path / "content"), cwd=project, env=env)
    assert_refused_cleanly(validate, {1}, f"locales/en/LC_MESSAGES/messages.po:{lines + 3}: ce n'est pas un fichier PO en UTF-8")
    assert "locales/ru/LC_MESSAGES/messages.po:" in validate.stderr and "{cuont}" in validate.stderr
    assert "2 erreurs à corriger" in validate.stderr
    build = run_cli("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site"), cwd=project, env=env)
    assert_refused_cleanly(build, {1}, "{cuont}")
    assert not (tmp_path / "site").exists()


def test_a_single_language_other_than_french_builds(tmp_path: Path):
    """`--lang ar` alone, with fiches not translated into Arabic: the QR code page of each fiche
    offers the Arabic page, which shows the French text."""
    out = tmp_path / "site"
    result = run_cli("build", "--content", str(VALID_CONTENT), "--out", str(out), "--lang", "ar", "--quiet")
    assert result.returncode == 0, result.stderr
    choices = sorted(out.glob("f/*/*/index.html"))
    assert choices
    for page in choices:
        assert 'data-lang="ar"' in page.read_text(encoding="utf-8")


def test_a_relative_out_is_taken_from_the_working_folder(tmp_path: Path):
    """MkDocs would resolve it next to mkdocs.yml, in the project: it must land where the person is."""
    shutil.copytree(VALID_CONTENT, tmp_path / "content")
    result = run_cli("build", "--content", "content", "--out", "built/site", "--lang", "fr", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "built" / "site" / "fr" / "index.html").is_file()
    assert sorted(p.name for p in (tmp_path / "built").iterdir()) == ["site"]
    assert not [p for p in REPO_ROOT.iterdir() if p.name.startswith(".site-building") or p.name == "built"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_fiche_is_a_content_error_among_the_others(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    fiche = content / "exemple" / "actions" / "permanence-emploi.yml"
    fiche.chmod(0)
    other = content / "exemple" / "actions" / "atelier-francais.yml"
    other.write_text(other.read_text(encoding="utf-8").replace("themes: [francais]", "themes: [pas-un-theme]"), encoding="utf-8")
    try:
        result = run_cli("validate", str(content))
    finally:
        fiche.chmod(0o644)
    assert_refused_cleanly(result, {1}, "permanence-emploi.yml:1: fichier illisible : permission refusée")
    assert "pas-un-theme" in result.stderr


def test_what_new_writes_cannot_pass_validate(tmp_path: Path):
    """`catalogue new territory` then `new action`, run as a coordinator would: every placeholder
    and every fact left empty is an error, and no fact is pre-filled (no date, theme, kind, yes/no)."""
    content = tmp_path / "content"
    assert run_cli("new", "territory", "ville-test", "--content", str(content)).returncode == 0
    assert run_cli("new", "action", "atelier-test", "--territory", "ville-test", "--content", str(content)).returncode == 0
    result = run_cli("validate", str(content))
    assert_refused_cleanly(result, {1}, "Rien n'a été publié")
    fields: dict[str, set[str]] = {}  # file name → the fields with an error
    for match in re.finditer(r"([\w.-]+\.yml):\d+: ([\w.\[\]]+): ", result.stderr):
        fields.setdefault(match[1], set()).add(match[2])
    assert fields["atelier-test.yml"] == {
        "title", "abstract", "what", "themes", "last_verified", "admin.contract", "admin.official_title",
        "admin.audience", "admin.source.document", "admin.source.section",
    }, fields
    assert fields["territory.yml"] == {
        "name", "kind", "departments", "contracts[1].id", "contracts[1].kind", "contracts[1].label",
        "contracts[1].signatories[1]", "coordinator.name", "intro",
    }, fields
    fiche = (content / "ville-test" / "actions" / "atelier-test.yml").read_text(encoding="utf-8")
    written = [line.split("#")[0] for line in fiche.splitlines()]
    for fact in ("online:", "referral_only:"):
        assert not any(fact in line for line in written), fact
    assert "themes: []" in fiche and "last_verified: null" in fiche and "audience: null" in fiche


@pytest.mark.parametrize("filename2, shown", [("/tmp/out/site/assets/x.css", "« /tmp/out/site/assets/x.css »"), (None, "« mon-site »")])
def test_a_full_disk_names_where_the_build_writes_not_the_file_it_copies(monkeypatch, capsys, filename2, shown):
    """shutil names a failed copy's source first: a theme file among the installed packages."""
    import errno

    from generator import cli

    def full_disk(args):
        if filename2:
            raise OSError(errno.ENOSPC, "No space left on device", "/usr/lib/python3/site-packages/material/x.css", None, filename2)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cli, "cmd_build", full_disk)
    assert cli.main(["build", "--out", "mon-site"]) == 2
    said = capsys.readouterr().err
    assert f"Erreur du système {shown} : le disque est plein." in said and "site-packages" not in said, said

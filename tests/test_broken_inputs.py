"""Broken-input corpus: every case must be refused cleanly by `python -m generator validate`.

Each folder of `tests/broken/` is one case:

    tests/broken/<case>/case.yml     what is expected (see below)
    tests/broken/<case>/files/...    files copied over a copy of tests/fixtures/valid_content
                                     (same relative paths; new files are added)

`case.yml`:

    description: what the case breaks
    delete: [exemple/actions/permanence-emploi.yml]   # optional: files removed from the copy
    error_count: 3                                     # optional: exact number of errors reported
    errors:                                            # at least one; every one must be reported
      - file: exemple/actions/atelier-francais.yml     # relative to the content folder
        line: 12
        field: themes[1]                               # "" when the error is about the whole file
        message: "inconnue"                            # optional substring of the message

The validator prints each error as `path:line: field: message` (or `path:line: message`
when there is no field). The path is matched as a suffix, because it is shown relative to the
working directory when possible and absolute otherwise.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

TESTS = Path(__file__).resolve().parent
REPO_ROOT = TESTS.parent
VALID_CONTENT = TESTS / "fixtures" / "valid_content"
BROKEN = TESTS / "broken"
MIN_CASES = 30

CASES = sorted(p for p in BROKEN.iterdir() if p.is_dir() and (p / "case.yml").is_file())

# What may follow `path:line: ` when the error has a field: the field, then ": ".
FIELD_PREFIX = re.compile(r"^[A-Za-z0-9_.\[\]-]+: ")


def run_validate(content_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(content_dir)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
    )


def load_case(case_dir: Path) -> dict:
    spec = yaml.safe_load((case_dir / "case.yml").read_text(encoding="utf-8"))
    assert isinstance(spec, dict), f"{case_dir.name}/case.yml must be a mapping"
    assert spec.get("description"), f"{case_dir.name}/case.yml: description missing"
    errors = spec.get("errors")
    assert isinstance(errors, list) and errors, f"{case_dir.name}/case.yml: errors must be a non-empty list"
    for expected in errors:
        assert set(expected) <= {"file", "line", "field", "message"}, expected
        assert isinstance(expected["file"], str) and expected["file"], expected
        assert isinstance(expected["line"], int) and expected["line"] >= 1, expected
        assert isinstance(expected["field"], str), expected
    return spec


def build_content(case_dir: Path, spec: dict, target: Path) -> Path:
    content = target / "content"
    shutil.copytree(VALID_CONTENT, content)
    overlay = case_dir / "files"
    if overlay.is_dir():
        for source in sorted(overlay.rglob("*")):
            if source.is_file():
                destination = content / source.relative_to(overlay)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)  # bytes as they are: some cases are not UTF-8
    for relative in spec.get("delete", []):
        victim = content / relative
        assert victim.exists(), f"{case_dir.name}: cannot delete {relative}: not in the content"
        if victim.is_dir():
            shutil.rmtree(victim)
        else:
            victim.unlink()
    return content


def matching_lines(output: str, expected: dict) -> list[str]:
    """Output lines reporting `expected`: right file, right line, right field (or none)."""
    location = re.compile(r"^(?:.*[/\\])?" + re.escape(expected["file"]) + ":" + str(expected["line"]) + ": ")
    found = []
    for line in output.splitlines():
        match = location.match(line)
        if not match:
            continue
        rest = line[match.end():]
        if expected["field"]:
            if not rest.startswith(expected["field"] + ": "):
                continue
        elif FIELD_PREFIX.match(rest):
            continue
        found.append(line)
    return found


def test_valid_content_passes():
    result = run_validate(VALID_CONTENT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Contenu valide" in result.stdout


def test_corpus_is_large_enough():
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} broken-input cases, at least {MIN_CASES} expected"


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_broken_input_is_reported(case_dir: Path, tmp_path: Path):
    spec = load_case(case_dir)
    content = build_content(case_dir, spec, tmp_path)
    result = run_validate(content)
    output = result.stdout + result.stderr
    shown = f"exit code {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"

    assert "Traceback" not in output, shown
    assert result.returncode == 1, shown
    for expected in spec["errors"]:
        lines = matching_lines(output, expected)
        where = f"{expected['file']}:{expected['line']}: {expected['field'] or '(no field)'}"
        assert lines, f"no error reported at {where}\n{shown}"
        if expected.get("message"):
            assert any(expected["message"] in line for line in lines), (
                f"error at {where} does not say « {expected['message']} »\n{shown}"
            )
    if "error_count" in spec:
        count = spec["error_count"]
        summary = f"{count} erreur{'s' if count > 1 else ''} à corriger"
        assert summary in result.stderr, f"expected exactly {count} error(s)\n{shown}"

"""Validation errors become GitHub annotations on their file and line (shown in a pull request)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import CATALOGUE
from generator.editor_annotations import annotations


def test_each_validation_error_is_an_annotation_on_its_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CATALOGUE, content)
    action = content / "port-exemple" / "actions" / "permanence-logement.yml"
    text = action.read_text(encoding="utf-8")
    line = text.splitlines().index("themes: [logement]") + 1
    action.write_text(text.replace("themes: [logement]", "themes: [logements]"), encoding="utf-8")

    result = subprocess.run([sys.executable, "-m", "generator", "validate", "content"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    commands = annotations(result.stderr)
    assert len(commands) == 1, result.stderr
    assert commands[0].startswith(
        f"::error file=content/port-exemple/actions/permanence-logement.yml,line={line},title=Contenu à corriger::themes"
    )
    # The workflow annotates stderr, the errors only: the warnings are on stdout.
    assert annotations(result.stdout) == []


def test_annotation_values_are_escaped():
    [command] = annotations("content/a,b.yml:1: what: 100% faux\n")
    assert command == "::error file=content/a%2Cb.yml,line=1,title=Contenu à corriger::what: 100%25 faux"

"""`catalogue translations status` counts action translations and states each territory's own."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.load import load_catalogue
from generator.fingerprints import fingerprint
from generator.translations import status_rows

FIXTURE = Path(__file__).parent / "fixtures" / "valid_content"
REPO = Path(__file__).resolve().parent.parent


def fixture_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content


def write_territory_translation(content: Path, lang: str, status: str, source_fingerprint: str) -> None:
    (content / "exemple" / f"territory.{lang}.yml").write_text(
        f"status: {status}\nsource_fingerprint: {source_fingerprint}\nintro: Test data.\n", encoding="utf-8"
    )


def row(rows: list[dict], lang: str) -> dict:
    return next(r for r in rows if r["langue"] == lang and r["territoire"] == "exemple")


def test_territory_translations_are_reported_missing_machine_reviewed_or_stale(tmp_path):
    content = fixture_copy(tmp_path)
    intro = load_catalogue(content).territories["exemple"].model.intro
    current = fingerprint({"intro": intro})
    write_territory_translation(content, "en", "reviewed", current)
    write_territory_translation(content, "ru", "machine", current)
    write_territory_translation(content, "uk", "reviewed", "aaaaaaaaaaaa")

    rows = status_rows(load_catalogue(content))

    assert row(rows, "en")["présentation"] == "relue"
    assert row(rows, "ru")["présentation"] == "machine"
    assert row(rows, "uk")["présentation"] == "périmée"
    assert row(rows, "ar")["présentation"] == "manquante"
    # The actions are counted as before: one of the two fixture actions has an English translation.
    assert (row(rows, "en")["traduites"], row(rows, "en")["manquantes"]) == (1, 1)


def test_a_changed_intro_makes_the_territory_translation_stale_in_the_command_output(tmp_path):
    content = fixture_copy(tmp_path)
    intro = load_catalogue(content).territories["exemple"].model.intro
    write_territory_translation(content, "en", "machine", fingerprint({"intro": intro}))
    territory = content / "exemple" / "territory.yml"
    territory.write_text(territory.read_text(encoding="utf-8").replace("Données de test.", "Données de test, modifiées."), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "generator", "translations", "status", "--content", str(content)],
        capture_output=True, text=True, cwd=REPO,
    )

    assert result.returncode == 0, result.stderr
    english = next(line for line in result.stdout.splitlines() if line.startswith("en ") and " exemple " in line)
    assert english.split()[-1] == "périmée"

"""The open-data CSV never hands a spreadsheet a formula (OWASP « CSV injection »)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from generator.gate.spreadsheet import spreadsheet_safe
from generator.load import load_catalogue
from generator.opendata import write_open_data

from conftest import BUILD_DATE

VALID_CONTENT = Path(__file__).resolve().parent / "fixtures" / "valid_content"


@pytest.mark.parametrize(
    "cell",
    ["=HYPERLINK(\"https://example.org\";\"Cliquez\")", "+33 3 87 00 00 00", "-2+3", "@SUM(A1:A9)", "\tcaché", "\r=1+1", "=", "-"],
    ids=repr,
)
def test_a_cell_a_spreadsheet_would_run_is_quoted(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Atelier = rencontre", "2 matins par semaine", "accueil@ville.fr", "'déjà cité", "Élan +"], ids=repr)
def test_other_cells_are_left_as_they_are(cell):
    assert spreadsheet_safe(cell) == cell


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f"], ids=repr)
def test_a_control_character_never_reaches_the_file(control):
    with pytest.raises(ValueError):
        spreadsheet_safe(f"titre{control}")


def test_formulas_in_a_fiche_are_written_as_text_in_the_territory_csv(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    fiche = content / "exemple" / "actions" / "atelier-francais.yml"
    text = fiche.read_text(encoding="utf-8")
    text = text.replace('title: "Apprendre le français à Exemple"', 'title: "=HYPERLINK(\\"https://pirate.example\\")"')
    text = text.replace('commitment: "3 mois"', 'commitment: "+3 mois"')
    text = text.replace('frequency: "2 matins par semaine"', 'frequency: "-2 matins"')
    fiche.write_text(text, encoding="utf-8")

    write_open_data(load_catalogue(content), tmp_path / "site", BUILD_DATE)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "site" / "data" / "exemple.csv").read_text(encoding="utf-8"))))
    row = next(row for row in rows if row["identifiant"] == "atelier-francais")
    assert row["titre"] == "'=HYPERLINK(\"https://pirate.example\")"
    assert row["engagement"] == "'+3 mois"
    assert row["frequence"] == "'-2 matins"
    # The JSON is data, not a spreadsheet: it keeps the text as written.
    assert '"=HYPERLINK' in (tmp_path / "site" / "data" / "exemple.json").read_text(encoding="utf-8")

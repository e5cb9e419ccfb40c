"""The termbase check: a translation that departs from locales/<lang>/terms.yml gets a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import load_catalogue
from generator.terms import check_terms, load_termbase

FIXTURE = Path(__file__).parent / "fixtures" / "valid_content"

FRENCH_TERMS = """\
atelier:
  french: ["atelier", "ateliers"]
travail:
  french: ["travail"]
Zone:
  french: ["Zone"]
  label: true
"""

ENGLISH_TERMS = """\
atelier:
  rendering: "workshop"
travail:
  rendering: "work"
  avoid: ["job"]
Zone:
  rendering: "Area"
"""

CATALOG = """\
msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Zone :"
msgstr "Region:"

msgid "Zone couverte par l'action"
msgstr "Region the action covers"

msgid "Un atelier"
msgstr "A class"
"""


@pytest.fixture
def catalogue_and_locales(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    locales = tmp_path / "locales"
    (locales / "en" / "LC_MESSAGES").mkdir(parents=True)
    (locales / "terms.yml").write_text(FRENCH_TERMS, encoding="utf-8")
    (locales / "en" / "terms.yml").write_text(ENGLISH_TERMS, encoding="utf-8")
    (locales / "en" / "LC_MESSAGES" / "messages.po").write_text(CATALOG, encoding="utf-8")
    return content, locales


def warnings_for(content: Path, locales: Path) -> list[str]:
    termbase = load_termbase(locales, ["en", "ar"])
    return [str(warning) for warning in check_terms(load_catalogue(content), termbase, locales)]


def test_an_avoided_rendering_is_reported_with_file_line_and_field(catalogue_and_locales):
    content, locales = catalogue_and_locales
    warnings = warnings_for(content, locales)
    translation = content / "exemple" / "actions" / "atelier-francais.en.yml"
    line = next(n for n, text in enumerate(translation.read_text(encoding="utf-8").splitlines(), 1) if "find a job" in text)
    assert f"{translation}:{line}: why.1: terme « travail » : « job » est une forme à éviter ; écrire « work » ({locales / 'en' / 'terms.yml'})" in warnings


def test_a_term_the_french_names_must_keep_its_rendering(catalogue_and_locales):
    content, locales = catalogue_and_locales
    translation = content / "exemple" / "actions" / "atelier-francais.en.yml"
    # The fixture's English says "workshop" where the French says « atelier »: nothing to report.
    assert not [w for w in warnings_for(content, locales) if "« atelier »" in w and str(translation) in w]

    translation.write_text(translation.read_text(encoding="utf-8").replace("workshop", "class"), encoding="utf-8")

    reported = [w for w in warnings_for(content, locales) if "« atelier »" in w and str(translation) in w]
    assert {w.split(": ")[1] for w in reported} == {"abstract", "what", "why.2"}
    assert all("la traduction n'emploie pas « workshop »" in w for w in reported)


def test_interface_catalogs_are_checked_and_labels_only_as_whole_labels(catalogue_and_locales):
    content, locales = catalogue_and_locales
    po = locales / "en" / "LC_MESSAGES" / "messages.po"
    catalog_warnings = [w for w in warnings_for(content, locales) if w.startswith(str(po))]
    assert catalog_warnings == [
        f"{po}:6: msgstr: terme « Zone » : le français le cite, la traduction n'emploie pas « Area » ({locales / 'en' / 'terms.yml'})",
        f"{po}:12: msgstr: terme « atelier » : le français le cite, la traduction n'emploie pas « workshop » ({locales / 'en' / 'terms.yml'})",
    ]


def test_a_translation_that_follows_the_termbase_gets_no_warning(catalogue_and_locales):
    content, locales = catalogue_and_locales
    translation = content / "exemple" / "actions" / "atelier-francais.en.yml"
    translation.write_text(translation.read_text(encoding="utf-8").replace("find a job", "find work"), encoding="utf-8")
    po = locales / "en" / "LC_MESSAGES" / "messages.po"
    po.write_text(CATALOG.replace('"Region:"', '"Area:"').replace('"A class"', '"A workshop"'), encoding="utf-8")
    assert warnings_for(content, locales) == []


def test_a_broken_termbase_is_reported_in_french_with_its_lines(catalogue_and_locales):
    _, locales = catalogue_and_locales
    (locales / "en" / "terms.yml").write_text(
        'atelier:\n  rendering: "workshop"\n  avoir: ["class"]\nlogement:\n  rendering: "housing"\n', encoding="utf-8"
    )
    with pytest.raises(ContentErrors) as raised:
        load_termbase(locales, ["en"])
    messages = [str(error) for error in raised.value.errors]
    path = locales / "en" / "terms.yml"
    assert any(m.startswith(f"{path}:3: avoir: clé inconnue") for m in messages), messages
    assert any(m.startswith(f"{path}:4: logement: terme inconnu") for m in messages), messages


def test_validate_lists_term_warnings_apart_from_errors(catalogue_and_locales):
    from generator.terms import term_warnings

    content, locales = catalogue_and_locales
    warnings = term_warnings(load_catalogue(content), locales)
    # Content warnings carry their territory, so the completeness page can show them; catalog warnings none.
    assert {(w.territory, w.field) for w in warnings if "« travail »" in w.message} == {("exemple", "why.1")}
    assert {w.territory for w in warnings if w.path.endswith(".po")} == {""}

"""`catalogue validate`: errors block, warnings inform.

A coordinator's everyday edits (a sentence fixed in French, an action deleted, a new territory
not translated yet, a translation marked reviewed) must pass validation, with warnings that say
what is left to do, printed in the terminal and on GitHub's summary page. Run on copies of the
fixture catalogue.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.checks import content_warnings
from generator.load import load_catalogue

from conftest import CATALOGUE, REPO


def validate(content: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(content), *options],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def content(tmp_path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CATALOGUE, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_french_edit_makes_its_translations_stale_which_is_a_warning(content):
    before = {str(w) for w in content_warnings(load_catalogue(content))}
    edit(content / "port-exemple" / "actions" / "atelier-emploi.yml", "Un entretien d'essai", "Un entretien pour s'entraîner")
    result = validate(content)
    assert result.returncode == 0, result.stderr
    stale = [line for line in result.stdout.splitlines() if "périmée" in line and "atelier-emploi." in line]
    assert sorted(line.split("atelier-emploi.")[1][:2] for line in stale) == ["ar", "en", "fa", "ps", "ru", "ti", "uk"]
    assert all(line not in before for line in stale)
    assert "ne bloquent pas la publication" in result.stdout


def test_deleting_an_action_and_its_translations_passes(content):
    for path in (content / "port-exemple" / "actions").glob("atelier-emploi*.yml"):
        path.unlink()
    result = validate(content)
    assert result.returncode == 0, result.stderr
    assert "atelier-emploi" not in result.stdout


def test_a_new_territory_with_one_untranslated_action_passes_with_warnings(content):
    new = content / "nouveau"
    shutil.copytree(content / "val-exemple", new, ignore=shutil.ignore_patterns("*.*.yml"))
    edit(new / "territory.yml", "slug: val-exemple", "slug: nouveau")
    edit(new / "territory.yml", "name: Communauté du Val-Exemple", "name: Nouveau territoire")
    result = validate(content)
    assert result.returncode == 0, result.stderr
    territories = sum(1 for path in content.iterdir() if (path / "territory.yml").is_file())
    assert f"{territories} territoires" in result.stdout
    line = next(line for line in result.stdout.splitlines() if "nouveau/actions/mentorat-jeunes.yml" in line and "traduite" in line)
    assert line.endswith("pas encore traduite en : en, ar, fa, ps, ti, ru, uk.")


def test_marking_a_translation_reviewed_passes(content):
    edit(content / "port-exemple" / "actions" / "atelier-emploi.uk.yml", "status: machine", "status: reviewed")
    result = validate(content)
    assert result.returncode == 0, result.stderr
    assert "atelier-emploi.uk.yml" not in result.stdout


def test_warnings_and_errors_reach_the_summary_page_in_french(content, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("## Une étape précédente\n", encoding="utf-8")
    assert validate(content, "--summary", str(summary)).returncode == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Une étape précédente\n")  # appended: GitHub joins every step's summary
    assert "**Contenu valide.**" in text and "avertissements** : ils ne bloquent pas la publication" in text
    assert "### port-exemple" in text and "### val-exemple" in text
    assert "cours-francais.ru.yml:1: source_fingerprint: traduction peut-être périmée" in text

    edit(content / "port-exemple" / "actions" / "cours-francais.yml", "themes: [francais]", "themes: [pas-un-theme]")
    summary.unlink()
    result = validate(content, "--summary", str(summary))
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert "**1 erreur à corriger : rien n'a été publié.**" in text
    assert "cours-francais.yml:" in text and "pas-un-theme" in text
    assert "avertissement" not in text


def test_the_completeness_page_lists_what_is_left_to_translate(built_site):
    html = (built_site / "fr" / "port-exemple" / "completude" / "index.html").read_text(encoding="utf-8")
    row = html[html.index('href="../cours-francais/"'):].split("</tr>", 1)[0]
    assert 'À traduire : <span dir="ltr">fa, ps, ti, uk</span>' in row
    assert 'À mettre à jour : <span dir="ltr">ru</span>' in row


def test_a_file_without_the_editor_modeline_is_a_warning(content):
    path = content / "val-exemple" / "actions" / "mentorat-jeunes.yml"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    result = validate(content)
    assert result.returncode == 0
    assert any("mentorat-jeunes.yml:1: la première ligne « # yaml-language-server" in line for line in result.stdout.splitlines())


def test_plain_language_warnings(content):
    fiche = content / "port-exemple" / "actions" / "atelier-emploi.yml"
    edit(fiche, "L'atelier a eu lieu de janvier 2023 à décembre 2024.",
         "L'atelier, que la PMI et l'Union départementale des associations familiales (UDAF) soutenaient, "
         "a eu lieu au centre-ville pendant deux années entières avec des bénévoles venus de toutes les "
         "associations du quartier qui voulaient aider.")
    result = validate(content)
    assert result.returncode == 0
    lines = [line for line in result.stdout.splitlines() if "atelier-emploi.yml" in line]
    assert any("atelier-emploi.yml:4: what: sigle sans explication : PMI." in line for line in lines), lines  # UDAF is spelled out
    assert any("atelier-emploi.yml:4: what: phrase de 3" in line for line in lines), lines
    # The workshop ended, and the text no longer says when.
    assert any("ne dit pas quand" in line for line in lines), lines
    assert any("atelier-emploi.yml:4: what: action terminée" in line for line in lines), lines
    untouched = [line for line in result.stdout.splitlines() if "cours-francais.yml" in line]
    assert not any("sigle" in line or "phrase de" in line for line in untouched)


def test_a_comment_after_a_code_a_number_a_date_or_a_yes_no_value_passes(content):
    """What `catalogue new` writes (« null  # … ») and coordinators copy: after such values a
    comment cuts nothing off. Only a text field's unquoted text is checked (tests/broken/text-cut-*)."""
    fiche = content / "port-exemple" / "actions" / "atelier-emploi.yml"
    for old, new in [
        ("specific_publics: non-concerne", "specific_publics: non-concerne  # pour tous"),
        ("period: {start: 2023-01-01, end: 2024-12-31}", "period: {start: 2023-01-01, end: 2024-12-31}  # dates du bilan"),
        ("referral_only: true", "referral_only: true  # voir le CCAS"),
        ("last_verified: 2025-05-01", "last_verified: 2025-05-01  # au téléphone"),
        ("contract: ctai-2023-2026", "contract: ctai-2023-2026  # le seul contrat"),
        ("total_cost: 5000, state_funding: 4000}", "total_cost: 5000, state_funding: 4000}  # délibération"),
        ("document: fixture.txt, section: \"fiche 1\"}", "document: fixture.txt, section: \"fiche 1\"}  # page 3"),
        ('abstract: "Un entretien d\'essai et des conseils pour trouver un emploi."',
         'abstract: "Un entretien d\'essai et des conseils pour trouver un emploi."  # entre guillemets : rien de coupé'),
    ]:
        edit(fiche, old, new)
    result = validate(content)
    assert result.returncode == 0, result.stderr
    edit(fiche, '  axis: "Axe 2 : emploi"', "  axis: Axe 2 #emploi")
    result = validate(content)
    assert result.returncode == 1 and "atelier-emploi.yml:35: admin.axis: texte coupé" in result.stderr, result.stderr


def test_an_action_begun_before_its_contract_is_a_warning_not_an_error(content):
    """Contracts finance actions already under way (a school year begun before the signature): only
    a period wholly outside the contract is an error (tests/broken/period-outside-contract)."""
    fiche = content / "port-exemple" / "actions" / "atelier-emploi.yml"
    edit(fiche, "period: {start: 2023-01-01, end: 2024-12-31}", "period: {start: 2022-09, end: 2027}")
    result = validate(content)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "atelier-emploi.yml:18: who.period." in line]
    assert [line.split(": ", 2)[1:] for line in lines] == [
        ["who.period.end", "l'action finit (2027) après son contrat (2026-12-31) : vérifiez la date, si le document source ne le dit pas"],
        ["who.period.start", "l'action commence (2022-09) avant son contrat (2023-01-01) : vérifiez la date, si le document source ne le dit pas"],
    ], lines


def test_words_in_capitals_are_not_taken_for_acronyms(content):
    fiche = content / "port-exemple" / "actions" / "atelier-emploi.yml"
    edit(fiche, '  - "Vous appreniez les règles du travail en France."',
         '  - "LES CHIFFRES : 12 personnes, POUR un emploi. Le GRETA aide aussi."')
    result = validate(content)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "atelier-emploi.yml" in line and "sigle" in line]
    assert lines and all(line.endswith("why[1]: sigle sans explication : GRETA. Écrivez-le en toutes lettres une fois,"
                                       " par exemple « Protection maternelle et infantile (PMI) ».") for line in lines), lines

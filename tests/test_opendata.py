"""Open data: per-territory JSON and CSV, the national file, and the data·inclusion export."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from data_inclusion.schema import v1

from generator.load import load_catalogue
from generator.models import SITE_LANGUAGES, Audience
from generator.opendata import COLUMNS, PUBLICS, THEMATIQUES

from conftest import CATALOGUE, REPO


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE)


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def documented_columns() -> list[str]:
    """The column names of README.md's « Colonnes / Columns » table, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Données ouvertes / Open data", 1)[1].split("### Colonnes / Columns", 1)[1]
    section = section.split("\n#", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_every_territory_has_its_json_and_csv(built_site, catalogue):
    data = built_site / "data"
    for slug, territory in catalogue.territories.items():
        record = read_json(data / f"{slug}.json")
        assert record["territoire"]["identifiant"] == slug
        assert sorted(row["identifiant"] for row in record["actions"]) == sorted(territory.actions)
        rows = read_csv(data / f"{slug}.csv")
        assert len(rows) == 1 + len(territory.actions)
    assert (data / "data-inclusion" / "services.json").is_file()
    assert (data / "data-inclusion" / "structures.json").is_file()


def test_csv_columns_are_the_documented_ones(built_site, catalogue):
    documented = documented_columns()
    assert documented == list(COLUMNS)
    for slug in catalogue.territories:
        header, *rows = read_csv(built_site / "data" / f"{slug}.csv")
        assert header == documented
        assert all(len(row) == len(header) for row in rows)
        record = read_json(built_site / "data" / f"{slug}.json")
        assert all(list(row) == sorted(documented) for row in record["actions"])


def test_csv_and_json_carry_public_and_administrative_fields_in_french(built_site):
    header, *rows = read_csv(built_site / "data" / "port-exemple.csv")
    by_id = {row[header.index("identifiant")]: dict(zip(header, row)) for row in rows}
    row = by_id["atelier-emploi"]
    assert row["titre"] == "Préparer un entretien d'embauche"
    assert row["themes"] == "travail"
    assert row["publics"] == "bpi | primo-arrivant"
    assert row["publics_particuliers"] == "non-concerne"
    assert row["destinataires"] == "beneficiaires"
    assert row["cout_total"] == "5000" and row["financement_etat"] == "4000"
    assert row["porteurs"] == "Association Exemple Emploi"
    assert row["source_document"] == "fixture.txt"
    assert row["en_ligne"] == "non" and row["gratuit"] == "oui"
    assert row["date_debut"] == "2023-01-01" and row["date_fin"] == "2024-12-31"
    assert by_id["permanence-logement"]["gratuit"] == ""  # not filled yet: left empty, never guessed
    assert by_id["reseau-professionnels"]["destinataires"] == "professionnels"


def test_national_file_holds_every_action(built_site, catalogue):
    national = read_json(built_site / "data" / "all.json")
    expected = sorted((action.territory, action.slug) for action in catalogue.actions())
    assert len(expected) == sum(1 for _ in CATALOGUE.glob("*/actions/*.yml") if _.name.count(".") == 1)
    assert sorted((row["territoire"], row["identifiant"]) for row in national["actions"]) == expected
    assert [record["identifiant"] for record in national["territoires"]] == sorted(catalogue.territories)
    for slug in catalogue.territories:
        own = read_json(built_site / "data" / f"{slug}.json")["actions"]
        assert own == [row for row in national["actions"] if row["territoire"] == slug]


def test_data_inclusion_export_validates_with_the_official_schema(built_site):
    folder = built_site / "data" / "data-inclusion"
    services, structures = read_json(folder / "services.json"), read_json(folder / "structures.json")
    assert services and structures
    strict = {"ignore_warnings": False}
    for record in services:
        v1.Service.model_validate(record, context=strict)
    for record in structures:
        v1.Structure.model_validate(record, context=strict)
    structure_ids = [record["id"] for record in structures]
    assert len(set(structure_ids)) == len(structure_ids)
    assert len({record["id"] for record in services}) == len(services)
    assert {record["structure_id"] for record in services} <= set(structure_ids)
    assert {record["source"] for record in services + structures} == {"catalogue-ctai"}


def test_data_inclusion_mapping_uses_only_values_of_the_schema():
    thematiques = {item.value for item in v1.Thematique}
    assert {value for values in THEMATIQUES.values() for value in values} <= thematiques
    assert set(PUBLICS) == {"personnes-exilees"} <= {item.value for item in v1.Public}


def test_services_are_the_actions_for_newcomers_only(built_site, catalogue):
    services = read_json(built_site / "data" / "data-inclusion" / "services.json")
    exported = {record["id"] for record in services}
    for action in catalogue.actions():
        service_id = f"{action.territory}--{action.slug}"
        if action.model.admin.audience is Audience.professionals:
            assert service_id not in exported, service_id
        else:
            assert service_id in exported, service_id
    assert all("personnes-exilees" in record["publics"] for record in services)


def test_data_inclusion_invents_nothing(built_site, catalogue):
    folder = built_site / "data" / "data-inclusion"
    structures = read_json(folder / "structures.json")
    assert all(record["siret"] is None and record["code_insee"] is None for record in structures)
    actions = {f"{action.territory}--{action.slug}": action for action in catalogue.actions()}
    for record in read_json(folder / "services.json"):
        model = actions[record["id"]].model
        contacts = {contact.value for contact in model.orientation.contacts or []}
        assert record["telephone"] is None or record["telephone"] in contacts
        assert record["courriel"] is None or record["courriel"] in contacts
        assert record["code_insee"] is None and record["contact_nom_prenom"] is None
        if model.who.price is None:
            assert record["frais"] is None
        assert record["nom"] == model.title
        assert record["date_maj"] == model.last_verified.isoformat()
    coordinator = next(record for record in structures if record["id"] == "port-exemple--centre-communal-d-action-sociale-de-port-exemple-ccas-de-port-exemple")
    assert (coordinator["adresse"], coordinator["code_postal"], coordinator["commune"]) == ("1 place de l'Exemple", "29000", "Port-Exemple")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_territory_page_links_to_its_open_data(built_site, catalogue, lang):
    for slug in catalogue.territories:
        page = built_site / lang / slug / "index.html"
        html = page.read_text(encoding="utf-8")
        assert 'id="donnees-ouvertes"' in html
        section = html[html.index('id="donnees-ouvertes"'):]
        targets = re.findall(r'href="(\.\./\.\./data/[^"]+)"', section)
        for name in (f"{slug}.csv", f"{slug}.json", "all.json"):
            assert f"../../data/{name}" in targets, (lang, slug, name)
        for target in targets:
            assert (page.parent / target).resolve().is_file(), (lang, slug, target)

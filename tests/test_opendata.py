"""Open data: per-territory JSON and CSV, the national file, and the data·inclusion export."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from data_inclusion.schema import v1

from generator.cli import OPEN_DATA_COLUMNS
from generator.load import load_catalogue
from generator.localize.period import effective_period
from generator.localize.status import is_open
from generator.models import SITE_LANGUAGES, Audience
from generator.opendata.catalogue import columns_text
from generator.opendata import (
    COLUMNS,
    PUBLICS,
    THEMATIQUES,
    action_status,
    data_inclusion,
    folded_name,
    is_placeholder_operator,
)

from conftest import BUILD_DATE, CATALOGUE, REPO


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE)


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_the_columns_page_is_up_to_date():
    """docs/open-data-columns.md is written by `catalogue schema` from COLUMNS."""
    assert OPEN_DATA_COLUMNS.read_text(encoding="utf-8") == columns_text(), "run `catalogue schema`"


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
    documented = re.findall(r"^\| `([a-z_]+)` \|", OPEN_DATA_COLUMNS.read_text(encoding="utf-8"), flags=re.MULTILINE)
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


def test_services_are_the_current_actions_for_newcomers_only(built_site, catalogue):
    services = read_json(built_site / "data" / "data-inclusion" / "services.json")
    exported = {record["id"] for record in services}
    statuses = {}
    for action in catalogue.actions():
        service_id = f"{action.territory}--{action.slug}"
        territory = catalogue.territories[action.territory]
        statuses[service_id] = action_status(territory, action, BUILD_DATE)
        # The one rule the pages count with.
        if action.model.admin.audience is Audience.professionals or not is_open(effective_period(action, territory), BUILD_DATE):
            assert service_id not in exported, service_id
        else:
            assert service_id in exported, service_id
    # The fixture has an ended action for newcomers (atelier-emploi), one whose end is not known
    # (conversation-francais), a running and an upcoming one.
    assert statuses["port-exemple--atelier-emploi"] == "ended"
    assert statuses["port-exemple--conversation-francais"] == "end-unknown"
    assert {"port-exemple--atelier-emploi", "port-exemple--conversation-francais"}.isdisjoint(exported)
    assert {"port-exemple--cours-francais", "port-exemple--permanence-logement"} <= exported
    assert all("personnes-exilees" in record["publics"] for record in services)


def test_json_and_csv_keep_every_action_with_its_status(built_site):
    expected = {
        "atelier-emploi": "terminee", "cours-francais": "en-cours", "permanence-logement": "a-venir",
        "conversation-francais": "fin-inconnue",
    }
    rows = read_json(built_site / "data" / "port-exemple.json")["actions"]
    assert {row["identifiant"]: row["statut"] for row in rows if row["identifiant"] in expected} == expected
    header, *lines = read_csv(built_site / "data" / "port-exemple.csv")
    by_id = {line[header.index("identifiant")]: line[header.index("statut")] for line in lines}
    assert {slug: by_id[slug] for slug in expected} == expected
    national = read_json(built_site / "data" / "all.json")["actions"]
    assert {row["statut"] for row in national} <= {"a-venir", "en-cours", "terminee", "fin-inconnue", "dates-a-confirmer"}


@pytest.mark.parametrize(
    "name",
    ["Prestataire à déterminer", "A définir", "à désigner", "Opérateur à désigner", "Structure retenue après appel à projets",
     "PRESTATAIRE A DETERMINER", "Opérateur non défini", "—"],
)
def test_a_placeholder_operator_is_recognised(name):
    assert is_placeholder_operator(name)


@pytest.mark.parametrize(
    "name",
    ["CCAS de Metz", "Danse à tous les étages", "Soliha (plateforme immobilière à vocation sociale)", "Forum réfugiés-Cosi",
     "Maison du FLE"],
)
def test_a_real_operator_is_not_a_placeholder(name):
    assert not is_placeholder_operator(name)


def _with_operators(tmp_path: Path, operators: dict[str, list[str]]) -> Path:
    """A copy of the fixture catalogue where some actions have other operators."""
    content = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, content)
    for path, names in operators.items():
        fiche = content / path
        text = fiche.read_text(encoding="utf-8")
        old = re.search(r"^  operators: .*$", text, flags=re.MULTILINE)
        new = "  operators: " + json.dumps(names, ensure_ascii=False)
        text = text.replace(old[0], new) if old else text.replace("  audience:", new + "\n  audience:", 1)
        fiche.write_text(text, encoding="utf-8")
    return content


def test_structures_are_deduplicated_and_never_placeholders(tmp_path):
    content = _with_operators(
        tmp_path,
        {
            "port-exemple/actions/cours-francais.yml": ["Centre social de Port-Exemple", "CENTRE SOCIAL  de Port Exemple.", "Prestataire à déterminer"],
            "port-exemple/actions/permanence-logement.yml": ["Le centre social de Port-Exemple", "A définir"],
            "val-exemple/actions/mentorat-jeunes.yml": ["à désigner"],
        },
    )
    services, structures = data_inclusion(load_catalogue(content), BUILD_DATE)
    names = [record["nom"] for record in structures]
    assert names and not any(is_placeholder_operator(name) for name in names)
    assert not any("déterminer" in name or "définir" in name or "désigner" in name for name in names)
    port = [record for record in structures if record["id"].startswith("port-exemple--")]
    assert [record["nom"] for record in port] == ["Centre social de Port-Exemple"]  # one structure, first spelling
    folded = [(record["id"].split("--")[0], folded_name(record["nom"])) for record in structures]
    assert len(set(folded)) == len(folded)
    by_id = {record["id"]: record for record in services}
    assert by_id["port-exemple--cours-francais"]["structure_id"] == by_id["port-exemple--permanence-logement"]["structure_id"]
    # An action whose only operator is a placeholder is the coordinating institution's.
    val = by_id["val-exemple--mentorat-jeunes"]["structure_id"]
    assert next(record["nom"] for record in structures if record["id"] == val) == "Communauté du Val-Exemple"
    strict = {"ignore_warnings": False}
    for record in services:
        v1.Service.model_validate(record, context=strict)
    for record in structures:
        v1.Structure.model_validate(record, context=strict)


def test_date_maj_is_the_last_verification_never_the_build_date(built_site, catalogue):
    folder = built_site / "data" / "data-inclusion"
    services, structures = read_json(folder / "services.json"), read_json(folder / "structures.json")
    assert all(record["date_maj"] != BUILD_DATE.isoformat() for record in services + structures)
    verified = {f"{action.territory}--{action.slug}": action.model.last_verified.isoformat() for action in catalogue.actions()}
    assert all(record["date_maj"] == verified[record["id"]] for record in services)
    for structure in structures:
        dates = [verified[record["id"]] for record in services if record["structure_id"] == structure["id"]]
        assert structure["date_maj"] == max(dates)


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


def _field_paths(model, prefix=""):
    """Every leaf field of a content model, dotted (sub-models, lists of them and optional ones walked)."""
    import typing

    from pydantic import BaseModel

    for name, field in model.model_fields.items():
        candidates = [field.annotation, *typing.get_args(field.annotation)]
        candidates += [inner for candidate in candidates for inner in typing.get_args(candidate)]
        sub = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
        if sub is not None:
            yield from _field_paths(sub, f"{prefix}{name}.")
        else:
            yield prefix + name


def _declared(path: str, table) -> str | None:
    return next((key for key in table if path == key or path.startswith(key + ".")), None)


def test_every_action_field_is_in_the_open_data_or_declared_private():
    from generator.models import Action
    from generator.opendata import FIELD_COLUMNS, PRIVATE_FIELDS

    undeclared = [
        path for path in _field_paths(Action)
        if _declared(path, FIELD_COLUMNS) is None and _declared(path, PRIVATE_FIELDS) is None
    ]
    assert undeclared == [], "add these fields to FIELD_COLUMNS (generator/opendata/catalogue.py) or to PRIVATE_FIELDS"
    assert {column for columns in FIELD_COLUMNS.values() for column in columns} <= set(COLUMNS)
    assert not set(FIELD_COLUMNS) & set(PRIVATE_FIELDS)


def test_a_filled_field_reaches_its_column(catalogue):
    from generator.models import given
    from generator.opendata import FIELD_COLUMNS, action_row

    checked = set()
    for territory in catalogue.territories.values():
        for action in territory.actions.values():
            row = action_row(territory, action, BUILD_DATE)
            for path, columns in FIELD_COLUMNS.items():
                value = action.model
                for name in path.split("."):
                    value = getattr(value, name) if value is not None else None
                if given(value) in (None, [], "", False):
                    continue
                checked.add(path)
                assert any(row[column] not in (None, [], "") for column in columns), (action.slug, path)
    assert len(checked) > len(FIELD_COLUMNS) // 2  # the fixture fills most fields

"""The localize stage's rules, unit by unit: statuses and their dates, periods, ages, facets, and
the work shared by every language."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import BUILD_DATE, CATALOGUE
from generator.dates import PartialDate
from generator.load import load_catalogue
from generator.localize import build_facts, localize
from generator.localize.age import OPEN_DATA_SENTENCES, age_sentence
from generator.localize.facets import facet_groups
from generator.localize.period import effective_period, period_dates
from generator.localize.status import status
from generator.models import NOT_RELEVANT, AgeRange, Answer, Filled, Period, given, listed


def french(message: str) -> str:
    return message


def period(start, end) -> Period:
    return Period(start=PartialDate.parse(start) if start else None, end=PartialDate.parse(end) if end else None)


@pytest.mark.parametrize(
    "start, end, key, dates",
    [
        (dt.date(2025, 9, 1), dt.date(2026, 6, 30), "upcoming", "1 septembre 2025 – 30 juin 2026"),
        (dt.date(2024, 1, 1), dt.date(2026, 12, 31), "running", "1 janvier 2024 – 31 décembre 2026"),
        (dt.date(2023, 1, 1), dt.date(2024, 12, 31), "ended", "1 janvier 2023 – 31 décembre 2024"),
        ("2019", "2019", "ended", "2019 (date exacte non précisée)"),
        ("2024-09", None, "end-unknown", "septembre 2024 (date exacte non précisée)"),
    ],
)
def test_a_status_is_taken_on_the_build_date_and_shows_its_dates_as_precisely_as_given(start, end, key, dates):
    shown = status(period(start, end), BUILD_DATE, "fr_FR", french)
    assert (shown.key, shown.dates) == (key, dates)
    assert shown.label  # the label of its key, never empty


def test_period_dates_are_in_the_page_language():
    assert period_dates(period(dt.date(2025, 9, 1), dt.date(2026, 6, 30)), "en_GB", french) == (
        "1 September 2025 – 30 June 2026"
    )


def test_an_action_without_dates_runs_for_its_contract_period():
    catalogue = load_catalogue(CATALOGUE)
    territory = catalogue.territories["port-exemple"]
    for action in territory.actions.values():
        expected = action.model.who.period or territory.contract(action.model.admin.contract).period
        assert effective_period(action, territory) == expected
    undated = [a for a in territory.actions.values() if a.model.who.period is None]
    for action in undated:
        assert effective_period(action, territory) == territory.contract(action.model.admin.contract).period


@pytest.mark.parametrize(
    "age, page, open_data",
    [
        (AgeRange(min=18, max=25), "De 18 à 25 ans", "Âge : de 18 à 25 ans."),
        (AgeRange(min=16), "À partir de 16 ans", "Âge : 16 ans et plus."),
        (AgeRange(max=25), "Jusqu'à 25 ans", "Âge : jusqu'à 25 ans."),
        (NOT_RELEVANT, None, None),
        (None, None, None),
    ],
)
def test_one_age_rule_for_the_pages_and_the_open_data(age, page, open_data):
    assert age_sentence(age, french) == page
    assert age_sentence(age, french, OPEN_DATA_SENTENCES) == open_data


def test_facets_list_filled_values_only_in_a_fixed_order():
    catalogue = load_catalogue(CATALOGUE)
    territory = catalogue.territories["port-exemple"]
    groups = facet_groups(territory)
    keys = [(facet, member.value) for facet, member, _ in groups]
    assert keys == sorted(keys)
    emploi = territory.actions["atelier-emploi"]
    assert emploi.model.who.specific_publics == NOT_RELEVANT
    assert not any(emploi in actions for facet, _, actions in groups if facet == "specific")
    for facet, member, actions in groups:
        assert actions, (facet, member)


def _catalogue_on_one_theme(tmp_path: Path):
    """The fixture catalogue with every action of port-exemple on the theme « travail »."""
    copy = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, copy)
    for path in (copy / "port-exemple" / "actions").glob("*.yml"):
        if path.name.count(".") == 1:  # the French file, not a translation
            text = path.read_text(encoding="utf-8")
            lines = ["themes: [travail]" if line.startswith("themes:") else line for line in text.splitlines()]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_catalogue(copy)


def test_related_actions_suggest_an_ended_one_only_from_an_ended_one(tmp_path):
    catalogue = _catalogue_on_one_theme(tmp_path)
    facts = build_facts(catalogue, BUILD_DATE, "")
    ended = facts.status_keys[("port-exemple", "atelier-emploi")]
    running = facts.status_keys[("port-exemple", "cours-francais")]
    assert (ended, running) == ("ended", "running")
    from_running = [a.slug for a in facts.related[("port-exemple", "cours-francais")]]
    from_ended = [a.slug for a in facts.related[("port-exemple", "atelier-emploi")]]
    assert "atelier-emploi" not in from_running and from_running
    assert "cours-francais" in from_ended
    assert "cours-francais" not in from_running  # never itself


def test_the_shared_work_done_once_gives_each_language_the_same_pages(tmp_path):
    catalogue = load_catalogue(CATALOGUE)
    facts = build_facts(catalogue, BUILD_DATE, "https://catalogue.test/")
    for lang in ("fr", "ar"):
        shared = localize(catalogue, lang, BUILD_DATE, "https://catalogue.test/", facts=facts)
        alone = localize(catalogue, lang, BUILD_DATE, "https://catalogue.test/")
        assert shared == alone
    fiche = shared.fiches[0]
    # The QR code is made once for all languages and leads to the language-neutral page.
    assert fiche.share.qr is facts.qr_codes[(fiche.territory.slug, fiche.slug)]
    assert fiche.share.qr_url.startswith("https://catalogue.test/f/")


@pytest.mark.parametrize(
    "value, filled, shown, values",
    [
        (None, Filled.missing, None, []),
        (NOT_RELEVANT, Filled.not_relevant, None, []),
        ([], Filled.given, [], []),
        (["fr", "en"], Filled.given, ["fr", "en"], ["fr", "en"]),
        ("Deux heures", Filled.given, "Deux heures", "Deux heures"),
    ],
)
def test_a_field_that_accepts_non_concerne_is_read_by_one_helper(value, filled, shown, values):
    assert Answer.of(value) == Answer(filled, shown)
    assert given(value) == shown
    if not isinstance(values, str):
        assert listed(value) == values

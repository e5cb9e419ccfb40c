"""What every page of one language uses: its context, texts with their language, contacts,
territory references, glossary entries."""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator import glossary, routes
from generator.gate.contacts import phone_display, phone_href
from generator.languages import SOURCE_LANGUAGE, Language
from generator.localize.dates import long_date
from generator.localize.status import status
from generator.localize.views import ActionCard, GlossaryEntry, Link, MapLinks, Status, TerritoryRef, Text
from generator.models import Catalogue, ContactKind, LoadedAction, LoadedTerritory, Period
from generator.routes import relative
from generator.typography import keep_numbers_together

if TYPE_CHECKING:  # facts uses the completeness and facet modules, which use this one
    from generator.localize.facts import BuildFacts


ActionKey = tuple[str, str]  # (territory, action)


def key_of(action: LoadedAction) -> ActionKey:
    return (action.territory, action.slug)


@dataclass
class LanguageContext:
    """One language's localization: the catalogue, the shared facts, and this language's gettext."""

    catalogue: Catalogue
    facts: BuildFacts
    lang: Language
    gettext: Callable[[str], str]
    languages: list[str]  # the languages built together, which pages may link to
    cards: dict[ActionKey, ActionCard] = field(default_factory=dict)

    def date(self, value) -> str:
        return long_date(value, self.lang.babel_locale)

    def status(self, period: Period) -> Status:
        return status(period, self.facts.build_date, self.lang.babel_locale, self.gettext)


def _numbers_together(value):
    """A text, or a list of texts, with its figures kept in one piece (see generator/typography.py)."""
    if isinstance(value, str):
        return keep_numbers_together(value)
    if isinstance(value, list):
        return [keep_numbers_together(item) if isinstance(item, str) else item for item in value]
    return value


def text(context: LanguageContext, translated, french) -> Text:
    """The translated text when there is one, else the French one, marked as French."""
    if translated not in (None, [], ""):
        return Text(_numbers_together(translated), context.lang.code, context.lang.direction)
    return french_text(french)


def french_text(value) -> Text:
    """A content text that translations do not carry (a place's name, an address, a contact's
    label): French on every page, marked as such."""
    return Text(_numbers_together(value), SOURCE_LANGUAGE, "ltr")


def action_text(context: LanguageContext, action: LoadedAction):
    """The translation to use for this language, and its status."""
    if context.lang.code == SOURCE_LANGUAGE:
        return None, "source"
    loaded = action.translations.get(context.lang.code)
    if loaded is None:
        return None, "missing"
    return loaded.model, ("stale" if loaded.stale else loaded.model.status.value)


def contact_links(contacts) -> list[Link]:
    links = []
    for contact in contacts or []:
        shown = contact.value
        if contact.kind is ContactKind.phone:
            href, shown = phone_href(contact.value), phone_display(contact.value)
        elif contact.kind is ContactKind.email:
            href = "mailto:" + contact.value
        else:
            href = contact.value
        links.append(Link(shown, href, note=french_text(contact.label) if contact.label else None))
    return links


def map_links(query: str, latitude: float | None = None, longitude: float | None = None) -> MapLinks:
    """Links that open an address in the phone's map app, or on OpenStreetMap; the page loads nothing from there."""
    if latitude is not None and longitude is not None:
        return MapLinks(
            f"geo:{latitude},{longitude}",
            f"https://www.openstreetmap.org/?mlat={latitude}&mlon={longitude}#map=17/{latitude}/{longitude}",
        )
    quoted = urllib.parse.quote(query)
    return MapLinks("geo:0,0?q=" + quoted, "https://www.openstreetmap.org/search?query=" + quoted)


def territory_ref(context: LanguageContext, territory: LoadedTerritory, from_path: str) -> TerritoryRef:
    coordinator = territory.model.coordinator
    return TerritoryRef(
        slug=territory.slug,
        name=territory.model.name,
        href=relative(from_path, routes.territory(territory.slug)),
        coordinator=coordinator.name,
        coordinator_contacts=contact_links(coordinator.contacts),
        coordinator_address=coordinator.address,
        coordinator_map=map_links(coordinator.address) if coordinator.address else None,
        completeness_href=relative(from_path, routes.completeness(territory.slug)),
    )


def glossary_entries(context: LanguageContext, texts: list[str]) -> list[GlossaryEntry]:
    """The glossary entries for the terms that appear in `texts`, explained in this language."""
    return [
        GlossaryEntry(term, glossary.anchor(term), context.gettext(glossary.TERMS[term]))
        for term in glossary.terms_in(texts)
    ]

"""The static filtered lists of a territory (one per used filter value): browsing without JavaScript."""

from __future__ import annotations

from enum import Enum

from generator import labels, routes
from generator.localize.cards import action_card, audience_sections
from generator.localize.common import LanguageContext, territory_ref
from generator.localize.views import FacetView
from generator.models import LoadedAction, LoadedTerritory, listed

# The label tables of the facets' values.
FACET_LABELS = {
    "theme": labels.THEMES,
    "public": labels.PUBLICS,
    "specific": labels.SPECIFIC_PUBLICS,
    "level": labels.FRENCH_LEVELS,
    "condition": labels.CONDITIONS,
}


def facet_values(action: LoadedAction) -> dict[str, list[Enum]]:
    """The values an action is listed under, by facet."""
    who = action.model.who
    return {
        "theme": action.model.themes,
        "public": listed(who.publics),
        "specific": listed(who.specific_publics),
        "level": listed(who.french_levels),
        "condition": listed(who.conditions),
    }


def facet_groups(territory: LoadedTerritory) -> list[tuple[str, Enum, list[LoadedAction]]]:
    """Each used (facet, value) of a territory with its actions, in a fixed order; the same in every language."""
    groups: dict[tuple[str, Enum], list[LoadedAction]] = {}
    for action in territory.actions.values():
        for facet, members in facet_values(action).items():
            for member in members:
                groups.setdefault((facet, member), []).append(action)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[0][1].value))
    return [(facet, member, actions) for (facet, member), actions in ordered]


def facet_views(context: LanguageContext, territory: LoadedTerritory) -> list[FacetView]:
    views = []
    for facet, member, actions in context.facts.facets[territory.slug]:
        path = routes.facet(territory.slug, facet, member.value)
        label = context.gettext(FACET_LABELS[facet][member])
        # A value every action has would list the territory's page again, card for card (all
        # of a territory's actions are often for BPI): its page says so and links there instead.
        every_action = len(actions) == len(territory.actions)
        cards = [] if every_action else sorted((action_card(context, a, path) for a in actions), key=lambda c: c.title.value.casefold())
        views.append(
            FacetView(
                path=path,
                title=label,
                translated_in=None,
                lang=context.lang,
                ref=territory_ref(context, territory, path),
                facet_label=label,
                every_action=every_action,
                sections=audience_sections(context, cards),
            )
        )
    return views

"""A territory's catalogue page: its actions for newcomers, for professionals, ended; its themes,
contracts and open data."""

from __future__ import annotations

from generator import labels, routes
from generator.languages import SOURCE_LANGUAGE
from generator.localize.cards import action_card
from generator.localize.common import LanguageContext, glossary_entries, territory_ref, text
from generator.localize.views import ActionCard, ContractView, OpenDataLinks, TerritoryView, ThemeTile
from generator.models import Audience, LoadedTerritory
from generator.routes import relative


def territory_view(context: LanguageContext, territory: LoadedTerritory, from_path: str | None = None) -> TerritoryView:
    """The territory's catalogue; links are made for `from_path` (default: its own page)."""
    own_path = routes.territory(territory.slug)
    path = from_path or own_path
    model = territory.model
    intro_translation = territory.translations.get(context.lang.code)
    cards = sorted(
        (action_card(context, action, path) for action in territory.actions.values()),
        key=lambda card: card.title.value.casefold(),
    )
    current = [card for card in cards if card.status.key != "ended"]
    intro = text(context, intro_translation and intro_translation.model.intro, model.intro)
    return TerritoryView(
        path=own_path,
        title=model.name,
        translated_in=sorted({SOURCE_LANGUAGE, *territory.translations}),
        lang=context.lang,
        ref=territory_ref(context, territory, path),
        kind=context.gettext(labels.TERRITORY_KINDS[model.kind]),
        departments=model.departments,
        intro=intro,
        glossary=glossary_entries(context, [intro.value]),
        contracts=[
            ContractView(contract.label, contract.kind.value, context.status(contract.period), contract.signatories)
            for contract in model.contracts
        ],
        theme_tiles=theme_tiles(context, territory, cards, path),
        for_you=[c for c in current if c.audience != Audience.professionals.value],
        for_professionals=[c for c in current if c.audience == Audience.professionals.value],
        ended=[card for card in cards if card.status.key == "ended"],
        open_data=open_data_links(territory.slug, path),
    )


def theme_tiles(context: LanguageContext, territory: LoadedTerritory, cards: list[ActionCard], path: str) -> list[ThemeTile]:
    """One tile per theme the territory has actions on, with their number."""
    tiles = []
    for theme, label in labels.THEMES.items():
        count = sum(theme.value in card.themes for card in cards)
        if count:
            href = relative(path, routes.facet(territory.slug, "theme", theme.value))
            tiles.append(ThemeTile(context.gettext(label), labels.THEME_ICONS[theme], count, href))
    return tiles


def open_data_links(slug: str, from_path: str) -> OpenDataLinks:
    def link(site_path: str) -> str:
        return routes.relative_file(from_path, routes.from_language(site_path))

    return OpenDataLinks(
        csv=link(routes.territory_data(slug, "csv")),
        json=link(routes.territory_data(slug, "json")),
        national=link(routes.national_data()),
        services=link(routes.data_inclusion("services")),
        structures=link(routes.data_inclusion("structures")),
    )

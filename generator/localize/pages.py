"""The pages made of interface text and lists: home, search, « Mes fiches », and the
language-neutral page of each fiche (outside the language folders)."""

from __future__ import annotations

from collections.abc import Sequence

from generator import labels, routes
from generator.languages import SOURCE_LANGUAGE, built_languages
from generator.localize.common import LanguageContext, key_of
from generator.localize.territory import territory_view
from generator.localize.views import (
    FavouritesView,
    HomeView,
    LanguageChoice,
    NeutralFichePage,
    SearchView,
    TerritoryEntry,
    TerritoryView,
)
from generator.models import Audience, Catalogue, LoadedTerritory
from generator.routes import relative


def home_view(context: LanguageContext) -> HomeView:
    territories = sorted(context.catalogue.territories.values(), key=lambda t: t.model.name.casefold())
    return HomeView(
        path=routes.home(),
        title=context.gettext("Actions d'accueil et d'intégration"),
        translated_in=None,
        lang=context.lang,
        territories=[territory_entry(context, t) for t in territories],
    )


def territory_entry(context: LanguageContext, territory: LoadedTerritory) -> TerritoryEntry:
    """A territory on the home page: its open actions for newcomers, then its history (ended, or
    whose end is not known), counted apart."""
    facts = context.facts
    actions = territory.actions.values()
    history = [key_of(action) for action in actions if key_of(action) not in facts.open_actions]
    ended = sum(facts.status_keys[key] == "ended" for key in history)
    return TerritoryEntry(
        name=territory.model.name,
        href=relative(routes.home(), routes.territory(territory.slug)),
        kind=context.gettext(labels.TERRITORY_KINDS[territory.model.kind]),
        departments=territory.model.departments,
        count=sum(
            key_of(action) in facts.open_actions and action.model.admin.audience is not Audience.professionals
            for action in actions
        ),
        ended_count=ended,
        end_unknown_count=len(history) - ended,
    )


def search_view(context: LanguageContext, listed: dict[str, TerritoryView] | None = None) -> SearchView:
    """The search page lists every territory's actions by theme, for browsers without JavaScript.

    `listed` holds territories' lists already made for this page (the preview makes again only
    the edited territory's)."""
    listed = listed or {}
    return SearchView(
        path=routes.search(),
        title=context.gettext("Recherche"),
        translated_in=None,
        lang=context.lang,
        territories=[listed.get(slug) or search_listing(context, t) for slug, t in context.catalogue.territories.items()],
    )


def search_listing(context: LanguageContext, territory: LoadedTerritory) -> TerritoryView:
    """A territory's actions as the search page lists them."""
    return territory_view(context, territory, from_path=routes.search())


def favourites_view(context: LanguageContext) -> FavouritesView:
    return FavouritesView(
        path=routes.favourites(), title=context.gettext("Mes fiches"), translated_in=None, lang=context.lang
    )


def fiche_language_choices(catalogue: Catalogue, languages: Sequence[str]) -> list[NeutralFichePage]:
    """For each fiche, its title in every built language it is translated in, for the neutral pages."""
    pages = []
    for action in catalogue.actions():
        path = routes.fiche(action.territory, action.slug)
        neutral = routes.neutral_fiche(action.territory, action.slug)
        choices = []
        for language in built_languages(languages):
            translation = action.translations.get(language.code)
            # Untranslated, the page shows the French text: offered only when French itself is not built.
            if language.code != SOURCE_LANGUAGE and translation is None and SOURCE_LANGUAGE in languages:
                continue
            title = translation.model.title if translation and translation.model.title else action.model.title
            href = relative(neutral, routes.in_site(language.code, path))
            choices.append(
                LanguageChoice(language.code, language.name, language.html_lang, language.direction, title, href)
            )
        pages.append(NeutralFichePage(path=neutral, choices=choices, root=relative(neutral, routes.site_root())))
    return pages

"""Stage 2, localize: a loaded catalogue and one language → the views the templates render.

Everything a page shows is decided here: which text (translated, or French as a fallback),
which labels, which status, which links. Templates only lay it out. Links are relative to the
page, so the site works at a domain's root and under a sub-path alike.

What does not depend on the language is worked out once per build (`facts.build_facts`), before
the languages are localized, each in its own process. The modules:

    views          the typed views the templates render
    facts          the work shared by every language (statuses, related actions, facets, QR codes)
    common         one language's context; texts with their language, contacts, glossary
    cards          an action's card in the lists
    fiche, fiche_cards, places, share    a fiche's page
    territory      a territory's catalogue
    facets         the static filtered lists
    pages          home, search, « Mes fiches », the fiches' language-neutral pages
    completeness   the coordinators' report
    dates, money, age, period, status    formatting the open data shares
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.i18n import translations_for
from generator.languages import LANGUAGES, SITE_LANGUAGES, built_languages
from generator.localize.common import LanguageContext
from generator.localize.completeness import completeness_view, missing_fields
from generator.localize.facets import facet_views
from generator.localize.facts import BuildFacts, build_facts
from generator.localize.fiche import fiche_view
from generator.localize.pages import favourites_view, fiche_language_choices, home_view, search_view
from generator.localize.territory import territory_view
from generator.localize.views import LocalizedSite, PageBase
from generator.models import Catalogue

__all__ = [
    "BuildFacts", "LocalizedSite", "PageBase", "build_facts", "fiche_language_choices", "localize", "missing_fields",
]


def localize(
    catalogue: Catalogue,
    lang: str,
    build_date: dt.date,
    site_url: str = "",
    languages: Sequence[str] = SITE_LANGUAGES,
    facts: BuildFacts | None = None,
) -> LocalizedSite:
    """`site_url` is the published address of the site (for QR codes and shared links);
    `languages` are the languages built together, which pages may link to. `facts`, the work
    shared by every language, is worked out here when the caller has not done it once for all."""
    facts = facts or build_facts(catalogue, build_date, site_url)
    context = LanguageContext(
        catalogue=catalogue,
        facts=facts,
        lang=LANGUAGES[lang],
        gettext=translations_for(lang).gettext,
        languages=[language.code for language in built_languages(languages)],
    )
    territories = list(catalogue.territories.values())
    return LocalizedSite(
        lang=context.lang,
        home=home_view(context),
        territories=[territory_view(context, t) for t in territories],
        search=search_view(context),
        fiches=[fiche_view(context, a) for a in catalogue.actions()],
        facets=[view for t in territories for view in facet_views(context, t)],
        completeness=[completeness_view(context, t) for t in territories],
        favourites=favourites_view(context),
    )

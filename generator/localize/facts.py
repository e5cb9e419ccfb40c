"""What the pages of every language share, worked out once per build before the languages are
localized (each in its own process): periods and statuses, related actions, facet groups, the
completeness report, the QR codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from enum import Enum

import segno
from markupsafe import Markup

from generator import routes
from generator.localize.common import ActionKey, key_of
from generator.localize.completeness import completeness_rows, missing_fields
from generator.localize.facets import facet_groups
from generator.localize.period import effective_period
from generator.localize.status import is_open, status_key
from generator.localize.views import CompletenessRow
from generator.models import Catalogue, LoadedAction, LoadedTerritory, Period
from generator.routes import relative

# How many actions on the same theme a fiche suggests.
RELATED_COUNT = 5


# `catalogue serve` works the facts out again after each edit (generator/incremental.py): the
# addresses, hence the codes, of the other actions have not changed.
@lru_cache(maxsize=8192)
def qr_svg(url: str) -> Markup:
    """An address as a QR code, made here: inline SVG, no request, no script."""
    # A fixed mask: choosing the best of eight would cost four times more, for every fiche, and any mask scans.
    code = segno.make(url, error="m", mask=0)
    return Markup(code.svg_inline(scale=3, border=2, svgclass="qr", lineclass="qr__path"))


@dataclass
class BuildFacts:
    build_date: dt.date
    site_url: str
    periods: dict[ActionKey, Period]
    status_keys: dict[ActionKey, str]
    open_actions: frozenset[ActionKey]  # running, upcoming, or dates to confirm not past (generator/dates.py)
    related: dict[ActionKey, list[LoadedAction]]
    missing: dict[ActionKey, list[str]]
    neutral_urls: dict[ActionKey, str]
    qr_codes: dict[ActionKey, Markup]
    facets: dict[str, list[tuple[str, Enum, list[LoadedAction]]]]
    completeness: dict[str, list[CompletenessRow]]


def _related(territory: LoadedTerritory, action: LoadedAction, open_actions: frozenset[ActionKey]) -> list[LoadedAction]:
    """Other actions of the territory on one of its themes; an action that is not open (ended, or
    its end not known) is only suggested from another such one."""
    related = []
    themes = set(action.model.themes)
    action_is_open = key_of(action) in open_actions
    for other in territory.actions.values():
        if len(related) == RELATED_COUNT:
            break
        if other.slug == action.slug or not set(other.model.themes) & themes:
            continue
        if key_of(other) in open_actions or not action_is_open:
            related.append(other)
    return related


def _neutral_url(action: LoadedAction, site_url: str) -> str:
    """The address of the fiche's language-neutral page, where whoever opens it picks a language."""
    neutral = routes.neutral_fiche(action.territory, action.slug)
    if site_url:
        return routes.published(site_url, neutral)
    return relative(routes.fiche(action.territory, action.slug), routes.from_language(neutral))


def build_facts(catalogue: Catalogue, build_date: dt.date, site_url: str) -> BuildFacts:
    territories = catalogue.territories
    periods = {key_of(a): effective_period(a, territories[a.territory]) for a in catalogue.actions()}
    status_keys = {key: status_key(period, build_date) for key, period in periods.items()}
    open_actions = frozenset(key for key, period in periods.items() if is_open(period, build_date))
    missing = {key_of(a): missing_fields(a.model) for a in catalogue.actions()}
    neutral_urls = {key_of(a): _neutral_url(a, site_url) for a in catalogue.actions()}
    return BuildFacts(
        build_date=build_date,
        site_url=site_url,
        periods=periods,
        status_keys=status_keys,
        open_actions=open_actions,
        related={key_of(a): _related(territories[a.territory], a, open_actions) for a in catalogue.actions()},
        missing=missing,
        neutral_urls=neutral_urls,
        qr_codes={key: qr_svg(url) for key, url in neutral_urls.items()},
        facets={slug: facet_groups(t) for slug, t in territories.items()},
        completeness={slug: completeness_rows(t, missing) for slug, t in territories.items()},
    )

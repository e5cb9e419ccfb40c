"""The card of an action in the lists (territory, facets, search): title, abstract, status, level."""

from __future__ import annotations

from dataclasses import replace

from generator import labels, routes
from generator.localize.common import key_of, LanguageContext, action_text, text
from generator.localize.views import ActionCard
from generator.models import LoadedAction, given
from generator.routes import relative


def action_card(context: LanguageContext, action: LoadedAction, from_path: str) -> ActionCard:
    """The card of an action, linked from `from_path`; built once per action and language."""
    key = (action.territory, action.slug)
    if key not in context.cards:
        context.cards[key] = _action_card(context, action)
    card = context.cards[key]
    return replace(card, href=relative(from_path, routes.fiche(action.territory, action.slug)))


def _action_card(context: LanguageContext, action: LoadedAction) -> ActionCard:
    translation = action_text(context, action)[0]
    model = action.model
    levels = given(model.who.french_levels)
    _ = context.gettext
    return ActionCard(
        title=text(context, translation and translation.title, model.title),
        abstract=text(context, translation and translation.abstract, model.abstract),
        href="",
        status=context.status(context.facts.periods[key_of(action)]),
        audience=model.admin.audience.value,
        themes=[theme.value for theme in model.themes],
        level=", ".join(_(labels.FRENCH_LEVELS[level]) for level in levels) if levels is not None else None,
    )

"""The card of an action in the lists (territory, facets, search): title, abstract, status, level."""

from __future__ import annotations

from dataclasses import replace

from generator import labels, routes
from generator.localize.common import key_of, LanguageContext, action_text, text
from generator.localize.views import ActionCard, AudienceSection
from generator.models import Audience, LoadedAction, given
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


def for_newcomers(card: ActionCard) -> bool:
    """Newcomers' lists, tiles and counts leave out the actions for professionals only."""
    return card.audience != Audience.professionals.value


def is_open(card: ActionCard) -> bool:
    """What a list shows first and counts (the rule: generator/dates.py, `period_is_open`)."""
    return card.status.open


def audience_sections(context: LanguageContext, cards: list[ActionCard]) -> list[AudienceSection]:
    """Newcomers' actions, then professionals' ones, each open first with its history apart (ended,
    or end not known); an audience that never had an action has no section."""
    _ = context.gettext
    sections = []
    for key, title, members in (
        ("pour-vous", _("Pour vous"), [c for c in cards if for_newcomers(c)]),
        ("pour-les-professionnels", _("Pour les professionnels"), [c for c in cards if not for_newcomers(c)]),
    ):
        if members:
            sections.append(AudienceSection(
                key, title, current=[c for c in members if is_open(c)], history=[c for c in members if not is_open(c)]
            ))
    return sections

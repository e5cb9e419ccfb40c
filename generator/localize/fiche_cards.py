"""The infocards of a fiche's « C'est pour qui ? »: public, age, level, price, duration,
conditions, languages spoken."""

from __future__ import annotations

from babel import Locale

from generator import labels, routes
from generator.localize.age import age_sentence
from generator.localize.common import LanguageContext, text
from generator.localize.money import money
from generator.localize.views import Card, Link
from generator.models import LoadedAction, given, listed
from generator.routes import relative


def facet_links(context: LanguageContext, action: LoadedAction, facet: str, values, table) -> list[Link]:
    """Each value as a link to its facet's list, from the fiche."""
    path = routes.fiche(action.territory, action.slug)
    return [
        Link(context.gettext(table[value]), relative(path, routes.facet(action.territory, facet, value.value)))
        for value in values
    ]


def who_cards(context: LanguageContext, action: LoadedAction, translated_who) -> list[Card]:
    """The cards in their order; a field not filled or not relevant has none."""
    cards = [
        _public(context, action),
        _age(context, action),
        _level(context, action),
        _price(context, action),
        _duration(context, action, translated_who),
        _conditions(context, action),
        _languages(context, action),
    ]
    return [card for card in cards if card is not None]


def _public(context: LanguageContext, action: LoadedAction) -> Card | None:
    who = action.model.who
    publics = given(who.publics)
    if publics is None:
        return None
    links = facet_links(context, action, "public", publics, labels.PUBLICS)
    links += facet_links(context, action, "specific", listed(who.specific_publics), labels.SPECIFIC_PUBLICS)
    return Card("public", "material/account-group-outline", context.gettext("Public"), links)


def _age(context: LanguageContext, action: LoadedAction) -> Card | None:
    sentence = age_sentence(action.model.who.age, context.gettext)
    if sentence is None:
        return None
    return Card("age", "material/cake-variant-outline", context.gettext("Âge"), [Link(sentence, "")])


def _level(context: LanguageContext, action: LoadedAction) -> Card | None:
    levels = given(action.model.who.french_levels)
    if levels is None:
        return None
    links = facet_links(context, action, "level", levels, labels.FRENCH_LEVELS)
    return Card("level", "material/translate", context.gettext("Niveau de français"), links)


def _price(context: LanguageContext, action: LoadedAction) -> Card | None:
    price = action.model.who.price
    if not price:
        return None
    if price.free:
        shown = context.gettext("Gratuit")
    else:
        shown = " ".join(filter(None, (money(price.amount, context.lang.babel_locale), price.unit)))
    return Card("price", "material/currency-eur", context.gettext("Prix"), [Link(shown, "")])


def _duration(context: LanguageContext, action: LoadedAction, translated_who) -> Card | None:
    who = action.model.who
    values = []
    for key in ("commitment", "frequency"):
        french = given(getattr(who, key))
        if french is not None:
            shown = text(context, getattr(translated_who, key, None) if translated_who else None, french)
            values.append(Link(shown.value, "", lang=shown.lang))
    if not values:
        return None
    return Card("duration", "material/calendar-clock-outline", context.gettext("Durée et rythme"), values)


def _conditions(context: LanguageContext, action: LoadedAction) -> Card | None:
    conditions = listed(action.model.who.conditions)
    if not conditions:
        return None
    links = facet_links(context, action, "condition", conditions, labels.CONDITIONS)
    return Card("conditions", "material/clipboard-check-outline", context.gettext("Conditions"), links)


def _languages(context: LanguageContext, action: LoadedAction) -> Card | None:
    spoken = listed(action.model.who.languages)
    if not spoken:
        return None
    locale = context.lang.babel_locale
    names = [Locale.parse(code).get_display_name(locale) or code for code in spoken]
    label = context.gettext("Langues parlées sur place")
    return Card("languages", "material/account-voice", label, [Link(name, "") for name in names])

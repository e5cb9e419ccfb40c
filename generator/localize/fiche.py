"""A fiche: one action's page, in one language."""

from __future__ import annotations

from generator import labels, routes
from generator.dates import Precision
from generator.index import search_filters
from generator.languages import SOURCE_LANGUAGE
from generator.localize.cards import action_card
from generator.localize.common import key_of, LanguageContext, action_text, contact_links, glossary_entries, territory_ref, text
from generator.localize.completeness import is_editor_note
from generator.localize.dates import partial_date
from generator.localize.fiche_cards import facet_links, who_cards
from generator.localize.money import money
from generator.localize.places import place_view
from generator.localize.share import print_languages, report_href, share_view
from generator.localize.views import AdminView, AlertView, FicheView, Link, SourceView
from generator.models import Action, LoadedAction, LoadedTerritory, listed


def fiche_view(context: LanguageContext, action: LoadedAction) -> FicheView:
    model: Action = action.model
    territory = context.catalogue.territories[action.territory]
    path = routes.fiche(action.territory, action.slug)
    translation, translation_status = action_text(context, action)
    orientation = model.orientation
    t_orientation = translation.orientation if translation else None
    translated_in = {SOURCE_LANGUAGE, *action.translations}
    status = context.status(context.facts.periods[key_of(action)])
    documents = listed(orientation.documents)
    what = text(context, translation and translation.what, model.what)
    why = text(context, translation and translation.why, model.why) if model.why else None
    steps = _public_steps(context, orientation.steps, t_orientation and t_orientation.steps)
    shown_texts = [what.value, *(why.value if why else []), *(steps.value if steps else [])]
    title = text(context, translation and translation.title, model.title)
    zone = model.where.zone
    return FicheView(
        path=path,
        title=title.value,
        title_text=title,
        translated_in=sorted(translated_in),
        lang=context.lang,
        territory=territory_ref(context, territory, path),
        slug=action.slug,
        abstract=text(context, translation and translation.abstract, model.abstract),
        what=what,
        why=why,
        status=status,
        translation=translation_status,
        alert=alert_view(context, action, translation),
        last_verified=context.date(model.last_verified),
        source=source_view(context, action, territory),
        cards=who_cards(context, action, translation.who if translation else None),
        themes=facet_links(context, action, "theme", model.themes, labels.THEMES),
        places=[place_view(context, place) for place in model.where.places],
        zone=[*zone.communes, *zone.departments] if zone else [],
        online=model.where.online,
        referral_only=orientation.referral_only,
        orienters=[context.gettext(labels.ORIENTERS[o]) for o in orientation.orienters or []],
        steps=steps,
        documents=text(context, t_orientation and t_orientation.documents, documents) if documents else None,
        contacts=contact_links(orientation.contacts),
        operators=model.admin.operators,
        partners=model.admin.partners,
        admin=admin_view(context, action, territory),
        related=related_links(context, action),
        report_href=report_href(context, action, territory),
        audience=model.admin.audience.value,
        filters=search_filters(model, territory.model.name, status.label, status.open, context.gettext),
        share=share_view(context, action, title.value, status),
        print_languages=print_languages(context, action, translated_in),
        favourites_href=routes.relative(path, routes.favourites()),
        glossary=glossary_entries(context, shown_texts),
        missing=context.facts.missing[key_of(action)],
        action=model,
        translated=translation,
    )


def _public_steps(context: LanguageContext, french: list[str] | None, translated: list[str] | None):
    """The steps a newcomer reads: without the editor's notes (they go to the completeness page);
    a translation with as many steps as the French loses the same ones."""
    if not french:
        return None
    kept = [i for i, step in enumerate(french) if not is_editor_note(step)]
    if not kept:
        return None
    aligned = translated if translated and len(translated) == len(french) else None
    return text(context, aligned and [aligned[i] for i in kept], [french[i] for i in kept])


def source_view(context: LanguageContext, action: LoadedAction, territory: LoadedTerritory) -> SourceView:
    """Where the fiche's facts come from, dated as precisely as the source says: the document the
    content names, else the contract."""
    source = action.model.admin.source
    if source.title:
        return SourceView("document", source.title, _known_date(context, source.date))
    contract = territory.contract(action.model.admin.contract)
    return SourceView("contract", contract.label, _known_date(context, contract.signed))


def _known_date(context: LanguageContext, value) -> str | None:
    if value is None or value.precision is Precision.unknown:
        return None
    return partial_date(value, context.lang.babel_locale, context.gettext)


def alert_view(context: LanguageContext, action: LoadedAction, translation) -> AlertView | None:
    """The alert (closed, full, information) while it lasts."""
    alert = action.model.alert
    if not alert or (alert.end and alert.end < context.facts.build_date):
        return None
    message = translation.alert.message if translation and translation.alert else None
    return AlertView(
        kind=alert.kind.value,
        label=context.gettext(labels.ALERTS[alert.kind]),
        message=text(context, message, alert.message),
        dates=" – ".join(filter(None, (context.date(alert.start), context.date(alert.end)))),
    )


def admin_view(context: LanguageContext, action: LoadedAction, territory: LoadedTerritory) -> AdminView:
    _ = context.gettext
    admin = action.model.admin
    contract = territory.contract(admin.contract)
    return AdminView(
        contract=contract.label,
        contract_kind=contract.kind.value,
        axis=admin.axis,
        official_title=admin.official_title,
        ctai_themes=[_(labels.CTAI_THEMES[t]) for t in admin.ctai_themes],
        audience_label=_(labels.ADMIN_AUDIENCES[admin.audience]),
        target=admin.target,
        budget=_budget(context, admin.budget),
        indicators=admin.indicators,
        source=f"{admin.source.document}, {admin.source.section}",
    )


def _budget(context: LanguageContext, budget) -> list[tuple[str, str]]:
    if not budget:
        return []
    _ = context.gettext
    locale = context.lang.babel_locale
    rows = []
    if budget.total_cost is not None:
        rows.append((_("Coût total"), money(budget.total_cost, locale)))
    if budget.state_funding is not None:
        rows.append((_("Financement de l'État"), money(budget.state_funding, locale)))
    if budget.note:
        rows.append((_("Précision"), budget.note))
    return rows


def related_links(context: LanguageContext, action: LoadedAction) -> list[Link]:
    """Actions on the same theme (chosen once per build), titled in this language."""
    path = routes.fiche(action.territory, action.slug)
    cards = [action_card(context, other, path) for other in context.facts.related[key_of(action)]]
    return [Link(card.title.value, card.href, lang=card.title.lang) for card in cards]

"""The completeness report of a territory, for its coordinator: what each fiche still lacks."""

from __future__ import annotations

from generator import routes
from generator.languages import TRANSLATION_LANGUAGES
from generator.localize.common import LanguageContext, territory_ref
from generator.localize.views import CompletenessRow, CompletenessView
from generator.models import Action, LoadedTerritory
from generator.routes import relative

# Public fields whose absence the completeness report lists, with the question a coordinator answers.
COMPLETENESS_FIELDS = {
    "who.publics": "Pour quels publics ?",
    "who.age": "Quel âge ?",
    "who.french_levels": "Quel niveau de français ?",
    "who.price": "Quel prix ?",
    "who.commitment": "Combien de temps dure l'action ?",
    "who.frequency": "À quel rythme ?",
    "who.period": "Quelles dates ?",
    "who.conditions": "Quelles conditions ?",
    "who.languages": "Quelles langues parlées sur place ?",
    "where": "Où ? (lieux, zone ou en ligne)",
    "orientation.orienters": "Qui oriente vers l'action ?",
    "orientation.steps": "Quelles étapes pour être orienté ?",
    "orientation.documents": "Quels documents apporter ?",
    "orientation.contacts": "Quels contacts publics ?",
}


def missing_fields(action: Action) -> list[str]:
    """Public fields not filled yet (`non-concerne` counts as filled)."""
    missing = []
    for dotted in COMPLETENESS_FIELDS:
        if dotted == "where":
            where = action.where
            if not (where.places or where.zone or where.online):
                missing.append(dotted)
            continue
        section, name = dotted.split(".")
        if getattr(getattr(action, section), name) in (None, []):
            missing.append(dotted)
    return missing


def completeness_rows(territory: LoadedTerritory, missing: dict[tuple[str, str], list[str]]) -> list[CompletenessRow]:
    """The report's rows, the least complete fiches first; the same in every language."""
    path = routes.completeness(territory.slug)
    rows = [
        CompletenessRow(
            title=action.model.title,
            href=relative(path, routes.fiche(territory.slug, action.slug)),
            file=action.path.name,
            missing=missing[(territory.slug, action.slug)],
            untranslated=[lang for lang in TRANSLATION_LANGUAGES if lang not in action.translations],
            stale=[lang for lang, loaded in action.translations.items() if loaded.stale],
        )
        for action in territory.actions.values()
    ]
    return sorted(rows, key=lambda row: (-len(row.missing), row.title))


def completeness_view(context: LanguageContext, territory: LoadedTerritory) -> CompletenessView:
    path = routes.completeness(territory.slug)
    return CompletenessView(
        path=path,
        title=context.gettext("Complétude des fiches"),
        translated_in=None,
        lang=context.lang,
        ref=territory_ref(context, territory, path),
        rows=context.facts.completeness[territory.slug],
    )

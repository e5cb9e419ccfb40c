"""The completeness report of a territory, for its coordinator: what each fiche still lacks."""

from __future__ import annotations

from generator import labels, routes
from generator.languages import TRANSLATION_LANGUAGES
from generator.localize.common import LanguageContext, territory_ref
from generator.localize.views import CompletenessRow, CompletenessView
from generator.models import Action, ContactKind, LoadedTerritory
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


# How an editor's note begins in the content: a step that says what the source does not give.
# It is kept off the newcomer's page and listed on the completeness page instead.
EDITOR_NOTE_OPENING = "Le document ne précise pas"


def is_editor_note(step: str) -> bool:
    return step.lstrip().startswith(EDITOR_NOTE_OPENING)


def editor_notes(action: Action) -> list[str]:
    return [step for step in action.orientation.steps or [] if is_editor_note(step)]


def coordinator_missing(territory: LoadedTerritory) -> list[str]:
    """The coordinator's public contacts the territory does not give yet (keys of labels.MISSING_FACTS)."""
    coordinator = territory.model.coordinator
    kinds = {contact.kind for contact in coordinator.contacts}
    missing = [] if coordinator.address else ["coordinator.address"]
    missing += [f"coordinator.{kind.value}" for kind in (ContactKind.phone, ContactKind.email) if kind not in kinds]
    return missing


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
        value = getattr(getattr(action, section), name)
        if dotted == "orientation.steps" and value:
            value = [step for step in value if not is_editor_note(step)]
        if value in (None, []):
            missing.append(dotted)
    if not action.admin.operators:
        missing.append("admin.operators")
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
            notes=editor_notes(action.model),
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
        coordinator_missing=coordinator_missing(territory),
        fact_labels={key: context.gettext(label) for key, label in labels.MISSING_FACTS.items()},
    )

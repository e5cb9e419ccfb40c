"""`content/README.md`: the coordinators' reference, generated from the models."""

from __future__ import annotations

import typing
from enum import Enum

from pydantic import BaseModel

from generator import labels, models
from generator.languages import SITE_LANGUAGES
from generator.templating import markdown_environment

SECTIONS = [
    ("Territoire : territory.yml", "Le territoire, ses contrats et l'institution qui les coordonne.", models.Territory, ""),
    ("Contrat (dans contracts)", "", models.Contract, "contracts[]."),
    ("Période (contracts[].period, who.period)", "Les dates du contrat, ou de l'action quand elles diffèrent.", models.Period, "period."),
    ("Coordination (coordinator)", "L'institution qui coordonne le contrat, avec ses contacts publics.", models.Coordinator, "coordinator."),
    ("Action : actions/<action>.yml", "Couche publique (ce que lit un nouvel arrivant) et couche administrative (`admin`).", models.Action, ""),
    ("C'est pour qui ? (who)", "", models.Who, "who."),
    ("Âge (who.age)", "", models.AgeRange, "who.age."),
    ("Prix (who.price)", "", models.Price, "who.price."),
    ("C'est où ? (where)", "", models.Where, "where."),
    ("Lieu (dans where.places)", "", models.Place, "where.places[]."),
    ("Zone (where.zone)", "", models.Zone, "where.zone."),
    ("Comment être orienté ? (orientation)", "", models.Orientation, "orientation."),
    ("Contact", "Toujours le contact public d'une structure, jamais celui d'une personne.", models.Contact, ""),
    ("Alerte (alert)", "Un message temporaire en haut de la fiche, par exemple « complet ».", models.Alert, "alert."),
    ("Couche administrative (admin)", "Recopiée telle qu'écrite dans le document source.", models.Admin, "admin."),
    ("Budget (admin.budget)", "", models.Budget, "admin.budget."),
    ("Source (admin.source)", "", models.Source, "admin.source."),
    ("Traduction : actions/<action>.<langue>.yml", "Seulement les champs traduisibles ; écrite par `catalogue translations import`.", models.ActionTranslation, ""),
    ("Traduction de who", "", models.TranslatedWho, "who."),
    ("Traduction de orientation", "", models.TranslatedOrientation, "orientation."),
    ("Traduction de alert", "", models.TranslatedAlert, "alert."),
    ("Traduction du territoire : territory.<langue>.yml", "", models.TerritoryTranslation, ""),
]

# Values that the site never shows as labels, described here for the coordinators only.
CONTRACT_KINDS = {models.ContractKind.CTAIR: "Contrat territorial d'accueil et d'intégration des réfugiés (avant 2022)",
                  models.ContractKind.CTAI: "Contrat territorial d'accueil et d'intégration"}
CONTACT_KINDS = {models.ContactKind.phone: "Téléphone", models.ContactKind.email: "Adresse e-mail",
                 models.ContactKind.website: "Site web"}
TRANSLATION_STATUSES = {models.TranslationStatus.machine: "Traduction automatique, pas encore relue (le site le dit au lecteur)",
                        models.TranslationStatus.reviewed: "Traduction relue par une personne"}

ENUMS = [
    ("Thèmes (themes)", models.Theme, labels.THEMES),
    ("Thématiques du contrat (admin.ctai_themes)", models.CtaiTheme, labels.CTAI_THEMES),
    ("Publics (who.publics)", models.PublicStatus, labels.PUBLICS),
    ("Publics particuliers (who.specific_publics)", models.SpecificPublic, labels.SPECIFIC_PUBLICS),
    ("Niveaux de français (who.french_levels)", models.FrenchLevel, labels.FRENCH_LEVELS),
    ("Conditions (who.conditions)", models.Condition, labels.CONDITIONS),
    ("Qui oriente (orientation.orienters)", models.Orienter, labels.ORIENTERS),
    ("Public de l'action (admin.audience)", models.Audience, labels.AUDIENCES),
    ("Type de territoire (kind)", models.TerritoryKind, labels.TERRITORY_KINDS),
    ("Type de contrat (contracts[].kind)", models.ContractKind, CONTRACT_KINDS),
    ("Type de contact (kind)", models.ContactKind, CONTACT_KINDS),
    ("Type d'alerte (alert.kind)", models.AlertKind, labels.ALERTS),
    ("État d'une traduction (status)", models.TranslationStatus, TRANSLATION_STATUSES),
]


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (list, tuple):
        return f"liste de {_type_name(args[0])}" if args else "liste"
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " ou ".join(_type_name(a) for a in args)
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in typing.get_args(annotation))
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return "valeur de la liste ci-dessous"
        if issubclass(annotation, BaseModel):
            return "bloc"
        return {"str": "texte", "int": "nombre entier", "float": "nombre", "bool": "true / false",
                "date": "date AAAA-MM-JJ", "Decimal": "nombre"}.get(annotation.__name__, annotation.__name__)
    return str(annotation)


def reference_text() -> str:
    sections = []
    for title, intro, model, prefix in SECTIONS:
        rows = []
        for name, field in model.model_fields.items():
            accepts_not_relevant = any(type(m).__name__ == "_NotRelevantInSchema" for m in field.metadata)
            type_text = _type_name(field.annotation) + (", ou `non-concerne`" if accepts_not_relevant else "")
            rows.append({"name": prefix + name, "required": field.is_required(), "type": type_text,
                         "description": (field.description or "").replace("|", "\\|")})
        sections.append({"title": title, "intro": intro, "rows": rows})
    enums = [{"title": title, "members": [(member.value, table[member]) for member in enum]} for title, enum, table in ENUMS]
    return markdown_environment().get_template("content_reference.md.j2").render(
        sections=sections, enums=enums, languages=", ".join(SITE_LANGUAGES)
    )

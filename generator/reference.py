"""`content/README.md`: the coordinators' reference, generated from the models."""

from __future__ import annotations

import typing
from enum import Enum

import jinja2
from pydantic import BaseModel

from generator import labels, models
from generator.render import TEMPLATES_DIR

SECTIONS = [
    ("Territoire : territory.yml", "Le territoire, ses contrats et l'institution qui les coordonne.", models.Territory, ""),
    ("Contrat (dans contracts)", "", models.Contract, "contracts[]."),
    ("Action : actions/<action>.yml", "Couche publique (ce que lit un nouvel arrivant) et couche administrative (`admin`).", models.Action, ""),
    ("C'est pour qui ? (who)", "", models.Who, "who."),
    ("C'est où ? (where)", "", models.Where, "where."),
    ("Lieu (dans where.places)", "", models.Place, "where.places[]."),
    ("Comment être orienté ? (orientation)", "", models.Orientation, "orientation."),
    ("Contact", "Toujours le contact public d'une structure, jamais celui d'une personne.", models.Contact, ""),
    ("Couche administrative (admin)", "Recopiée telle qu'écrite dans le document source.", models.Admin, "admin."),
    ("Traduction : actions/<action>.<langue>.yml", "Seulement les champs traduisibles ; écrite par `catalogue translations import`.", models.ActionTranslation, ""),
]

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


def markdown_environment() -> jinja2.Environment:
    """For the Markdown documents made for coordinators (this reference, the validation summary)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR), trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
    )


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
        sections=sections, enums=enums, languages=", ".join(models.SITE_LANGUAGES)
    )

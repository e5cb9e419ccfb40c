"""The editor's form, generated from the models: one field per model field, with the widget,
the French label, the help text and the constraints the loader applies. `catalogue schema`
writes it to `content/_schema/editor-fields.yml`; `generator/editor.py` puts it in the editor's
configuration."""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from enum import Enum

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import labels, models
from generator.dates import SEASONS, UNKNOWN, PartialDate
from generator.reference import CONTACT_KINDS, CONTRACT_KINDS

ADMINISTRATION = "Pour l'administration"
# The administrative layer of each form, the group « Pour l'administration »: the action's `admin`
# block, and the territory's contracts, its one administrative field (the group is their list,
# the file keeping `contracts` at its top level; a Sveltia group always nests its fields).
ADMINISTRATIVE_FIELDS = {(models.Territory, "contracts"), (models.Action, "admin")}

# The French labels of each enumeration's values: the site's own (generator/labels.py), or the
# reference's where the site shows none.
ENUM_LABELS = {
    models.TerritoryKind: labels.TERRITORY_KINDS,
    models.ContractKind: CONTRACT_KINDS,
    models.Theme: labels.THEMES,
    models.CtaiTheme: labels.CTAI_THEMES,
    models.PublicStatus: labels.PUBLICS,
    models.SpecificPublic: labels.SPECIFIC_PUBLICS,
    models.FrenchLevel: labels.FRENCH_LEVELS,
    models.Condition: labels.CONDITIONS,
    models.Orienter: labels.ORIENTERS,
    models.Audience: labels.AUDIENCES,
    models.ContactKind: CONTACT_KINDS,
    models.AlertKind: labels.ALERTS,
}
LITERAL_LABELS = {"yes": labels.WHEELCHAIR["yes"], "limited": labels.WHEELCHAIR["limited"], "no": labels.WHEELCHAIR["no"]}

# The Markdown the loader and the renderer accept (generator/render.py): paragraphs, emphasis,
# lists and links; no headings, quotes, code or images.
MARKDOWN_FIELDS = {(models.Action, "what"), (models.Territory, "intro")}
MARKDOWN_BUTTONS = ["bold", "italic", "link", "bulleted-list", "numbered-list"]
LONG_TEXT_FIELDS = {(models.Admin, "official_title"), (models.Alert, "message")}

NOT_RELEVANT_HINT = (
    f" Si l'information ne s'applique pas, écrivez « {models.NOT_RELEVANT} » dans le fichier YAML :"
    " le formulaire ne sait pas l'écrire pour ce champ."
)
# The forms generator/dates.py reads, the day included: the form writes text, not a YAML date.
PARTIAL_DATE_PATTERN = [
    rf"^(\d{{4}}(-\d{{2}}(-\d{{2}})?)?|({'|'.join(SEASONS)}) \d{{4}}|{UNKNOWN})$",
    "Une date AAAA-MM-JJ, un mois AAAA-MM, une saison (« automne 2020 »), une année AAAA, ou « inconnue ».",
]


PATTERN_MESSAGES = {
    models.SLUG_PATTERN: "Lettres minuscules sans accents, chiffres et tirets, par exemple « cours-de-francais ».",
    r"^(\d{2}|2A|2B|\d{3})$": "Un code de département : 57, 2A, 974…",
    r"^\d{5}$": "Cinq chiffres, par exemple 57000.",
}


def _label(model: type[BaseModel], name: str) -> str:
    return labels.FORM_LABELS.get((model, name)) or labels.FORM_LABELS.get(name) or name


def _unwrap(annotation):
    """The annotation without `None` and `Annotated` layers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def _constraints(metadata) -> dict:
    found = {}
    for item in metadata:
        if isinstance(item, FieldInfo):  # a `Field(...)` inside `Annotated`
            found.update(_constraints(item.metadata))
        for key in ("ge", "le", "max_length", "min_length", "pattern"):
            if getattr(item, key, None) is not None:
                found[key] = getattr(item, key)
    return found


def _options(annotation) -> list[dict]:
    if typing.get_origin(annotation) is typing.Literal:
        return [{"label": LITERAL_LABELS.get(value, value), "value": value} for value in typing.get_args(annotation)]
    table = ENUM_LABELS[annotation]
    return [{"label": table[member], "value": member.value} for member in annotation]


def _is_enum(annotation) -> bool:
    return typing.get_origin(annotation) is typing.Literal or (
        isinstance(annotation, type) and issubclass(annotation, Enum)
    )


def _widget(model: type[BaseModel], name: str, annotation, constraints: dict) -> dict:
    """The widget options for one value of type `annotation`."""
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is list:
        item = _unwrap(typing.get_args(annotation)[0])
        at_least = {"min": constraints["min_length"]} if "min_length" in constraints else {}
        if _is_enum(item):
            return {"widget": "select", "multiple": True, "options": _options(item), **at_least}
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"widget": "list", "fields": model_fields(item), **at_least}
        element_type = typing.get_args(annotation)[0]
        element_constraints = _constraints(typing.get_args(element_type)[1:]) if typing.get_origin(element_type) is typing.Annotated else {}
        element = _widget(model, name, element_type, element_constraints)
        return {"widget": "list", "field": {"name": "item", "label": _label(model, name), **element}, **at_least}
    if _is_enum(annotation):
        return {"widget": "select", "options": _options(annotation)}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": True, "fields": model_fields(annotation)}
    if annotation is bool:
        # Not a checkbox: it would write `false` into every file it saves. Left empty, the
        # field stays out of the file and means what the model's default means.
        return {"widget": "select", "options": [{"label": "Oui", "value": True}, {"label": "Non", "value": False}]}
    if annotation in (int, float, Decimal):
        widget = {"widget": "number", "value_type": "int" if annotation is int else "float"}
        widget.update({key: constraints[bound] for key, bound in (("min", "ge"), ("max", "le")) if bound in constraints})
        return widget
    if annotation is dt.date:
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD"}
    if annotation is PartialDate:
        return {"widget": "string", "pattern": PARTIAL_DATE_PATTERN}
    if annotation is str:
        if (model, name) in MARKDOWN_FIELDS:
            return {"widget": "markdown", "buttons": MARKDOWN_BUTTONS, "editor_components": [], "modes": ["raw", "rich_text"]}
        widget = {"widget": "text" if (model, name) in LONG_TEXT_FIELDS else "string"}
        if "max_length" in constraints:
            widget["maxlength"] = constraints["max_length"]
        if "pattern" in constraints:
            widget["pattern"] = [constraints["pattern"], PATTERN_MESSAGES[constraints["pattern"]]]
        return widget
    raise TypeError(f"no editor widget for {model.__name__}.{name}: {annotation!r}")


def _accepts_not_relevant(info: FieldInfo) -> bool:
    return any(type(item).__name__ == "_NotRelevantInSchema" for item in info.metadata)


def model_fields(model: type[BaseModel]) -> list[dict]:
    """The editor fields of `model`, in the model's order (the order the files are written in)."""
    fields = []
    for name, info in model.model_fields.items():
        hint = info.description or ""
        if _accepts_not_relevant(info) and _unwrap(info.annotation) is not str:
            hint += NOT_RELEVANT_HINT
        field = {"name": name, "label": _label(model, name), "required": info.is_required()}
        field.update(_widget(model, name, info.annotation, _constraints(info.metadata)))
        if (model, name) in ADMINISTRATIVE_FIELDS:
            field["label"] = ADMINISTRATION
            if field["widget"] == "list":  # closed, as the action's group (an object) is
                field.update({"minimize_collapsed": True, "label_singular": "Contrat signé avec l'État", "summary": "{{fields.label}}"})
        if hint:
            field["hint"] = hint.strip()
        fields.append(field)
    return fields


def editor_fields() -> dict[str, list[dict]]:
    return {"territory": model_fields(models.Territory), "action": model_fields(models.Action)}


def editor_fields_text() -> str:
    """`content/_schema/editor-fields.yml`, written by `catalogue schema`."""
    header = "# Généré depuis generator/models.py par « catalogue schema » : ne pas modifier à la main.\n"
    return header + yaml.safe_dump(editor_fields(), allow_unicode=True, sort_keys=False, width=120)

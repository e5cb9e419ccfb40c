"""Content errors, worded for coordinators: `file:line: field: message`, in French."""

from __future__ import annotations

import decimal
import difflib
import errno
import os
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"


# What the system says when a path, a disk or a port refuses, in French: the person can fix it.
SYSTEM_REASONS = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EROFS: "le disque est en lecture seule",
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota du disque est atteint",
    errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    errno.ENAMETOOLONG: "nom trop long",
    errno.ENOENT: "introuvable",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.EEXIST: "existe déjà",
    errno.EADDRINUSE: "le port est déjà utilisé : choisissez-en un autre avec --port",
}


def system_reason(error: OSError) -> str:
    """Why the system refused, in French."""
    return SYSTEM_REASONS.get(error.errno, f"erreur du système ({error.strerror or error})")


# Refusals of the disk written to: a full disk, a quota, a read-only disk.
DISK_REFUSALS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def refused_path(error: OSError) -> str | None:
    """The path a person can act on. A copy that fails (shutil) names its source, then its
    destination: when the disk refused, the source (a theme file among the installed packages)
    is of no use, the destination is."""
    if error.errno in DISK_REFUSALS and error.filename2:
        return error.filename2
    return error.filename


class ConfigurationError(Exception):
    """An option, a setting of the environment or a folder is wrong: a usage error (exit 2)."""


class ContentErrors(Exception):
    """Raised by a stage when the content cannot be published; carries every error found."""

    def __init__(self, errors: list[ContentError]):
        super().__init__(f"{len(errors)} erreur(s)")
        self.errors = sorted(errors)


def display_path(path: Path) -> str:
    """The path as the coordinator typed it: relative to the current folder when inside it."""
    text, here = str(path), os.getcwd() + os.sep
    return text[len(here):] if text.startswith(here) else text


def field_path(loc: tuple) -> str:
    """`('who', 'french_levels', 0)` → `who.french_levels[1]`: list items are counted from 1."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


PATTERN_HINTS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "uniquement des lettres minuscules sans accent, des chiffres et des tirets",
    r"^\d{5}$": "5 chiffres",
    r"^(\d{2}|2A|2B|\d{3})$": "un code de département INSEE, par exemple 57, 2A ou 974",
    r"^[0-9a-f]{12}$": "12 caractères hexadécimaux, donnés par « catalogue translations »",
}


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the last key of `loc`, to suggest the keys it accepts."""
    current: object = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: object) -> object:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _allowed_values(expected: str) -> str:
    return expected.replace("'", "").replace(" or ", ", ")


def _number(value: object) -> str:
    """1000000000 as French readers write it: 1 000 000 000."""
    whole = isinstance(value, (int, decimal.Decimal)) and value == int(value)
    return f"{int(value):,}".replace(",", "\u202f") if whole else str(value)


def french_message(error: dict, model: type[BaseModel]) -> str:
    """Turn one pydantic error into a sentence a coordinator can act on."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    loc = error["loc"]
    if kind == "missing":
        return "champ obligatoire manquant"
    if value is None and "loc" in error and kind not in ("value_error", "assertion_error"):
        return "champ obligatoire laissé vide (null) : remplissez-le"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        allowed = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
        listed = f" Clés possibles : {', '.join(allowed)}." if allowed else ""
        return f"clé inconnue : une faute de frappe ?{hint}{listed}"
    if kind in ("enum", "literal_error"):
        return f"valeur « {value} » inconnue. Valeurs possibles : {_allowed_values(ctx.get('expected', ''))}"
    if kind == "string_too_long":
        return f"texte trop long : {len(str(value))} caractères pour {ctx.get('max_length', '?')} au maximum"
    if kind == "too_short":
        return f"liste vide : il faut au moins {ctx.get('min_length', 1)} élément(s)"
    if kind in ("string_type", "string_sub_type"):
        return "un texte est attendu ici"
    if kind in ("list_type", "tuple_type"):
        return "une liste est attendue ici (une ligne par élément, commençant par « - »)"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "un bloc de clés est attendu ici (des lignes « clé: valeur » en retrait)"
    if kind.startswith("bool"):
        return "true ou false est attendu ici"
    if kind.startswith("int"):
        return "un nombre entier est attendu ici"
    if kind == "finite_number":
        return "un nombre fini est attendu ici : écrivez-le en chiffres, par exemple 12000 (.inf et .nan ne sont pas des nombres)"
    if kind.startswith(("decimal", "float")):
        return "un nombre est attendu ici (avec un point pour les décimales)"
    if kind.startswith(("date", "datetime")):
        return f"« {value} » n'est pas une date : écrivez-la AAAA-MM-JJ, par exemple 2024-09-26"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(ctx.get("pattern", ""), "le format attendu")
        return f"« {value} » ne convient pas : il faut {hint}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"la valeur doit être au moins {_number(ctx.get('ge', ctx.get('gt')))}"
    if kind in ("less_than_equal", "less_than"):
        return f"la valeur doit être au plus {_number(ctx.get('le', ctx.get('lt')))}"
    if kind.startswith("url"):
        return f"« {value} » n'est pas une adresse web complète (elle doit commencer par https://)"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])  # our validators' own French sentences
    # Pydantic's own sentence is English: never shown to a coordinator.
    return "valeur refusée pour ce champ : comparez-la avec la description du champ dans content/README.md"


def validation_errors(exc: ValidationError, model: type[BaseModel], path: str, line_of) -> list[ContentError]:
    """Convert every error of `exc`; `line_of(loc)` gives the YAML line of a location."""
    return [
        ContentError(path, line_of(error["loc"]), field_path(error["loc"]), french_message(error, model))
        for error in exc.errors(include_url=False)
    ]

"""The web editor at `/admin/` (Sveltia CMS, vendored in `generator/site_admin/`).

Its form is generated from the models, as the JSON Schemas are: every field of a territory and
an action gets its widget (a select with the French labels for an enumeration, a date, a list, a
number, Markdown), `required` as the model says, and the field's own description as help text.
`content/_schema/editor-fields.yml` is the committed copy of those fields (`catalogue schema`
writes it, a test checks it is current); the build adds one collection per territory and
writes the whole configuration to `site/admin/config.yml`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sys
import tarfile
import types
import typing
from decimal import Decimal
from enum import Enum
from pathlib import Path

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import labels, models, routes
from generator.dates import PartialDate
from generator.reference import CONTACT_KINDS, CONTRACT_KINDS, TRANSLATION_STATUSES

EDITOR_FILES = Path(__file__).resolve().parent / "site_admin"
EDITOR_SCRIPT = "sveltia-cms.js"
# The vendored Sveltia CMS: its npm version and the SHA-256 of dist/sveltia-cms.js in that
# tarball; `python -m generator.editor TARBALL` checks it, applies VENDOR_PATCHES and writes
# the file whose SHA-256 is EDITOR_SHA256 (see the README's « Éditeur web »).
EDITOR_VERSION = "0.221.1"
EDITOR_UPSTREAM_SHA256 = "2fc783907e1a4a70783f155cc28435c70b8f79792f2aab75e787984e84aa413a"
EDITOR_SHA256 = "ffdf286f3aef371e6a4c6f8a295ed40edefdec88976feaba75d5dff71b27711b"
# Sveltia fetches its interface strings and fonts from CDNs: the French strings and the icon
# font are vendored beside it and read from there; its text fonts give way to the system's.
VENDOR_PATCHES = (
    ("USe=`${iP}@${rP}/locales`", "USe=`./locales`"),
    (
        "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
        "./fonts/material-symbols-outlined-latin-wght-normal.woff2",
    ),
    (
        "src:url(https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2)\n      format('woff2-variations')",
        "src:local('Source Sans 3')",
    ),
    (
        "src:url(https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2)\n      format('woff2')",
        "src:local('Noto Mono')",
    ),
)
EDITOR_PAGE_FILES = (
    "index.html", "editor-prefs.js", EDITOR_SCRIPT, "LICENSE.txt", "locales/fr.json",
    "fonts/material-symbols-outlined-latin-wght-normal.woff2", "fonts/LICENSE-material-symbols.txt",
)

# `test-repo` (files kept in the browser, for the tests) instead of GitHub.
BACKEND_VARIABLE = "CATALOGUE_EDITOR_BACKEND"
# owner/name of the GitHub repository the editor commits to; GitHub Actions sets GITHUB_REPOSITORY.
REPOSITORY_VARIABLES = ("CATALOGUE_EDITOR_REPO", "GITHUB_REPOSITORY")

ADMINISTRATION = "Pour l'administration"

# French labels of the form's fields, by field name; `(Model, name)` where a name means
# something else in that model.
FIELD_LABELS = {
    "name": "Nom",
    "slug": "Identifiant (nom du dossier)",
    "kind": "Type",
    "departments": "Départements",
    "contracts": f"{ADMINISTRATION} : contrats signés avec l'État",
    "coordinator": "Institution qui coordonne",
    "intro": "Présentation",
    "not_persons": "Institutions ou lieux à ne pas prendre pour des personnes",
    "id": "Identifiant du contrat",
    "label": "Intitulé",
    "signed": "Date de signature",
    "period": "Période",
    "signatories": "Signataires",
    "address": "Adresse",
    "contacts": "Contacts",
    "value": "Numéro, e-mail ou adresse web",
    "start": "Début",
    "end": "Fin",
    "continuous": "Entrées et sorties permanentes",
    "sessions": "Dates des sessions",
    "min": "Âge minimum",
    "max": "Âge maximum",
    "free": "Gratuit",
    "amount": "Montant (euros)",
    "unit": "Par quoi",
    "postcode": "Code postal",
    "city": "Commune",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "opening_hours": "Horaires",
    "wheelchair": "Accès en fauteuil roulant",
    "communes": "Communes",
    "message": "Message",
    "document": "Document source",
    "section": "Fiche ou section du document",
    "title": "Titre",
    "abstract": "Résumé",
    "what": "C'est quoi ?",
    "why": "Pourquoi c'est intéressant ?",
    "themes": "Thèmes",
    "who": "C'est pour qui ?",
    "where": "C'est où ?",
    "orientation": "Comment être orienté ?",
    "alert": "Alerte temporaire",
    "last_verified": "Dernière vérification",
    "admin": ADMINISTRATION,
    "publics": "Publics",
    "specific_publics": "Publics particuliers",
    "age": "Âge",
    "french_levels": "Niveaux de français",
    "price": "Prix",
    "commitment": "Durée de l'engagement",
    "frequency": "Rythme",
    "conditions": "Conditions pour participer",
    "languages": "Langues parlées sur place",
    "places": "Lieux",
    "zone": "Zone",
    "online": "En ligne",
    "orienters": "Qui oriente",
    "referral_only": "Seulement sur orientation",
    "steps": "Étapes",
    "documents": "Documents à apporter",
    "total_cost": "Coût total (euros)",
    "state_funding": "Financement de l'État (euros)",
    "note": "Précision",
    "contract": "Contrat (identifiant)",
    "axis": "Axe",
    "official_title": "Intitulé officiel",
    "ctai_themes": "Thématiques du contrat",
    "operators": "Porteurs",
    "partners": "Partenaires",
    "audience": "Public de l'action",
    "target": "Public visé (nombre)",
    "budget": "Budget",
    "indicators": "Indicateurs",
    "source": "Source",
    (models.Contact, "label"): "Précision",
    (models.Contact, "kind"): "Type de contact",
    (models.Alert, "kind"): "Type d'alerte",
    (models.Alert, "start"): "Début de l'alerte",
    (models.Alert, "end"): "Fin de l'alerte",
    (models.Contract, "period"): "Période du contrat",
    (models.Who, "period"): "Période de l'action",
    (models.Contract, "kind"): "Type de contrat",
    (models.Territory, "kind"): "Type de territoire",
    (models.Zone, "departments"): "Départements (codes)",
}

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
PARTIAL_DATE_PATTERN = [
    r"^(\d{4}(-\d{2}(-\d{2})?)?|(printemps|été|automne|hiver) \d{4}|inconnue)$",
    "Une date AAAA-MM-JJ, un mois AAAA-MM, une saison (« automne 2020 »), une année AAAA, ou « inconnue ».",
]


PATTERN_MESSAGES = {
    models.SLUG_PATTERN: "Lettres minuscules sans accents, chiffres et tirets, par exemple « cours-de-francais ».",
    r"^(\d{2}|2A|2B|\d{3})$": "Un code de département : 57, 2A, 974…",
    r"^\d{5}$": "Cinq chiffres, par exemple 57000.",
}


def _label(model: type[BaseModel], name: str) -> str:
    return FIELD_LABELS.get((model, name)) or FIELD_LABELS.get(name) or name


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


def _backend() -> dict:
    if os.environ.get(BACKEND_VARIABLE) == "test-repo":
        return {"name": "test-repo"}
    repository = next((os.environ[name] for name in REPOSITORY_VARIABLES if os.environ.get(name)), "")
    # Without a repository the editor still works on a local folder (« Travailler sur un dépôt local »).
    return {"name": "github", "repo": repository or "depot/a-configurer", "branch": "main"}


# For the coordinators, who read French: the languages by their French names.
LANGUAGE_NAMES_FR = {"en": "anglais", "ar": "arabe", "fa": "dari", "ps": "pachto", "ti": "tigrigna", "ru": "russe", "uk": "ukrainien"}
TRANSLATION_FIELDS = [
    {"name": "status", "label": "État", "widget": "select", "readonly": True, "required": True,
     "options": [{"label": label, "value": status.value} for status, label in TRANSLATION_STATUSES.items()]},
    {"name": "title", "label": "Titre traduit", "widget": "string", "readonly": True, "required": False},
]


def translation_label(action: models.LoadedAction, lang: str, translation: models.LoadedTranslation) -> str:
    """« Apprendre le français — russe : automatique, à mettre à jour »: what the loader knows,
    the stale fingerprint included, which the editor cannot compute itself."""
    state = "relue" if translation.model.status is models.TranslationStatus.reviewed else "automatique"
    if translation.stale:
        state += ", à mettre à jour (le français a changé depuis)"
    return f"{action.model.title} — {LANGUAGE_NAMES_FR.get(lang, lang)} : {state}"


def _translations_collection(territory: models.LoadedTerritory, name: str, content_path: str) -> dict | None:
    files = [
        {
            "name": f"{action.slug}-{lang}",
            "label": translation_label(action, lang, translation),
            "file": f"{content_path}/{territory.slug}/actions/{action.slug}.{lang}.yml",
            "fields": TRANSLATION_FIELDS,
        }
        for action in sorted(territory.actions.values(), key=lambda a: a.slug)
        for lang, translation in sorted(action.translations.items())
    ]
    if not files:
        return None
    return {
        "name": f"traductions-{territory.slug}",
        "label": f"Traductions : {name}",
        "description": "Les langues de chaque fiche, et leur état. Elles se traduisent avec les fichiers PO"
        " (catalogue translations export / import), pas dans ce formulaire : voir le guide.",
        "format": "yaml",
        "publish": False,
        "files": files,
    }


def editor_config(catalogue: models.Catalogue, content_path: str = "content") -> dict:
    """The whole configuration: one file per territory, one folder of actions per territory."""
    fields = editor_fields()
    territories = sorted(catalogue.territories.values(), key=lambda t: t.slug)
    collections = [
        {
            "name": "territoires",
            "label": "Territoires",
            "label_singular": "Territoire",
            "description": "Un nouveau territoire se crée avec « catalogue new territory » (voir le guide).",
            "format": "yaml",
            "files": [
                {
                    "name": territory.slug,
                    "label": territory.model.name if territory.model else territory.slug,
                    "file": f"{content_path}/{territory.slug}/territory.yml",
                    "fields": fields["territory"],
                }
                for territory in territories
            ],
        }
    ]
    for territory in territories:
        name = territory.model.name if territory.model else territory.slug
        collections.append(
            {
                "name": f"actions-{territory.slug}",
                "label": f"Actions : {name}",
                "label_singular": "Action",
                "folder": f"{content_path}/{territory.slug}/actions",
                "extension": "yml",
                "format": "yaml",
                "create": True,
                "delete": False,
                "identifier_field": "title",
                "slug": "{{title}}",
                # `<action>.<lang>.yml` are its translations, made by the PO workflow: they
                # have no `last_verified` date, which every French file has (a year, in any
                # form the date is read as; a missing value reads as « undefined »).
                "filter": {"field": "last_verified", "pattern": r"\d{4}"},
                "fields": fields["action"],
            }
        )
        translations = _translations_collection(territory, name, content_path)
        if translations:
            collections.append(translations)
    return {
        "backend": _backend(),
        "publish_mode": "editorial_workflow",
        "app_title": "Catalogue : éditeur",
        "media_folder": f"{content_path}/_media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True},
        "collections": collections,
    }


def write_editor(catalogue: models.Catalogue, site_dir: Path) -> None:
    """`site/admin/`: the page, the vendored editor and its configuration."""
    folder = site_dir / routes.EDITOR_FOLDER
    for sub in ("locales", "fonts"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for name in EDITOR_PAGE_FILES:
        shutil.copyfile(EDITOR_FILES / name, folder / name)
    text = yaml.safe_dump(editor_config(catalogue), allow_unicode=True, sort_keys=False, width=120)
    (folder / "config.yml").write_text(text, encoding="utf-8")


def patched_script(upstream: str) -> str:
    """Sveltia's dist/sveltia-cms.js, made to load nothing from another origin."""
    for old, new in VENDOR_PATCHES:
        if upstream.count(old) != 1:
            raise ValueError(f"the editor's script has changed: patch the new version by hand ({old[:60]}…)")
        upstream = upstream.replace(old, new)
    return upstream


def vendor(tarball: Path) -> None:
    """Vendor `npm pack @sveltia/cms@EDITOR_VERSION`: checked, patched, with its licence and French strings."""
    with tarfile.open(tarball) as archive:
        script = archive.extractfile("package/dist/sveltia-cms.js").read()
        if hashlib.sha256(script).hexdigest() != EDITOR_UPSTREAM_SHA256:
            raise SystemExit(f"{tarball}: not Sveltia CMS {EDITOR_VERSION} (SHA-256 différent)")
        (EDITOR_FILES / EDITOR_SCRIPT).write_text(patched_script(script.decode("utf-8")), encoding="utf-8")
        (EDITOR_FILES / "LICENSE.txt").write_bytes(archive.extractfile("package/LICENSE.txt").read())
        (EDITOR_FILES / "locales" / "fr.json").write_bytes(archive.extractfile("package/locales/fr.json").read())


if __name__ == "__main__":
    vendor(Path(sys.argv[1]))


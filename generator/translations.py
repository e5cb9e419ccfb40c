"""`catalogue translations …`: follow content translations and exchange them as PO files.

A PO file holds one entry per translatable field of every action and territory of a language:
`msgctxt` names the place (`metz/atelier:why.2`), `msgid` is the French text, `msgstr` the
translation. Poedit and Weblate open these files. `import` writes the `<slug>.<lang>.yml`
files back, stamped with the fingerprint of the French text they translate.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from pydantic import ValidationError

from generator.errors import ConfigurationError, ContentError, ContentErrors, display_path, system_reason, validation_errors
from generator.gate.catalogs import read_catalog
from generator.gate.paths import inside, write_whole
from generator.gate.text import text_problems
from generator.languages import LANGUAGES, TRANSLATION_LANGUAGES
from generator.load import load_catalogue
from generator.fingerprints import fingerprint, translatable_fields
from generator.models import (
    ActionTranslation,
    TerritoryTranslation,
    TranslationStatus,
)

ACTION_MODELINE = "# yaml-language-server: $schema=../../_schema/action-translation.schema.json\n"
TERRITORY_MODELINE = "# yaml-language-server: $schema=../_schema/territory-translation.schema.json\n"


def _flatten(fields: dict, prefix: str = "") -> dict[str, str]:
    """{"why": ["a", "b"], "who": {"frequency": "c"}} → {"why.1": "a", "why.2": "b", "who.frequency": "c"}."""
    flat = {}
    for key, value in fields.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                flat[f"{name}.{index}"] = item
        else:
            flat[name] = value
    return flat


def _unflatten(flat: dict[str, str], shape: dict) -> dict:
    """Rebuild the nested fields of `shape` (the French source) from translated flat entries."""
    result: dict = {}
    for key, value in shape.items():
        if isinstance(value, dict):
            nested = _unflatten({k[len(key) + 1 :]: v for k, v in flat.items() if k.startswith(f"{key}.")}, value)
            if nested:
                result[key] = nested
        elif isinstance(value, list):
            items = [flat.get(f"{key}.{index}") for index in range(1, len(value) + 1)]
            if all(items):
                result[key] = items
        elif flat.get(key):
            result[key] = flat[key]
    return result


ACTION_COLUMNS = ("traduites", "machine", "relues", "périmées", "manquantes")


def _territory_state(loaded) -> str:
    """The state of a territory's own translation (`territory.<lang>.yml`, its introduction)."""
    if loaded is None:
        return "manquante"
    if loaded.stale:
        return "périmée"
    return "relue" if loaded.model.status is TranslationStatus.reviewed else "machine"


def status_rows(catalogue) -> list[dict]:
    """Per language and territory: the counts of its actions' translations, and the state of its own."""
    rows = []
    for lang in TRANSLATION_LANGUAGES:
        for territory in catalogue.territories.values():
            counts = dict.fromkeys(ACTION_COLUMNS, 0)
            for action in territory.actions.values():
                loaded = action.translations.get(lang)
                if loaded is None:
                    counts["manquantes"] += 1
                    continue
                counts["traduites"] += 1
                counts["relues" if loaded.model.status is TranslationStatus.reviewed else "machine"] += 1
                counts["périmées"] += loaded.stale
            rows.append({"langue": lang, "territoire": territory.slug, **counts, "présentation": _territory_state(territory.translations.get(lang))})
    return rows


def cmd_status(args: argparse.Namespace) -> int:
    rows = status_rows(load_catalogue(Path(args.content)))
    print("Actions : nombre de fiches. Présentation : le texte d'accueil du territoire (territory.<langue>.yml).")
    print(f"{'langue':8}{'territoire':22}" + "".join(f"{c:>12}" for c in ACTION_COLUMNS) + f"{'présentation':>14}")
    for row in rows:
        print(f"{row['langue']:8}{row['territoire']:22}" + "".join(f"{row[c]:>12}" for c in ACTION_COLUMNS) + f"{row['présentation']:>14}")
    return 0


def export_catalog(content: Path, lang: str, territory_slug: str | None = None) -> Catalog:
    """A PO file of every French text to translate into `lang`, with what is translated already;
    one territory only when `territory_slug` is given."""
    catalogue = load_catalogue(content)
    if territory_slug is not None and territory_slug not in catalogue.territories:
        raise ConfigurationError(
            f"territoire « {territory_slug} » inconnu : choisissez parmi {', '.join(sorted(catalogue.territories))}"
        )
    po = Catalog(locale=LANGUAGES[lang].babel_locale, project="catalogue-ctai", fuzzy=False)
    for territory in catalogue.territories.values():
        if territory_slug is not None and territory.slug != territory_slug:
            continue
        existing = territory.translations.get(lang)
        po.add(
            territory.model.intro,
            existing.model.intro if existing and existing.model.intro else "",
            context=f"{territory.slug}:intro",
        )
        for action in territory.actions.values():
            translation = action.translations.get(lang)
            translated = _flatten(translation.model.model_dump(include=set(ActionTranslation.model_fields) - {"status", "source_fingerprint"}, exclude_none=True)) if translation else {}
            for field, french in _flatten(translatable_fields(action.model)).items():
                po.add(
                    french,
                    translated.get(field, ""),
                    context=f"{territory.slug}/{action.slug}:{field}",
                    auto_comments=[f"audience: {action.model.admin.audience.value}"],
                )
    return po


def cmd_export(args: argparse.Namespace) -> int:
    po = export_catalog(Path(args.content), args.lang, args.territory)
    out = Path(args.out or f"{args.lang}.po")
    try:
        with out.open("wb") as handle:
            write_po(handle, po, width=0, sort_output=False)
    except OSError as error:
        raise ConfigurationError(f"impossible d'écrire « {display_path(out)} » : {system_reason(error)}. Choisissez un autre fichier avec --out") from error
    print(f"Écrit : {out} ({len(po)} entrées)")
    return 0


class _ReadableDumper(yaml.SafeDumper):
    """Writes multi-line text as `|` blocks, as a person would."""


_ReadableDumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


def _dump(data: dict, modeline: str) -> str:
    return modeline + yaml.dump(data, Dumper=_ReadableDumper, allow_unicode=True, sort_keys=False, width=100)


def _source_fingerprint(current: dict, translated_from: dict[str, str]) -> str:
    """The fingerprint of the French text the PO file translated.

    A PO file keeps the French of the day it was exported as each entry's msgid. Where that is
    no longer the French of the fiche, the translation is of an older text: it gets the older
    text's fingerprint, so the page and `validate` keep calling it possibly out of date."""
    flat = _flatten(current)
    if all(flat.get(field) == french for field, french in translated_from.items()):
        return fingerprint(current)
    return fingerprint(_unflatten({**flat, **translated_from}, current))


def _write_changed(content: Path, planned: list[tuple[Path, str]]) -> list[Path]:
    """Write the files whose text changed; none at all if one would land outside `content`."""
    outside = [path for path, _ in planned if not inside(content, path)]
    if outside:
        raise ContentErrors([ContentError(
            display_path(path), 1, "", f"ce fichier serait écrit hors du dossier de contenu « {display_path(content)} »"
            " (un lien symbolique ?) : remplacez le lien par un vrai dossier. Rien n'a été écrit",
        ) for path in outside])
    written = []
    for path, text in planned:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_whole(path, text)
            written.append(path)
    return written


def _po_errors(exc: ValidationError, po_path: Path, lines: dict[str, int]) -> list[ContentError]:
    """A translation the model refuses (too long an abstract…), at the line of its PO entry."""

    def line_of(loc: tuple) -> int:
        name = ".".join(str(part + 1) if isinstance(part, int) else part for part in loc)
        return next((line for field, line in lines.items() if field == name or field.startswith(f"{name}.")), 1)

    return validation_errors(exc, ActionTranslation, display_path(po_path), line_of)


def _not_persons(catalogue, place: str) -> tuple[str, ...]:
    """The phrases the French file of `place` (`territory` or `territory/action`) marks as not persons."""
    territory_slug, _, action_slug = place.partition("/")
    territory = catalogue.territories.get(territory_slug)
    if territory is None:
        return ()
    action = territory.actions.get(action_slug) if action_slug else None
    return tuple(action.model.not_persons if action else territory.model.not_persons)


def import_catalog(content: Path, po_path: Path, status: TranslationStatus) -> list[Path]:
    """Write translation files from a PO file; entries left empty are not written.
    Returns the files whose text changed."""
    catalogue = load_catalogue(content)
    po = read_catalog(po_path)
    lang = str(po.locale).split("_")[0] if po.locale else None
    if lang not in TRANSLATION_LANGUAGES:
        shown = f"langue « {lang} » inconnue" if lang else "langue absente"
        raise ContentErrors([ContentError(
            display_path(po_path), 1, "Language",
            f"{shown} dans l'en-tête du fichier PO : la ligne « Language: » doit donner l'une de {', '.join(TRANSLATION_LANGUAGES)}."
            " Exportez le fichier avec « catalogue translations export --lang … »",
        )])
    entries: dict[str, dict[str, str]] = {}
    translated_from: dict[str, dict[str, str]] = {}
    refused: list[ContentError] = []
    lines: dict[str, dict[str, int]] = {}
    for message in po:
        if message.id and message.context and message.string and not message.fuzzy:
            place, _, field = message.context.partition(":")
            # The same gate as the loader's: nothing written that validate would refuse.
            for problem in text_problems(message.string, _not_persons(catalogue, place)):
                refused.append(ContentError(display_path(po_path), message.lineno, "msgstr", problem))
            entries.setdefault(place, {})[field] = message.string
            translated_from.setdefault(place, {})[field] = message.id
            lines.setdefault(place, {})[field] = message.lineno
    planned: list[tuple[Path, str]] = []
    for territory in catalogue.territories.values():
        intro = entries.get(territory.slug, {}).get("intro")
        if intro:
            source = {"intro": territory.model.intro}
            data = TerritoryTranslation(
                status=status, source_fingerprint=_source_fingerprint(source, translated_from[territory.slug]), intro=intro
            ).model_dump(mode="json", exclude_none=True)
            planned.append((territory.path.parent / f"territory.{lang}.yml", _dump(data, TERRITORY_MODELINE)))
        for action in territory.actions.values():
            place = f"{territory.slug}/{action.slug}"
            flat = entries.get(place)
            if not flat:
                continue
            source = translatable_fields(action.model)
            try:
                translation = ActionTranslation(
                    status=status, source_fingerprint=_source_fingerprint(source, translated_from[place]), **_unflatten(flat, source)
                )
            except ValidationError as exc:
                refused += _po_errors(exc, po_path, lines[place])
                continue
            text = _dump(translation.model_dump(mode="json", exclude_none=True), ACTION_MODELINE)
            planned.append((action.path.with_name(f"{action.slug}.{lang}.yml"), text))
    if refused:
        raise ContentErrors(refused)
    return _write_changed(content, planned)


def cmd_import(args: argparse.Namespace) -> int:
    written = import_catalog(Path(args.content), Path(args.po_file), TranslationStatus(args.status))
    for path in written:
        print(f"Écrit : {display_path(path)}")
    print(f"{len(written)} fichier{'s' if len(written) > 1 else ''} de traduction modifié{'s' if len(written) > 1 else ''}.")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="translations_command", required=True)
    status = commands.add_parser("status", help="traduites, machine, relues, périmées et manquantes")
    status.add_argument("--content", default="content")
    status.set_defaults(run=cmd_status)
    export = commands.add_parser("export", help="écrire un fichier PO pour une langue")
    export.add_argument("--lang", required=True, choices=TRANSLATION_LANGUAGES)
    export.add_argument("--out")
    export.add_argument("--territory", help="un seul territoire (nom de son dossier)")
    export.add_argument("--content", default="content")
    export.set_defaults(run=cmd_export)
    imported = commands.add_parser("import", help="lire un fichier PO et écrire les traductions")
    imported.add_argument("po_file")
    imported.add_argument(
        "--status", default="machine", choices=[s.value for s in TranslationStatus],
        help="machine (par défaut) : traduction automatique, annoncée comme non relue ; reviewed : relue par une personne",
    )
    imported.add_argument("--content", default="content")
    imported.set_defaults(run=cmd_import)



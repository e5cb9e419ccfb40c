"""The termbase: one rendering per language of each institution and key term.

`locales/terms.yml` lists the terms as French writes them. `locales/<lang>/terms.yml` gives, for
each term, its `rendering` in that language, the other forms it may take (`accepted`: the
acronym kept as is, inflected forms) and the renderings that must not be used (`avoid`).

`check_terms` compares every translation with it — the content's `<slug>.<lang>.yml` and
`territory.<lang>.yml`, and the interface catalogs `locales/<lang>/LC_MESSAGES/*.po` — and
returns warnings: a translation uses a rendering to avoid, or its French mentions a term and
the translation uses none of the term's forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po
from pydantic import Field, ValidationError

from generator.checks import ContentWarning
from generator.errors import ContentError, ContentErrors, display_path, validation_errors
from generator.i18n import LOCALES_DIR
from generator.load import TRANSLATION_LANGUAGES, line_of, read_yaml
from generator.fingerprints import translatable_fields
from generator.models import Catalogue, Strict

TERMS_FILE = "terms.yml"


class FrenchTerm(Strict):
    """A term as French writes it: every form that names it in a French text."""

    french: list[str] = Field(min_length=1)
    label: bool = Field(False, description="true: the term only as a whole label (« Axe », « Zone : »), not inside a sentence")


class Rendering(Strict):
    """A term in one language."""

    rendering: str = Field(min_length=1)
    accepted: list[str] = []
    avoid: list[str] = []

    def used_in(self, text: str) -> bool:
        folded = text.casefold()
        return any(form.casefold() in folded for form in (self.rendering, *self.accepted))


@dataclass(frozen=True)
class Term:
    name: str
    pattern: re.Pattern

    def in_french(self, text: str) -> bool:
        return bool(self.pattern.search(text))


@dataclass(frozen=True)
class Termbase:
    terms: dict[str, Term]
    renderings: dict[str, dict[str, Rendering]]  # language → term → rendering
    paths: dict[str, str]  # language → the file, as shown in messages


def _french_pattern(entry: FrenchTerm) -> re.Pattern:
    alternatives = "|".join(re.escape(form) for form in sorted(entry.french, key=len, reverse=True))
    if entry.label:
        return re.compile(rf"^\s*(?:{alternatives})\s*:?\s*$", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _read_entries(path: Path, model: type[Strict], errors: list[ContentError]) -> dict:
    data = read_yaml(path, errors)
    if data is None:
        return {}
    if not isinstance(data, dict):
        errors.append(ContentError(display_path(path), 1, "", "un bloc « terme: … » est attendu"))
        return {}
    entries = {}
    for name, value in data.items():
        try:
            entries[str(name)] = model.model_validate(value)
        except ValidationError as exc:
            errors.extend(
                validation_errors(exc, model, display_path(path), lambda loc, name=name: line_of(data, (name, *loc)))
            )
    return entries


def load_termbase(locales_dir: Path, languages: list[str]) -> Termbase:
    """Read the French terms and each language's renderings; raise ContentErrors listing every problem."""
    errors: list[ContentError] = []
    french_path = locales_dir / TERMS_FILE
    french = _read_entries(french_path, FrenchTerm, errors) if french_path.exists() else {}
    terms = {name: Term(name, _french_pattern(entry)) for name, entry in french.items()}
    renderings, paths = {}, {}
    for lang in languages:
        path = locales_dir / lang / TERMS_FILE
        if not path.exists():
            continue
        entries = _read_entries(path, Rendering, errors)
        data = read_yaml(path, [])
        for name in entries:
            if name not in terms:
                errors.append(
                    ContentError(display_path(path), line_of(data, (name,)), name, f"terme inconnu : il manque dans {display_path(french_path)}")
                )
        renderings[lang] = {name: entry for name, entry in entries.items() if name in terms}
        paths[lang] = display_path(path)
    if errors:
        raise ContentErrors(errors)
    return Termbase(terms, renderings, paths)


def problems(termbase: Termbase, lang: str, french: str, translated: str) -> list[str]:
    """What departs from the termbase in one translated text, in French, for a coordinator."""
    found = []
    where = termbase.paths[lang]
    for name, rendering in termbase.renderings.get(lang, {}).items():
        avoided = [form for form in rendering.avoid if form.casefold() in translated.casefold()]
        for form in avoided:
            found.append(f"terme « {name} » : « {form} » est une forme à éviter ; écrire « {rendering.rendering} » ({where})")
        if not avoided and termbase.terms[name].in_french(french) and not rendering.used_in(translated):
            found.append(f"terme « {name} » : le français le cite, la traduction n'emploie pas « {rendering.rendering} » ({where})")
    return found


def _flat(value: object, loc: tuple = ()) -> dict[tuple, str]:
    """{"why": ["a", "b"]} → {("why", 0): "a", ("why", 1): "b"}: each text at its YAML location."""
    if isinstance(value, dict):
        return {found: text for key, child in value.items() for found, text in _flat(child, (*loc, key)).items()}
    if isinstance(value, list):
        return {found: text for index, child in enumerate(value) for found, text in _flat(child, (*loc, index)).items()}
    return {loc: value} if isinstance(value, str) else {}


def _field_name(loc: tuple) -> str:
    return ".".join(str(part + 1) if isinstance(part, int) else part for part in loc)


def _check_file(termbase: Termbase, lang: str, territory: str, path: Path, french: dict, translated: dict) -> list[ContentWarning]:
    warnings = []
    data = None
    french_texts, translated_texts = _flat(french), _flat(translated)
    for loc, text in translated_texts.items():
        for message in problems(termbase, lang, french_texts.get(loc, ""), text):
            if data is None:
                data = read_yaml(path, [])
            warnings.append(ContentWarning(display_path(path), line_of(data, loc), _field_name(loc), message, territory))
    return warnings


def _check_catalogs(termbase: Termbase, lang: str, locales_dir: Path) -> list[ContentWarning]:
    warnings = []
    for po_path in sorted((locales_dir / lang / "LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                for problem in problems(termbase, lang, " ".join(ids), text or ""):
                    warnings.append(ContentWarning(display_path(po_path), message.lineno, "msgstr", problem))
    return warnings


def check_terms(catalogue: Catalogue, termbase: Termbase, locales_dir: Path) -> list[ContentWarning]:
    """Every departure from the termbase in the content's translations and the interface catalogs."""
    warnings = []
    for lang in termbase.renderings:
        for territory in catalogue.territories.values():
            loaded = territory.translations.get(lang)
            if loaded and loaded.model.intro:
                warnings += _check_file(termbase, lang, territory.slug, loaded.path, {"intro": territory.model.intro}, {"intro": loaded.model.intro})
            for action in territory.actions.values():
                loaded = action.translations.get(lang)
                if loaded:
                    translated = loaded.model.model_dump(exclude={"status", "source_fingerprint"}, exclude_none=True)
                    warnings += _check_file(termbase, lang, territory.slug, loaded.path, translatable_fields(action.model), translated)
        warnings += _check_catalogs(termbase, lang, locales_dir)
    return sorted(set(warnings))


def term_warnings(catalogue: Catalogue, locales_dir: Path = LOCALES_DIR) -> list[ContentWarning]:
    """The termbase warnings of `catalogue validate`; a broken termbase raises ContentErrors."""
    return check_terms(catalogue, load_termbase(locales_dir, list(TRANSLATION_LANGUAGES)), locales_dir)

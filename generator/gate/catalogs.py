"""Gettext catalogs (PO files) a person edits: the interface's `locales/<lang>/LC_MESSAGES/*.po`
and the files given to `catalogue translations import`. Read strictly, so that a broken file is
a French error naming its line, never a crash in the middle of a build."""

from __future__ import annotations

import io
import re
import string
import unicodedata
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from generator.errors import ContentError, ContentErrors, display_path, system_reason
from generator.gate.text import BIDI_CONTROLS

# `%(num)d` in the plural messages, `{count}` in the others: what the generator fills in.
PERCENT_FIELD = re.compile(r"%\((\w+)\)[sd]")


def _visible(text: str) -> str:
    """`text` with its control and direction characters written as codes: printed as they are,
    they would garble the terminal or reorder the message around them."""
    return "".join(
        f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" else f"\\u{ord(c):04x}" if BIDI_CONTROLS.match(c) else c
        for c in text
    )


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """The catalog of `path`; ContentErrors when it cannot be read or is not a valid PO file."""

    def refuse(line: int, message: str) -> ContentErrors:
        return ContentErrors([ContentError(display_path(path), line, "", message)])

    try:
        data = path.read_bytes()
    except OSError as error:
        raise refuse(1, f"fichier PO illisible : {system_reason(error)}") from error
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise refuse(line, "ce n'est pas un fichier PO en UTF-8 : ouvrez-le avec Poedit et enregistrez-le à nouveau") from error
    try:
        return read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    except PoFileError as error:
        raise refuse(
            error.lineno + 1,
            f"fichier PO mal formé (« {_visible(error.line.strip()[:60])} ») : chaque entrée est faite de lignes msgctxt, "
            "msgid et msgstr suivies d'un texte entre guillemets. Corrigez la ligne, ou exportez à nouveau le fichier",
        ) from error
    except (ValueError, UnknownLocaleError) as error:
        raise refuse(1, f"en-tête du fichier PO invalide ({error}) : la ligne « Language: » doit donner un code de langue, par exemple en") from error


def _fields(text: str) -> set[str]:
    """The names a text fills in: `{name}` and `%(name)d`. A lone brace is a field without a name."""
    names = set(PERCENT_FIELD.findall(text))
    try:
        names.update(field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field is not None)
    except ValueError:
        names.add("{")
    return names


def placeholder_errors(path: Path, catalog: Catalog) -> list[ContentError]:
    """Translations that name a value the French text does not give (`{cuont}` for `{count}`):
    filling them in would fail the build."""
    errors = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        known = set().union(*(_fields(text) for text in ids))
        for text in strings:
            unknown = sorted(_fields(text or "") - known)
            if unknown:
                errors.append(ContentError(
                    display_path(path), message.lineno, "msgstr",
                    f"la traduction contient {', '.join('{' + name + '}' if name != '{' else 'une accolade seule' for name in unknown)}"
                    f" que le texte français n'a pas : recopiez les noms entre accolades tels qu'ils sont dans le msgid"
                    f" ({', '.join('{' + name + '}' for name in sorted(known)) or 'aucun'})",
                ))
    return errors


def interface_catalog_errors(locales_dir: Path, languages) -> list[ContentError]:
    """Every problem of the interface catalogs of `languages`, all files read."""
    errors = []
    for lang in languages:
        for path in sorted((locales_dir / lang / "LC_MESSAGES").glob("*.po")):
            try:
                errors += placeholder_errors(path, read_catalog(path))
            except ContentErrors as refused:
                errors += refused.errors
    return errors


def check_interface_catalogs(languages) -> None:
    from generator.i18n import LOCALES_DIR

    errors = interface_catalog_errors(LOCALES_DIR, languages)
    if errors:
        raise ContentErrors(errors)

"""Every interface catalog declares CLDR's plural rule (as Babel gives it) and fills each form."""

from __future__ import annotations

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from generator.i18n import LOCALES_DIR

CATALOGS = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po"))


def header(po_path, name: str) -> str:
    """A header field as written in the file, before Babel can substitute its own defaults."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    return dict(catalog.mime_headers)[name]


def test_every_language_has_a_catalog():
    assert {path.parts[-3] for path in CATALOGS} >= {"en", "ar", "fa", "ps", "ti", "ru", "uk"}


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda path: path.parts[-3])
def test_plural_forms_header_is_cldr(po_path):
    lang = po_path.parts[-3]
    assert header(po_path, "Plural-Forms") == get_plural(lang).plural_forms


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda path: path.parts[-3])
def test_plural_messages_have_one_translation_per_form(po_path):
    lang = po_path.parts[-3]
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    forms = get_plural(lang).num_plurals
    for message in catalog:
        if message.pluralizable:
            assert len(message.string) == forms, message.id
            assert all(message.string), message.id

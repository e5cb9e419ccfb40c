"""The gettext catalogs of the site's languages (`locales/<lang>/LC_MESSAGES/messages.po`).

Catalogs are compiled in memory at build time, so no `.mo` file is committed and a catalog
edit is live on the next build.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from generator.languages import LANGUAGES, SOURCE_LANGUAGE

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


@lru_cache(maxsize=None)
def translations_for(code: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; French, the source language, needs none."""
    po_path = LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if code == SOURCE_LANGUAGE or not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=LANGUAGES[code].babel_locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)

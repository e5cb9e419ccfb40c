"""The site's languages and their gettext catalogs (`locales/<lang>/LC_MESSAGES/messages.po`).

Catalogs are compiled in memory at build time, so no `.mo` file is committed and a catalog
edit is live on the next build.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


@dataclass(frozen=True)
class Language:
    code: str  # URL code and file suffix
    html_lang: str  # BCP 47 tag for <html lang>
    babel_locale: str  # for dates and numbers
    material: str  # Material's language partial
    name: str  # the language's name, written in itself
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


LANGUAGES = {
    lang.code: lang
    for lang in (
        Language("fr", "fr", "fr_FR", "fr", "Français"),
        Language("en", "en", "en_GB", "en", "English"),
        Language("ar", "ar", "ar", "ar", "العربية", rtl=True),
        # Dari is written with the Persian script; `fa-AF` is its usual tag.
        Language("fa", "fa-AF", "fa_AF", "fa-AF", "دری", rtl=True),
        Language("ps", "ps", "ps", "ps", "پښتو", rtl=True),
        Language("ti", "ti", "ti", "ti", "ትግርኛ"),
        Language("ru", "ru", "ru", "ru", "Русский"),
        Language("uk", "uk", "uk", "uk", "Українська"),
    )
}


@lru_cache(maxsize=None)
def translations_for(code: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; French, the source language, needs none."""
    po_path = LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if code == "fr" or not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=LANGUAGES[code].babel_locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)

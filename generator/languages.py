"""The site's languages: the one table every list of languages comes from.

Adding a language: a row here, its catalog in `locales/<code>/LC_MESSAGES/messages.po`, and,
when Material has no strings for it, a partial in `theme/partials/languages/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # URL code and file suffix
    html_lang: str  # BCP 47 tag for <html lang>
    babel_locale: str  # for dates and numbers
    material: str  # Material's language partial
    name: str  # the language's name, written in itself
    french_name: str  # for the coordinators, who read French (the web editor)
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


# In the site's order: the language menus list them so.
LANGUAGES = {
    lang.code: lang
    for lang in (
        Language("fr", "fr", "fr_FR", "fr", "Français", "français"),
        Language("en", "en", "en_GB", "en", "English", "anglais"),
        Language("ar", "ar", "ar", "ar", "العربية", "arabe", rtl=True),
        # Dari is written with the Persian script; `fa-AF` is its usual tag.
        Language("fa", "fa-AF", "fa_AF", "fa-AF", "دری", "dari", rtl=True),
        Language("ps", "ps", "ps", "ps", "پښتو", "pachto", rtl=True),
        Language("ti", "ti", "ti", "ti", "ትግርኛ", "tigrigna"),
        Language("ru", "ru", "ru", "ru", "Русский", "russe"),
        Language("uk", "uk", "uk", "uk", "Українська", "ukrainien"),
    )
}

SITE_LANGUAGES = tuple(LANGUAGES)
# The language the content is written in; every other one is a translation.
SOURCE_LANGUAGE = "fr"
TRANSLATION_LANGUAGES = tuple(code for code in SITE_LANGUAGES if code != SOURCE_LANGUAGE)


def built_languages(codes: Iterable[str]) -> list[Language]:
    """The languages of a build, in the site's order: only these get links."""
    wanted = set(codes)
    return [language for language in LANGUAGES.values() if language.code in wanted]

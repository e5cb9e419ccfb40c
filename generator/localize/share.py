"""How a fiche leaves the site: shared links and QR code, the bilingual print, the error report."""

from __future__ import annotations

import re
import urllib.parse

from generator import routes
from generator.languages import LANGUAGES, SOURCE_LANGUAGE
from generator.localize.common import key_of, LanguageContext
from generator.localize.views import PrintLanguage, ShareView, Status
from generator.models import ContactKind, LoadedAction, LoadedTerritory
from generator.routes import relative


def share_view(context: LanguageContext, action: LoadedAction, title: str, status: Status) -> ShareView:
    """Links to send a fiche to someone, carrying its address, and its QR code.

    The QR code and the shared messages lead to the fiche's language-neutral page
    (`f/<territory>/<action>/`), where whoever opens it picks their own language: the person
    it is sent to may not read the sender's. A message about an ended action says so.
    """
    _ = context.gettext
    neutral_url = context.facts.neutral_urls[key_of(action)]
    if status.key == "ended":
        text = _("{title} (action terminée) : {url}").format(title=title, url=neutral_url)
    else:
        text = _("{title} : {url}").format(title=title, url=neutral_url)
    quoted = in_link(text)
    return ShareView(
        sms=f"sms:?&body={quoted}",
        whatsapp=f"https://wa.me/?text={quoted}",
        email=f"mailto:?subject={in_link(title, safe='')}&body={in_link(text, safe='')}",
        qr=context.facts.qr_codes[key_of(action)],
        qr_url=neutral_url,
    )


# Runs of characters outside ASCII: the letters of other scripts, kept as they are in links.
_OTHER_SCRIPTS = re.compile(r"([^\x00-\x7f]+)")


def in_link(text: str, safe: str = "/") -> str:
    """`text` for a link's query. ASCII signs are percent-encoded; letters of other scripts are
    left as they are, since the browser encodes them when the link is followed: an Arabic letter
    weighs 2 bytes in the page instead of 6, and a fiche has four such links. Invisible
    characters (spaces, marks) are encoded all the same."""
    parts = _OTHER_SCRIPTS.split(text)  # ASCII, other scripts, ASCII, …
    for index in range(1, len(parts), 2):
        if not parts[index].isprintable():  # outside ASCII, spaces are not printable either
            parts[index] = "".join(char if char.isprintable() else urllib.parse.quote(char) for char in parts[index])
    for index in range(0, len(parts), 2):
        parts[index] = urllib.parse.quote(parts[index], safe=safe)
    return "".join(parts)


def print_languages(context: LanguageContext, action: LoadedAction, translated_in: set[str]) -> list[PrintLanguage]:
    """The other language of a bilingual sheet: always French plus another language."""
    path = routes.fiche(action.territory, action.slug)
    current = context.lang.code
    return [
        PrintLanguage(code, LANGUAGES[code].name, LANGUAGES[code].html_lang, relative(path, routes.in_language(code, path)))
        for code in context.languages
        if code in translated_in and code != current and SOURCE_LANGUAGE in (code, current)
    ]


def report_href(context: LanguageContext, action: LoadedAction, territory: LoadedTerritory) -> str | None:
    """Where to report an error on the fiche: the territory's form when it has one, else an e-mail to
    its coordinator, its subject holding the fiche's title and address; None when there is neither."""
    if territory.model.report_url:
        return territory.model.report_url
    email = next((c.value for c in territory.model.coordinator.contacts if c.kind is ContactKind.email), None)
    if not email:
        return None
    title = action.model.title
    path = routes.in_site(context.lang.code, routes.fiche(action.territory, action.slug))
    site_url = context.facts.site_url
    address = routes.published(site_url, path) if site_url else path
    subject = context.gettext("Erreur sur la fiche « {title} » ({url})").format(title=title, url=address)
    body = context.gettext("Fiche : {title}\nAdresse de la fiche : {path}\n\nL'erreur :\n").format(title=title, path=address)
    query = urllib.parse.urlencode({"subject": subject, "body": body}, quote_via=urllib.parse.quote)
    return f"mailto:{email}?{query}"

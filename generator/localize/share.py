"""How a fiche leaves the site: shared links and QR code, the bilingual print, the error report."""

from __future__ import annotations

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
    path = routes.fiche(action.territory, action.slug)
    site_url = context.facts.site_url
    url = routes.published(site_url, routes.in_site(context.lang.code, path)) if site_url else relative(path, path)
    neutral_url = context.facts.neutral_urls[key_of(action)]
    if status.key == "ended":
        text = _("{title} (action terminée) : {url}").format(title=title, url=neutral_url)
    else:
        text = _("{title} : {url}").format(title=title, url=neutral_url)
    quoted = urllib.parse.quote(text)
    return ShareView(
        url=url,
        text=text,
        sms=f"sms:?&body={quoted}",
        whatsapp=f"https://wa.me/?text={quoted}",
        email="mailto:?" + urllib.parse.urlencode({"subject": title, "body": text}, quote_via=urllib.parse.quote),
        qr=context.facts.qr_codes[key_of(action)],
        qr_url=neutral_url,
    )


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
    """A mail to the territory's coordinator about an error on the fiche, when they have an address."""
    email = next((c.value for c in territory.model.coordinator.contacts if c.kind is ContactKind.email), None)
    if not email:
        return None
    title = action.model.title
    path = routes.fiche(action.territory, action.slug)
    subject = context.gettext("Erreur sur la fiche « {title} »").format(title=title)
    body = context.gettext("Fiche : {title}\nAdresse de la fiche : {path}\n\nL'erreur :\n").format(
        title=title, path=routes.in_site(context.lang.code, path)
    )
    query = urllib.parse.urlencode({"subject": subject, "body": body}, quote_via=urllib.parse.quote)
    return f"mailto:{email}?{query}"

"""Stage 2, localize: a loaded catalogue and one language → the views the templates render.

Everything a page shows is decided here: which text (translated, or French as a fallback),
which labels, which status, which links. Templates only lay it out. Links are relative to the
page, so the site works at a domain's root and under a sub-path alike.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import segno
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency
from markupsafe import Markup

from generator import glossary, labels, routes
from generator.dates import PartialDate, Precision, period_status
from generator.gate.contacts import phone_display, phone_href
from generator.i18n import translations_for
from generator.languages import LANGUAGES, SITE_LANGUAGES, SOURCE_LANGUAGE, Language, built_languages
from generator.models import (
    NOT_RELEVANT,
    Action,
    Audience,
    Catalogue,
    ContactKind,
    LoadedAction,
    LoadedTerritory,
    Period,
)
from generator.opening_hours import parse_opening_hours
from generator.languages import TRANSLATION_LANGUAGES
from generator.routes import relative
from generator.typography import keep_numbers_together

# The label tables of the facets' values.
FACET_LABELS = {
    "theme": labels.THEMES,
    "public": labels.PUBLICS,
    "specific": labels.SPECIFIC_PUBLICS,
    "level": labels.FRENCH_LEVELS,
    "condition": labels.CONDITIONS,
}


@dataclass
class Text:
    """A piece of content text, with the language it is really in (French when it fell back)."""

    value: object
    lang: str
    dir: str


@dataclass
class Link:
    label: str
    href: str
    lang: str | None = None
    note: str | None = None


@dataclass
class Card:
    """An infocard of "C'est pour qui ?"."""

    key: str
    icon: str
    label: str
    values: list[Link]


@dataclass
class PlaceView:
    name: str
    address_lines: list[str]
    geo_uri: str | None
    map_url: str
    hours: list[tuple[str, str]]
    wheelchair: str | None


@dataclass
class Status:
    key: str  # upcoming, running, ended, unknown
    label: str
    dates: str


@dataclass
class PageBase:
    path: str
    title: str
    # Languages this page's content exists in; None for pages made only of interface text.
    translated_in: list[str] | None
    lang: Language


@dataclass
class FicheView(PageBase):
    title_text: Text
    territory: "TerritoryRef"
    slug: str
    abstract: Text
    what: Text
    why: Text | None
    status: Status
    translation: str  # source, machine, reviewed, stale, missing
    alert: dict | None
    last_verified: str
    cards: list[Card]
    themes: list[Link]
    places: list[PlaceView]
    zone: list[str]
    online: bool
    referral_only: bool
    orienters: list[str]
    steps: Text | None
    documents: Text | None
    contacts: list[Link]
    operators: list[str]
    partners: list[str]
    admin: dict
    related: list[Link]
    report_href: str | None
    audience: str
    share: dict = field(default_factory=dict)
    favourites_href: str = ""
    print_languages: list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    filters: list[tuple[str, list[str]]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass
class TerritoryRef:
    slug: str
    name: str
    href: str
    coordinator: str
    coordinator_contacts: list[Link]


@dataclass
class ActionCard:
    title: Text
    abstract: Text
    href: str
    status: Status
    audience: str
    themes: list[str]
    level: str | None


@dataclass
class OpenDataLinks:
    """Links to the open-data files (see generator/opendata.py)."""

    csv: str
    json: str
    national: str
    services: str
    structures: str


@dataclass
class TerritoryView(PageBase):
    ref: TerritoryRef
    kind: str
    departments: list[str]
    intro: Text
    contracts: list[dict]
    theme_tiles: list[dict]
    for_you: list[ActionCard]
    for_professionals: list[ActionCard]
    ended: list[ActionCard]
    glossary: list[dict]
    open_data: OpenDataLinks


@dataclass
class FacetView(PageBase):
    ref: TerritoryRef
    facet_label: str
    cards: list[ActionCard]


@dataclass
class HomeView(PageBase):
    territories: list[dict]


@dataclass
class SearchView(PageBase):
    """The search page: results with JavaScript, lists by territory and theme without."""

    territories: list[TerritoryView]


@dataclass
class FavouritesView(PageBase):
    """« Mes fiches »: the fiches saved on this phone, listed by theme/assets/fiche.js."""


@dataclass
class CompletenessView(PageBase):
    ref: TerritoryRef
    rows: list[dict]


@dataclass
class LocalizedSite:
    """Every page of one language, ready to render."""

    lang: Language
    home: HomeView
    territories: list[TerritoryView]
    fiches: list[FicheView]
    facets: list[FacetView]
    completeness: list[CompletenessView]
    search: SearchView
    favourites: FavouritesView
    strings: dict = field(default_factory=dict)


def _numbers_together(value):
    """A text, or a list of texts, with its figures kept in one piece (see generator/typography.py)."""
    if isinstance(value, str):
        return keep_numbers_together(value)
    if isinstance(value, list):
        return [keep_numbers_together(item) if isinstance(item, str) else item for item in value]
    return value


@lru_cache(maxsize=None)
def _qr_svg(url: str) -> Markup:
    """An address as a QR code, made here: inline SVG, no request, no script.

    Cached: each language's page of a fiche shows the same code.
    """
    # A fixed mask: choosing the best of eight would cost four times more, for every fiche in
    # every language, and any mask scans.
    code = segno.make(url, error="m", mask=0)
    return Markup(code.svg_inline(scale=3, border=2, svgclass="qr", lineclass="qr__path"))


@lru_cache(maxsize=4096)
def _format_date(value: dt.date, locale: str) -> str:
    return format_date(value, format="long", locale=locale)


class Localizer:
    def __init__(self, catalogue: Catalogue, lang: str, build_date: dt.date, site_url: str, languages: Sequence[str]):
        self.catalogue = catalogue
        self.site_url = site_url
        self.lang = LANGUAGES[lang]
        self.languages = [language.code for language in built_languages(languages)]
        self.build_date = build_date
        self._ = translations_for(lang).gettext
        self._cards: dict[tuple[str, str], ActionCard] = {}

    # --- small helpers ---

    def text(self, translated, french) -> Text:
        if translated not in (None, [], ""):
            return Text(_numbers_together(translated), self.lang.code, self.lang.direction)
        return Text(_numbers_together(french), SOURCE_LANGUAGE, "ltr")

    def date(self, value: dt.date | None) -> str:
        return _format_date(value, self.lang.babel_locale) if value else ""

    def money(self, value) -> str:
        return format_currency(value, "EUR", locale=self.lang.babel_locale, format_type="standard")

    def partial_date(self, value: PartialDate | None) -> str:
        """A date as precise as its source: « 20 juin 2019 », « juin 2019 », « automne 2020 », « 2019 »."""
        if value is None:
            return ""
        if value.precision is Precision.day:
            return self.date(value.earliest)
        if value.precision is Precision.month:
            return format_skeleton("yMMMM", value.earliest, locale=self.lang.babel_locale)
        if value.precision is Precision.season:
            return self._(labels.SEASONS[value.season]).format(year=value.year)
        if value.precision is Precision.year:
            return str(value.year)
        return self._("date inconnue")

    def status(self, period: Period) -> Status:
        start, end = period.start, period.end
        key = period_status(start, end, self.build_date)
        shown = [self.partial_date(start), self.partial_date(end)]
        dates = shown[0] if start == end else " – ".join(filter(None, shown))
        if any(value and value.precision not in (Precision.day, Precision.unknown) for value in (start, end)):
            dates += " " + self._("(date exacte non précisée)")
        return Status(key, self._(labels.STATUSES[key]), dates)

    def period_of(self, action: LoadedAction) -> Period:
        territory = self.catalogue.territories[action.territory]
        return action.model.who.period or territory.contract(action.model.admin.contract).period

    def contact_links(self, contacts) -> list[Link]:
        links = []
        for contact in contacts or []:
            shown = contact.value
            if contact.kind is ContactKind.phone:
                href, shown = phone_href(contact.value), phone_display(contact.value)
            elif contact.kind is ContactKind.email:
                href = "mailto:" + contact.value
            else:
                href = contact.value
            links.append(Link(shown, href, note=contact.label))
        return links

    def territory_ref(self, territory: LoadedTerritory, from_path: str) -> TerritoryRef:
        model = territory.model
        return TerritoryRef(
            slug=territory.slug,
            name=model.name,
            href=relative(from_path, routes.territory(territory.slug)),
            coordinator=model.coordinator.name,
            coordinator_contacts=self.contact_links(model.coordinator.contacts),
        )

    def action_text(self, action: LoadedAction):
        """The translation to use for this page, and its status."""
        if self.lang.code == SOURCE_LANGUAGE:
            return None, "source"
        loaded = action.translations.get(self.lang.code)
        if loaded is None:
            return None, "missing"
        return loaded.model, ("stale" if loaded.stale else loaded.model.status.value)

    # --- pages ---

    def action_card(self, action: LoadedAction, from_path: str) -> ActionCard:
        """The card of an action, linked from `from_path`; built once per action."""
        key = (action.territory, action.slug)
        if key not in self._cards:
            self._cards[key] = self._action_card(action)
        card = self._cards[key]
        return replace(card, href=relative(from_path, routes.fiche(action.territory, action.slug)))

    def _action_card(self, action: LoadedAction) -> ActionCard:
        translation, _ = self.action_text(action)
        model = action.model
        levels = model.who.french_levels
        return ActionCard(
            title=self.text(translation and translation.title, model.title),
            abstract=self.text(translation and translation.abstract, model.abstract),
            href="",
            status=self.status(self.period_of(action)),
            audience=model.admin.audience.value,
            themes=[theme.value for theme in model.themes],
            level=", ".join(self._(labels.FRENCH_LEVELS[level]) for level in levels)
            if isinstance(levels, list)
            else None,
        )

    def fiche(self, action: LoadedAction) -> FicheView:
        model: Action = action.model
        territory = self.catalogue.territories[action.territory]
        path = routes.fiche(action.territory, action.slug)
        translation, translation_status = self.action_text(action)
        who, orientation = model.who, model.orientation
        t_who = translation.who if translation else None
        t_orientation = translation.orientation if translation else None
        translated_in = {SOURCE_LANGUAGE, *action.translations}
        status = self.status(self.period_of(action))

        def facet_links(facet: str, values, table) -> list[Link]:
            return [
                Link(self._(table[value]), relative(path, routes.facet(action.territory, facet, value.value)))
                for value in values
            ]

        cards: list[Card] = []
        if isinstance(who.publics, list):
            cards.append(
                Card("public", "material/account-group-outline", self._("Public"),
                     facet_links("public", who.publics, labels.PUBLICS)
                     + (facet_links("specific", who.specific_publics, labels.SPECIFIC_PUBLICS)
                        if isinstance(who.specific_publics, list) else []))
            )
        if who.age and who.age != NOT_RELEVANT:
            age = who.age
            if age.min is not None and age.max is not None:
                text = self._("De {min} à {max} ans").format(min=age.min, max=age.max)
            elif age.min is not None:
                text = self._("À partir de {min} ans").format(min=age.min)
            else:
                text = self._("Jusqu'à {max} ans").format(max=age.max)
            cards.append(Card("age", "material/cake-variant-outline", self._("Âge"), [Link(text, "")]))
        if isinstance(who.french_levels, list):
            cards.append(
                Card("level", "material/translate", self._("Niveau de français"),
                     facet_links("level", who.french_levels, labels.FRENCH_LEVELS))
            )
        if who.price:
            price = (
                self._("Gratuit")
                if who.price.free
                else " ".join(filter(None, (self.money(who.price.amount), who.price.unit)))
            )
            cards.append(Card("price", "material/currency-eur", self._("Prix"), [Link(price, "")]))
        duration = [
            Link(text.value, "", lang=text.lang)
            for key in ("commitment", "frequency")
            if isinstance(getattr(who, key), str) and getattr(who, key) != NOT_RELEVANT
            for text in [self.text(getattr(t_who, key, None) if t_who else None, getattr(who, key))]
        ]
        if duration:
            cards.append(Card("duration", "material/calendar-clock-outline", self._("Durée et rythme"), duration))
        if isinstance(who.conditions, list) and who.conditions:
            cards.append(
                Card("conditions", "material/clipboard-check-outline", self._("Conditions"),
                     facet_links("condition", who.conditions, labels.CONDITIONS))
            )
        if isinstance(who.languages, list) and who.languages:
            from babel import Locale

            names = [Locale.parse(code).get_display_name(self.lang.babel_locale) or code for code in who.languages]
            cards.append(
                Card("languages", "material/account-voice", self._("Langues parlées sur place"),
                     [Link(name, "") for name in names])
            )

        places = [self.place(place) for place in model.where.places]
        zone = [*model.where.zone.communes, *model.where.zone.departments] if model.where.zone else []

        alert = None
        if model.alert and (not model.alert.end or model.alert.end >= self.build_date):
            message = translation.alert.message if translation and translation.alert else None
            alert = {
                "kind": model.alert.kind.value,
                "label": self._(labels.ALERTS[model.alert.kind]),
                "message": self.text(message, model.alert.message),
                "dates": " – ".join(filter(None, (self.date(model.alert.start), self.date(model.alert.end)))),
            }

        admin = model.admin
        contract = territory.contract(admin.contract)
        budget = []
        if admin.budget:
            if admin.budget.total_cost is not None:
                budget.append((self._("Coût total"), self.money(admin.budget.total_cost)))
            if admin.budget.state_funding is not None:
                budget.append((self._("Financement de l'État"), self.money(admin.budget.state_funding)))
            if admin.budget.note:
                budget.append((self._("Précision"), admin.budget.note))

        related = []
        for other in territory.actions.values():
            if len(related) == 5:
                break
            if other.slug == action.slug or not set(other.model.themes) & set(model.themes):
                continue
            card = self.action_card(other, path)
            # An ended action is only suggested from another ended one.
            if card.status.key != "ended" or status.key == "ended":
                related.append(Link(card.title.value, card.href, lang=card.title.lang))

        coordinator_email = next(
            (c.value for c in territory.model.coordinator.contacts if c.kind is ContactKind.email), None
        )
        report_href = None
        if coordinator_email:
            subject = self._("Erreur sur la fiche « {title} »").format(title=model.title)
            body = self._("Fiche : {title}\nAdresse de la fiche : {path}\n\nL'erreur :\n").format(
                title=model.title, path=routes.in_site(self.lang.code, path)
            )
            report_href = "mailto:{}?{}".format(
                coordinator_email, urllib.parse.urlencode({"subject": subject, "body": body}, quote_via=urllib.parse.quote)
            )

        steps = orientation.steps
        documents = orientation.documents if isinstance(orientation.documents, list) else None
        what = self.text(translation and translation.what, model.what)
        why = self.text(translation and translation.why, model.why) if model.why else None
        steps_text = self.text(t_orientation and t_orientation.steps, steps) if steps else None
        shown_texts = [what.value, *(why.value if why else []), *(steps_text.value if steps_text else [])]
        title = self.text(translation and translation.title, model.title)
        return FicheView(
            path=path,
            title=title.value,
            title_text=title,
            translated_in=sorted(translated_in),
            lang=self.lang,
            territory=self.territory_ref(territory, path),
            slug=action.slug,
            abstract=self.text(translation and translation.abstract, model.abstract),
            what=what,
            why=why,
            status=status,
            translation=translation_status,
            alert=alert,
            last_verified=self.date(model.last_verified),
            cards=cards,
            themes=facet_links("theme", model.themes, labels.THEMES),
            places=places,
            zone=zone,
            online=model.where.online,
            referral_only=orientation.referral_only,
            orienters=[self._(labels.ORIENTERS[o]) for o in orientation.orienters or []],
            steps=steps_text,
            documents=self.text(t_orientation and t_orientation.documents, documents) if documents else None,
            contacts=self.contact_links(orientation.contacts),
            operators=admin.operators,
            partners=admin.partners,
            admin={
                "contract": contract.label,
                "contract_kind": contract.kind.value,
                "axis": admin.axis,
                "official_title": admin.official_title,
                "ctai_themes": [self._(labels.CTAI_THEMES[t]) for t in admin.ctai_themes],
                "audience_label": self._(labels.ADMIN_AUDIENCES[admin.audience]),
                "target": admin.target,
                "budget": budget,
                "indicators": admin.indicators,
                "source": f"{admin.source.document}, {admin.source.section}",
            },
            related=related,
            report_href=report_href,
            audience=admin.audience.value,
            filters=self.search_filters(model, territory, status),
            share=self.share(action, title.value, status),
            # A bilingual sheet is always French plus another language.
            print_languages=[
                {"code": code, "name": LANGUAGES[code].name, "html_lang": LANGUAGES[code].html_lang,
                 "href": relative(path, routes.in_language(code, path))}
                for code in self.languages
                if code in translated_in and code != self.lang.code
                and SOURCE_LANGUAGE in (code, self.lang.code)
            ],
            favourites_href=relative(path, routes.favourites()),
            glossary=self.glossary(shown_texts),
            missing=missing_fields(model),
        )

    def share(self, action: LoadedAction, title: str, status: Status) -> dict:
        """Links to send a fiche to someone, carrying its address, and its QR code.

        The QR code and the shared messages lead to the fiche's language-neutral page
        (`f/<territory>/<action>/`), where whoever opens it picks their own language: the person
        it is sent to may not read the sender's. A message about an ended action says so.
        """
        path = routes.fiche(action.territory, action.slug)
        neutral = routes.neutral_fiche(action.territory, action.slug)
        if self.site_url:
            url = routes.published(self.site_url, routes.in_site(self.lang.code, path))
            neutral_url = routes.published(self.site_url, neutral)
        else:
            url, neutral_url = relative(path, path), relative(path, routes.from_language(neutral))
        # Shared links open the language chooser, as the QR code does: the person picks their own.
        if status.key == "ended":
            text = self._("{title} (action terminée) : {url}").format(title=title, url=neutral_url)
        else:
            text = self._("{title} : {url}").format(title=title, url=neutral_url)
        quoted = urllib.parse.quote(text)
        return {
            "url": url,
            "text": text,
            "sms": f"sms:?&body={quoted}",
            "whatsapp": f"https://wa.me/?text={quoted}",
            "email": "mailto:?" + urllib.parse.urlencode({"subject": title, "body": text}, quote_via=urllib.parse.quote),
            "qr": _qr_svg(neutral_url),
            "qr_url": neutral_url,
        }

    def glossary(self, texts: list[str]) -> list[dict]:
        """The glossary entries for the terms that appear in `texts`, explained in this language."""
        return [
            {"term": term, "anchor": glossary.anchor(term), "explanation": self._(glossary.TERMS[term])}
            for term in glossary.terms_in(texts)
        ]

    def search_filters(self, model: Action, territory: LoadedTerritory, status: Status) -> list[tuple[str, list[str]]]:
        """Pagefind filters of a fiche, named and valued in the page's language."""
        who = model.who

        def listed(values, table):
            return [self._(table[value]) for value in values] if isinstance(values, list) else []

        return [
            (self._("Territoire"), [territory.model.name]),
            (self._("Thème"), listed(model.themes, labels.THEMES)),
            (self._("Pour qui"), [self._(labels.AUDIENCES[model.admin.audience])]),
            (self._("Public"), listed(who.publics, labels.PUBLICS)),
            (self._("Niveau de français"), listed(who.french_levels, labels.FRENCH_LEVELS)),
            (self._("Statut"), [status.label]),
        ]

    def place(self, place) -> PlaceView:
        lines = [line for line in (place.address, " ".join(filter(None, (place.postcode, place.city)))) if line]
        query = ", ".join([place.name, *lines])
        if place.latitude is not None:
            geo = f"geo:{place.latitude},{place.longitude}"
            map_url = (
                f"https://www.openstreetmap.org/?mlat={place.latitude}&mlon={place.longitude}"
                f"#map=17/{place.latitude}/{place.longitude}"
            )
        else:
            geo = "geo:0,0?q=" + urllib.parse.quote(query)
            map_url = "https://www.openstreetmap.org/search?query=" + urllib.parse.quote(query)
        hours = []
        if place.opening_hours:
            for rule in parse_opening_hours(place.opening_hours):
                days = ", ".join(self._(labels.DAYS[day]) for day in rule.days)
                times = ", ".join(f"{a}–{b}" for a, b in rule.intervals) or self._("Fermé")
                hours.append((days, times))
        wheelchair = self._(labels.WHEELCHAIR[place.wheelchair]) if place.wheelchair else None
        return PlaceView(place.name, lines, geo, map_url, hours, wheelchair)

    def territory(self, territory: LoadedTerritory, from_path: str | None = None) -> TerritoryView:
        """The territory's catalogue; links are made for `from_path` (default: its own page)."""
        own_path = routes.territory(territory.slug)
        path = from_path or own_path
        model = territory.model
        intro_translation = territory.translations.get(self.lang.code)
        cards = sorted(
            (self.action_card(action, path) for action in territory.actions.values()),
            key=lambda card: card.title.value.casefold(),
        )
        current = [card for card in cards if card.status.key != "ended"]
        tiles = []
        for theme, label in labels.THEMES.items():
            count = sum(theme.value in card.themes for card in cards)
            if count:
                tiles.append(
                    {
                        "label": self._(label),
                        "icon": labels.THEME_ICONS[theme],
                        "count": count,
                        "href": relative(path, routes.facet(territory.slug, "theme", theme.value)),
                    }
                )
        translated_in = {SOURCE_LANGUAGE, *territory.translations}
        intro = self.text(intro_translation and intro_translation.model.intro, model.intro)
        return TerritoryView(
            path=own_path,
            title=model.name,
            translated_in=sorted(translated_in),
            lang=self.lang,
            ref=self.territory_ref(territory, path),
            kind=self._(labels.TERRITORY_KINDS[model.kind]),
            departments=model.departments,
            intro=intro,
            glossary=self.glossary([intro.value]),
            contracts=[
                {
                    "label": contract.label,
                    "kind": contract.kind.value,
                    "status": self.status(contract.period),
                    "signatories": contract.signatories,
                }
                for contract in model.contracts
            ],
            theme_tiles=tiles,
            for_you=[c for c in current if c.audience != Audience.professionals.value],
            for_professionals=[c for c in current if c.audience == Audience.professionals.value],
            ended=[card for card in cards if card.status.key == "ended"],
            open_data=self.open_data_links(territory.slug, path),
        )

    def open_data_links(self, slug: str, from_path: str) -> OpenDataLinks:
        def link(site_path: str) -> str:
            return routes.relative_file(from_path, routes.from_language(site_path))

        return OpenDataLinks(
            csv=link(routes.territory_data(slug, "csv")),
            json=link(routes.territory_data(slug, "json")),
            national=link(routes.national_data()),
            services=link(routes.data_inclusion("services")),
            structures=link(routes.data_inclusion("structures")),
        )

    def facets(self, territory: LoadedTerritory) -> list[FacetView]:
        """One static list per used filter value: browsing works without JavaScript."""
        groups: dict[tuple[str, str], list[LoadedAction]] = {}
        for action in territory.actions.values():
            who = action.model.who
            values = {
                "theme": action.model.themes,
                "public": who.publics if isinstance(who.publics, list) else [],
                "specific": who.specific_publics if isinstance(who.specific_publics, list) else [],
                "level": who.french_levels if isinstance(who.french_levels, list) else [],
                "condition": who.conditions if isinstance(who.conditions, list) else [],
            }
            for facet, members in values.items():
                for member in members:
                    groups.setdefault((facet, member), []).append(action)
        views = []
        for (facet, member), actions in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1].value)):
            path = routes.facet(territory.slug, facet, member.value)
            label = self._(FACET_LABELS[facet][member])
            cards = sorted((self.action_card(a, path) for a in actions), key=lambda c: (c.status.key == "ended", c.title.value))
            views.append(
                FacetView(
                    path=path,
                    title=label,
                    translated_in=None,
                    lang=self.lang,
                    ref=self.territory_ref(territory, path),
                    facet_label=label,
                    cards=cards,
                )
            )
        return views

    def completeness(self, territory: LoadedTerritory) -> CompletenessView:
        path = routes.completeness(territory.slug)
        rows = [
            {
                "title": action.model.title,
                "href": relative(path, routes.fiche(territory.slug, action.slug)),
                "file": action.path.name,
                "missing": missing_fields(action.model),
                "untranslated": [lang for lang in TRANSLATION_LANGUAGES if lang not in action.translations],
                "stale": [lang for lang, loaded in action.translations.items() if loaded.stale],
            }
            for action in territory.actions.values()
        ]
        return CompletenessView(
            path=path,
            title=self._("Complétude des fiches"),
            translated_in=None,
            lang=self.lang,
            ref=self.territory_ref(territory, path),
            rows=sorted(rows, key=lambda row: (-len(row["missing"]), row["title"])),
        )

    def home(self) -> HomeView:
        territories = [
            {
                "name": t.model.name,
                "href": relative(routes.home(), routes.territory(t.slug)),
                "kind": self._(labels.TERRITORY_KINDS[t.model.kind]),
                "departments": t.model.departments,
                "count": len(t.actions),
            }
            for t in sorted(self.catalogue.territories.values(), key=lambda t: t.model.name.casefold())
        ]
        return HomeView(
            path=routes.home(),
            title=self._("Actions d'accueil et d'intégration"),
            translated_in=None,
            lang=self.lang,
            territories=territories,
        )

    def site(self) -> LocalizedSite:
        territories = list(self.catalogue.territories.values())
        territory_views = [self.territory(t) for t in territories]
        return LocalizedSite(
            lang=self.lang,
            home=self.home(),
            territories=territory_views,
            search=SearchView(
                path=routes.search(),
                title=self._("Recherche"),
                translated_in=None,
                lang=self.lang,
                territories=[self.territory(t, from_path=routes.search()) for t in territories],
            ),
            fiches=[self.fiche(a) for a in self.catalogue.actions()],
            facets=[view for t in territories for view in self.facets(t)],
            completeness=[self.completeness(t) for t in territories],
            favourites=FavouritesView(
                path=routes.favourites(), title=self._("Mes fiches"), translated_in=None, lang=self.lang
            ),
            strings={
                "select_language": self._("Choisir la langue"),
                "not_translated": self._("pas encore traduit"),
                "not_found_title": self._("Page introuvable"),
                "not_found_text": self._("Cette page n'existe pas ou a été déplacée."),
                "home": self._("Retour à l'accueil"),
                "search_label": self._("Chercher une action"),
                "search_button": self._("Chercher"),
                "search_scope": self._("Seulement à {territory}"),
                "search_none": self._("Aucune action trouvée."),
                "search_count": self._("Actions trouvées : {count}"),
                "search_loading": self._("Recherche…"),
                "search_error": self._("La recherche ne marche pas pour le moment."),
                "filter_territory": self._("Territoire"),
                "filter_status": self._("Statut"),
                "filter_audience": self._("Pour qui"),
                "status_ended": self._(labels.STATUSES["ended"]),
                "audience_newcomers": self._(labels.AUDIENCES[Audience.beneficiaries]),
                "audience_both": self._(labels.AUDIENCES[Audience.both]),
                "audience_professionals": self._(labels.AUDIENCES[Audience.professionals]),
                "search_more": self._("Voir plus de résultats"),
                "search_status_all": self._("Toutes, les ouvertes d'abord"),
                "search_status_open": self._("Ouvertes ou bientôt"),
                "search_status_ended": self._("Terminées"),
                "search_audience_all": self._("Tous les publics"),
                "breadcrumb": self._("Fil d'Ariane"),
                "home_short": self._("Accueil"),
                "quick_links": self._("Raccourcis"),
                "favourites": self._("Mes fiches"),
                "search_page": self._("Recherche"),
            },
        )


# Public fields whose absence the completeness report lists, with the question a coordinator answers.
COMPLETENESS_FIELDS = {
    "who.publics": "Pour quels publics ?",
    "who.age": "Quel âge ?",
    "who.french_levels": "Quel niveau de français ?",
    "who.price": "Quel prix ?",
    "who.commitment": "Combien de temps dure l'action ?",
    "who.frequency": "À quel rythme ?",
    "who.period": "Quelles dates ?",
    "who.conditions": "Quelles conditions ?",
    "who.languages": "Quelles langues parlées sur place ?",
    "where": "Où ? (lieux, zone ou en ligne)",
    "orientation.orienters": "Qui oriente vers l'action ?",
    "orientation.steps": "Quelles étapes pour être orienté ?",
    "orientation.documents": "Quels documents apporter ?",
    "orientation.contacts": "Quels contacts publics ?",
}


def missing_fields(action: Action) -> list[str]:
    """Public fields not filled yet (`non-concerne` counts as filled)."""
    missing = []
    for dotted in COMPLETENESS_FIELDS:
        if dotted == "where":
            where = action.where
            if not (where.places or where.zone or where.online):
                missing.append(dotted)
            continue
        section, name = dotted.split(".")
        if getattr(getattr(action, section), name) in (None, []):
            missing.append(dotted)
    return missing


def fiche_language_choices(catalogue: Catalogue, languages: Sequence[str]) -> list[dict]:
    """For each fiche, its title in every built language it is translated in, for the neutral pages."""
    pages = []
    for action in catalogue.actions():
        path = routes.fiche(action.territory, action.slug)
        neutral = routes.neutral_fiche(action.territory, action.slug)
        choices = []
        for language in built_languages(languages):
            code = language.code
            translation = action.translations.get(code)
            # Untranslated, the page shows the French text: offered only when French itself is not built.
            if code != SOURCE_LANGUAGE and translation is None and SOURCE_LANGUAGE in languages:
                continue
            choices.append(
                {
                    "code": code,
                    "name": language.name,
                    "html_lang": language.html_lang,
                    "dir": language.direction,
                    "title": translation.model.title if translation and translation.model.title else action.model.title,
                    "href": relative(neutral, routes.in_site(code, path)),
                }
            )
        pages.append({"path": neutral, "choices": choices, "root": relative(neutral, routes.site_root())})
    return pages


def localize(
    catalogue: Catalogue, lang: str, build_date: dt.date, site_url: str = "", languages: Sequence[str] = SITE_LANGUAGES
) -> LocalizedSite:
    """`site_url` is the published address of the site (for QR codes and shared links);
    `languages` are the languages built together, which pages may link to."""
    return Localizer(catalogue, lang, build_date, site_url, languages).site()

"""The views the templates render: typed, one dataclass per piece of a page."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.languages import Language
from generator.models import Action, ActionTranslation


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
    note: Text | None = None


@dataclass
class Card:
    """An infocard of "C'est pour qui ?"."""

    key: str
    icon: str
    label: str
    values: list[Link]


@dataclass
class PlaceView:
    name: Text
    address: Text | None  # street, postcode and town on one line
    geo_uri: str | None
    map_url: str
    hours: list[tuple[str, str]]
    wheelchair: str | None


@dataclass
class Status:
    key: str  # upcoming, running, ended, end-unknown, unknown (dates to confirm)
    label: str
    dates: str
    open: bool  # running, upcoming, or dates to confirm whose end is not past (generator/dates.py)


@dataclass
class AlertView:
    kind: str
    label: str
    message: Text
    dates: str


@dataclass
class AdminView:
    """« Pour les professionnels »: the contract's and the budget's fields, as written."""

    contract: str
    contract_kind: str
    axis: str | None
    official_title: str
    ctai_themes: list[str]
    audience_label: str
    target: str | None
    budget: list[tuple[str, str]]
    indicators: list[str]
    source: str


@dataclass
class ShareView:
    """Links that send a fiche to someone, and its QR code."""

    sms: str
    whatsapp: str
    email: str
    qr: Markup
    qr_url: str


@dataclass
class PrintLanguage:
    code: str
    name: str
    html_lang: str
    href: str


@dataclass
class SourceView:
    """The document a fiche's facts come from: its title as written (French), and its date as precise as given."""

    kind: str  # document (the content names it), contract (the fiche's contract stands for it)
    title: str
    date: str | None


@dataclass
class GlossaryEntry:
    term: str
    anchor: str
    explanation: str


@dataclass
class PageBase:
    path: str
    title: str
    # Languages this page's content exists in; None for pages made only of interface text.
    translated_in: list[str] | None
    lang: Language


@dataclass
class MapLinks:
    """An address opened in the phone's map app (geo:), or on OpenStreetMap: links, nothing loaded."""

    geo_uri: str
    map_url: str


@dataclass
class TerritoryRef:
    slug: str
    name: str
    href: str
    coordinator: str
    coordinator_contacts: list[Link]
    coordinator_address: str | None = None
    coordinator_map: MapLinks | None = None
    completeness_href: str = ""


@dataclass
class FicheView(PageBase):
    title_text: Text
    territory: TerritoryRef
    slug: str
    abstract: Text
    what: Text
    why: Text | None
    status: Status
    translation: str  # source, machine, reviewed, stale, missing
    alert: AlertView | None
    last_verified: str
    source: SourceView
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
    admin: AdminView
    related: list[Link]
    report_href: str | None
    audience: str
    share: ShareView
    favourites_href: str = ""
    print_languages: list[PrintLanguage] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    filters: list[tuple[str, list[str]]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # The action's French model and its translation in this language, if any: a new field can be
    # shown by the template alone (`page.action.who.…`), without a change here.
    action: Action | None = None
    translated: ActionTranslation | None = None


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
    """Links to the open-data files (see generator/opendata/)."""

    csv: str
    json: str
    national: str
    services: str
    structures: str


@dataclass
class ContractView:
    label: str
    kind: str
    status: Status
    signatories: list[str]


@dataclass
class ThemeTile:
    label: str
    icon: str
    count: int
    href: str


@dataclass
class AudienceSection:
    """The actions of one audience in a list: the open ones first, then their history: the ended
    ones and those whose end is not known."""

    key: str  # for-you, for-professionals
    title: str
    current: list[ActionCard]
    history: list[ActionCard]

    @property
    def history_all_ended(self) -> bool:
        return all(card.status.key == "ended" for card in self.history)


@dataclass
class TerritoryView(PageBase):
    ref: TerritoryRef
    kind: str
    departments: list[str]
    intro: Text
    contracts: list[ContractView]
    theme_tiles: list[ThemeTile]
    sections: list[AudienceSection]  # only the audiences that have, or had, an action
    open_count: int  # open actions for newcomers
    glossary: list[GlossaryEntry]
    open_data: OpenDataLinks


@dataclass
class FacetView(PageBase):
    ref: TerritoryRef
    facet_label: str
    every_action: bool  # then no list: it would be the territory's, which the page links to
    sections: list[AudienceSection]


@dataclass
class TerritoryEntry:
    """A territory in the home page's list."""

    name: str
    href: str
    kind: str
    departments: list[str]
    count: int  # open actions for newcomers
    ended_count: int
    end_unknown_count: int  # neither open nor ended: the end is not given, or may be past


@dataclass
class HomeView(PageBase):
    territories: list[TerritoryEntry]


@dataclass
class SearchView(PageBase):
    """The search page: results with JavaScript, lists by territory and theme without."""

    territories: list[TerritoryView]


@dataclass
class FavouritesView(PageBase):
    """« Mes fiches »: the fiches saved on this phone, listed by theme/assets/fiche.js."""


@dataclass(frozen=True)
class CompletenessRow:
    title: str
    href: str
    file: str
    missing: list[str]  # field keys, labelled by the page (generator/labels.py)
    untranslated: list[str]
    stale: list[str]
    notes: list[str] = field(default_factory=list)  # editor's notes kept off the fiche


@dataclass
class CompletenessView(PageBase):
    ref: TerritoryRef
    rows: list[CompletenessRow]
    coordinator_missing: list[str]  # the coordinator's public contacts not given yet
    fact_labels: dict[str, str]  # the missing facts' keys → their label in the page's language


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


@dataclass
class LanguageChoice:
    """One language offered on a fiche's language-neutral page."""

    code: str
    name: str
    html_lang: str
    dir: str
    title: str
    href: str


@dataclass
class NeutralFichePage:
    """The page a fiche's QR code leads to, where the reader picks a language."""

    path: str
    choices: list[LanguageChoice]
    root: str

"""The content model: territories, actions and their translations.

Each field carries a French description: it is the documentation coordinators read, in the
generated JSON Schema (VS Code shows it on hover) and in `content/README.md`.

Two kinds of "empty" are kept apart, because the completeness report must not nag about a
field that does not apply:
- a field left out (or `null`) is *not filled yet* and is listed in the report;
- the value `non-concerne` means *not relevant* for this action.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StrictInt, field_validator, model_validator

from generator.dates import PartialDateField
# The enumerations (generator/enums.py), importable from here as before.
from generator.enums import (  # noqa: F401
    TerritoryKind,
    ContractKind,
    Theme,
    CtaiTheme,
    PublicStatus,
    SpecificPublic,
    FrenchLevel,
    Condition,
    Orienter,
    Audience,
    TranslationStatus,
    ContactKind,
    AlertKind,
)

# The site's languages are defined in generator/languages.py; these names stay importable here.
from generator.languages import SITE_LANGUAGES, SOURCE_LANGUAGE  # noqa: E402,F401

# Fields that accept `non-concerne`, and how they are read (generator/answers.py).
from generator.answers import NOT_RELEVANT, Answer, Filled, OrNotRelevant, given, listed  # noqa: F401

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# No amount of an integration contract comes near a billion euros: more is a typing slip.
MAX_EUROS = 1_000_000_000


class Strict(BaseModel):
    """Base of every content model: an unknown key is an error, so a typo never drops data."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# --- Shared parts ---



class Contact(Strict):
    kind: ContactKind = Field(description="phone, email ou website.")
    value: str = Field(description="Numéro, adresse e-mail ou adresse web, de la structure (jamais d'une personne).")
    label: str | None = Field(None, description="Précision facultative, par exemple « Accueil du CCAS ».")

    @model_validator(mode="after")
    def _value_matches_kind(self) -> "Contact":
        from generator.gate.contacts import email_problem, phone_problem, website_problem

        check = {ContactKind.phone: phone_problem, ContactKind.email: email_problem, ContactKind.website: website_problem}
        problem = check[self.kind](self.value)
        if problem:
            raise ValueError(problem)
        if self.kind is ContactKind.website:
            HttpUrl(self.value)
        return self


class Period(Strict):
    start: PartialDateField | None = Field(
        None, description="Début, aussi précis que le document source : 2024-09-26, 2024-09, « automne 2020 », 2019 ou « inconnue »."
    )
    end: PartialDateField | None = Field(
        None, description="Fin, aussi précise que le document source : 2025-12-31, 2025-06, « été 2025 », 2025 ou « inconnue »."
    )
    continuous: bool = Field(False, description="true si l'on peut entrer à tout moment (entrées et sorties permanentes).")
    sessions: list[dt.date] = Field(default_factory=list, description="Dates des sessions, s'il y en a.")

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.start and self.end and self.start.earliest and self.end.latest and self.end.latest < self.start.earliest:
            raise ValueError("la date de fin est avant la date de début")
        return self


class AgeRange(Strict):
    min: StrictInt | None = Field(None, ge=0, le=120, description="Âge minimum, nombre entier de 0 à 120.")
    max: StrictInt | None = Field(None, ge=0, le=120, description="Âge maximum, nombre entier de 0 à 120.")

    @model_validator(mode="after")
    def _ordered(self) -> "AgeRange":
        if self.min is None and self.max is None:
            raise ValueError("indiquez min, max, ou les deux")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ValueError("l'âge maximum est plus petit que l'âge minimum")
        return self


class Price(Strict):
    free: bool = Field(False, description="true si c'est gratuit.")
    amount: Decimal | None = Field(None, ge=0, le=MAX_EUROS, description="Montant en euros, si c'est payant.")
    unit: str | None = Field(None, description="Par quoi : « par mois », « par séance »…")

    @model_validator(mode="after")
    def _free_or_amount(self) -> "Price":
        if self.free == (self.amount is not None):
            raise ValueError("indiquez soit free: true, soit un montant (amount)")
        return self


class Place(Strict):
    name: str = Field(description="Nom du lieu.")
    address: str | None = Field(None, description="Numéro et rue.")
    postcode: str | None = Field(None, pattern=r"^\d{5}$", description="Code postal (5 chiffres).")
    city: str = Field(description="Commune.")
    latitude: float | None = Field(
        None, ge=-90, le=90,
        description="Latitude du lieu en degrés décimaux, par exemple 49.1193 ; avec la longitude, ou aucune des deux.",
    )
    longitude: float | None = Field(
        None, ge=-180, le=180,
        description="Longitude du lieu en degrés décimaux, par exemple 6.1757 ; avec la latitude, ou aucune des deux.",
    )
    opening_hours: str | None = Field(
        None, description="Horaires au format OpenStreetMap, par exemple « Mo-Fr 09:00-12:00,14:00-17:00 »."
    )
    wheelchair: Literal["yes", "limited", "no"] | None = Field(None, description="Accès en fauteuil roulant.")

    @field_validator("opening_hours")
    @classmethod
    def _parse_hours(cls, value: str | None) -> str | None:
        if value is not None:
            from generator.opening_hours import parse_opening_hours

            parse_opening_hours(value)
        return value

    @model_validator(mode="after")
    def _both_coordinates(self) -> "Place":
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("donnez latitude et longitude ensemble")
        return self


class Zone(Strict):
    communes: list[str] = Field(default_factory=list, description="Communes couvertes.")
    departments: list[Annotated[str, Field(pattern=r"^(\d{2}|2A|2B|\d{3})$")]] = Field(
        default_factory=list, description="Codes INSEE des départements couverts."
    )


class Alert(Strict):
    kind: AlertKind = Field(description="closed (fermé), full (complet) ou info.")
    message: str = Field(description="Le message, en phrases simples.")
    start: dt.date | None = Field(None, description="Premier jour de l'alerte (AAAA-MM-JJ), écrit à côté du message.")
    end: dt.date | None = Field(
        None, description="Dernier jour de l'alerte (AAAA-MM-JJ) : après cette date, la fiche ne la montre plus."
    )


class Source(Strict):
    document: str = Field(description="Nom du fichier source, par exemple 000_284cb37012d614b6.txt.")
    section: str = Field(description="Numéro de fiche ou section du document.")
    title: str | None = Field(
        None, description="Ce qu'est le document, pour la fiche, par exemple « la délibération du conseil municipal de Metz »."
    )
    date: PartialDateField | None = Field(
        None, description="Date du document, aussi précise qu'il la donne : 2022-12-01, 2022-12, 2022 ; absente s'il ne la donne pas."
    )


# --- Territory ---

NOT_PERSONS_DESCRIPTION = (
    "Phrases que la vérification prend à tort pour des noms de personnes alors que ce sont des institutions ou des"
    " lieux, par exemple [\"Dispensaire Émile Roux\"]. Écrites telles qu'elles figurent dans le texte ; jamais"
    " publiées. Elles valent aussi pour les traductions du fichier. Chacune doit contenir en entier un nom relevé"
    " par la vérification, avec au plus quatre mots de plus ; sinon elle est ignorée et signalée."
)


class Contract(Strict):
    id: str = Field(pattern=SLUG_PATTERN, description="Identifiant court, repris dans admin.contract des actions.")
    kind: ContractKind = Field(description="CTAIR ou CTAI.")
    label: str = Field(description="Intitulé du contrat, tel qu'écrit.")
    signed: PartialDateField | None = Field(
        None, description="Date de signature ou d'adoption, aussi précise que le document source ; absente si le document ne la donne pas."
    )
    period: Period = Field(description="Période couverte par le contrat.")
    signatories: list[str] = Field(min_length=1, description="Institutions signataires (jamais des personnes).")


class Coordinator(Strict):
    name: str = Field(description="Institution qui coordonne le contrat (ville, CCAS…).")
    address: str | None = Field(None, description="Adresse publique de l'institution : numéro, rue, code postal, commune.")
    contacts: list[Contact] = Field(default_factory=list, description="Contacts publics de l'institution.")


class Territory(Strict):
    name: str = Field(description="Nom officiel du territoire, par exemple « Bordeaux Métropole ».")
    slug: str = Field(pattern=SLUG_PATTERN, description="Identique au nom du dossier.")
    kind: TerritoryKind = Field(description="commune, intercommunalite, metropole ou departement.")
    departments: list[Annotated[str, Field(pattern=r"^(\d{2}|2A|2B|\d{3})$")]] = Field(
        min_length=1, description="Codes INSEE des départements, par exemple [\"57\"]."
    )
    contracts: list[Contract] = Field(min_length=1, description="Les contrats signés avec l'État (CTAIR, CTAI).")
    coordinator: Coordinator = Field(description="L'institution qui coordonne, avec ses contacts publics.")
    report_url: str | None = Field(
        None,
        description="Adresse d'un formulaire où signaler une erreur sur une fiche ; sans elle, « Signaler une erreur »"
        " ouvre un e-mail à l'adresse de la coordination.",
    )
    intro: str = Field(description="Courte présentation, en français simple.")
    not_persons: list[str] = Field(default_factory=list, description=NOT_PERSONS_DESCRIPTION)

    @field_validator("report_url")
    @classmethod
    def _report_url_is_https(cls, value: str | None) -> str | None:
        from generator.gate.contacts import website_problem

        if value is None:
            return None
        problem = website_problem(value)
        if not problem and not value.startswith("https://"):
            problem = f"« {value} » doit commencer par https:// (une adresse chiffrée)"
        if problem:
            raise ValueError(problem)
        return value


# --- Action ---


class Who(Strict):
    publics: list[PublicStatus] | None = Field(None, description="Statuts : bpi, bpt, primo-arrivant, demandeur-asile.")
    specific_publics: OrNotRelevant[list[SpecificPublic]] = Field(None, description="Publics particuliers.")
    age: OrNotRelevant[AgeRange] = Field(None, description="Tranche d'âge : {min: 18, max: 25}.")
    french_levels: OrNotRelevant[list[FrenchLevel]] = Field(
        None, description="Niveaux de français : aucun-requis, alphabetisation, A1 … C2."
    )
    price: Price | None = Field(None, description="{free: true}, ou {amount: 10, unit: \"par mois\"}.")
    commitment: OrNotRelevant[str] = Field(None, description="Durée de l'engagement, par exemple « 6 mois ».")
    frequency: OrNotRelevant[str] = Field(None, description="Rythme, par exemple « 2 demi-journées par semaine ».")
    period: Period | None = Field(None, description="Si absente, c'est la période du contrat.")
    conditions: OrNotRelevant[list[Condition]] = Field(None, description="Conditions pour participer.")
    languages: OrNotRelevant[list[str]] = Field(None, description="Langues parlées sur place (codes : ar, en, ps…).")


class Where(Strict):
    places: list[Place] = Field(default_factory=list, description="Les lieux où l'action a lieu.")
    zone: Zone | None = Field(None, description="Ou une zone : communes ou départements.")
    online: bool = Field(False, description="true si l'action a lieu en ligne.")


class Orientation(Strict):
    orienters: list[Orienter] | None = Field(None, description="Qui oriente vers l'action.")
    referral_only: bool = Field(False, description="true si l'on ne peut venir que sur orientation.")
    steps: list[str] | None = Field(None, description="Les étapes, dans l'ordre.")
    documents: OrNotRelevant[list[str]] = Field(None, description="Documents à apporter.")
    contacts: list[Contact] | None = Field(
        None, description="Contacts publics de la structure. Un numéro de portable n'est accepté qu'ici (avec un"
        " avertissement), jamais dans un texte : c'est trop souvent celui d'une personne."
    )


class Budget(Strict):
    total_cost: Decimal | None = Field(None, ge=0, le=MAX_EUROS, description="Coût total en euros, tel qu'écrit (un milliard au plus).")
    state_funding: Decimal | None = Field(None, ge=0, le=MAX_EUROS, description="Financement de l'État en euros (un milliard au plus).")
    note: str | None = Field(None, description="Précision, par exemple l'année.")


class Admin(Strict):
    contract: str = Field(description="Identifiant d'un contrat du fichier territory.yml.")
    axis: str | None = Field(None, description="Axe, tel qu'écrit dans le document.")
    official_title: str = Field(description="Intitulé officiel, tel qu'écrit.")
    ctai_themes: list[CtaiTheme] = Field(default_factory=list, description="Thématiques du modèle national de fiche action.")
    operators: list[str] = Field(default_factory=list, description="Porteurs, tels qu'écrits.")
    partners: list[str] = Field(default_factory=list, description="Partenaires, tels qu'écrits.")
    audience: Audience = Field(description="beneficiaries (nouveaux arrivants), professionals, ou both.")
    target: str | None = Field(None, description="Public visé en nombre, tel qu'écrit.")
    budget: Budget | None = Field(None, description="Coût total et financement de l'État, tels qu'écrits.")
    indicators: list[str] = Field(default_factory=list, description="Indicateurs, tels qu'écrits.")
    source: Source = Field(description="Le document source : nom du fichier et numéro de fiche ou section.")


class Action(Strict):
    title: str = Field(description="Ce que la personne obtient, par exemple « Apprendre le français ».")
    abstract: str = Field(max_length=110, description="Résumé de 110 caractères au plus.")
    what: str = Field(description="« C'est quoi ? » en phrases courtes.")
    why: list[str] | None = Field(None, description="« Pourquoi c'est intéressant ? » : une liste d'avantages.")
    themes: list[Theme] = Field(min_length=1, description="Thèmes de refugies.info.")
    who: Who = Field(default_factory=Who, description="« C'est pour qui ? »")
    where: Where = Field(default_factory=Where, description="« C'est où ? » : des lieux, une zone, ou en ligne.")
    orientation: Orientation = Field(default_factory=Orientation, description="« Comment être orienté ? »")
    alert: Alert | None = Field(None, description="Alerte temporaire (fermé, complet), avec ses dates.")
    last_verified: dt.date = Field(description="Date de la dernière vérification des informations.")
    admin: Admin = Field(description="Couche administrative, pour les professionnels et l'État.")
    not_persons: list[str] = Field(default_factory=list, description=NOT_PERSONS_DESCRIPTION)


# --- Translations ---


class TranslatedWho(Strict):
    commitment: str | None = None
    frequency: str | None = None


class TranslatedOrientation(Strict):
    steps: list[str] | None = None
    documents: list[str] | None = None


class TranslatedAlert(Strict):
    message: str


class ActionTranslation(Strict):
    """`<slug>.<lang>.yml`: the translatable public fields only."""

    status: TranslationStatus = Field(description="machine (traduction automatique) ou reviewed (relue).")
    source_fingerprint: str = Field(pattern=r"^[0-9a-f]{12}$", description="Empreinte du texte français traduit.")
    title: str | None = None
    abstract: str | None = Field(None, max_length=160)
    what: str | None = None
    why: list[str] | None = None
    who: TranslatedWho | None = None
    orientation: TranslatedOrientation | None = None
    alert: TranslatedAlert | None = None


class TerritoryTranslation(Strict):
    """`territory.<lang>.yml`."""

    status: TranslationStatus
    source_fingerprint: str = Field(pattern=r"^[0-9a-f]{12}$")
    intro: str | None = None


AnyModel = Union[Territory, Action, ActionTranslation, TerritoryTranslation]


# --- The loaded catalogue, handed from `load` to the later stages ---


@dataclass
class LoadedTranslation:
    lang: str
    model: ActionTranslation | TerritoryTranslation
    path: Path
    stale: bool


@dataclass
class LoadedAction:
    slug: str
    territory: str
    model: Action
    path: Path
    translations: dict[str, LoadedTranslation] = dataclass_field(default_factory=dict)


@dataclass
class LoadedTerritory:
    slug: str
    model: Territory | None  # None only while loading a territory whose file is broken
    path: Path
    data: dict | None = None  # the parsed YAML, for line numbers in later checks
    actions: dict[str, LoadedAction] = dataclass_field(default_factory=dict)
    translations: dict[str, LoadedTranslation] = dataclass_field(default_factory=dict)

    def contract(self, contract_id: str) -> Contract:
        return next(c for c in self.model.contracts if c.id == contract_id)


@dataclass
class Catalogue:
    territories: dict[str, LoadedTerritory]

    def actions(self):
        for territory in self.territories.values():
            yield from territory.actions.values()

"""data·inclusion v1 (the schema of the `data-inclusion-schema` package): the actions for
newcomers as services, and the structures that run them."""

from __future__ import annotations

import datetime as dt
import re

from generator import labels, routes
from generator.localize.age import OPEN_DATA_SENTENCES, age_sentence
from generator.localize.dates import iso_date
from generator.localize.money import french_amount, number
from generator.localize.period import effective_period
from generator.localize.status import is_open
from generator.models import (
    Audience,
    Catalogue,
    ContactKind,
    CtaiTheme,
    LoadedAction,
    LoadedTerritory,
    Orienter,
    Theme,
    listed,
)

DATA_INCLUSION_SOURCE = "catalogue-ctai"


# Our themes → the closest data·inclusion thématiques. A theme with no close one maps to nothing.
THEMATIQUES: dict[Theme | CtaiTheme, tuple[str, ...]] = {
    Theme.papiers: ("difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",),
    Theme.francais: ("lecture-ecriture-calcul--maitriser-le-francais",),
    Theme.logement: ("logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",),
    Theme.sante: ("sante--acces-aux-soins",),
    Theme.metier: ("se-former--trouver-sa-formation",),
    Theme.travail: ("preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",),
    Theme.transports: ("mobilite--etre-accompagne-dans-son-parcours-mobilite",),
    Theme.famille: ("famille--soutien-a-la-parentalite-et-a-leducation",),
    Theme.etudes: ("se-former--trouver-sa-formation",),
    Theme.culture: ("remobilisation--activites-sportives-et-culturelles",),
    CtaiTheme.francais: ("lecture-ecriture-calcul--maitriser-le-francais",),
    CtaiTheme.francais_professionnel: ("lecture-ecriture-calcul--maitriser-le-francais",),
    CtaiTheme.emploi_formation: (
        "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
        "se-former--trouver-sa-formation",
    ),
    CtaiTheme.logement: ("logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",),
    CtaiTheme.sante: ("sante--acces-aux-soins",),
    CtaiTheme.acces_droits: ("difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",),
    CtaiTheme.sport: ("remobilisation--activites-sportives-et-culturelles",),
    CtaiTheme.culture: ("remobilisation--activites-sportives-et-culturelles",),
    CtaiTheme.mobilite: ("mobilite--etre-accompagne-dans-son-parcours-mobilite",),
    CtaiTheme.parentalite: ("famille--soutien-a-la-parentalite-et-a-leducation",),
    CtaiTheme.principes_republique: (
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
    ),
    CtaiTheme.numerique: ("numerique--maitriser-les-fondamentaux-du-numerique",),
    CtaiTheme.accompagnement_global: (),
    CtaiTheme.professionnalisation: (),
    CtaiTheme.coordination: (),
    CtaiTheme.promotion: (),
}

# data·inclusion's publics are alternatives (a person in any one of them is eligible), while our
# specific publics narrow the newcomers an action is for: mapping them would widen eligibility.
# So the public is always `personnes-exilees`, and the details go to `publics_precisions`.
PUBLICS = ("personnes-exilees",)

# Who may start the orientation: the person (usagers) or a professional.
SELF = Orienter.soi_meme
# An operator written this way is not known yet (« Prestataire à déterminer », « A définir »,
# « opérateur à désigner », « retenu après appel à projets »…): it cannot be a structure. Matched
# on the name without accents or case (structure_key's folding).
PLACEHOLDER_OPERATOR = re.compile(
    r"\ba (definir|determiner|designer|preciser|identifier|confirmer|choisir|recruter|venir)\b"
    r"|\bappel (a|aux) (projets?|propositions?|candidatures?|manifestations? d interet)\b"
    r"|\b(non|pas encore) (connu|defini|determine|designe|identifie|choisi)e?s?\b"
)
NAME_MAX_LENGTH = 150  # data·inclusion's limit for a structure's name
# Articles that do not make a name another structure: « La ville de X » is « Ville de X ».
LEADING_ARTICLE = re.compile(r"^(l|la|le|les) ")
ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postcode>\d{5})\s+(?P<city>.+)$")


def folded_name(name: str) -> str:
    """A name without case, accents, punctuation or extra spaces: « CCAS  de Metz. » is « ccas de metz »."""
    return routes.slugify(name).replace("-", " ")


def structure_key(name: str) -> str:
    """What makes two spellings of an operator the same structure: the folded name, without a
    leading article."""
    return LEADING_ARTICLE.sub("", folded_name(name)).replace(" ", "-")


def structure_id(territory: LoadedTerritory, name: str) -> str:
    return f"{territory.slug}--{structure_key(name)}"


def is_placeholder_operator(name: str) -> bool:
    return bool(PLACEHOLDER_OPERATOR.search(folded_name(name))) or not structure_key(name)


def _known_operators(action: LoadedAction) -> list[str]:
    """The operators that name a structure: not a placeholder, short enough to be a name, and
    each structure once."""
    known: dict[str, str] = {}
    for name in action.model.admin.operators:
        if not is_placeholder_operator(name) and len(name) <= NAME_MAX_LENGTH:
            known.setdefault(structure_key(name), name)
    return list(known.values())


def _first_contact(contacts, kind: ContactKind) -> str | None:
    return next((contact.value for contact in contacts if contact.kind is kind), None)


def _sentence(label: str, items: list[str]) -> str:
    return f"{label} : {' ; '.join(items)}."


def _labels(table: dict, values) -> list[str]:
    return [table[value] for value in listed(values)]


def _publics_precisions(action: LoadedAction) -> str | None:
    who = action.model.who
    parts = []
    if who.publics:
        parts.append(_sentence("Statuts", _labels(labels.PUBLICS, who.publics)))
    if specific := _labels(labels.SPECIFIC_PUBLICS, who.specific_publics):
        parts.append(_sentence("Publics particuliers", specific))
    if age := age_sentence(who.age, str, OPEN_DATA_SENTENCES):
        parts.append(age)
    if levels := _labels(labels.FRENCH_LEVELS, who.french_levels):
        parts.append(_sentence("Niveau de français", levels))
    return " ".join(parts) or None


def _conditions_acces(action: LoadedAction) -> str | None:
    who, orientation = action.model.who, action.model.orientation
    parts = []
    if conditions := _labels(labels.CONDITIONS, who.conditions):
        parts.append(_sentence("Conditions", conditions))
    if documents := listed(orientation.documents):
        parts.append(_sentence("Documents à apporter", documents))
    return " ".join(parts) or None


def _mobilisable_par(action: LoadedAction) -> list[str] | None:
    orientation = action.model.orientation
    orienters = orientation.orienters or []
    who = set()
    if SELF in orienters and not orientation.referral_only:
        who.add("usagers")
    if orientation.referral_only or any(orienter is not SELF for orienter in orienters):
        who.add("professionnels")
    return sorted(who) or None


def _modes_mobilisation(action: LoadedAction) -> list[str] | None:
    model = action.model
    contacts = model.orientation.contacts or []
    modes = set()
    if _first_contact(contacts, ContactKind.phone):
        modes.add("telephoner")
    if _first_contact(contacts, ContactKind.email):
        modes.add("envoyer-un-courriel")
    # Going there oneself, only when the content says a person may come on their own and where.
    if (
        SELF in (model.orientation.orienters or [])
        and not model.orientation.referral_only
        and any(place.address for place in model.where.places)
    ):
        modes.add("se-presenter")
    return sorted(modes) or None


def _mobilisation_precisions(action: LoadedAction) -> str | None:
    orientation = action.model.orientation
    parts = []
    if orientation.referral_only:
        parts.append("Uniquement sur orientation.")
    if orientation.orienters:
        names = ["La personne elle-même" if o is SELF else labels.ORIENTERS[o] for o in orientation.orienters]
        parts.append(_sentence("Orientation par", names))
    if orientation.steps:
        parts.append("Étapes : " + " ".join(f"{number}. {step}" for number, step in enumerate(orientation.steps, 1)))
    return " ".join(parts) or None


def _description(action: LoadedAction) -> str:
    model = action.model
    text = model.what
    if model.why:
        text += "\n\nPourquoi c'est intéressant ?\n\n" + "\n".join(f"- {reason}" for reason in model.why)
    return text


def _modes_accueil(action: LoadedAction) -> list[str] | None:
    modes = set()
    if action.model.where.places:
        modes.add("en-presentiel")
    if action.model.where.online:
        modes.add("a-distance")
    return sorted(modes) or None


def _frais(action: LoadedAction) -> tuple[str | None, str | None]:
    price = action.model.who.price
    if price is None:
        return None, None
    if price.free:
        return "gratuit", None
    amount = french_amount(price.amount)
    return "payant", f"{amount} {price.unit}" if price.unit else amount


def _thematiques(action: LoadedAction) -> list[str] | None:
    themes = [*action.model.themes, *action.model.admin.ctai_themes]
    return sorted({thematique for theme in themes for thematique in THEMATIQUES[theme]}) or None


def service(territory: LoadedTerritory, action: LoadedAction) -> dict:
    model = action.model
    operators = _known_operators(action)
    structure = structure_id(territory, operators[0] if operators else territory.model.coordinator.name)
    zone = model.where.zone
    departments = (zone.departments if zone and zone.departments else None) or territory.model.departments
    # One place gives the service's address; with several, the schema has room for none of them.
    place = model.where.places[0] if len(model.where.places) == 1 else None
    contacts = model.orientation.contacts or []
    frais, frais_precisions = _frais(action)
    return {
        "source": DATA_INCLUSION_SOURCE,
        "structure_id": structure,
        "id": f"{territory.slug}--{action.slug}",
        "nom": model.title,
        "description": _description(action),
        "lien_source": None,
        "date_maj": iso_date(model.last_verified),
        "type": None,
        "thematiques": _thematiques(action),
        "frais": frais,
        "frais_precisions": frais_precisions,
        "publics": list(PUBLICS),
        "publics_precisions": _publics_precisions(action),
        "conditions_acces": _conditions_acces(action),
        "commune": place.city if place else None,
        "code_postal": place.postcode if place else None,
        "code_insee": None,
        "adresse": place.address if place else None,
        "complement_adresse": None,
        "longitude": place.longitude if place else None,
        "latitude": place.latitude if place else None,
        "telephone": _first_contact(contacts, ContactKind.phone),
        "courriel": _first_contact(contacts, ContactKind.email),
        "modes_accueil": _modes_accueil(action),
        "zone_eligibilite": sorted(departments),
        "contact_nom_prenom": None,
        "lien_mobilisation": None,
        "modes_mobilisation": _modes_mobilisation(action),
        "mobilisable_par": _mobilisable_par(action),
        "mobilisation_precisions": _mobilisation_precisions(action),
        "volume_horaire_hebdomadaire": None,
        "nombre_semaines": None,
        "horaires_accueil": place.opening_hours if place else None,
    }


def _structure(territory: LoadedTerritory, name: str, date_maj: str) -> dict:
    coordinator = territory.model.coordinator
    is_coordinator = structure_key(name) == structure_key(coordinator.name)
    address = ADDRESS.match(coordinator.address or "") if is_coordinator else None
    contacts = coordinator.contacts if is_coordinator else []
    return {
        "source": DATA_INCLUSION_SOURCE,
        "id": structure_id(territory, name),
        "nom": name,
        "date_maj": date_maj,
        "description": None,
        "lien_source": None,
        "siret": None,
        "commune": address["city"] if address else None,
        "code_postal": address["postcode"] if address else None,
        "code_insee": None,
        "adresse": address["street"] if address else (coordinator.address if is_coordinator else None),
        "complement_adresse": None,
        "longitude": None,
        "latitude": None,
        "telephone": _first_contact(contacts, ContactKind.phone),
        "courriel": _first_contact(contacts, ContactKind.email),
        "site_web": _first_contact(contacts, ContactKind.website),
        "horaires_accueil": None,
        "accessibilite_lieu": None,
        "reseaux_porteurs": None,
    }


def is_service(territory: LoadedTerritory, action: LoadedAction, build_date: dt.date) -> bool:
    """An action for newcomers that is open on the build date, by the rule the pages count with
    (generator/dates.py, `period_is_open`): ended actions, those whose end the source does not
    give, and those whose end may be past, are not offered as services."""
    return (
        action.model.admin.audience in (Audience.beneficiaries, Audience.both)
        and is_open(effective_period(action, territory), build_date)
    )


def data_inclusion(catalogue: Catalogue, build_date: dt.date) -> tuple[list[dict], list[dict]]:
    """The services (current actions for newcomers) and the structures that run them, sorted by id."""
    services = []
    structures: dict[str, tuple[LoadedTerritory, str, str]] = {}  # id → territory, name, newest date
    for territory_slug in sorted(catalogue.territories):
        territory = catalogue.territories[territory_slug]
        for slug in sorted(territory.actions):
            action = territory.actions[slug]
            if not is_service(territory, action, build_date):
                continue
            services.append(service(territory, action))
            date_maj = iso_date(action.model.last_verified)
            coordinator = territory.model.coordinator.name
            for name in _known_operators(action) or [coordinator]:
                key = structure_id(territory, name)
                if key == structure_id(territory, coordinator):
                    name = coordinator  # the coordinating institution is named as territory.yml names it
                elif key in structures:
                    name = structures[key][1]  # else the first spelling met keeps the name
                if key in structures:
                    date_maj = max(date_maj, structures[key][2])
                structures[key] = (territory, name, date_maj)
    return (
        sorted(services, key=lambda record: record["id"]),
        [_structure(territory, name, date_maj) for _, (territory, name, date_maj) in sorted(structures.items())],
    )

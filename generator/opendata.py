"""Open data: the catalogue as files anyone can reuse, written into the site at each build.

    data/<territory>.json                 the territory and every action, public and administrative fields
    data/<territory>.csv                  the same actions, one row each (columns: COLUMNS, README.md)
    data/all.json                         every territory and every action
    data/data-inclusion/services.json     actions for newcomers, in the data·inclusion v1 schema
    data/data-inclusion/structures.json   their operators (or the coordinating institution)

Everything is in French, the language the content is written in. Nothing is guessed: a value the
content does not give stays empty (null). The output only depends on the content and the build
date (each action's status) — sorted keys and rows, no clock — so two builds of the same content
for the same date give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from pathlib import Path

from generator import labels, routes
from generator.gate.spreadsheet import spreadsheet_safe
from generator.localize.age import OPEN_DATA_SENTENCES, age_sentence
from generator.localize.dates import iso_date
from generator.localize.money import french_amount, number
from generator.localize.period import effective_period
from generator.localize.status import status_key
from generator.models import (
    NOT_RELEVANT,
    Audience,
    Catalogue,
    ContactKind,
    CtaiTheme,
    LoadedAction,
    LoadedTerritory,
    Orienter,
    Theme,
)

DATA_INCLUSION_SOURCE = "catalogue-ctai"
LIST_SEPARATOR = " | "

# The columns of `<territory>.csv`, which are also the keys of each action in the JSON files,
# in order, with their description. README.md documents the same list (a test checks it).
COLUMNS: dict[str, str] = {
    "territoire": "Identifiant du territoire (nom du dossier dans `content/`).",
    "territoire_nom": "Nom officiel du territoire.",
    "identifiant": "Identifiant de l'action, unique dans son territoire.",
    "titre": "Ce que la personne obtient.",
    "resume": "Résumé (110 caractères au plus).",
    "description": "« C'est quoi ? », en Markdown.",
    "avantages": "« Pourquoi c'est intéressant ? » (liste).",
    "themes": "Thèmes de refugies.info : papiers, francais, logement, sante, metier, travail, transports, "
    "famille, etudes, culture (liste).",
    "publics": "Statuts : bpi, bpt, primo-arrivant, demandeur-asile (liste).",
    "publics_particuliers": "Publics particuliers : femmes, moins-de-25-ans, familles… (liste).",
    "age_min": "Âge minimum.",
    "age_max": "Âge maximum.",
    "niveaux_francais": "Niveaux de français : aucun-requis, alphabetisation, A1 … C2 (liste).",
    "gratuit": "Gratuit (oui) ou payant (non) ; vide si on ne sait pas.",
    "prix_montant": "Montant en euros, si c'est payant.",
    "prix_unite": "Unité du prix : « par mois », « par séance »…",
    "engagement": "Durée de l'engagement.",
    "frequence": "Rythme.",
    "date_debut": "Début de l'action (AAAA-MM-JJ) ; si `date_debut` et `date_fin` sont vides, "
    "l'action suit la période du contrat.",
    "date_fin": "Fin de l'action (AAAA-MM-JJ).",
    "entrees_permanentes": "oui si l'on peut entrer à tout moment.",
    "sessions": "Dates des sessions (liste).",
    "statut": "Statut à la date de construction du site : a-venir, en-cours, terminee, fin-inconnue "
    "(commencée, fin non donnée) ou dates-a-confirmer.",
    "conditions": "Conditions : titre-de-sejour, cir-signe, inscription-france-travail, suivi-mission-locale, "
    "habiter-le-territoire, prescription (liste).",
    "langues_parlees": "Langues parlées sur place, en codes (liste).",
    "lieux": "Lieux. JSON : objets (nom, adresse, code_postal, commune, latitude, longitude, horaires, "
    "fauteuil_roulant) ; CSV : « nom, adresse, code postal commune [horaires] ».",
    "zone_communes": "Communes couvertes (liste).",
    "zone_departements": "Codes INSEE des départements couverts (liste).",
    "en_ligne": "oui si l'action a lieu en ligne.",
    "orienteurs": "Qui oriente : soi-meme, travailleur-social, ofii, france-travail, mission-locale, "
    "operateur-agir, ccas, structure-hebergement, association, collectivite (liste).",
    "sur_orientation_uniquement": "oui si l'on ne peut venir que sur orientation.",
    "etapes": "Étapes pour être orienté, dans l'ordre (liste).",
    "documents_a_apporter": "Documents à apporter (liste).",
    "contacts": "Contacts publics de la structure. JSON : objets (type : telephone, courriel ou site-web ; "
    "valeur ; libelle) ; CSV : « libellé : valeur ».",
    "alerte_type": "Alerte en cours : ferme, complet ou information.",
    "alerte_message": "Message de l'alerte.",
    "alerte_debut": "Début de l'alerte (AAAA-MM-JJ).",
    "alerte_fin": "Fin de l'alerte (AAAA-MM-JJ).",
    "derniere_verification": "Date de la dernière vérification des informations (AAAA-MM-JJ).",
    "destinataires": "À qui s'adresse l'action : beneficiaires (personnes accueillies), professionnels, ou les-deux.",
    "contrat": "Identifiant du contrat (CTAI ou CTAIR) qui finance l'action.",
    "contrat_type": "CTAI ou CTAIR.",
    "contrat_intitule": "Intitulé du contrat, tel qu'écrit.",
    "contrat_debut": "Début de la période du contrat (AAAA-MM-JJ).",
    "contrat_fin": "Fin de la période du contrat (AAAA-MM-JJ).",
    "axe": "Axe du contrat, tel qu'écrit.",
    "intitule_officiel": "Intitulé officiel de l'action, tel qu'écrit.",
    "thematiques_ctai": "Thématiques du modèle national de fiche action (liste).",
    "porteurs": "Porteurs, tels qu'écrits (liste).",
    "partenaires": "Partenaires, tels qu'écrits (liste).",
    "objectif_quantitatif": "Public visé en nombre, tel qu'écrit.",
    "cout_total": "Coût total en euros, tel qu'écrit.",
    "financement_etat": "Financement de l'État en euros, tel qu'écrit.",
    "budget_precision": "Précision sur le budget.",
    "indicateurs": "Indicateurs, tels qu'écrits (liste).",
    "source_document": "Fichier du document source.",
    "source_section": "Fiche ou section du document source.",
}

AUDIENCES = {Audience.beneficiaries: "beneficiaires", Audience.professionals: "professionnels", Audience.both: "les-deux"}
CONTACT_KINDS = {ContactKind.phone: "telephone", ContactKind.email: "courriel", ContactKind.website: "site-web"}
ALERT_KINDS = {"closed": "ferme", "full": "complet", "info": "information"}
WHEELCHAIR = {"yes": "oui", "limited": "limite", "no": "non"}
# The statuses of generator/localize/status.py, in French.
STATUSES = {
    "upcoming": "a-venir",
    "running": "en-cours",
    "ended": "terminee",
    "end-unknown": "fin-inconnue",
    "unknown": "dates-a-confirmer",
}
# The statuses of the actions a person can still go to: the only ones data·inclusion receives.
CURRENT_STATUSES = frozenset({"upcoming", "running"})


def action_status(territory: LoadedTerritory, action: LoadedAction, build_date: dt.date) -> str:
    """upcoming, running, ended, end-unknown or unknown, as the pages say it on the build date."""
    return status_key(effective_period(action, territory), build_date)


# --- One action as a row: the same keys in JSON and CSV ---


def _values(items) -> list | str | None:
    """A list of enum values or strings; `non-concerne` and "not filled yet" (None) kept apart."""
    if items is None or items == NOT_RELEVANT:
        return items
    return [getattr(item, "value", item) for item in items]


def _place(place) -> dict:
    return {
        "nom": place.name,
        "adresse": place.address,
        "code_postal": place.postcode,
        "commune": place.city,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "horaires": place.opening_hours,
        "fauteuil_roulant": WHEELCHAIR.get(place.wheelchair),
    }


def _contact(contact) -> dict:
    return {"type": CONTACT_KINDS[contact.kind], "valeur": contact.value, "libelle": contact.label}


def action_row(territory: LoadedTerritory, action: LoadedAction, build_date: dt.date) -> dict:
    """Every field of an action, public and administrative, keyed by COLUMNS."""
    model, who, admin = action.model, action.model.who, action.model.admin
    contract = territory.contract(admin.contract)
    period = who.period
    age = who.age
    price = who.price
    zone = model.where.zone
    alert = model.alert
    budget = admin.budget
    row = {
        "territoire": territory.slug,
        "territoire_nom": territory.model.name,
        "identifiant": action.slug,
        "titre": model.title,
        "resume": model.abstract,
        "description": model.what,
        "avantages": model.why,
        "themes": _values(model.themes),
        "publics": _values(who.publics),
        "publics_particuliers": _values(who.specific_publics),
        "age_min": age if age == NOT_RELEVANT else (age.min if age else None),
        "age_max": age if age == NOT_RELEVANT else (age.max if age else None),
        "niveaux_francais": _values(who.french_levels),
        "gratuit": price.free if price else None,
        "prix_montant": number(price.amount) if price else None,
        "prix_unite": price.unit if price else None,
        "engagement": who.commitment,
        "frequence": who.frequency,
        "date_debut": iso_date(period.start) if period else None,
        "date_fin": iso_date(period.end) if period else None,
        "entrees_permanentes": period.continuous if period else None,
        "sessions": [iso_date(day) for day in period.sessions] if period else None,
        "statut": STATUSES[action_status(territory, action, build_date)],
        "conditions": _values(who.conditions),
        "langues_parlees": _values(who.languages),
        "lieux": [_place(place) for place in model.where.places],
        "zone_communes": list(zone.communes) if zone else [],
        "zone_departements": list(zone.departments) if zone else [],
        "en_ligne": model.where.online,
        "orienteurs": _values(model.orientation.orienters),
        "sur_orientation_uniquement": model.orientation.referral_only,
        "etapes": model.orientation.steps,
        "documents_a_apporter": _values(model.orientation.documents),
        "contacts": [_contact(contact) for contact in model.orientation.contacts or []],
        "alerte_type": ALERT_KINDS[alert.kind.value] if alert else None,
        "alerte_message": alert.message if alert else None,
        "alerte_debut": iso_date(alert.start) if alert else None,
        "alerte_fin": iso_date(alert.end) if alert else None,
        "derniere_verification": iso_date(model.last_verified),
        "destinataires": AUDIENCES[admin.audience],
        "contrat": contract.id,
        "contrat_type": contract.kind.value,
        "contrat_intitule": contract.label,
        "contrat_debut": iso_date(contract.period.start),
        "contrat_fin": iso_date(contract.period.end),
        "axe": admin.axis,
        "intitule_officiel": admin.official_title,
        "thematiques_ctai": _values(admin.ctai_themes),
        "porteurs": list(admin.operators),
        "partenaires": list(admin.partners),
        "objectif_quantitatif": admin.target,
        "cout_total": number(budget.total_cost) if budget else None,
        "financement_etat": number(budget.state_funding) if budget else None,
        "budget_precision": budget.note if budget else None,
        "indicateurs": list(admin.indicators),
        "source_document": admin.source.document,
        "source_section": admin.source.section,
    }
    assert list(row) == list(COLUMNS)
    return row


def _csv_place(place: dict) -> str:
    text = ", ".join(part for part in (place["nom"], place["adresse"]) if part)
    town = " ".join(part for part in (place["code_postal"], place["commune"]) if part)
    text = f"{text}, {town}"
    return f"{text} [{place['horaires']}]" if place["horaires"] else text


def _csv_contact(contact: dict) -> str:
    return f"{contact['libelle'] or contact['type']} : {contact['valeur']}"


def _csv_cell(column: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        if column == "lieux":
            value = [_csv_place(place) for place in value]
        elif column == "contacts":
            value = [_csv_contact(contact) for contact in value]
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def rows_to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([spreadsheet_safe(_csv_cell(column, row[column])) for column in COLUMNS])
    return buffer.getvalue()


def territory_record(territory: LoadedTerritory) -> dict:
    model = territory.model
    return {
        "identifiant": territory.slug,
        "nom": model.name,
        "type": model.kind.value,
        "departements": list(model.departments),
        "presentation": model.intro,
        "coordination": {
            "nom": model.coordinator.name,
            "adresse": model.coordinator.address,
            "contacts": [_contact(contact) for contact in model.coordinator.contacts],
        },
        "contrats": [
            {
                "identifiant": contract.id,
                "type": contract.kind.value,
                "intitule": contract.label,
                "signature": iso_date(contract.signed),
                "debut": iso_date(contract.period.start),
                "fin": iso_date(contract.period.end),
                "signataires": list(contract.signatories),
            }
            for contract in sorted(model.contracts, key=lambda contract: contract.id)
        ],
    }


def territory_rows(territory: LoadedTerritory, build_date: dt.date) -> list[dict]:
    return [action_row(territory, territory.actions[slug], build_date) for slug in sorted(territory.actions)]


# --- data·inclusion v1 (the schema of the `data-inclusion-schema` package): services and structures ---

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


def slugify(text: str) -> str:
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def folded_name(name: str) -> str:
    """A name without case, accents, punctuation or extra spaces: « CCAS  de Metz. » is « ccas de metz »."""
    return slugify(name).replace("-", " ")


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
    if not isinstance(values, list):
        return []
    return [table[value] for value in values]


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
    if isinstance(orientation.documents, list) and orientation.documents:
        parts.append(_sentence("Documents à apporter", orientation.documents))
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
    """An action for newcomers that is running or upcoming on the build date: ended actions, and
    those whose end the source does not give, are not offered as services."""
    return (
        action.model.admin.audience in (Audience.beneficiaries, Audience.both)
        and action_status(territory, action, build_date) in CURRENT_STATUSES
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


# --- Writing ---


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_open_data(catalogue: Catalogue, site_dir: Path, build_date: dt.date) -> None:
    """Write every open-data file of the catalogue into `site_dir/data/`, statuses as on `build_date`."""
    # The loader refuses a territory named like the national file (routes.RESERVED_NAMES).
    records, all_rows = [], []
    for slug in sorted(catalogue.territories):
        territory = catalogue.territories[slug]
        record, rows = territory_record(territory), territory_rows(territory, build_date)
        _write(site_dir / routes.territory_data(slug, "json"), _json({"territoire": record, "actions": rows}))
        _write(site_dir / routes.territory_data(slug, "csv"), rows_to_csv(rows))
        records.append(record)
        all_rows.extend(rows)
    _write(site_dir / routes.national_data(), _json({"territoires": records, "actions": all_rows}))
    services, structures = data_inclusion(catalogue, build_date)
    _write(site_dir / routes.data_inclusion("services"), _json(services))
    _write(site_dir / routes.data_inclusion("structures"), _json(structures))

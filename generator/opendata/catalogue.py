"""The catalogue's own open-data files: each action as one row, the same keys in JSON and CSV
(COLUMNS, documented in README.md), and each territory as a record."""

from __future__ import annotations

import csv
import datetime as dt
import io

from generator.gate.spreadsheet import spreadsheet_safe
from generator.localize.dates import iso_date
from generator.localize.money import number
from generator.localize.period import effective_period
from generator.localize.status import status_key
from generator.answers import Answer, Filled
from generator.models import NOT_RELEVANT, Audience, ContactKind, LoadedAction, LoadedTerritory

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
    "source_titre": "Ce qu'est le document source, tel que la fiche le nomme.",
    "source_date": "Date du document source, aussi précise qu'il la donne (AAAA-MM-JJ, AAAA-MM ou AAAA).",
}

# The column that carries each field of an action (dotted as in generator/models.py; a field
# holds its sub-fields). A field that must never be published is in PRIVATE_FIELDS instead:
# tests/test_opendata.py fails for a field in neither.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("titre",), "abstract": ("resume",), "what": ("description",), "why": ("avantages",),
    "themes": ("themes",), "who.publics": ("publics",), "who.specific_publics": ("publics_particuliers",),
    "who.age": ("age_min", "age_max"), "who.french_levels": ("niveaux_francais",),
    "who.price": ("gratuit", "prix_montant", "prix_unite"), "who.commitment": ("engagement",),
    "who.frequency": ("frequence",), "who.period.start": ("date_debut",), "who.period.end": ("date_fin",),
    "who.period.continuous": ("entrees_permanentes",), "who.period.sessions": ("sessions",),
    "who.conditions": ("conditions",), "who.languages": ("langues_parlees",), "where.places": ("lieux",),
    "where.zone.communes": ("zone_communes",), "where.zone.departments": ("zone_departements",),
    "where.online": ("en_ligne",), "orientation.orienters": ("orienteurs",),
    "orientation.referral_only": ("sur_orientation_uniquement",), "orientation.steps": ("etapes",),
    "orientation.documents": ("documents_a_apporter",), "orientation.contacts": ("contacts",),
    "alert.kind": ("alerte_type",), "alert.message": ("alerte_message",), "alert.start": ("alerte_debut",),
    "alert.end": ("alerte_fin",), "last_verified": ("derniere_verification",),
    "admin.contract": ("contrat", "contrat_type", "contrat_intitule", "contrat_debut", "contrat_fin"),
    "admin.axis": ("axe",), "admin.official_title": ("intitule_officiel",), "admin.ctai_themes": ("thematiques_ctai",),
    "admin.operators": ("porteurs",), "admin.partners": ("partenaires",), "admin.audience": ("destinataires",),
    "admin.target": ("objectif_quantitatif",), "admin.budget.total_cost": ("cout_total",),
    "admin.budget.state_funding": ("financement_etat",), "admin.budget.note": ("budget_precision",),
    "admin.indicators": ("indicateurs",), "admin.source.document": ("source_document",),
    "admin.source.section": ("source_section",), "admin.source.title": ("source_titre",),
    "admin.source.date": ("source_date",),
}
PRIVATE_FIELDS = {
    "not_persons": "names the publishing gate must not take for persons: a note for the gate, not data",
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


def action_status(territory: LoadedTerritory, action: LoadedAction, build_date: dt.date) -> str:
    """upcoming, running, ended, end-unknown or unknown, as the pages say it on the build date."""
    return status_key(effective_period(action, territory), build_date)


# --- One action as a row: the same keys in JSON and CSV ---


def _open_value(answer: Answer, value):
    """How the open data writes a field that accepts `non-concerne`: `value` when given, the word
    `non-concerne` when not relevant, null (an empty cell) when not filled yet."""
    return {Filled.given: value, Filled.not_relevant: NOT_RELEVANT, Filled.missing: None}[answer.filled]


def _values(items) -> list | str | None:
    """A list of enum values or strings; `non-concerne` and "not filled yet" (None) kept apart."""
    answer = Answer.of(items)
    return _open_value(answer, answer.value and [getattr(item, "value", item) for item in answer.value])


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
    model, who = action.model, action.model.who
    period, age_answer, price = who.period, Answer.of(who.age), who.price
    zone, alert = model.where.zone, model.alert
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
        "age_min": _open_value(age_answer, age_answer.value and age_answer.value.min),
        "age_max": _open_value(age_answer, age_answer.value and age_answer.value.max),
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
        **_admin_columns(territory, action),
    }
    assert list(row) == list(COLUMNS)
    return row


def _admin_columns(territory: LoadedTerritory, action: LoadedAction) -> dict:
    """The administrative fields: the contract, its wording, the budget, the source."""
    admin = action.model.admin
    contract = territory.contract(admin.contract)
    budget = admin.budget
    return {
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
        "source_titre": admin.source.title,
        "source_date": iso_date(admin.source.date),
    }


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


def columns_text() -> str:
    """docs/open-data-columns.md, written by `catalogue schema` from COLUMNS: a new column is
    documented where it is made."""
    rows = "\n".join(f"| `{name}` | {description} |" for name, description in COLUMNS.items())
    return (
        "# Colonnes des données ouvertes / Open-data columns\n\n"
        "Généré par `catalogue schema` depuis `generator/opendata/catalogue.py` : ne pas modifier à la main.\n\n"
        "`<territory>.csv` has exactly these columns, in this order; they are also the keys of each\n"
        "action in the JSON files.\n\n"
        f"| colonne | description |\n|---|---|\n{rows}\n"
    )

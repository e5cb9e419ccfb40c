"""French labels of the enumerations. They are gettext message ids: `pybabel extract` collects
them (the `N_` keyword) and each language's catalog translates them, so a fiche never carries
its own label text."""

from __future__ import annotations

from generator import models
from generator.models import (
    AlertKind,
    Audience,
    Condition,
    CtaiTheme,
    FrenchLevel,
    Orienter,
    PublicStatus,
    SpecificPublic,
    TerritoryKind,
    Theme,
)


def N_(message: str) -> str:
    """Marks a string for extraction; it is translated later, for the page's language."""
    return message


THEMES = {
    Theme.papiers: N_("Faire mes papiers"),
    Theme.francais: N_("Apprendre le français"),
    Theme.logement: N_("Trouver un logement"),
    Theme.sante: N_("Santé"),
    Theme.metier: N_("Apprendre un métier"),
    Theme.travail: N_("Trouver un travail"),
    Theme.transports: N_("Transports"),
    Theme.famille: N_("Famille"),
    Theme.etudes: N_("Faire des études"),
    Theme.culture: N_("Activités et culture"),
}

# Material Design icon names (bundled with Material for MkDocs), one per theme.
THEME_ICONS = {
    Theme.papiers: "material/file-document-outline",
    Theme.francais: "material/translate",
    Theme.logement: "material/home-outline",
    Theme.sante: "material/hospital-box-outline",
    Theme.metier: "material/school-outline",
    Theme.travail: "material/briefcase-outline",
    Theme.transports: "material/bus",
    Theme.famille: "material/human-male-female-child",
    Theme.etudes: "material/book-open-variant",
    Theme.culture: "material/palette-outline",
}

CTAI_THEMES = {
    CtaiTheme.francais: N_("Apprentissage du français"),
    CtaiTheme.francais_professionnel: N_("Apprentissage du français à visée professionnelle"),
    CtaiTheme.emploi_formation: N_("Accompagnement vers / Accès à l'emploi et à la formation professionnelle"),
    CtaiTheme.logement: N_("Accès au logement"),
    CtaiTheme.sante: N_("Santé / Accès à la santé"),
    CtaiTheme.acces_droits: N_("Accès aux droits"),
    CtaiTheme.sport: N_("Accès au sport"),
    CtaiTheme.culture: N_("Accès à la culture / aux pratiques culturelles et artistiques"),
    CtaiTheme.mobilite: N_("Aide à la mobilité"),
    CtaiTheme.parentalite: N_("Aide à la parentalité / Garde d'enfants"),
    CtaiTheme.principes_republique: N_(
        "Appropriation des principes de la République et des usages de la société française"
    ),
    CtaiTheme.numerique: N_("Lutte contre la fracture numérique et l'illectronisme"),
    CtaiTheme.accompagnement_global: N_("Accompagnement global / Parcours d'intégration renforcé"),
    CtaiTheme.professionnalisation: N_("Actions en direction des acteurs / Professionnalisation des acteurs"),
    CtaiTheme.coordination: N_("Ingénierie / Coordination du contrat et gouvernance locale"),
    CtaiTheme.promotion: N_("Promotion et valorisation de la politique d'intégration"),
}

PUBLICS = {
    PublicStatus.bpi: N_("Réfugiés et bénéficiaires d'une protection internationale (BPI)"),
    PublicStatus.bpt: N_("Bénéficiaires de la protection temporaire (BPT)"),
    PublicStatus.primo_arrivant: N_("Personnes arrivées récemment, signataires du CIR"),
    PublicStatus.demandeur_asile: N_("Demandeurs d'asile"),
}

SPECIFIC_PUBLICS = {
    SpecificPublic.femmes: N_("Femmes"),
    SpecificPublic.moins_de_25_ans: N_("Moins de 25 ans"),
    SpecificPublic.moins_de_30_ans: N_("Moins de 30 ans"),
    SpecificPublic.familles: N_("Familles"),
    SpecificPublic.parents: N_("Parents"),
    SpecificPublic.enfants: N_("Enfants"),
    SpecificPublic.seniors: N_("Seniors"),
    SpecificPublic.handicap: N_("Personnes en situation de handicap"),
    SpecificPublic.etudiants: N_("Étudiants"),
    SpecificPublic.demandeurs_emploi: N_("Personnes qui cherchent un emploi"),
}

FRENCH_LEVELS = {
    FrenchLevel.aucun: N_("Aucun niveau demandé"),
    FrenchLevel.alphabetisation: N_("Alphabétisation"),
    FrenchLevel.A1: "A1",
    FrenchLevel.A2: "A2",
    FrenchLevel.B1: "B1",
    FrenchLevel.B2: "B2",
    FrenchLevel.C1: "C1",
    FrenchLevel.C2: "C2",
}

CONDITIONS = {
    Condition.titre_de_sejour: N_("Avoir un titre de séjour"),
    Condition.cir_signe: N_("Avoir signé le contrat d'intégration républicaine (CIR)"),
    Condition.inscription_france_travail: N_("Être inscrit à France Travail"),
    Condition.suivi_mission_locale: N_("Être suivi par la mission locale"),
    Condition.habiter_le_territoire: N_("Habiter sur le territoire"),
    Condition.prescription: N_("Être orienté par un professionnel"),
}

ORIENTERS = {
    Orienter.soi_meme: N_("Vous-même"),
    Orienter.travailleur_social: N_("Un travailleur social"),
    Orienter.ofii: N_("L'OFII"),
    Orienter.france_travail: N_("France Travail"),
    Orienter.mission_locale: N_("La mission locale"),
    Orienter.operateur_agir: N_("L'opérateur du programme AGIR"),
    Orienter.ccas: N_("Le CCAS"),
    Orienter.structure_hebergement: N_("Votre lieu d'hébergement"),
    Orienter.association: N_("Une association"),
    Orienter.collectivite: N_("La mairie ou la métropole"),
}

# The public facts the completeness page lists as missing (generator/localize/completeness.py).
MISSING_FACTS = {
    "who.publics": N_("Publics"),
    "who.age": N_("Âge"),
    "who.french_levels": N_("Niveaux de français"),
    "who.price": N_("Prix"),
    "who.commitment": N_("Durée de l'engagement"),
    "who.frequency": N_("Rythme"),
    "who.period": N_("Dates"),
    "who.conditions": N_("Conditions"),
    "who.languages": N_("Langues parlées sur place"),
    "where": N_("Lieu, zone ou en ligne"),
    "orientation.orienters": N_("Qui oriente"),
    "orientation.steps": N_("Étapes pour être orienté"),
    "orientation.documents": N_("Documents à apporter"),
    "orientation.contacts": N_("Contacts publics"),
    "admin.operators": N_("Opérateurs"),
    "coordinator.address": N_("Adresse de la coordination"),
    "coordinator.phone": N_("Téléphone de la coordination"),
    "coordinator.email": N_("E-mail de la coordination"),
}

AUDIENCES = {
    Audience.beneficiaries: N_("Pour vous"),
    Audience.professionals: N_("Pour les professionnels"),
    Audience.both: N_("Pour tous"),
}

# The same, as the professionals' block names who an action is for.
ADMIN_AUDIENCES = {
    Audience.beneficiaries: N_("Personnes accompagnées"),
    Audience.professionals: N_("Professionnels seulement"),
    Audience.both: N_("Personnes accompagnées et professionnels"),
}

TERRITORY_KINDS = {
    TerritoryKind.commune: N_("Commune"),
    TerritoryKind.intercommunalite: N_("Intercommunalité"),
    TerritoryKind.metropole: N_("Métropole"),
    TerritoryKind.departement: N_("Département"),
}

ALERTS = {
    AlertKind.closed: N_("Fermé pour le moment"),
    AlertKind.full: N_("Complet pour le moment"),
    AlertKind.info: N_("Information"),
}

STATUSES = {
    "upcoming": N_("Bientôt"),
    "running": N_("En cours"),
    "ended": N_("Terminé"),
    "unknown": N_("Dates à confirmer"),
    "end-unknown": N_("Date de fin inconnue"),
}

# A date the source gives as a season (generator/dates.py).
SEASONS = {
    "printemps": N_("printemps {year}"),
    "été": N_("été {year}"),
    "automne": N_("automne {year}"),
    "hiver": N_("hiver {year}"),
}

WHEELCHAIR = {
    "yes": N_("Accessible en fauteuil roulant"),
    "limited": N_("Accès limité en fauteuil roulant"),
    "no": N_("Pas accessible en fauteuil roulant"),
}

DAYS = {
    "Mo": N_("Lundi"),
    "Tu": N_("Mardi"),
    "We": N_("Mercredi"),
    "Th": N_("Jeudi"),
    "Fr": N_("Vendredi"),
    "Sa": N_("Samedi"),
    "Su": N_("Dimanche"),
}

# French labels of the form's fields, by field name; `(Model, name)` where a name means
# something else in that model.
FORM_LABELS = {
    "name": "Nom",
    "slug": "Identifiant (nom du dossier)",
    "kind": "Type",
    "departments": "Départements",
    "coordinator": "Institution qui coordonne",
    "intro": "Présentation",
    "not_persons": "Institutions ou lieux à ne pas prendre pour des personnes",
    "id": "Identifiant du contrat",
    "label": "Intitulé",
    "signed": "Date de signature",
    "period": "Période",
    "signatories": "Signataires",
    "address": "Adresse",
    "contacts": "Contacts",
    "value": "Numéro, e-mail ou adresse web",
    "start": "Début",
    "end": "Fin",
    "continuous": "Entrées et sorties permanentes",
    "sessions": "Dates des sessions",
    "min": "Âge minimum",
    "max": "Âge maximum",
    "free": "Gratuit",
    "amount": "Montant (euros)",
    "unit": "Par quoi",
    "postcode": "Code postal",
    "city": "Commune",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "opening_hours": "Horaires",
    "wheelchair": "Accès en fauteuil roulant",
    "communes": "Communes",
    "message": "Message",
    "document": "Document source",
    "section": "Fiche ou section du document",
    "title": "Titre",
    "abstract": "Résumé",
    "what": "C'est quoi ?",
    "why": "Pourquoi c'est intéressant ?",
    "themes": "Thèmes",
    "who": "C'est pour qui ?",
    "where": "C'est où ?",
    "orientation": "Comment être orienté ?",
    "alert": "Alerte temporaire",
    "last_verified": "Dernière vérification",
    "publics": "Publics",
    "specific_publics": "Publics particuliers",
    "age": "Âge",
    "french_levels": "Niveaux de français",
    "price": "Prix",
    "commitment": "Durée de l'engagement",
    "frequency": "Rythme",
    "conditions": "Conditions pour participer",
    "languages": "Langues parlées sur place",
    "places": "Lieux",
    "zone": "Zone",
    "online": "En ligne",
    "orienters": "Qui oriente",
    "referral_only": "Seulement sur orientation",
    "steps": "Étapes",
    "documents": "Documents à apporter",
    "total_cost": "Coût total (euros)",
    "state_funding": "Financement de l'État (euros)",
    "note": "Précision",
    "contract": "Contrat (identifiant)",
    "axis": "Axe",
    "official_title": "Intitulé officiel",
    "ctai_themes": "Thématiques du contrat",
    "operators": "Porteurs",
    "partners": "Partenaires",
    "audience": "Public de l'action",
    "target": "Public visé (nombre)",
    "budget": "Budget",
    "indicators": "Indicateurs",
    "source": "Source",
    (models.Contact, "label"): "Précision",
    (models.Contact, "kind"): "Type de contact",
    (models.Alert, "kind"): "Type d'alerte",
    (models.Alert, "start"): "Début de l'alerte",
    (models.Alert, "end"): "Fin de l'alerte",
    (models.Contract, "period"): "Période du contrat",
    (models.Who, "period"): "Période de l'action",
    (models.Contract, "kind"): "Type de contrat",
    (models.Territory, "kind"): "Type de territoire",
    (models.Zone, "departments"): "Départements (codes)",
    (models.Territory, "report_url"): "Formulaire pour signaler une erreur",
    (models.Source, "title"): "Ce qu'est le document",
    (models.Source, "date"): "Date du document",
}

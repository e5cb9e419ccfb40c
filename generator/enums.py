"""The enumerations of the content model. Their labels live in the gettext catalogs
(generator/labels.py); generator/models.py, which uses them, exports them too."""

from __future__ import annotations

from enum import Enum


class TerritoryKind(str, Enum):
    commune = "commune"
    intercommunalite = "intercommunalite"
    metropole = "metropole"
    departement = "departement"


class ContractKind(str, Enum):
    CTAIR = "CTAIR"
    CTAI = "CTAI"


class Theme(str, Enum):
    """The 10 public themes of refugies.info."""

    papiers = "papiers"
    francais = "francais"
    logement = "logement"
    sante = "sante"
    metier = "metier"
    travail = "travail"
    transports = "transports"
    famille = "famille"
    etudes = "etudes"
    culture = "culture"


class CtaiTheme(str, Enum):
    """The 16 themes of the national fiche-action template."""

    francais = "francais"
    francais_professionnel = "francais-professionnel"
    emploi_formation = "emploi-formation"
    logement = "logement"
    sante = "sante"
    acces_droits = "acces-droits"
    sport = "sport"
    culture = "culture"
    mobilite = "mobilite"
    parentalite = "parentalite"
    principes_republique = "principes-republique"
    numerique = "numerique"
    accompagnement_global = "accompagnement-global"
    professionnalisation = "professionnalisation"
    coordination = "coordination"
    promotion = "promotion"


class PublicStatus(str, Enum):
    bpi = "bpi"
    bpt = "bpt"
    primo_arrivant = "primo-arrivant"
    demandeur_asile = "demandeur-asile"


class SpecificPublic(str, Enum):
    femmes = "femmes"
    moins_de_25_ans = "moins-de-25-ans"
    moins_de_30_ans = "moins-de-30-ans"
    familles = "familles"
    parents = "parents"
    enfants = "enfants"
    seniors = "seniors"
    handicap = "handicap"
    etudiants = "etudiants"
    demandeurs_emploi = "demandeurs-emploi"


class FrenchLevel(str, Enum):
    aucun = "aucun-requis"
    alphabetisation = "alphabetisation"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class Condition(str, Enum):
    titre_de_sejour = "titre-de-sejour"
    cir_signe = "cir-signe"
    inscription_france_travail = "inscription-france-travail"
    suivi_mission_locale = "suivi-mission-locale"
    habiter_le_territoire = "habiter-le-territoire"
    prescription = "prescription"


class Orienter(str, Enum):
    soi_meme = "soi-meme"
    travailleur_social = "travailleur-social"
    ofii = "ofii"
    france_travail = "france-travail"
    mission_locale = "mission-locale"
    operateur_agir = "operateur-agir"
    ccas = "ccas"
    structure_hebergement = "structure-hebergement"
    association = "association"
    collectivite = "collectivite"


class Audience(str, Enum):
    beneficiaries = "beneficiaries"
    professionals = "professionals"
    both = "both"


class TranslationStatus(str, Enum):
    machine = "machine"
    reviewed = "reviewed"


class ContactKind(str, Enum):
    phone = "phone"
    email = "email"
    website = "website"


class AlertKind(str, Enum):
    closed = "closed"
    full = "full"
    info = "info"

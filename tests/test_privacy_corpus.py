"""A hostile corpus for bank and personal data, with its false positives.

Every hostile text must be refused, for the right reason; every harmless one must pass. The bank
numbers are made up, with check digits computed by python-stdnum (and the French RIB key by its
formula), so that they are valid numbers that belong to no one; the names are invented. The
last tests paste text worded as the source contracts are (/work/shared/seeds: « représenté par
… agissant en qualité de Maire », « N° IBAN : … », « BIC : … ») into a fiche.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from stdnum import bic, iban

from generator.errors import ContentErrors
from generator.gate.privacy import bank_identifiers, persons
from generator.gate.text import text_problems
from generator.load import load_catalogue

VALID_CONTENT = Path(__file__).resolve().parent / "fixtures" / "valid_content"
BANK = "coordonnées bancaires"
PERSON = "nom de personne probable"
EMAIL = "adresse e-mail personnelle"
MOBILE = "numéro de portable"


def rib_key(bank: str, branch: str, account: str) -> str:
    letters = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account.translate(letters))) % 97:02d}"


def made_up_iban(country: str, bban: str) -> str:
    number = country + iban.calc_check_digits(country + "00" + bban) + bban
    assert iban.is_valid(number), number
    return number


def grouped(number: str, separator: str = " ") -> str:
    return separator.join(number[i : i + 4] for i in range(0, len(number), 4))


BANK_CODE, BRANCH, ACCOUNT = "30004", "01234", "00012345678"
KEY = rib_key(BANK_CODE, BRANCH, ACCOUNT)
FR = made_up_iban("FR", BANK_CODE + BRANCH + ACCOUNT + KEY)
FR_LETTERS = made_up_iban("FR", "20041" + "01005" + "0500013M026" + rib_key("20041", "01005", "0500013M026"))
DE = made_up_iban("DE", "370400440532013000")
BE = made_up_iban("BE", "096123456769")
ES = made_up_iban("ES", "21000418450200051332")
# Made-up codes of the BIC form (bank, country, place): no checksum, so no real one is needed.
BIC_CODES = ("EXMPFRPP", "ESSAFRP1", "EXMPFRPPXXX")
assert all(bic.is_valid(code) for code in BIC_CODES)


def checksum_broken(number: str) -> str:
    """The same number with its last digit changed: it looks like an IBAN and is none."""
    last = number[-1]
    broken = number[:-1] + ("0" if last != "0" else "1")
    assert not iban.is_valid(broken)
    return broken


HOSTILE_BANK = {
    "iban-compact": f"N° IBAN : {FR}",
    "iban-grouped": f"N° IBAN : {grouped(FR)}",
    "iban-lowercase": grouped(FR).lower(),
    "iban-no-label": f"Merci de faire un virement sur {grouped(FR)} avant le 5 du mois.",
    "iban-non-breaking-spaces": grouped(FR, "\u00a0"),
    "iban-narrow-spaces": grouped(FR, "\u202f"),
    "iban-dashes": grouped(FR, "-"),
    "iban-dots": grouped(FR, "."),
    "iban-slashes": grouped(FR, "/"),
    "iban-zero-width": "\u200b".join(FR),
    "iban-soft-hyphens": "\u00ad".join(grouped(FR).split(" ")),
    "iban-two-lines": f"IBAN : {grouped(FR)[:14]}\n{grouped(FR)[14:]}",
    "iban-glued-to-words": f"IBAN:{FR}BIC:{BIC_CODES[0]}",
    "iban-fullwidth": "".join(chr(ord(c) + 0xFEE0) for c in FR),
    "iban-with-letters-in-account": grouped(FR_LETTERS),
    "iban-german": grouped(DE),
    "iban-belgian": BE,
    "iban-spanish": grouped(ES).lower(),
    "rib-groups": f"{BANK_CODE} {BRANCH} {ACCOUNT} {KEY}",
    "rib-labelled": f"Code banque : {BANK_CODE} Code guichet : {BRANCH} N° de compte : {ACCOUNT} Clé RIB : {KEY}",
    "rib-table": f"Banque\tGuichet\tCompte\tClé\n{BANK_CODE}\t{BRANCH}\t{ACCOUNT}\t{KEY}",
    "bic-labelled": f"BIC : {BIC_CODES[0]}",
    "bic-lowercase": f"bic : {BIC_CODES[0].lower()}",
    "bic-swift": f"Code SWIFT {BIC_CODES[0]}",
    "bic-coded": f"Domiciliation {BIC_CODES[1]}",
    "bic-head-office": f"Banque : {BIC_CODES[2]}",
}

HOSTILE_PERSONS = {
    "represented-by-mayor": "La Ville, représentée par Monsieur Gérard LEFORT agissant en qualité de Maire,",
    "represented-by-deputy": "Le CCAS, représenté par Mme Sylvie MARCHAND, agissant en qualité de Vice-Présidente du CCAS",
    "represented-by-prefect": "L'État, représenté par Mr le préfet de la Moselle Laurent DUVAL, ci-après « l'État »",
    "represented-by-its-mayor": "La Ville, représentée par son Maire, M. BERTIN,",
    "represented-by-doctor": "représentée par Docteur Karim HADDAD, Vice-Président, dûment habilité",
    "represented-without-civility": "représentée par Nadia KARIMI, Présidente",
    "rapporteur": "Rapporteur: M. DUPRÉ",
    "mayor-in-what": "Le Maire, Jean-Pierre Martin, a inauguré l'atelier.",
    "civility-madame": "Madame Nathalie Roux vous accueille.",
    "civility-uppercase-surname": "Contact : Mme ROUX",
    "civility-couple": "M. et Mme Durand animent l'atelier.",
    "civility-maitre": "Permanence de Maître Dubois le mardi.",
    "civility-professor": "Avec le Pr. Lemaire.",
    "first-name-and-surname": "Interlocuteur : Thomas Petit",
    "first-name-of-a-newcomer": "Adjointe : Fatima Benali",
    "first-name-after-an-institution-verb": "L'association a reçu Jean Dupont en mai.",
    "office-then-surname": "Le maire Grosdidier ouvre l'atelier.",
    "office-then-surname-lowercase-office": "Un mot de la présidente Martin.",
    "sub-prefect-then-surname": "La sous-préfète Lebrun accueille les familles.",
    "deputy-then-surname": "L'adjointe Benali présente le projet.",
    "office-then-full-name": "Le préfet Alain Régnier a signé le contrat.",
    "office-then-name-in-capitals": "Maire François GROSDIDIER",
    "email-first-last": "Écrivez à jean.dupont@ville-exemple.fr",
    "email-last-first": "Écrivez à dupont.jean@ville-exemple.fr",
    "email-initial": "Écrivez à j.dupont@ville-exemple.fr",
    "email-compound-first-name": "Écrivez à marie-claire.martin@ville-exemple.fr",
}

# A mobile number in free text is most often a person's own (the one place for a service's
# mobile is a contact, where it is a warning: tests/test_contacts_gate.py).
HOSTILE_MOBILES = {
    "mobile-spaced": "Appelez Nadia au 06 12 34 56 78 le matin.",
    "mobile-compact": "Contact : 0612345678",
    "mobile-dots": "Tél. 07.81.23.45.67",
    "mobile-international": "WhatsApp : +33 6 12 34 56 78",
    "mobile-international-zero": "+33 (0)7 81 23 45 67",
    "mobile-double-zero": "0033 6 12 34 56 78",
}

HARMLESS = {
    "rib-in-a-list-of-documents": "Apportez : RIB : relevé d'identité bancaire, pièce d'identité.",
    "rib-word": "Un RIB est demandé pour l'aide.",
    "iban-word": "Votre IBAN vous sera demandé à l'inscription.",
    "les-chiffres": "LES CHIFFRES :",
    "uppercase-heading-with-bank-word": "COMPTE RENDU DE L'ASSOCIATION",
    "uppercase-institution": "CENTRE COMMUNAL D'ACTION SOCIALE DE LA VILLE D'EXEMPLE",
    "iban-bad-checksum": f"N° IBAN : {grouped(checksum_broken(FR))}",
    "iban-bad-checksum-compact": checksum_broken(DE),
    "rib-bad-key": f"{BANK_CODE} {BRANCH} {ACCOUNT} {(int(KEY) + 1) % 97:02d}",
    "budget-code": "BOP 104, action 12, sous-action 02, 010402020111 (numéro du code activité spécifique pour les CTAI)",
    "siret": "SIRET 123 456 789 00012",
    "phone": "Téléphone : 03 87 00 00 00",
    "phone-international-landline": "Accueil : +33 3 87 00 00 00",
    "long-digit-run": "Numéro de dossier 06 12 34 56 78 90 12",
    "date-and-time": "Rendez-vous le 2024-06-12 à 07:30.",
    "amounts": "L'État contribue pour un montant de 246 000 € au titre de 2024-2025.",
    "office-mayor": "Monsieur le Maire",
    "office-mayor-of": "Le Maire de la Ville d'Exemple",
    "office-woman-mayor": "Madame la Maire",
    "office-prefect": "L'État, représenté par M. le Préfet de la Moselle, ci-après désigné sous le terme « l'État »",
    "office-director": "Monsieur le Directeur départemental des finances publiques",
    "office-then-adjective": "Directrice Générale des services",
    "office-then-office": "Président Directeur Général",
    "office-then-delegate": "le Préfet Délégué pour l'égalité des chances",
    "office-then-job-title": "la Conseillère Numérique France Services",
    "office-then-institution": "votre conseiller Pôle Emploi",
    "office-then-acronym": "la directrice ADOMA",
    "represented-by-office": "représentée par son Maire",
    "institution-with-civility": "Maison Madame Curie",
    "school-with-civility": "Collège Madame de Sévigné",
    "street-first-name": "rue Victor Hugo",
    "avenue-first-name": "avenue Jean Jaurès",
    "place-first-name": "place Charles de Gaulle",
    "school-first-name": "école Jules Ferry",
    "high-school-first-name": "Lycée Marie Curie",
    "social-centre-first-name": "Centre social Louise Michel",
    "neighbourhood-house": "Maison de quartier Pierre Mendès France",
    "residence": "Résidence Jean Moulin",
    "hall": "Salle Simone Veil",
    "saint": "Église Saint Martin",
    "france-travail": "Inscrivez-vous à France Travail.",
    "france-horizon": "Avec France Horizon et Emmaüs France.",
    "city-first-name": "Métropole du Grand Nancy, Nancy Métropole",
    "service-email": "accueil@ccas-exemple.fr",
    "service-email-with-dot": "contact.emploi@ville-exemple.fr",
}


# Marks (`not_persons`) that try to switch the person check off: none may hide a name.
NAMES = "Madame Nathalie Roux, Jean Dupont"
HOSTILE_MARKS = {
    "single-letters": (NAMES, ["a", "o", "e"]),
    "a-first-name-alone": (NAMES, ["Nathalie", "Jean"]),
    "the-civility-alone": (NAMES, ["Madame"]),
    "across-two-names": (NAMES, ["Roux, Jean"]),
    "both-names-in-one-mark": (NAMES, [NAMES]),
    "the-whole-paragraph": (f"Bienvenue à l'atelier de français du mardi matin : {NAMES} vous accueillent.", [f"Bienvenue à l'atelier de français du mardi matin : {NAMES} vous accueillent."]),
    "spaces-and-punctuation": (NAMES, [" ", ",", "."]),
    "an-institution-elsewhere": ("Les Ateliers Pierre Dupont ferment ; Pierre Dupont, Maire, les rouvre.", ["Ateliers Pierre Dupont"]),
}
HARMLESS_MARKS = {
    "the-flagged-phrase": ("Les Ateliers Pierre Dupont accueillent les familles.", ["Pierre Dupont"]),
    "the-institution-around-it": ("Les Ateliers Pierre Dupont accueillent les familles.", ["Ateliers Pierre Dupont"]),
    "another-case": ("Les ATELIERS Pierre Dupont accueillent les familles.", ["Ateliers Pierre Dupont"]),
    "a-hall-with-its-town": ("Réunion à la Halle Jean Dupont de Metz.", ["Halle Jean Dupont de Metz"]),
}


@pytest.mark.parametrize("text,marks", HOSTILE_MARKS.values(), ids=HOSTILE_MARKS.keys())
def test_a_mark_never_switches_the_person_check_off(text, marks):
    problems = text_problems(text, marks)
    assert any(problem.startswith(PERSON) for problem in problems), (text, marks, problems)


@pytest.mark.parametrize("text,marks", HARMLESS_MARKS.values(), ids=HARMLESS_MARKS.keys())
def test_a_mark_dismisses_the_name_it_covers(text, marks):
    assert persons(text) and text_problems(text, marks) == []


@pytest.mark.parametrize("text", HOSTILE_BANK.values(), ids=HOSTILE_BANK.keys())
def test_bank_details_in_any_form_are_refused(text):
    problems = text_problems(text)
    assert any(problem.startswith(BANK) for problem in problems), (text, problems)


@pytest.mark.parametrize("text", HOSTILE_PERSONS.values(), ids=HOSTILE_PERSONS.keys())
def test_names_and_personal_addresses_are_refused(text):
    problems = text_problems(text)
    assert any(problem.startswith((PERSON, EMAIL)) for problem in problems), (text, problems)


@pytest.mark.parametrize("text", HOSTILE_MOBILES.values(), ids=HOSTILE_MOBILES.keys())
def test_a_mobile_number_in_free_text_is_refused(text):
    problems = text_problems(text)
    assert any(problem.startswith(MOBILE) for problem in problems), (text, problems)


def test_a_contact_may_hold_a_mobile_number():
    assert text_problems("06 12 34 56 78", contact_value=True) == []


@pytest.mark.parametrize("text", HARMLESS.values(), ids=HARMLESS.keys())
def test_harmless_texts_pass(text):
    assert text_problems(text) == []


def test_what_is_refused_is_named_but_a_number_is_never_repeated_whole():
    problems = text_problems(f"IBAN {FR}, BIC {BIC_CODES[0]}, représenté par M. Paul Girard, Maire")
    text = " ".join(problems)
    assert "« FR76… »" in text and "« EXMP… »" in text and "« M. Paul Girard »" in text
    assert FR not in text and BIC_CODES[0] not in text


def test_a_coordinator_marks_an_institution_once_and_persons_are_still_caught():
    text = "Les Ateliers Pierre Dupont accueillent les familles ; contact : Mme Lucie Bernard."
    assert sorted(persons(text)) == ["Mme Lucie Bernard", "Pierre Dupont"]
    problems = text_problems(text, not_persons=["Ateliers Pierre Dupont"])
    assert len(problems) == 1 and "Mme Lucie Bernard" in problems[0]
    # The mark covers that phrase only: the same name elsewhere is a person again.
    assert any("Pierre Dupont" in p for p in text_problems("Pierre Dupont, Maire", not_persons=["Ateliers Pierre Dupont"]))


def test_a_mark_never_hides_bank_details():
    assert any(p.startswith(BANK) for p in text_problems(f"IBAN {FR}", not_persons=[f"IBAN {FR}"]))


# --- a contract's wording pasted into a fiche ---

# Worded as the source deliberations are (000_… and 001_…: the parties, then Article 4, « Modalités
# de versement »), with invented names and made-up bank details; and the harmless lines around them.
CONTRACT_EXCERPT = f"""\
La Ville d'Exemple, dont le siège est à Exemple – 1, place d'Armes, 99000, représentée par Monsieur Gérard LEFORT agissant en qualité de Maire, en vertu d'une délibération du Conseil Municipal du 3 juillet 2020,
Le centre communal d'action sociale d'Exemple (CCAS d'Exemple), représenté par Mme Sylvie MARCHAND, agissant en qualité de Vice-Présidente du CCAS d'Exemple, ci-après désigné sous le terme « le CCAS » ;
L'État, représenté par Mr le préfet de la Moselle Laurent DUVAL, ci-après désigné sous le terme « l'État », d'autre part,
L'État, représenté par M. le Préfet de la Moselle, ci-après désigné sous le terme « l'État »,
La contribution financière est créditée au compte de « la commune » selon les procédures comptables en vigueur.
Le versement est effectué au compte ouvert au nom de :
CENTRE D'ACTION SOCIALE DE LA VILLE D'EXEMPLE
N° IBAN : {FR}
BIC : {BIC_CODES[1]}
L'ordonnateur de la dépense est le Préfet de la Moselle. Le comptable assignataire de la dépense est Monsieur le Directeur départemental des finances publiques.
Cette dépense est imputée sur les crédits du BOP 104, action 12, sous-action 02, 010402020111 (numéro du code activité spécifique pour les CTAI).
Le Maire de la Ville d'Exemple
"""

CLERMONT_STYLE_EXCERPT = f"""\
La Ville d'Exemple, représentée par son Maire, M. BERTIN,
et
L'État, représenté par M. le Préfet du Puy-de-Dôme,
Versement au compte : N° IBAN : {grouped(FR_LETTERS)} – BIC : {BIC_CODES[0]}
Rapporteur : Docteur Karim HADDAD
"""


def fiche_with(tmp_path: Path, field: str, excerpt: str) -> tuple[Path, Path]:
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    fiche = content / "exemple" / "actions" / "atelier-francais.yml"
    block = "".join(f"  {line}\n" for line in excerpt.splitlines())
    text = fiche.read_text(encoding="utf-8")
    if field == "what":
        start = text.index("what: |\n")
        end = text.index("why:\n")
        text = text[:start] + "what: |\n" + block + text[end:]
    fiche.write_text(text, encoding="utf-8")
    return content, fiche


def refused_messages(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_catalogue(content)
    return [f"{error.field}: {error.message}" for error in raised.value.errors]


def test_a_pasted_contract_gets_its_names_and_bank_details_flagged(tmp_path):
    content, _ = fiche_with(tmp_path, "what", CONTRACT_EXCERPT)
    messages = refused_messages(content)
    assert all(message.startswith("what: ") for message in messages), messages
    found = " ".join(messages)
    for name in ("Monsieur Gérard LEFORT", "Mme Sylvie MARCHAND", "Laurent DUVAL"):
        assert f"« {name} »" in found, (name, messages)
    assert "« FR76… »" in found and f"« {BIC_CODES[1][:4]}… »" in found
    # The offices, the institution in capitals and the budget code are not flagged.
    assert len(messages) == 5, messages


def test_a_pasted_clermont_style_preamble_is_flagged(tmp_path):
    content, _ = fiche_with(tmp_path, "what", CLERMONT_STYLE_EXCERPT)
    found = " ".join(refused_messages(content))
    for name in ("M. BERTIN", "Docteur Karim HADDAD"):
        assert f"« {name} »" in found
    assert f"« {FR_LETTERS[:4]}… »" in found and f"« {BIC_CODES[0][:4]}… »" in found


def test_the_contract_in_a_translation_file_is_flagged_too(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    translation = next((content / "exemple" / "actions").glob("atelier-francais.*.yml"))
    block = "".join(f"  {line}\n" for line in CONTRACT_EXCERPT.splitlines())
    text = translation.read_text(encoding="utf-8")
    start = text.index("what:")
    end = text.index("\n", start)
    # A `what:` written on one line or as a block: replace it by the pasted block.
    following = text[end + 1 :]
    while following.startswith("  "):
        following = following.split("\n", 1)[1] if "\n" in following else ""
    translation.write_text(text[:start] + "what: |\n" + block + following, encoding="utf-8")
    found = " ".join(refused_messages(content))
    assert "« Monsieur Gérard LEFORT »" in found and "« FR76… »" in found


def test_a_mark_that_covers_nothing_is_a_warning(tmp_path):
    from generator.gate.marks import unused_mark_warnings

    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    fiche = content / "exemple" / "actions" / "atelier-francais.yml"
    text = fiche.read_text(encoding="utf-8").replace(
        "  Données de test. Cet atelier n'existe pas.", "  Données de test. Les Ateliers Pierre Dupont n'existent pas."
    )
    fiche.write_text(text + 'not_persons: ["Ateliers Pierre Dupont", "a", "Maison Émile Roux"]\n', encoding="utf-8")
    warnings = [str(warning) for warning in unused_mark_warnings(load_catalogue(content))]
    assert len(warnings) == 2, warnings
    assert "atelier-francais.yml:54: not_persons[2]: « a » ne couvre aucun nom" in warnings[0]
    assert "atelier-francais.yml:54: not_persons[3]: « Maison Émile Roux » ne couvre aucun nom" in warnings[1]


def test_corpus_sizes():
    """The sizes of the corpus, for the record (and a floor, so that it does not shrink unnoticed)."""
    assert len(HOSTILE_BANK) >= 25 and len(HOSTILE_PERSONS) >= 26 and len(HOSTILE_MOBILES) >= 6 and len(HARMLESS) >= 44
    assert len(HOSTILE_MARKS) >= 8 and len(HARMLESS_MARKS) >= 4
    assert bank_identifiers(HOSTILE_BANK["iban-compact"]) == [FR]

"""The checks every text of a content file passes before it can be published."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.gate.contacts import mobile_numbers
from generator.gate.privacy import bank_identifiers, unmarked_persons

# What `catalogue new` writes for a person to replace, and the drafts' « XXXX » amounts.
PLACEHOLDER = re.compile(r"\b(?:[àa] remplir|lorem ipsum|todo|tbd)\b|\bX{3,}\b", re.IGNORECASE)
# The control characters (Unicode's category Cc: C0, DEL and C1) but line breaks and tabs.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates: invisible, they reorder what a reader sees
# (« Trojan Source »). The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) and the zero-width
# joiners (U+200C is in everyday Persian and Dari spelling) only attach to the letters around
# them, and stay allowed.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
NOT_PERSONS_HINT = (
    "si c'est une institution ou un lieu, ajoutez la phrase exacte à la liste not_persons du fichier"
)


def control_characters(text: str) -> list[str]:
    """Names of the control characters of `text` (NUL, BEL…): invisible, they break pages and CSV files."""
    return sorted({f"U+{ord(c):04X}" for c in CONTROL_CHARACTERS.findall(text)})


def _masked(number: str) -> str:
    return number[:4] + "…"


def text_problems(text: str, not_persons: Iterable[str] = (), contact_value: bool = False) -> list[str]:
    """Why `text` cannot be published, in French, one sentence per problem (empty: it can).

    A mobile number is refused in free text: it is most often a person's own phone. The one
    place for a service's mobile is a contact's value (`contact_value`), where it is a warning."""
    problems = []
    controls = control_characters(text)
    if controls:
        problems.append(
            f"caractère de contrôle invisible ({', '.join(controls)}) : retapez le texte sans le copier-coller"
        )
    bidi = sorted({f"U+{ord(c):04X}" for c in BIDI_CONTROLS.findall(text)})
    if bidi:
        problems.append(
            f"caractère invisible de sens d'écriture ({', '.join(bidi)}) : il peut changer l'ordre du texte affiché ;"
            " retapez le texte sans le copier-coller"
        )
    for number in dict.fromkeys(bank_identifiers(text)):
        problems.append(
            f"coordonnées bancaires (IBAN, RIB ou BIC « {_masked(number)} ») : elles ne doivent jamais être publiées,"
            " supprimez-les"
        )
    for person in unmarked_persons(text, not_persons):
        if "@" in person:
            problems.append(
                f"adresse e-mail personnelle « {person} » : donnez l'adresse d'accueil de la structure,"
                " jamais celle d'une personne"
            )
        else:
            problems.append(
                f"nom de personne probable « {person} » : le catalogue ne publie jamais le nom d'une personne ;"
                f" écrivez sa fonction ou son institution (« le maire de Metz », « le CCAS ») ; {NOT_PERSONS_HINT}"
            )
    for number in [] if contact_value else dict.fromkeys(mobile_numbers(text)):
        problems.append(
            f"numéro de portable « {number[: len(number) // 2]}… » dans le texte : c'est souvent le téléphone d'une personne,"
            " il ne doit pas être publié ici. Donnez le numéro d'accueil de la structure ; si ce portable est bien"
            " celui du service, mettez-le dans les contacts (kind: phone)"
        )
    if PLACEHOLDER.search(text):
        problems.append("texte d'exemple laissé tel quel (« À remplir », « XXXX ») : écrivez la vraie information")
    return problems

"""Acronyms and administrative words, explained in the reader's language.

The explanations are gettext messages: each language's catalog translates them. Pages wrap
every term found in their text in an `<abbr>` that links to its explanation at the bottom of
the page, so a tap explains it, with or without JavaScript.
"""

from __future__ import annotations

import re

from generator import routes
from generator.labels import N_

TERMS = {
    "BPI": N_("Bénéficiaire d'une protection internationale : personne reconnue réfugiée, ou qui a la protection subsidiaire, ou apatride."),
    "BPT": N_("Bénéficiaire de la protection temporaire : par exemple, les personnes qui ont fui la guerre en Ukraine."),
    "CIR": N_("Contrat d'intégration républicaine : contrat signé avec l'État à l'arrivée en France. Il donne des cours de français et une formation civique."),
    "OFII": N_("Office français de l'immigration et de l'intégration : l'organisme de l'État qui accueille les étrangers et fait signer le CIR."),
    "OFPRA": N_("Office français de protection des réfugiés et apatrides : l'organisme qui décide de la protection internationale."),
    "CCAS": N_("Centre communal d'action sociale : le service social de la mairie."),
    "CAF": N_("Caisse d'allocations familiales : elle verse des aides pour la famille et le logement."),
    "CPAM": N_("Caisse primaire d'assurance maladie : elle rembourse les soins."),
    "FLE": N_("Français langue étrangère : cours de français pour les personnes dont ce n'est pas la langue maternelle."),
    "CLLAJ": N_("Comité local pour le logement autonome des jeunes : il aide les jeunes à trouver un logement."),
    "CTAI": N_("Contrat territorial d'accueil et d'intégration : contrat entre une ville ou une métropole et l'État, qui finance ces actions."),
    "CTAIR": N_("Contrat territorial d'accueil et d'intégration des réfugiés : l'ancien nom du CTAI."),
    "France Travail": N_("Le service public de l'emploi (avant : Pôle emploi). Il aide à trouver un travail ou une formation."),
    "Mission locale": N_("Service qui aide les jeunes de 16 à 25 ans pour l'emploi, la formation, le logement et la santé."),
    "titre de séjour": N_("Document qui permet à une personne étrangère de vivre en France."),
}

# A term stands alone against Latin letters and digits only: other scripts attach prefixes and
# suffixes to a borrowed acronym (Tigrinya ንCCAS « to the CCAS », Arabic وCPAM « and the CPAM »).
_LATIN_WORD = r"0-9A-Za-z\u00C0-\u024F_"


def pattern(terms, flags: int = 0) -> re.Pattern:
    """A regular expression that finds any of `terms`, the longest first, prefixes allowed."""
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![{_LATIN_WORD}-])(?:{alternatives})(?![{_LATIN_WORD}-])", flags)


_PATTERN = pattern(TERMS, re.IGNORECASE)
_BY_FOLDED = {term.casefold(): term for term in TERMS}


def anchor(term: str) -> str:
    return routes.GLOSSARY_ANCHOR + routes.slugify(term)


def terms_in(texts: list[str]) -> list[str]:
    """The glossary terms that appear in `texts`, in glossary order."""
    found = {_BY_FOLDED[match.casefold()] for text in texts for match in _PATTERN.findall(text)}
    return [term for term in TERMS if term in found]

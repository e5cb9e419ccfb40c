"""What may never be published: bank identifiers and names of persons.

Bank identifiers are found by their checksum (python-stdnum), on a copy of the text normalized
for case, spaces (non-breaking ones included), separators, zero-width characters and line breaks:
the word « RIB » alone is harmless, a valid number is the signal. A BIC has no checksum, so it
counts only next to a bank word (BIC, compte, virement…), or when it is coded as no word is.

Persons are found by the ways the source contracts write them: a civility or title before a name,
« représenté par X, Maire », a first name from Faker's lists followed by a capitalized word, and
personal e-mail addresses (prenom.nom@…). A coordinator lists the phrases that are institutions,
not persons, in the file's `not_persons` field: each covers only a phrase the detector flagged,
whole, where it is written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from stdnum import bic, iban

# Characters that hide inside a number without showing: zero-width spaces and joiners, BOM.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Separators a person types inside a number.
SEPARATORS = r"[\s.\-_/\u2010-\u2015]*"

IBAN_CANDIDATE = re.compile(r"(?<![A-Z0-9])[A-Z]{2}\d{2}(?:" + SEPARATORS + r"[A-Z0-9]){11,32}")
BIC_CANDIDATE = re.compile(r"(?<![A-Z0-9])[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Z0-9])")
# Words that say a nearby code is a bank's.
BANK_CONTEXT = re.compile(r"\b(?:BIC|SWIFT|IBAN|RIB|COMPTE|BANQUE|BANCAIRE|VIREMENT|DOMICILIATION)\b")
BIC_WORD = re.compile(r"\b(?:BIC|SWIFT)\b\W{0,12}$")
RIB_GROUPS = re.compile(
    r"(?<![0-9])(\d{5})" + SEPARATORS + r"(\d{5})" + SEPARATORS + r"([0-9A-Z]{11})" + SEPARATORS + r"(\d{2})(?![0-9])"
)
# The same four parts with their labels in between, as in a RIB table.
RIB_LABELLED = re.compile(
    r"(?<![0-9])(\d{5})\D{1,40}?(?<![0-9])(\d{5})\D{1,40}?(?<![0-9A-Z])([0-9A-Z]{11})(?![0-9A-Z])\D{1,40}?(?<![0-9])(\d{2})(?![0-9])"
)


def normalized(text: str) -> str:
    """Compatibility forms folded, invisible characters dropped."""
    return unicodedata.normalize("NFKC", text).translate(INVISIBLE)


def _compact(candidate: str) -> str:
    return re.sub(SEPARATORS, "", candidate)


def _rib_key_valid(bank: str, branch: str, account: str, key: str) -> bool:
    """The French RIB key: 97 - (89 × bank + 15 × branch + 3 × account) mod 97, letters as digits."""
    letters = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")
    account_digits = account.translate(letters)
    if not account_digits.isdigit():
        return False
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account_digits)) % 97 == int(key)


def bank_identifiers(text: str) -> list[str]:
    """The IBAN, RIB and BIC numbers in `text`, as found (compacted)."""
    found = []
    plain = normalized(text)
    upper = plain.upper()
    for match in IBAN_CANDIDATE.finditer(upper):
        compact = _compact(match.group())
        # The candidate may run on into the next word: try every length an IBAN can have.
        for length in range(min(len(compact), 34), 14, -1):
            if iban.is_valid(compact[:length]):
                found.append(compact[:length])
                break
    for pattern in (RIB_GROUPS, RIB_LABELLED):
        for match in pattern.finditer(upper):
            if _rib_key_valid(*match.groups()):
                found.append(" ".join(match.groups()))
    for match in BIC_CANDIDATE.finditer(upper):
        code = match.group()
        before = upper[max(0, match.start() - 40) : match.start()]
        # Written in capitals, a code near a bank word; in small letters, a word unless « BIC » precedes it.
        capitals = len(plain) != len(upper) or plain[match.start() : match.end()].isupper()
        # In text written all in capitals (« COMPTE RENDU DE L'ASSOCIATION »), words look like codes: only « BIC » counts.
        shouting = capitals and not any(c.islower() for c in plain[max(0, match.start() - 40) : match.start()])
        near_word = BANK_CONTEXT.search(before) if capitals and not shouting else BIC_WORD.search(before[-20:])
        # A digit in the location code, or the head office's branch code XXX: no word is written so.
        looks_coded = any(c.isdigit() for c in code[6:8]) or code[8:] == "XXX"
        if (near_word or looks_coded) and bic.is_valid(code):
            found.append(code)
    return found


# --- Persons ---

CIVILITY = r"(?:M\.|MM\.|Mme|Mmes|Mlle|Melle|Monsieur|Madame|Mademoiselle|Messieurs|Dr\.?|Docteur|Docteure|Maître|Pr\.?|Professeur|Professeure|Mr\.?|Mrs\.?|Ms\.?)"
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]+"
# « M. le Préfet », « Madame la Maire » name an office, not a person.
NOT_A_NAME = {"le", "la", "les", "l", "du", "de", "des", "et", "ou", "the"}
SPACE = r"[ \u00a0\u202f]+"
CIVILITY_NAME = re.compile(r"(?<![\w])" + CIVILITY + SPACE + r"(" + NAME_WORD + r"(?:" + SPACE + NAME_WORD + r")?)")
OFFICES = r"(?i:Maire|Préfète|Préfet|Présidente|Président|Vice-Présidente|Vice-Président|Adjointe|Adjoint|Directrice|Directeur|Conseillère|Conseiller|Députée|Député|Sénatrice|Sénateur)"
# « Le maire Grosdidier », « le préfet Alain Régnier »: an office, then a name in lowercase
# letters after its capital. A word in capitals alone is left: after an office it is as often an
# acronym (« la directrice ADOMA ») as a name.
OFFICE_NAME = re.compile(
    r"(?<![\w-])(?i:sous-)?" + OFFICES + SPACE + r"(" + NAME_WORD + r")(?:" + SPACE + r"(" + NAME_WORD + r"))?"
)
# Words that follow an office and are no name: the office's own words, institutions, services.
NOT_AFTER_OFFICE = {
    "maire", "prefet", "prefete", "president", "presidente", "vice-president", "vice-presidente", "adjoint",
    "adjointe", "directeur", "directrice", "conseiller", "conseillere", "depute", "deputee", "senateur", "senatrice",
    "general", "generale", "delegue", "deleguee", "municipal", "municipale", "departemental", "departementale",
    "regional", "regionale", "territorial", "territoriale", "national", "nationale", "honoraire", "numerique",
    "technique", "administratif", "administrative", "financier", "financiere", "principal", "principale",
    "executif", "executive", "interministeriel", "interministerielle", "referent", "referente", "sortant",
    "sortante", "emploi", "insertion", "france", "pole", "mission", "ville", "etat", "republique", "metropole",
    "conseil", "departement", "region", "association", "social", "sociale", "jeunesse", "enfance", "education",
    "sante", "solidarite", "solidarites", "logement", "culture", "sport", "sports", "communication", "juridique",
    "pedagogique", "operationnel", "operationnelle", "charge", "chargee", "du", "de", "des",
}


def _office_names(text: str) -> list[str]:
    """« Le maire Grosdidier »: an office followed by a name."""
    found = []
    for match in OFFICE_NAME.finditer(text):
        name, second = match.group(1), match.group(2)
        if _fold(name) in NOT_AFTER_OFFICE or not any(c.islower() for c in name):
            continue
        end = match.end() if second and _fold(second) not in NOT_AFTER_OFFICE else match.end(1)
        found.append(text[match.start() : end])
    return found


REPRESENTED_BY = re.compile(
    r"(?i:représenté(?:e|s|es)?\s+par)\s+(" + NAME_WORD + r"(?:" + SPACE + NAME_WORD + r")*?)\s*,?\s+"
    r"(?i:agissant en qualité de\s+|en sa qualité de\s+)?(?i:son\s+|sa\s+)?" + OFFICES
)
# A word after which a first name names a place or an institution: « rue Jean Jaurès ».
PLACE_WORDS = {
    "rue", "avenue", "av", "boulevard", "bd", "place", "allée", "allee", "impasse", "quai", "square", "cours", "chemin",
    "route", "passage", "pont", "parc", "jardin", "cité", "cite", "quartier", "résidence", "residence", "collège",
    "college", "lycée", "lycee", "école", "ecole", "groupe", "scolaire", "centre", "espace", "maison", "salle", "stade",
    "gymnase", "médiathèque", "mediatheque", "bibliothèque", "bibliotheque", "hôpital", "hopital", "clinique",
    "institut", "fondation", "université", "universite", "faculté", "association", "foyer", "saint", "sainte", "st",
    "ste", "dispensaire", "street", "school",
}
# Words between a place word and the name it carries: « Centre social Louise Michel ».
PLACE_CONNECTORS = {
    "de", "du", "des", "d", "la", "le", "l", "social", "sociale", "socioculturel", "socio-culturel", "culturel",
    "culturelle", "municipal", "municipale", "communal", "communale", "intercommunal", "intercommunale",
    "départemental", "départementale", "sportif", "sportive", "associatif", "associative", "médico-social",
    "hospitalier", "universitaire", "public", "publique", "privé", "privée",
}
LATIN_OR_CYRILLIC_WORD = re.compile(r"[\w'’-]+")
WORD_BEFORE = re.compile(r"([\w'’-]+)[^\w.,;:!?()«»\"\n]*$")


def _names_a_place(text: str, start: int) -> bool:
    """Whether the name starting at `start` follows a place or institution word: « rue Victor Hugo »,
    « Maison Madame Curie », « Centre social Louise Michel »."""
    before = text[:start]
    for _ in range(4):
        match = WORD_BEFORE.search(before)
        if not match:
            return False
        word = match.group(1).casefold().strip("'’")
        word = re.split(r"['’]", word)[-1] if "'" in word or "’" in word else word
        if word in PLACE_WORDS:
            return True
        if word not in PLACE_CONNECTORS:
            return False
        before = before[: match.start()]
    return False
PERSONAL_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@[\w-]+(?:\.[\w-]+)+")


@functools.lru_cache(maxsize=1 << 16)  # every word of every text is folded: a catalogue's words repeat
def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


# First names that are also places or words capitalized in institutions' names: « France Travail »,
# « Nancy Métropole », « Aude Habitat ».
NOT_FIRST_NAMES = {
    "france", "nancy", "florence", "aude", "el", "thi", "pol", "line", "lise", "iris", "ambre", "jade", "rose", "flore",
    "eden", "max", "lou", "mira", "nour", "grace", "espérance", "esperance", "victoire", "fortune", "prudence",
}


@functools.cache
def _first_names() -> frozenset[str]:
    """First names of the languages the site speaks (Faker's lists), folded."""
    from faker.providers.person.ar_AA import Provider as Arabic
    from faker.providers.person.fa_IR import Provider as Persian
    from faker.providers.person.fr_BE import Provider as Belgian
    from faker.providers.person.fr_DZ import Provider as Algerian
    from faker.providers.person.fr_FR import Provider as French
    from faker.providers.person.ru_RU import Provider as Russian
    from faker.providers.person.uk_UA import Provider as Ukrainian

    names = set()
    # Belgium's and Algeria's French lists add the names of many newcomers in Latin letters (Fatima, Karim…).
    for provider in (French, Belgian, Algerian, Russian, Ukrainian, Arabic, Persian):
        names.update(_fold(name) for name in provider.first_names if " " not in name)
    return frozenset(names - NOT_FIRST_NAMES)


@functools.cache
def _uncased_last_names() -> frozenset[str]:
    """Last names of the scripts without capitals (Arabic, Persian): the second half of a name there."""
    from faker.providers.person.ar_AA import Provider as Arabic
    from faker.providers.person.fa_IR import Provider as Persian

    return frozenset(name for provider in (Arabic, Persian) for name in provider.last_names if " " not in name)


def _is_first_name(word: str, first_names: frozenset[str]) -> bool:
    """« Jean », and « Jean-Pierre » when each part is a first name."""
    folded = _fold(word)
    return folded in first_names or ("-" in folded and all(part in first_names for part in folded.split("-") if part))


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper() and word.casefold() not in NOT_A_NAME


def persons(text: str) -> list[str]:
    """Phrases of `text` that look like a person's name or personal address."""
    found = []
    for match in CIVILITY_NAME.finditer(text):
        name = match.group(1)
        if name.split()[0].casefold().rstrip("'’") not in NOT_A_NAME and not _names_a_place(text, match.start()):
            found.append(match.group().strip())
    for match in REPRESENTED_BY.finditer(text):
        if match.group(1).split()[0].casefold() not in NOT_A_NAME:
            found.append(match.group(1))
    found += _office_names(text)
    words = list(LATIN_OR_CYRILLIC_WORD.finditer(text))
    first_names = _first_names()
    last_names = _uncased_last_names()
    for index, word in enumerate(words[:-1]):
        first, following = word.group(), words[index + 1].group()
        if not _is_first_name(first, first_names) or text[word.end() : words[index + 1].start()].strip():
            continue
        if _names_a_place(text, word.start()):
            continue
        cased = first[:1].isupper() and _is_capitalized(following) and following[:1].isalpha()
        uncased = not first[:1].isupper() and not first[:1].islower() and following in last_names
        if cased or uncased:
            found.append(f"{first} {following}")
    for match in PERSONAL_EMAIL.finditer(text):
        parts = [part for part in re.split(r"[._-]", match.group(1)) if part]
        # prenom.nom, p.nom, nom.prenom
        if len(parts) >= 2 and (len(parts[0]) == 1 or any(_fold(part) in first_names for part in parts)):
            found.append(match.group())
    # « M. Jacques Martin » is found twice (civility, first name): say it once, in full.
    unique = list(dict.fromkeys(found))
    return [phrase for phrase in unique if not any(phrase != other and phrase in other for other in unique)]


# A mark may hold the name it covers and the few words around it that make it an institution's
# (« Ateliers Pierre Dupont », « Centre social Pierre Dupont de Metz »), never a whole paragraph.
# The coordinators' reference says « quatre » (models.NOT_PERSONS_DESCRIPTION).
MARK_EXTRA_WORDS = 4


def _covers(text: str, start: int, end: int, mark: str, phrase: str) -> bool:
    """Whether `mark` is written in `text` over the whole of the phrase at start:end."""
    if len(mark.split()) > len(phrase.split()) + MARK_EXTRA_WORDS:
        return False
    return any(
        found.start() <= start and end <= found.end()
        for found in re.finditer(re.escape(mark), text, flags=re.IGNORECASE)
    )


def screened_persons(text: str, not_persons: Iterable[str]) -> tuple[list[str], set[str]]:
    """(the persons of `text` that no mark covers, the marks that covered one).

    A mark counts only where it covers one phrase the detector flagged, whole, at each place the
    phrase is written: `not_persons: [a, o, e]` covers nothing, a mark spanning two names covers
    neither, and « Ateliers Pierre Dupont » leaves « Pierre Dupont, Maire » flagged elsewhere."""
    marks = [mark.strip() for mark in not_persons if mark.strip()]
    covering: dict[str, list[set[str]]] = {}  # phrase → the marks covering each place it is written
    for phrase in persons(text):
        starts = [found.start() for found in re.finditer(re.escape(phrase), text)]
        covering[phrase] = [
            {mark for mark in marks if _covers(text, start, start + len(phrase), mark, phrase)} for start in starts
        ] or [set()]
    greedy = {mark for mark in marks if sum(any(mark in place for place in places) for places in covering.values()) > 1}
    flagged, used = [], set()
    for phrase, places in covering.items():
        honoured = [place - greedy for place in places]
        if all(honoured):
            used.update(*honoured)
        else:
            flagged.append(phrase)
    return flagged, used


def unmarked_persons(text: str, not_persons: Iterable[str]) -> list[str]:
    """`persons(text)` but those a coordinator marked as not persons (`screened_persons`)."""
    return screened_persons(text, not_persons)[0]

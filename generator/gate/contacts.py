"""Contact values a reader can use: French phone numbers (phonenumbers), e-mail addresses
(email-validator) and web addresses without credentials or hidden characters."""

from __future__ import annotations

import re
import urllib.parse

import email_validator
import phonenumbers

REGION = "FR"
# A mailbox, not a query: `accueil?bcc=…` or `a&b@…` would add recipients to a mailto: link.
SAFE_LOCAL_PART = re.compile(r"^[\w.+'-]+$")
UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f\\\"<>`{}|^]")


def _parsed_phone(value: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number) or phonenumbers.is_valid_short_number(number):
        return number
    return None


def phone_problem(value: str) -> str | None:
    if _parsed_phone(value) is None:
        return f"« {value} » n'est pas un numéro de téléphone valable (exemple : 03 87 00 00 00, ou +33 3 87 00 00 00)"
    return None


def phone_href(value: str) -> str:
    """`tel:` target, in E.164 (`+33387000000`); a short number (3949) stays as dialled."""
    number = _parsed_phone(value)
    if number is None or not phonenumbers.is_valid_number(number):
        return "tel:" + re.sub(r"[^0-9+]", "", value)
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_display(value: str) -> str:
    """The number as French readers write it: `03 87 00 00 00`, or international for abroad."""
    number = _parsed_phone(value)
    if number is None or not phonenumbers.is_valid_number(number):
        return value
    style = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 33 else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def _is_french_mobile(number: phonenumbers.PhoneNumber) -> bool:
    return number.country_code == 33 and str(number.national_number)[:1] in "67" and phonenumbers.number_type(
        number
    ) in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def is_mobile(value: str) -> bool:
    """A mobile number is often a person's own phone: worth a warning in a public contact."""
    number = _parsed_phone(value)
    return number is not None and _is_french_mobile(number)


# A 0 or 33, then a 6 or a 7: most texts have no such thing, and need no closer look.
MOBILE_HINT = re.compile(r"(?:0|33)\D{0,4}[67]")


def mobile_numbers(text: str) -> list[str]:
    """The French mobile numbers written in a free text, as written (phonenumbers finds them)."""
    if not MOBILE_HINT.search(text):
        return []
    return [match.raw_string for match in phonenumbers.PhoneNumberMatcher(text, REGION) if _is_french_mobile(match.number)]


def email_problem(value: str) -> str | None:
    local = value.rpartition("@")[0]
    if not SAFE_LOCAL_PART.match(local or "?"):
        return f"« {value} » n'est pas une adresse e-mail simple : seuls lettres, chiffres, « . », « - », « _ » et « + » avant le @"
    try:
        email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return f"« {value} » n'est pas une adresse e-mail (exemple : accueil@ville.fr)"
    return None


def website_problem(value: str) -> str | None:
    if UNSAFE_IN_URL.search(value):
        return f"« {value} » contient des espaces ou des caractères interdits dans une adresse web"
    try:
        parts = urllib.parse.urlsplit(value)
        parts.port  # reading it checks it: a port that is no number, or above 65535, raises
    except ValueError:
        return f"« {value} » n'est pas une adresse web valable (crochets ou port mal écrits) : recopiez-la depuis la barre d'adresse du navigateur"
    if parts.scheme not in ("https", "http") or not parts.hostname or "." not in parts.hostname:
        return f"« {value} » n'est pas une adresse web complète (elle doit commencer par https://)"
    if parts.username is not None or parts.password is not None:
        return f"« {value} » contient un identifiant ou un mot de passe (avant « @ ») : donnez l'adresse publique seule"
    return None


MOBILE_WARNING = (
    "« {value} » est un numéro de portable : souvent celui d'une personne. Le contact public d'une structure est"
    " un numéro fixe d'accueil ; gardez le portable seulement s'il est celui du service, pas d'un agent."
)


def _line_of_value(path, value: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if value in line), 1)


def mobile_warnings(catalogue) -> list:
    """A warning for each mobile number among the public contacts (coordinators' and actions')."""
    from generator.checks import ContentWarning
    from generator.errors import display_path
    from generator.models import ContactKind

    warnings = []
    for territory in catalogue.territories.values():
        places = [(territory.path, "coordinator.contacts", territory.model.coordinator.contacts)]
        places += [
            (action.path, "orientation.contacts", action.model.orientation.contacts or [])
            for action in territory.actions.values()
        ]
        for path, field, contacts in places:
            for index, contact in enumerate(contacts, start=1):
                if contact.kind is ContactKind.phone and is_mobile(contact.value):
                    warnings.append(ContentWarning(
                        display_path(path), _line_of_value(path, contact.value), f"{field}[{index}].value",
                        MOBILE_WARNING.format(value=contact.value), territory.slug,
                    ))
    return warnings

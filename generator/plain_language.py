"""Plain-language warnings on the French public text: many readers read little, or read French
as a new language. They never block publication; `catalogue validate` lists them.

- an acronym neither explained by the glossary (generator/glossary.py) nor spelled out in the
  fiche, as « Centre communal d'action sociale (CCAS) »;
- a sentence of more than 25 words;
- an ended action whose public text gives no date: a reader must see when it happened.
"""

from __future__ import annotations

import datetime as dt
import re

from generator import glossary
from generator.checks import ContentWarning
from generator.dates import period_status
from generator.errors import display_path, field_path
from generator.fingerprints import translatable_fields
from generator.models import Catalogue, LoadedAction
from generator.yaml_reader import field_lines, line_of

MAX_WORDS = 25
# Two capitals or more, alone: BPI, CCAS, PMI. Not « A1 » (digits) nor « L'OFII » split wrongly.
ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z]{1,7})(?![\w-])")
# Words written in capitals one after another (« LES CHIFFRES : ») are shouted text, not acronyms.
SHOUTED = re.compile(r"(?<![\w-])[A-ZÀ-Ý]{2,}(?:[ \u00a0'’]+[A-ZÀ-Ý]{2,})+(?![\w-])")
# Short French words, alone in capitals: emphasis, never acronyms.
CAPITAL_WORDS = {"LE", "LA", "LES", "DE", "DU", "DES", "UN", "UNE", "ET", "OU", "EN", "AU", "AUX", "POUR", "AVEC", "SUR",
                 "DANS", "PAR", "NB"}
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
WORD = re.compile(r"[\w’'-]+")


def _texts(fields: dict, loc: tuple = ()):
    """(location, text) for every public French text of a fiche."""
    for key, value in fields.items():
        if isinstance(value, dict):
            yield from _texts(value, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield (*loc, key, index), item
        else:
            yield (*loc, key), value


def _acronyms(text: str) -> set[str]:
    return set(ACRONYM.findall(SHOUTED.sub(" ", text))) - CAPITAL_WORDS


def _spelled_out(acronym: str, text: str) -> bool:
    return f"({acronym})" in text or f"{acronym} (" in text


def _action_warnings(action: LoadedAction, territory: str, status: str) -> list[ContentWarning]:
    """The warnings of one fiche, each at its field's line."""
    texts = list(_texts(translatable_fields(action.model)))
    whole = "\n".join(text for _, text in texts)
    found = []
    unexplained = sorted(
        set().union(*(_acronyms(text) for _, text in texts))
        - set(glossary.TERMS)
        - {acronym for acronym in _acronyms(whole) if _spelled_out(acronym, whole)}
    )
    if unexplained:
        first = next(loc for loc, text in texts if _acronyms(text) & set(unexplained))
        found.append((first, f"sigle{'s' if len(unexplained) > 1 else ''} sans explication : {', '.join(unexplained)}. "
                      "Écrivez-le en toutes lettres une fois, par exemple « Protection maternelle et infantile (PMI) »."))
    for loc, text in texts:
        for sentence in SENTENCE_END.split(text):
            words = len(WORD.findall(sentence))
            if words > MAX_WORDS:
                found.append((loc, f"phrase de {words} mots (plus de {MAX_WORDS}) : coupez-la en deux. « {sentence[:60]}… »"))
    if status == "ended" and not YEAR.search(whole):
        found.append((("what",), "action terminée, mais le texte ne dit pas quand elle a eu lieu : donnez l'année, "
                      "comme le document source."))
    # The models keep no lines: the file is read again for them, only when there is something to say.
    data = field_lines(action.path) if found else None
    path = display_path(action.path)
    return [ContentWarning(path, line_of(data, loc), field_path(loc), message, territory) for loc, message in found]


def plain_language_warnings(catalogue: Catalogue, today: dt.date) -> list[ContentWarning]:
    warnings = []
    for territory in catalogue.territories.values():
        for action in territory.actions.values():
            period = action.model.who.period or territory.contract(action.model.admin.contract).period
            warnings += _action_warnings(action, territory.slug, period_status(period.start, period.end, today))
    return warnings

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
from generator.errors import display_path
from generator.fingerprints import translatable_fields
from generator.models import Catalogue, LoadedAction

MAX_WORDS = 25
# Two capitals or more, alone: BPI, CCAS, PMI. Not « A1 » (digits) nor « L'OFII » split wrongly.
ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z]{1,7})(?![\w-])")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
WORD = re.compile(r"[\w’'-]+")


def _texts(fields: dict, prefix: str = ""):
    """(field, text) for every public French text of a fiche."""
    for key, value in fields.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _texts(value, f"{name}.")
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                yield f"{name}[{index}]", item
        else:
            yield name, value


def _spelled_out(acronym: str, text: str) -> bool:
    return f"({acronym})" in text or f"{acronym} (" in text


def _action_warnings(action: LoadedAction, territory: str, status: str) -> list[ContentWarning]:
    path = display_path(action.path)
    texts = list(_texts(translatable_fields(action.model)))
    whole = "\n".join(text for _, text in texts)
    warnings = []
    unexplained = sorted(
        {acronym for _, text in texts for acronym in ACRONYM.findall(text)}
        - set(glossary.TERMS)
        - {acronym for acronym in ACRONYM.findall(whole) if _spelled_out(acronym, whole)}
    )
    if unexplained:
        warnings.append(ContentWarning(
            path, 1, "", f"sigle{'s' if len(unexplained) > 1 else ''} sans explication : {', '.join(unexplained)}. "
            "Écrivez-le en toutes lettres une fois, par exemple « Protection maternelle et infantile (PMI) ».",
            territory,
        ))
    for field, text in texts:
        for sentence in SENTENCE_END.split(text):
            words = len(WORD.findall(sentence))
            if words > MAX_WORDS:
                warnings.append(ContentWarning(
                    path, 1, field, f"phrase de {words} mots (plus de {MAX_WORDS}) : coupez-la en deux. « {sentence[:60]}… »",
                    territory,
                ))
    if status == "ended" and not YEAR.search(whole):
        warnings.append(ContentWarning(
            path, 1, "what", "action terminée, mais le texte ne dit pas quand elle a eu lieu : donnez l'année, "
            "comme le document source.", territory,
        ))
    return warnings


def plain_language_warnings(catalogue: Catalogue, today: dt.date) -> list[ContentWarning]:
    warnings = []
    for territory in catalogue.territories.values():
        for action in territory.actions.values():
            period = action.model.who.period or territory.contract(action.model.admin.contract).period
            warnings += _action_warnings(action, territory.slug, period_status(period.start, period.end, today))
    return warnings

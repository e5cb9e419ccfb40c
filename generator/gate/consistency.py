"""Checks across fields that one field's type cannot make: dates that contradict each other, and
the scaffold's example values left in place."""

from __future__ import annotations

import datetime as dt

from generator.models import Action, Period, Territory

# What `catalogue new` used to write as examples: they are not facts.
PLACEHOLDER_DEPARTMENT = "00"
PLACEHOLDER_CONTRACT = "ctai-aaaa-aaaa"


def _period_problems(period: Period, loc: tuple, outer: Period | None = None) -> list[tuple[tuple, str]]:
    """Sessions outside their period; with `outer`, the period outside the contract's."""
    start = period.start or (outer.start if outer else None)
    end = period.end or (outer.end if outer else None)
    problems = []
    for index, session in enumerate(period.sessions):
        if (start and start.earliest and session < start.earliest) or (end and end.latest and session > end.latest):
            problems.append(
                ((*loc, "sessions", index), f"la session du {session.isoformat()} est hors de la période"
                 f" ({start.as_written() if start else '…'} – {end.as_written() if end else '…'})")
            )
    return problems


def territory_problems(territory: Territory) -> list[tuple[tuple, str]]:
    """(location, message) of every inconsistency of a territory file."""
    problems = []
    for index, code in enumerate(territory.departments):
        if code == PLACEHOLDER_DEPARTMENT:
            problems.append((("departments", index), "« 00 » est l'exemple du modèle : écrivez le vrai code du département"))
    for index, contract in enumerate(territory.contracts):
        if contract.id == PLACEHOLDER_CONTRACT:
            problems.append(
                (("contracts", index, "id"), "« ctai-aaaa-aaaa » est l'exemple du modèle : donnez un vrai identifiant, par exemple ctai-2022-2025")
            )
        problems += _period_problems(contract.period, ("contracts", index, "period"))
    return problems


def action_problems(action: Action, contract_period: Period | None, today: dt.date) -> list[tuple[tuple, str]]:
    """(location, message) of every inconsistency of an action file."""
    problems = []
    if action.last_verified > today:
        problems.append(
            (("last_verified",), f"la date de vérification {action.last_verified.isoformat()} est dans le futur :"
             " écrivez le jour où vous avez vérifié")
        )
    if action.admin.contract == PLACEHOLDER_CONTRACT:
        problems.append((("admin", "contract"), "« ctai-aaaa-aaaa » est l'exemple du modèle : écrivez l'identifiant d'un contrat de territory.yml"))
    period = action.who.period if isinstance(action.who.period, Period) else None
    if period:
        problems += _period_problems(period, ("who", "period"), contract_period)
    alert = action.alert
    if alert:
        if alert.start and alert.end and alert.end < alert.start:
            problems.append((("alert", "end"), "l'alerte finit avant de commencer : vérifiez start et end"))
        end = (period.end if period else None) or (contract_period.end if contract_period else None)
        start = (period.start if period else None) or (contract_period.start if contract_period else None)
        if alert.start and end and end.latest and alert.start > end.latest:
            problems.append((("alert", "start"), f"l'alerte commence après la fin de l'action ({end.as_written()})"))
        if alert.end and start and start.earliest and alert.end < start.earliest:
            problems.append((("alert", "end"), f"l'alerte finit avant le début de l'action ({start.as_written()})"))
    return problems

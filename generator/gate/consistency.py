"""Checks across fields that one field's type cannot make: dates that contradict each other, and
the scaffold's example values left in place.

An action's period against its contract's, with dates as precise as their source (a year, a
month: generator/dates.py), judged only where the dates leave no doubt:
- wholly outside the contract (ended before it began, or began after it ended) is an error: a
  contract cannot have financed it;
- overhanging it (begun before, or ending after) is a warning only: contracts finance actions
  already under way (a school year begun before the signature), and amendments extend them."""

from __future__ import annotations

import datetime as dt

from generator.models import Action, Period, Territory

# What `catalogue new` used to write as examples: they are not facts.
PLACEHOLDER_DEPARTMENT = "00"
PLACEHOLDER_CONTRACT = "ctai-aaaa-aaaa"


def _outside_contract(period: Period, contract: Period) -> list[tuple[tuple, str]]:
    """(location, message) when the action's period lies wholly outside its contract's."""
    loc = ("who", "period")
    if period.end and period.end.latest and contract.start and contract.start.earliest and period.end.latest < contract.start.earliest:
        return [((*loc, "end"), f"l'action finit ({period.end.as_written()}) avant le début de son contrat"
                 f" ({contract.start.as_written()}) : vérifiez ses dates, ou admin.contract")]
    if period.start and period.start.earliest and contract.end and contract.end.latest and period.start.earliest > contract.end.latest:
        return [((*loc, "start"), f"l'action commence ({period.start.as_written()}) après la fin de son contrat"
                 f" ({contract.end.as_written()}) : vérifiez ses dates, ou admin.contract")]
    return []


def overhanging_contract(period: Period, contract: Period) -> list[tuple[tuple, str]]:
    """(location, message) where the action's period certainly runs beyond its contract's."""
    loc = ("who", "period")
    problems = []
    if period.start and period.start.latest and contract.start and contract.start.earliest and period.start.latest < contract.start.earliest:
        problems.append(((*loc, "start"), f"l'action commence ({period.start.as_written()}) avant son contrat"
                         f" ({contract.start.as_written()}) : vérifiez la date, si le document source ne le dit pas"))
    if period.end and period.end.earliest and contract.end and contract.end.latest and period.end.earliest > contract.end.latest:
        problems.append(((*loc, "end"), f"l'action finit ({period.end.as_written()}) après son contrat"
                         f" ({contract.end.as_written()}) : vérifiez la date, si le document source ne le dit pas"))
    return problems


def _period_problems(period: Period, loc: tuple, outer: Period | None = None) -> list[tuple[tuple, str]]:
    """Sessions outside their period (or, where it gives no date, outside `outer`'s)."""
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
        problems += _outside_contract(period, contract_period) if contract_period else []
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


def contract_period_warnings(catalogue) -> list:
    """A warning where an action's period certainly overhangs its contract's (an error when wholly
    outside it: `action_problems`)."""
    from generator.checks import ContentWarning
    from generator.errors import display_path, field_path
    from generator.yaml_reader import field_lines, line_of

    warnings = []
    for territory in catalogue.territories.values():
        for action in territory.actions.values():
            period = action.model.who.period
            contract = territory.contract(action.model.admin.contract).period
            found = overhanging_contract(period, contract) if isinstance(period, Period) and not _outside_contract(period, contract) else []
            data = field_lines(action.path) if found else None
            warnings += [
                ContentWarning(display_path(action.path), line_of(data, loc), field_path(loc), message, territory.slug)
                for loc, message in found
            ]
    return warnings

"""A suggested procedure line and its units, from the amounts of its sentence.

The amount nearest to the words that named the code counts for it, so "45 minutes of
exercise and 30 minutes of manual therapy" gives each service its own time (the rules
that turn an amount into units are in units.py).
"""

from dataclasses import dataclass, replace

from codes.formats import System
from codes.models import Code, CodeRelation

from . import units
from .quantities import Amount


@dataclass(frozen=True)
class Procedure:
    code: str
    system: str
    title: str
    units: int
    start: int
    end: int
    text: str
    score: float = 0.0


def with_units(text: str, base: Procedure, row: Code, found: list[Amount]) -> list[Procedure]:
    """The line of `row` with its units, or for a first-part code and its add-on, both."""
    if row.system == System.ICD10PCS:
        return [base]

    def apart(a: Amount) -> bool:  # "30 min; manual therapy 15 min": another clause's
        between = text[min(a.end, base.end) : max(a.start, base.start)]
        return ";" in between

    nearby = sorted(
        found,
        key=lambda a: (
            not a.total,
            apart(a),
            min(abs(a.start - base.end), abs(a.end - base.start)),
        ),
    )
    unit = units.quantum(row.long_description) or units.quantum(row.plain_description)
    if unit is None:
        return [base]
    if unit.kind == "minutes" and (unit.initial or unit.additional):
        return _first_and_add_on(text, base, row, unit, nearby)
    counted = units.units_for(unit, nearby)
    if counted is None:
        return [base]
    n, amount = counted
    return [_evidence(text, replace(base, units=n), amount)]


def _first_and_add_on(
    text: str, base: Procedure, row: Code, unit: units.Quantum, nearby: list[Amount]
) -> list[Procedure]:
    """A code for the first part of a timed service and its add-on for each further part:
    the time splits between them (the catalogue's add-on relation links the two)."""
    if unit.additional:
        relation = CodeRelation.objects.filter(source=row, kind=CodeRelation.Kind.ADDON_OF)
    else:
        relation = CodeRelation.objects.filter(target=row, kind=CodeRelation.Kind.ADDON_OF)
    pair = relation.select_related("source", "target").first()
    time = next((a for a in nearby if a.kind == "minutes"), None)
    if pair is None or time is None:
        return [base] if unit.initial else []
    first_code, add_on = pair.target, pair.source
    first = units.quantum(first_code.long_description)
    each = units.quantum(add_on.long_description)
    if first is None or each is None:
        return [base]
    n_first, n_each = units.split_time(time.value, first, each)
    lines = []
    for code, n in ((first_code, n_first), (add_on, n_each)):
        if n:
            line = replace(base, code=code.code, system=code.system, title=code.title, units=n)
            lines.append(_evidence(text, line, time))
    return lines


def _evidence(text: str, procedure: Procedure, amount: Amount) -> Procedure:
    start, end = min(procedure.start, amount.start), max(procedure.end, amount.end)
    return replace(procedure, start=start, end=end, text=text[start:end])

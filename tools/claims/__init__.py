"""The claim check: codes with units and modifiers, a date of service and a setting →
findings, each naming its rule, the codes, what to do and the release it rests on.

`check()` gathers the facts in a fixed number of queries (data.py) and runs the rules
(rules.py, payment.py), which are plain functions over those facts.
"""

from dataclasses import dataclass
from datetime import date

from codes import asof

from . import payment, rules
from .data import gather
from .lines import Line, line, parse
from .rules import Finding

RULES: list[rules.Rule] = [
    rules.known_codes,
    rules.valid_on_date,
    rules.excludes1,
    rules.sequencing,
    rules.addons,
    rules.ncci,
    rules.mue,
    payment.fee_schedule,
    payment.modifiers,
]
SETTINGS = ("practitioner", "outpatient")
ORDER = {rules.ERROR: 0, rules.WARNING: 1, rules.INFO: 2}


@dataclass(frozen=True)
class Checked:
    code: str
    system: str | None
    title: str
    valid_on_date: bool


def check(
    lines: list[Line], day: date, setting: str = "practitioner"
) -> tuple[list[Finding], list[Checked]]:
    """Every rule over the lines as they stood on `day`, errors first."""
    facts = gather(lines, day, setting)
    findings = [finding for rule in RULES for finding in rule(lines, facts)]
    findings.sort(key=lambda finding: ORDER[finding.severity])
    checked = []
    for typed in lines:
        code = facts.codes.get(typed.code)
        if code is None:
            checked.append(Checked(typed.code, None, "", False))
            continue
        standing = asof.standing(code, facts.history.get(code.id, []), day)
        checked.append(Checked(code.code, code.system, code.title, standing.valid))
    return findings, checked


__all__ = ["SETTINGS", "Checked", "Finding", "Line", "check", "line", "parse"]

"""Fee-schedule and modifier rules of the claim check: what Medicare's indicators say about
each procedure line and the modifiers on it."""

from collections.abc import Iterator

from codes import valuesets

from .data import Facts
from .lines import Line
from .rules import ERROR, INFO, WARNING, Finding

# Status codes a coder must act on, and how loud the finding is.
STATUS_SEVERITY = {"I": ERROR, "N": ERROR, "X": ERROR, "G": ERROR, "D": ERROR, "B": WARNING}
STATUS_SEVERITY |= {"P": WARNING, "R": WARNING, "T": INFO, "C": INFO, "E": INFO, "M": INFO}
# Modifier → (fee-schedule indicator field, its value set, values that forbid it, values
# that need documentation).
MODIFIER_INDICATORS = {
    "50": ("bilateral_surgery", valuesets.PFS_BILATERAL, {"0", "2", "3", "9"}, set()),
    "51": ("multiple_procedure", valuesets.PFS_MULTIPLE_PROCEDURE, {"0", "9"}, set()),
    "62": ("co_surgeons", valuesets.PFS_CO_SURGEONS, {"0", "9"}, {"1"}),
    "66": ("team_surgery", valuesets.PFS_TEAM_SURGERY, {"0", "9"}, {"1"}),
    "80": ("assistant_surgeon", valuesets.PFS_ASSISTANT_SURGEON, {"1", "9"}, {"0"}),
    "81": ("assistant_surgeon", valuesets.PFS_ASSISTANT_SURGEON, {"1", "9"}, {"0"}),
    "82": ("assistant_surgeon", valuesets.PFS_ASSISTANT_SURGEON, {"1", "9"}, {"0"}),
    "AS": ("assistant_surgeon", valuesets.PFS_ASSISTANT_SURGEON, {"1", "9"}, {"0"}),
}
SIDES = {"LT", "RT"}


def fee_schedule(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    procedures = [facts.codes[line.code] for line in lines if line.code in facts.codes]
    procedures = [code for code in procedures if code.system in ("cpt", "hcpcs")]
    if procedures and not facts.fee_schedule_loaded:
        yield Finding(
            "fee-schedule",
            INFO,
            tuple(dict.fromkeys(code.code for code in procedures)),
            "The physician fee schedule is not loaded: payment status, global days and the "
            "modifier indicators were not checked.",
        )
        return
    for line in lines:
        code = facts.codes.get(line.code)
        if code is None or code.system not in ("cpt", "hcpcs"):
            continue
        row = facts.fee_schedule.get(code.id)
        if row is None:
            yield Finding(
                "fee-schedule",
                INFO,
                (code.code,),
                f"{code.code} has no physician fee schedule row for {facts.day.year} or "
                "earlier: its payment status and modifier indicators were not checked.",
                facts.fee_schedule_release,
            )
            continue
        release = f"MPFS {row.year}" + (f" · {row.release.name}" if row.release else "")
        severity = STATUS_SEVERITY.get(row.status)
        if severity:
            meaning = valuesets.meaning(valuesets.PFS_STATUS, row.status)
            yield Finding(
                "fee-schedule",
                severity,
                (code.code,),
                f"{code.code}: MPFS status {meaning}.",
                release,
            )
        if row.global_days in ("010", "090"):
            meaning = valuesets.meaning(valuesets.PFS_GLOBAL_DAYS, row.global_days)
            yield Finding(
                "global-days", INFO, (code.code,), f"{code.code}: global days {meaning}.", release
            )
        for modifier in line.modifiers:
            found = MODIFIER_INDICATORS.get(modifier)
            if found is None:
                continue
            name, valueset, forbidden, documented = found
            value = getattr(row, name)
            meaning = valuesets.meaning(valueset, value) if value else "no indicator"
            if value in forbidden:
                message = f"{code.code}-{modifier}: {meaning}."
                yield Finding("modifier-indicator", ERROR, (code.code, modifier), message, release)
            elif value in documented:
                message = f"{code.code}-{modifier}: {meaning}."
                yield Finding(
                    "modifier-indicator", WARNING, (code.code, modifier), message, release
                )


def modifiers(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    for line in lines:
        for modifier in line.modifiers:
            if modifier not in facts.modifiers:
                message = f"{modifier} on {line.code} is not a modifier CodeAhead holds."
                yield Finding("modifier", ERROR, (line.code, modifier), message)
        if set(line.modifiers) >= SIDES:
            message = (
                f"{line.code} has both LT and RT on one line: report each side on its own line, "
                "or use the bilateral modifier 50 where the fee schedule allows it."
            )
            side = facts.modifiers.get("LT")
            release = side.release.name if side is not None and side.release else ""
            yield Finding("modifier", ERROR, (line.code, "LT", "RT"), message, release)

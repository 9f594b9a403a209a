"""Inpatient facts: CC/MCC levels of ICD-10-CM codes and MS-DRG weights (CMS Tables 5,
6I and 6J as loaded). CC exclusions by principal diagnosis (Table 6K) are not loaded:
a question that depends on them says so."""

from codes.models import ComorbidityLevel, MsDrg

from .answer import Answer, Citation, Fact, cite, decline
from .question import Question

NAMES = {"cc": "CC", "mcc": "MCC"}


def cc_mcc(question: Question) -> Answer:
    code = question.known[0]
    level = (
        ComorbidityLevel.objects.filter(code=code)
        .select_related("release")
        .order_by("-fiscal_year")
        .first()
    )
    loaded = level is not None or ComorbidityLevel.objects.exists()
    if not loaded:
        return decline("cc_mcc", "The CMS CC/MCC lists are not loaded.", [code.code])
    value = NAMES[level.level] if level else "neither"
    release = level.release.name if level and level.release else _lists_release()
    year = f"FY{level.fiscal_year}" if level else "the loaded"
    said = f"{'an' if value == 'MCC' else 'a'} {value}" if level else "neither a CC nor an MCC"
    text = f"{code.code} is {said} as a secondary diagnosis ({year} CMS CC/MCC lists)."
    asked = "mcc" if question.has(r"\bmcc\b") else "cc" if question.has(r"\bcc\b") else ""
    both = question.has(r"\bcc or (an )?mcc\b|\bseverity\b")
    verdict = None
    if asked and not both:
        verdict = "yes" if level is not None and level.level == asked else "no"
    facts = [Fact("Severity as a secondary diagnosis", value, release)]
    others = [c for c in question.known[1:] if c.system == code.system]
    if others and question.has(r"principal|pdx|primary"):
        text += (
            f" Whether {others[0].code} as principal diagnosis excludes it (the CC exclusion "
            "list) is not in our data."
        )
        return Answer(text, "cc_mcc", facts, [cite(code, "facts-h")], [code.code], declined=True)
    return Answer(
        text,
        "cc_mcc",
        facts,
        [cite(code, "facts-h")],
        [code.code],
        verdict=verdict,
        suggestions=[f"what is {code.code}"],
    )


def _lists_release() -> str:
    row = ComorbidityLevel.objects.select_related("release").order_by("-fiscal_year").first()
    return row.release.name if row and row.release else ""


def drg(question: Question) -> Answer:
    numbers = [n.zfill(3) for n in question.numbers if len(n) <= 4]
    numbers += [n.typed.zfill(3) for n in question.codes if n.code is None and n.typed.isdigit()]
    if not numbers:
        return decline("drg", "Name an MS-DRG number, for example 470.")
    rows = {
        row.drg: row
        for row in MsDrg.objects.filter(drg__in=numbers)
        .select_related("release")
        .order_by("fiscal_year")
    }
    missing = [n for n in numbers if n not in rows]
    if missing:
        return decline("drg", f"MS-DRG {missing[0].lstrip('0') or missing[0]} is not in our data.")
    facts: list[Fact] = []
    citations: list[Citation] = []
    parts = []
    for number in dict.fromkeys(numbers):
        row = rows[number]
        release = row.release.name if row.release else f"FY{row.fiscal_year}"
        kind = f"{row.get_type_display().lower()} ({row.type})" if row.type else "no type"
        facts += [
            Fact(f"MS-DRG {row.drg}", row.title, release),
            Fact("MDC", row.mdc or "none", release),
            Fact("Type", kind, release),
            Fact("Relative weight", _number(row.weight), release),
            Fact("Geometric mean length of stay", _number(row.geometric_mean_los), release),
            Fact("Arithmetic mean length of stay", _number(row.arithmetic_mean_los), release),
        ]
        citations.append(
            Citation(f"MS-DRG {row.drg}: CMS Table 5, FY{row.fiscal_year}", "", release)
        )
        parts.append(_sentence(question, row, kind))
    return Answer(" ".join(parts), "drg", facts, citations, list(dict.fromkeys(numbers)))


def _sentence(question: Question, row: MsDrg, kind: str) -> str:
    name = f"MS-DRG {row.drg} (FY{row.fiscal_year})"
    if question.has(r"\bweight"):
        return f"{name} has a relative weight of {row.weight}."
    if question.has(r"\bgeometric"):
        return f"{name}: geometric mean length of stay {row.geometric_mean_los} days."
    if question.has(r"\barithmetic"):
        return f"{name}: arithmetic mean length of stay {row.arithmetic_mean_los} days."
    if question.has(r"\bmdc\b"):
        return f"{name} is in MDC {row.mdc}."
    if question.has(r"surgical|medical|\btype\b"):
        return f"{name} is {kind}."
    weight = _number(row.weight)
    return f"{name} is “{row.title}”: MDC {row.mdc or 'none'}, {kind}, relative weight {weight}."


def _number(value: object) -> str:
    return "not given" if value is None else str(value)

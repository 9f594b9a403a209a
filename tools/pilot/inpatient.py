"""Inpatient facts from CMS's MS-DRG tables as loaded: the CC/MCC level of an ICD-10-CM
code as a secondary diagnosis, whether a principal diagnosis cancels it (Table 6K), and
an MS-DRG's title, MDC, type, weight and mean stays (Table 5). Both through the
catalogue's own query functions (codes/drg.py), which the pages use too."""

from django.urls import reverse

from codes import drg as drgs

from .answer import Answer, Citation, Fact, cite, decline
from .question import Question

NAMES = {"cc": "CC", "mcc": "MCC"}


def cc_mcc(question: Question) -> Answer:
    code = question.known[0]
    others = [c for c in question.known[1:] if c.system == code.system]
    principal = others[0].code if others and question.has(r"principal|pdx|primary") else None
    status = drgs.cc_status(code.code, principal=principal)
    if status is None:
        return decline("cc_mcc", f"{code.code} is not an ICD-10-CM code we hold.", [code.code])
    value = NAMES[status.level] if status.level else "neither"
    year = f"FY{status.fiscal_year}" if status.fiscal_year else "the loaded"
    article = "an" if value == "MCC" else "a"
    said = f"{article} {value}" if status.level else "neither a CC nor an MCC"
    text = f"{code.code} is {said} as a secondary diagnosis ({year} CMS CC/MCC lists)."
    facts = [Fact("Severity as a secondary diagnosis", value, status.source)]
    citations = [cite(code, "facts-h")]
    if status.alive_only:
        text += " It counts only if the patient is discharged alive (Table 6K, part 2)."
        facts.append(Fact("Condition", "Only when discharged alive", status.source))
    asked = "mcc" if question.has(r"\bmcc\b") else "cc" if question.has(r"\bcc\b") else ""
    verdict = None
    if asked and not question.has(r"\bcc or (an )?mcc\b|\bseverity\b"):
        verdict = "yes" if status.level == asked else "no"
    if principal is not None and status.level:
        citations.append(cite(code, "ccx-h"))
        if status.excluded_by_principal:
            text = (
                f"No: with {principal} as principal diagnosis, {code.code} does not count as "
                f"{article} {value}: {principal} is in its CC exclusion list (Table 6K)."
            )
            verdict = "no"
        else:
            text = (
                f"Yes: {code.code} is {article} {value}, and {principal} as principal "
                "diagnosis does not exclude it (Table 6K)."
            )
            verdict = "yes"
        facts.append(
            Fact(
                f"Principal diagnosis {principal}",
                "excludes it" if status.excluded_by_principal else "does not exclude it",
                status.source,
            )
        )
    return Answer(
        text,
        "cc_mcc",
        facts,
        citations,
        [code.code, *([principal] if principal else [])],
        verdict=verdict,
        suggestions=[f"what is {code.code}"],
    )


def drg(question: Question) -> Answer:
    numbers = [n.zfill(3) for n in question.numbers if len(n) <= 4]
    numbers += [n.typed.zfill(3) for n in question.codes if n.code is None and n.typed.isdigit()]
    if not numbers:
        return decline("drg", "Name an MS-DRG number, for example 470.")
    found = {number: drgs.ms_drg(number) for number in dict.fromkeys(numbers)}
    missing = [number for number, info in found.items() if info is None]
    if missing:
        shown = missing[0].lstrip("0") or missing[0]
        return decline("drg", f"MS-DRG {shown} is not in our data.")
    facts: list[Fact] = []
    citations: list[Citation] = []
    parts = []
    for info in [info for info in found.values() if info is not None]:
        kind = info.type.lower() if info.type else "no type"
        facts += [
            Fact(f"MS-DRG {info.drg}", info.title, info.source),
            Fact("MDC", f"{info.mdc} {info.mdc_title}".strip() or "none", info.source),
            Fact("Type", kind, info.source),
            Fact("Relative weight", _number(info.weight), info.source),
            Fact("Geometric mean length of stay", _number(info.geometric_mean_los), info.source),
            Fact("Arithmetic mean length of stay", _number(info.arithmetic_mean_los), info.source),
        ]
        url = reverse("codes:ms_drg", kwargs={"drg": info.drg}) + "#drg-h"
        citations.append(Citation(f"MS-DRG {info.drg}: {info.title}", url, info.source))
        parts.append(_sentence(question, info, kind))
    return Answer(" ".join(parts), "drg", facts, citations, list(found))


def _sentence(question: Question, info: drgs.DrgInfo, kind: str) -> str:
    year = f" (FY{info.fiscal_year})" if info.fiscal_year else ""
    name = f"MS-DRG {info.drg}{year}"
    if info.retired_on:
        return f"{name} “{info.title}” was retired on {info.retired_on:%Y-%m-%d}."
    if question.has(r"\bweight"):
        return f"{name} has a relative weight of {_number(info.weight)}."
    if question.has(r"\bgeometric"):
        return f"{name}: geometric mean length of stay {_number(info.geometric_mean_los)} days."
    if question.has(r"\barithmetic"):
        return f"{name}: arithmetic mean length of stay {_number(info.arithmetic_mean_los)} days."
    if question.has(r"\bmdc\b"):
        return f"{name} is in MDC {info.mdc} ({info.mdc_title})."
    if question.has(r"surgical|medical|\btype\b"):
        return f"{name} is {kind}."
    weight = _number(info.weight)
    mdc = f"MDC {info.mdc}" if info.mdc else "no MDC"
    return f"{name} is “{info.title}”: {mdc}, {kind}, relative weight {weight}."


def _number(value: object) -> str:
    return "not given" if value is None else str(value)

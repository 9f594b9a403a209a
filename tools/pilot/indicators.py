"""What an indicator value means (codes/valuesets.py, the meanings every page prints),
and, when the question names a code, the value that code has in our data."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from codes import valuesets
from codes.models import Code, FeeScheduleIndicator, HcpcsIndicator, MueLimit, OppsIndicator
from codes.models.indicators import LABELS, ServiceCategory

from .answer import Answer, Citation, Fact, cite, decline
from .question import Question

Reader = Callable[[Code], tuple[list[str], str]]  # code → (its values, release)


@dataclass(frozen=True)
class Scheme:
    pattern: str  # what a coder types for it
    name: str
    values: dict[str, str]
    anchor: str  # the page block that shows it
    read: Reader


def _pfs(field: str) -> Reader:
    def read(code: Code) -> tuple[list[str], str]:
        row = (
            FeeScheduleIndicator.objects.filter(code=code, modifier="")
            .select_related("release")
            .order_by("-year")
            .first()
        )
        if row is None:
            return [], ""
        value = getattr(row, field)
        return ([value] if value else []), f"MPFS {row.year}" + (
            f" · {row.release.name}" if row.release else ""
        )

    return read


def _opps(code: Code) -> tuple[list[str], str]:
    row = (
        OppsIndicator.objects.filter(code=code).select_related("release").order_by("-year").first()
    )
    return ([row.status_indicator], row.release.name if row.release else "") if row else ([], "")


def _mue(code: Code) -> tuple[list[str], str]:
    rows = list(MueLimit.objects.filter(code=code).select_related("release"))
    release = rows[0].release.name if rows and rows[0].release else ""
    return [r.adjudication_indicator for r in rows if r.adjudication_indicator], release


def _category(scheme: str) -> Reader:
    def read(code: Code) -> tuple[list[str], str]:
        rows = list(
            ServiceCategory.objects.filter(code=code, scheme=scheme).select_related("release")
        )
        release = rows[0].release.name if rows and rows[0].release else ""
        return [r.value for r in rows], release

    return read


def _pricing(code: Code) -> tuple[list[str], str]:
    row = HcpcsIndicator.objects.filter(code=code).select_related("release").first()
    return (list(row.pricing), row.release.name if row.release else "") if row else ([], "")


# Most specific first: "OPPS status indicator" before "status".
SCHEMES = [
    Scheme(
        r"\bopps\b|\bsi\b|status indicator",
        "OPPS status indicator",
        valuesets.OPPS_STATUS_INDICATOR,
        "class-h",
        _opps,
    ),
    Scheme(
        r"\bmue\b|adjudication",
        "MUE adjudication indicator",
        valuesets.MUE_ADJUDICATION,
        "class-h",
        _mue,
    ),
    Scheme(r"\bglobal\b", "Global days", valuesets.PFS_GLOBAL_DAYS, "pfs-1", _pfs("global_days")),
    Scheme(r"pc/?tc", LABELS["pctc"], valuesets.PFS_PCTC, "pfs-1", _pfs("pctc")),
    Scheme(
        r"bilateral",
        "Bilateral surgery indicator",
        valuesets.PFS_BILATERAL,
        "pfs-1",
        _pfs("bilateral_surgery"),
    ),
    Scheme(
        r"multiple procedure",
        "Multiple procedure indicator",
        valuesets.PFS_MULTIPLE_PROCEDURE,
        "pfs-1",
        _pfs("multiple_procedure"),
    ),
    Scheme(
        r"assistant",
        "Assistant at surgery indicator",
        valuesets.PFS_ASSISTANT_SURGEON,
        "pfs-1",
        _pfs("assistant_surgeon"),
    ),
    Scheme(
        r"co-?surg",
        "Co-surgeons indicator",
        valuesets.PFS_CO_SURGEONS,
        "pfs-1",
        _pfs("co_surgeons"),
    ),
    Scheme(
        r"team surg",
        "Team surgery indicator",
        valuesets.PFS_TEAM_SURGERY,
        "pfs-1",
        _pfs("team_surgery"),
    ),
    Scheme(
        r"supervision",
        "Physician supervision indicator",
        valuesets.PFS_PHYSICIAN_SUPERVISION,
        "pfs-1",
        _pfs("physician_supervision"),
    ),
    Scheme(
        r"imaging family",
        "Diagnostic imaging family",
        valuesets.PFS_IMAGING_FAMILY,
        "pfs-1",
        _pfs("imaging_family"),
    ),
    Scheme(
        r"pricing indicator",
        "HCPCS pricing indicator",
        valuesets.HCPCS_PRICING,
        "hcpcs-h",
        _pricing,
    ),
    Scheme(
        r"type of service|\btos\b",
        "Type of service",
        valuesets.TYPE_OF_SERVICE,
        "class-h",
        _category(ServiceCategory.Scheme.TYPE_OF_SERVICE),
    ),
    Scheme(
        r"\bbetos\b", "BETOS", valuesets.BETOS, "class-h", _category(ServiceCategory.Scheme.BETOS)
    ),
    Scheme(
        r"\bstatus\b|\bmpfs\b|fee schedule",
        "MPFS status",
        valuesets.PFS_STATUS,
        "pfs-1",
        _pfs("status"),
    ),
]


def scheme_of(question: Question) -> Scheme | None:
    return next((s for s in SCHEMES if question.has(s.pattern)), None)


def indicator(question: Question) -> Answer:
    scheme = scheme_of(question)
    if scheme is None:
        return decline("indicator_meaning", "The question names no indicator we hold.")
    value = _asked_value(question, scheme)
    code = question.known[0] if question.known else None
    facts: list[Fact] = []
    citations: list[Citation] = []
    parts = []
    if value is not None:
        parts.append(f"{scheme.name} {value} means: {scheme.values[value]}.")
        facts.append(Fact(f"{scheme.name} {value}", scheme.values[value], "CMS value set"))
    if code is not None and scheme.read is _mue:
        for row in MueLimit.objects.filter(code=code).select_related("release"):
            release = row.release.name if row.release else ""
            facts.append(Fact(f"MUE ({row.get_setting_display()})", f"{row.value} units", release))
            parts.append(f"{code.code}: MUE of {row.value} units ({row.get_setting_display()}).")
    if code is not None:
        held, release = scheme.read(code)
        citations.append(cite(code, scheme.anchor))
        if held:
            shown = ", ".join(valuesets.meaning(scheme.values, v) for v in held)
            facts.append(Fact(f"{code.code}: {scheme.name}", shown, release))
            if value is None:
                parts.append(f"{code.code} has {scheme.name} {shown}.")
            elif value not in held:
                parts.append(
                    f"Our data gives {code.code} {scheme.name} {', '.join(held)}, not {value}."
                )
        else:
            parts.append(f"Our data holds no {scheme.name} for {code.code}.")
    if not parts:
        values = ", ".join(sorted(scheme.values)[:12])
        parts.append(f"Which {scheme.name} value? The official values include {values}.")
    return Answer(
        " ".join(parts),
        "indicator_meaning",
        facts,
        citations,
        [code.code] if code is not None else [],
    )


def _asked_value(question: Question, scheme: Scheme) -> str | None:
    """The value typed right after the indicator's name, else any word typed exactly
    as one of its values (upper case: "a" and "is" are not values)."""
    words = re.findall(r"[A-Za-z0-9]+", question.text)
    codes = {n.typed for n in question.codes + question.modifiers}
    match = re.search(scheme.pattern, question.lower)
    if match:
        after = re.findall(r"[A-Za-z0-9]+", question.text[match.end() :])
        for word in after[:3]:
            typed_as_value = not word.isalpha() or word.isupper()
            if word.upper() in scheme.values and word.upper() not in codes and typed_as_value:
                return word.upper()
    for word in words:
        if word in scheme.values and word not in codes:
            return word
    return None

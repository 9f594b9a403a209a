"""ICD-10-PCS definitions as loaded with the PCS tables (PcsAxisLabel): root operations
(3rd character of the Medical and Surgical section) and approaches (5th character).
PCS guidelines and ICD-9-CM crosswalks (GEMs) are not in our data."""

import re
from functools import cache

from codes.formats import Kind, System
from codes.models import Code, PcsAxisLabel

from .answer import Answer, Citation, Fact, decline
from .question import Question

MEDICAL_SURGICAL = "0"


@cache
def _root_operation_names() -> frozenset[str]:
    labels = PcsAxisLabel.objects.filter(position=3, prefix__startswith=MEDICAL_SURGICAL)
    return frozenset(label.lower() for label in labels.values_list("label", flat=True).distinct())


def root_operation_named(question: Question) -> str | None:
    names = sorted(_root_operation_names(), key=len, reverse=True)
    return next((n for n in names if re.search(rf"\b{re.escape(n)}\b", question.lower)), None)


def root_operation(question: Question, name: str) -> Answer:
    rows = list(
        PcsAxisLabel.objects.filter(
            position=3, prefix__startswith=MEDICAL_SURGICAL, label__iexact=name
        )
        .exclude(definition="")
        .select_related("release")
    )
    if not rows:
        return decline("pcs_definition", f"The definition of {name} is not in our loaded tables.")
    row = rows[0]
    tables = list(
        Code.objects.in_system(System.ICD10PCS)
        .filter(kind=Kind.TABLE, code__in=[r.prefix + r.value for r in rows])
        .order_by("position", "code")
    )
    release = row.release.name if row.release else ""
    facts = [Fact(f"Root operation {row.label} (character {row.value})", row.definition, release)]
    if row.explanation:
        facts.append(Fact("Explanation", row.explanation, release))
    if tables:
        facts.append(Fact("Tables using it", ", ".join(t.code for t in tables), release))
    citations = [
        Citation(f"Table {t.code}: {t.title}", t.get_absolute_url() + "#rootop-h", release)
        for t in tables
    ]
    return Answer(
        f"Root operation {row.label} (3rd character {row.value}): {row.definition}.",
        "pcs_definition",
        facts,
        citations,
        [],
        suggestions=[f"what does the pcs table {tables[0].code} cover"] if tables else [],
    )


def approach(question: Question) -> Answer | None:
    match = re.search(r"\bapproach\s+([0-9A-HJ-NP-Z])\b", question.text, re.I)
    if not match:
        return None
    value = match[1].upper()
    row = (
        PcsAxisLabel.objects.filter(position=5, value=value, prefix__startswith=MEDICAL_SURGICAL)
        .exclude(definition="")
        .select_related("release")
        .first()
    )
    if row is None:
        return decline(
            "pcs_definition", f"Approach {value} has no definition in our loaded tables."
        )
    release = row.release.name if row.release else ""
    return Answer(
        f"Approach {value} ({row.label}): {row.definition}.",
        "pcs_definition",
        [Fact(f"Approach {value}", f"{row.label}: {row.definition}", release)],
        [Citation(f"ICD-10-PCS tables, approach {value}", "", release)],
    )


def guideline() -> Answer:
    return decline(
        "pcs_definition",
        "The ICD-10-PCS Official Guidelines are not in our data yet, so I will not quote or "
        "paraphrase one.",
        ["ICD-10-PCS"],
    )


def gem() -> Answer:
    return decline(
        "gem",
        "The ICD-9-CM to ICD-10-PCS crosswalks (GEMs) are not in our data yet.",
    )

"""ICD-10-PCS answers: root-operation and approach definitions as loaded with the PCS
tables (PcsAxisLabel), the official PCS guidelines and the ICD-9-CM procedure → PCS GEMs
(codes/crosswalks.py, the functions their pages use)."""

import re
from functools import cache

from django.urls import reverse

from codes import crosswalks
from codes.formats import Kind, System
from codes.models import Code, PcsAxisLabel, PcsGuideline

from .answer import Answer, Citation, Fact, decline
from .question import Question

MEDICAL_SURGICAL = "0"
GUIDELINE_KEY = re.compile(r"\bguideline\s+([A-Ca-c]\d{1,2}(?:\.\d{1,2}[a-z]?)?)\b", re.I)
ICD9 = re.compile(r"\b\d{2}\.\d{1,2}\b")
# Words of a guideline question that say nothing of its topic.
GUIDELINE_FLUFF = frozenset(
    re.findall(
        r"\S+",
        "pcs icd the and are how when which what does code coded coding guideline guidelines "
        "covers cover one two same procedure procedures should",
    )
)
SYNONYMS = {"both": "bilateral", "biopsies": "biopsy", "knees": "knee", "devices": "device"}
MIN_GUIDELINE_SCORE = 4


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


def guideline(question: Question) -> Answer:
    """A guideline by its number ("B3.1a", "a8"), else the one whose topic and text share
    the most words with the question; declined when none shares enough."""
    match = GUIDELINE_KEY.search(question.text)
    if match:
        found = crosswalks.pcs_guideline(match[1])
        if found is None:
            return decline(
                "pcs_definition",
                f"Guideline {match[1]} is not in the ICD-10-PCS guidelines we hold.",
                ["ICD-10-PCS guidelines"],
            )
        return _guideline_answer(found, [])
    ranked = _rank_guidelines(question)
    if not ranked:
        return decline(
            "pcs_definition",
            "No ICD-10-PCS guideline we hold matches the question well enough.",
            ["ICD-10-PCS guidelines"],
        )
    return _guideline_answer(ranked[0], ranked[1:3])


def _rank_guidelines(question: Question) -> list[PcsGuideline]:
    words = {
        SYNONYMS.get(w, w)[:5]
        for w in re.findall(r"[a-z]+", question.lower)
        if len(w) > 2 and w not in GUIDELINE_FLUFF
    }
    if not words:
        return []
    scored = []
    for row in PcsGuideline.objects.select_related("release"):
        section = {w[:5] for w in re.findall(r"[a-z]+", row.section.lower())}
        topic = {w[:5] for w in re.findall(r"[a-z]+", row.topic.lower())}
        text = {w[:5] for w in re.findall(r"[a-z]+", row.text.lower())}
        # The section names the subject (Device), the topic the detail (…via device); a
        # word counts once, where it weighs most, so ties go to the first (general) one.
        in_topic = (words & topic) - section
        score = 4 * len(words & section) + 3 * len(in_topic) + len(words & text)
        if score >= MIN_GUIDELINE_SCORE and words & (section | topic):
            scored.append((-score, row.position, row))
    return [row for _score, _position, row in sorted(scored, key=lambda item: item[:2])]


def _guideline_answer(found: PcsGuideline, others: list[PcsGuideline]) -> Answer:
    release = found.release.name if found.release else ""
    first = re.split(r"(?<=[.])\s", found.text.strip(), maxsplit=1)[0]
    url = reverse("codes:pcs_guideline", kwargs={"key": found.key})
    return Answer(
        f"ICD-10-PCS guideline {found.key} ({found.section}: {found.topic}): {first}",
        "pcs_definition",
        [Fact(f"Guideline {found.key}", f"{found.section}: {found.topic}", release)],
        [Citation(f"ICD-10-PCS guideline {found.key}: {found.topic}", url, release)],
        [],
        suggestions=[f"pcs guideline {other.key}" for other in others],
    )


def gem(question: Question) -> Answer:
    match = ICD9.search(question.text)
    if not match:
        return decline("gem", "Name an ICD-9-CM procedure code, for example 47.01.")
    found = crosswalks.icd9_to_pcs(match[0])
    if found is None:
        return decline(
            "gem", f"ICD-9-CM procedure {match[0]} is not in the GEMs we hold.", [match[0]]
        )
    targets = [t for t in found.targets if not t.no_map]
    url = reverse("codes:icd9_procedure", kwargs={"code": found.code}) + "#targets-h"
    name = f"ICD-9-CM {found.code}" + (f" ({found.description})" if found.description else "")
    citations = [Citation(name, url, found.source)]
    if not targets:
        return Answer(
            f"{name} has no ICD-10-PCS equivalent in the GEMs (no map).",
            "gem",
            [Fact(found.code, "No map", found.source)],
            citations,
            [],
        )
    codes = list(dict.fromkeys(t.pcs_code for t in targets))
    flags = " (approximate)" if any(t.approximate for t in targets) else ""
    combination = any(t.combination for t in targets)
    text = f"{name} maps to {', '.join(codes[:12])} in the GEMs{flags}."
    if len(codes) > 12:
        text = f"{name} maps to {len(codes)} ICD-10-PCS codes in the GEMs{flags}."
    if combination:
        text += " It is a combination: one code from each choice list of a scenario."
    text += " A GEM is a translation aid: code from the record."
    facts = [
        Fact(t.pcs_code, t.title or "not in our PCS code set", found.source) for t in targets[:20]
    ]
    for target in targets[:12]:
        if target.in_catalogue:
            page = reverse("codes:detail", kwargs={"system": "icd10pcs", "code": target.pcs_code})
            citations.append(Citation(f"{target.pcs_code} – {target.title}", page, found.source))
    return Answer(text, "gem", facts, citations, codes)

"""A detected code made specific by what the case says in another sentence.

DetectICD10CM reads a condition with the words around it; a case often names the
detail apart: the organism a culture grew ("pneumonia" ... "sputum grew Klebsiella"),
how gestational diabetes is controlled ("managed with diet alone"). The specific code
is the sibling whose catalogue title names that detail; negated statements ("no
insulin") do not count.
"""

import re

from codes.formats import System
from codes.models import Code

from .diagnoses import Diagnosis

SENTENCE = re.compile(r"[^.;\n]+")
DENIED = re.compile(r"\b(?:no|not|without|negative|never|denies)\b", re.I)
# An organism as notes write it → the words the pneumonia titles (J12-J16) use for it.
ORGANISMS = (
    (r"streptococcus pneumoniae|s\. ?pneumoniae|pneumococc\w*", "streptococcus pneumoniae"),
    (r"ha?emophilus influenzae|h\. ?influenzae", "hemophilus influenzae"),
    (r"klebsiella", "klebsiella"),
    (r"pseudomonas", "pseudomonas"),
    (r"\bMRSA\b|methicillin[- ]resistant staph\w*", "methicillin resistant staphylococcus"),
    (r"\bMSSA\b|methicillin[- ](?:susceptible|sensitive) staph\w*", "methicillin susceptible"),
    (r"escherichia coli|\bE\. ?coli\b", "escherichia coli"),
    (r"mycoplasma", "mycoplasma pneumoniae"),
    (r"group B strep\w*|streptococcus agalactiae", "streptococcus, group b"),
    (r"\bRSV\b|respiratory syncytial", "respiratory syncytial virus"),
    (r"adenovir\w*", "adenoviral"),
    (r"parainfluenza", "parainfluenza"),
    (r"metapneumovirus", "metapneumovirus"),
    (r"acinetobacter", "acinetobacter"),
    (r"chlamydia pneumoniae|chlamydophila", "chlamydial"),
)
# Where a lung's organism is found: not a urine culture's.
AIRWAY = re.compile(
    r"\bpneumonia\b|sputum|respiratory|\bBAL\b|bronch\w*|tracheal|urine antigen|pleural", re.I
)
CONTROL = (
    (re.compile(r"\binsulin\b", re.I), "insulin controlled"),
    (
        re.compile(
            r"\b(?:metformin|glyburide|glipizide|oral (?:agents?|hypoglycemic\w*|medications?|"
            r"antidiabetic\w*))\b",
            re.I,
        ),
        "controlled by oral hypoglycemic drugs",
    ),
    (re.compile(r"\bdiet\b", re.I), "diet controlled"),
)


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    out = []
    for diagnosis in found:
        better = None
        if diagnosis.code.startswith("J18"):
            better = _organism(text)
        elif re.fullmatch(r"O24\.4\d9", diagnosis.code):
            better = _control(text, diagnosis.code)
        if better is not None and better[0] not in {d.code for d in found}:
            diagnosis = Diagnosis(*better, diagnosis.start, diagnosis.end, diagnosis.text)
        out.append(diagnosis)
    return out


def _said(text: str) -> list[str]:
    """The sentences of `text` that deny nothing."""
    return [s.group() for s in SENTENCE.finditer(text) if not DENIED.search(s.group())]


def _organism(text: str) -> tuple[str, str] | None:
    for said in _said(text):
        if not AIRWAY.search(said):
            continue
        for pattern, words in ORGANISMS:
            if re.search(pattern, said, re.I):
                rows = (
                    Code.objects.in_system(System.ICD10CM)
                    .filter(code__regex=r"^J1[2-6]", billable=True)
                    .values_list("code", "long_description")
                )
                hits = [r for r in rows if words in r[1].lower()]
                if hits:
                    return min(hits, key=lambda r: len(r[1]))
    return None


def _control(text: str, code: str) -> tuple[str, str] | None:
    """How gestational diabetes is controlled: insulin, else oral drugs, else diet."""
    sentences = _said(text)
    how = next((w for p, w in CONTROL if any(p.search(s) for s in sentences)), None)
    if how is None:
        return None
    rows = Code.objects.in_system(System.ICD10CM).filter(code__startswith=code[:-1], billable=True)
    for row_code, title in rows.values_list("code", "long_description"):
        if title.lower().endswith(how):
            return row_code, title
    return None

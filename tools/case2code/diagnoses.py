"""Diagnoses through DetectICD10CM: present conditions only, each with its evidence.

DetectICD10CM (`tools.detect.detect(text, setting)`) tells present conditions from
negated, uncertain, historical and family mentions; Case2Code keeps what a coder would
report for the setting. Until it is installed the tool says so rather than guess.
"""

from dataclasses import dataclass
from importlib import import_module
from typing import Any

NOT_READY = "Diagnosis detection (DetectICD10CM) is not available yet: only procedures are listed."


@dataclass(frozen=True)
class Diagnosis:
    code: str
    title: str
    start: int
    end: int
    text: str


def find(text: str, setting: str) -> tuple[list[Diagnosis], str]:
    try:
        detect: Any = import_module("tools.detect").detect
    except (ImportError, AttributeError):
        return [], NOT_READY
    found: dict[str, Diagnosis] = {}
    for finding in detect(text, setting):
        if not finding.coded:
            continue  # negated, uncertain (outpatient), a relative's or a past condition
        code = finding.code
        if code not in found:
            found[code] = Diagnosis(code, finding.title, finding.start, finding.end, finding.text)
    return list(found.values()), ""

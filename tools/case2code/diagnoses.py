"""Diagnoses through DetectICD10CM: present conditions only, each with its evidence.

DetectICD10CM (`tools.detect.detect(text, setting)`) tells present conditions from
negated, uncertain, historical and family mentions; Case2Code keeps what a coder would
report for the setting, a relative's condition as its family history code and a past
cancer as its personal history code (history.py).
Until it is installed the tool says so rather than guess.
"""

import re
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from . import history

PRIMARY_CANCER = re.compile(r"C(?!7[7-9]|80)\d")
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
        code, title = finding.code, finding.title
        if finding.status == "family":
            code, title = history.code_for(code) or ("", "")  # the family history code
        elif finding.status == "history" and PRIMARY_CANCER.match(code):
            # a past cancer is its personal history (I.C.2.d)
            code, title = history.code_for(code, history.CANCER_HISTORY_BLOCK) or ("", "")
        elif not finding.coded:
            continue  # negated, uncertain (outpatient) or a past condition
        if code and code not in found:
            found[code] = Diagnosis(code, title, finding.start, finding.end, finding.text)
    return list(found.values()), ""

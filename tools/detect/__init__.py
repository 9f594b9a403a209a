"""DetectICD10CM: the conditions a clinical text documents, with ICD-10-CM codes.

`detect(text, setting)` is the stable entry point (Case2Code calls it too); the
catalogue it reads is loaded from the database once per process.
"""

from .assertion import Status
from .catalogue import load
from .engine import Finding, detect


def conflicts(findings: list[Finding]) -> list[tuple[str, str, str]]:
    """Pairs of coded findings an Excludes1 note says are never reported together:
    (code, other code, the note). The coder decides which one the record supports."""
    cat = load()
    codes = list(dict.fromkeys(f.code for f in findings if f.coded))
    out = []
    for code in codes:
        for other in codes:
            if other[:3] != code[:3] and (note := cat.excludes(code, other)):
                out.append((code, other, note))
    return out


def release() -> str:
    """The ICD-10-CM release the codes come from, named as the catalogue names it."""
    return load().release


__all__ = ["Finding", "Status", "conflicts", "detect", "release"]

"""DetectICD10CM: the conditions a clinical text documents, with ICD-10-CM codes.

`detect(text, setting)` is the stable entry point (Case2Code calls it too); the
catalogue it reads is loaded from the database once per process.
"""

from .assertion import Status
from .catalogue import load
from .engine import Finding, detect


def release() -> str:
    """The ICD-10-CM release the codes come from, named as the catalogue names it."""
    return load().release


__all__ = ["Finding", "Status", "detect", "release"]

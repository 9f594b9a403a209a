"""Code systems, kinds and the format rules of each: one place for what a valid code looks like.

`normalize()` turns user input into the display form (upper case, ICD-10-CM dot);
`format_error()` says which rule an entry breaks, in words a coder understands.
"""

import re

from django.db import models


class System(models.TextChoices):
    CPT = "cpt", "CPT"
    HCPCS = "hcpcs", "HCPCS Level II"
    ICD10CM = "icd10cm", "ICD-10-CM"
    ICD10PCS = "icd10pcs", "ICD-10-PCS"
    MODIFIER = "modifier", "Modifier"


class Kind(models.TextChoices):
    CHAPTER = "chapter", "Chapter"
    BLOCK = "block", "Block (range)"
    CATEGORY = "category", "Category"
    SUBCATEGORY = "subcategory", "Subcategory"
    SECTION = "section", "Section"
    BODY_SYSTEM = "body_system", "Body system"
    TABLE = "table", "Table"
    RANGE = "range", "Code range"
    CODE = "code", "Code"
    MODIFIER = "modifier", "Modifier"


KINDS_BY_SYSTEM: dict[str, tuple[str, ...]] = {
    System.CPT: (Kind.RANGE, Kind.CODE),
    System.HCPCS: (Kind.RANGE, Kind.CODE),
    System.ICD10CM: (
        Kind.CHAPTER,
        Kind.BLOCK,
        Kind.CATEGORY,
        Kind.SUBCATEGORY,
        Kind.CODE,
    ),
    System.ICD10PCS: (Kind.SECTION, Kind.BODY_SYSTEM, Kind.TABLE, Kind.CODE),
    System.MODIFIER: (Kind.MODIFIER,),
}

_CPT = r"\d{4}[0-9FTU]"
_HCPCS = r"[A-V]\d{4}"
_ICD_CATEGORY = r"[A-Z][0-9A-Z][0-9A-Z]"  # QA0 (April 2026) has a letter second
_PCS_CHAR = "[0-9A-HJ-NP-Z]"

# (system, kind) -> (pattern, rule in words). Kind None is the rule for every other kind.
RULES: dict[tuple[str, str | None], tuple[re.Pattern, str]] = {
    (System.CPT, Kind.RANGE): (
        re.compile(rf"{_CPT}-{_CPT}"),
        "a CPT range is two CPT codes joined by a hyphen (e.g. 99202-99499)",
    ),
    (System.CPT, None): (
        re.compile(_CPT),
        "a CPT code is four digits followed by a digit (Category I), F (Category II), "
        "T (Category III) or U (PLA), e.g. 97546",
    ),
    (System.HCPCS, Kind.RANGE): (
        re.compile(rf"{_HCPCS}-{_HCPCS}"),
        "a HCPCS range is two HCPCS codes joined by a hyphen (e.g. A0021-A0999)",
    ),
    (System.HCPCS, None): (
        re.compile(_HCPCS),
        "a HCPCS Level II code is a letter from A to V followed by four digits, e.g. G0008",
    ),
    (System.ICD10CM, Kind.CHAPTER): (
        re.compile(rf"{_ICD_CATEGORY}-{_ICD_CATEGORY}"),
        "an ICD-10-CM chapter is named by its range of categories (e.g. E00-E89)",
    ),
    (System.ICD10CM, Kind.BLOCK): (
        re.compile(rf"{_ICD_CATEGORY}-{_ICD_CATEGORY}"),
        "an ICD-10-CM block is named by its range of categories (e.g. E08-E13)",
    ),
    (System.ICD10CM, Kind.CATEGORY): (
        re.compile(_ICD_CATEGORY),
        "an ICD-10-CM category is a letter and two letters or digits (e.g. E11)",
    ),
    (System.ICD10CM, None): (
        re.compile(rf"{_ICD_CATEGORY}(\.[0-9A-Z]{{1,4}})?"),
        "an ICD-10-CM code is a letter, two characters, an optional dot and up to four more "
        "(e.g. E11.9)",
    ),
    (System.ICD10PCS, Kind.SECTION): (
        re.compile(f"{_PCS_CHAR}"),
        "an ICD-10-PCS section is one character (e.g. 0)",
    ),
    (System.ICD10PCS, Kind.BODY_SYSTEM): (
        re.compile(f"{_PCS_CHAR}{{2}}"),
        "an ICD-10-PCS body system is two characters (e.g. 0D)",
    ),
    (System.ICD10PCS, Kind.TABLE): (
        re.compile(f"{_PCS_CHAR}{{3}}"),
        "an ICD-10-PCS table is three characters (e.g. 0DT)",
    ),
    (System.ICD10PCS, None): (
        re.compile(f"{_PCS_CHAR}{{7}}"),
        "an ICD-10-PCS code is seven letters or digits, never I or O (e.g. 0DTJ4ZZ)",
    ),
    (System.MODIFIER, None): (
        re.compile("[0-9A-Z]{2}"),
        "a modifier is two letters or digits (e.g. 25, GP)",
    ),
}

_UNDOTTED_ICD10CM = re.compile(rf"({_ICD_CATEGORY})([0-9A-Z]{{1,4}})")


def normalize(system: str, code: str) -> str:
    """The display form of a code typed in any case, with or without the ICD-10-CM dot."""
    code = "".join((code or "").split()).upper()
    if system == System.ICD10CM:
        if match := _UNDOTTED_ICD10CM.fullmatch(code):
            code = f"{match[1]}.{match[2]}"
    elif system in (System.ICD10PCS, System.CPT, System.HCPCS, System.MODIFIER):
        code = code.replace(".", "")
    return code


def rule_for(system: str, kind: str) -> tuple[re.Pattern, str]:
    return RULES.get((system, kind)) or RULES[(system, None)]


def format_error(system: str, kind: str, code: str) -> str | None:
    """None when `code` (already normalized) is valid for the system and kind, else the rule."""
    pattern, rule = rule_for(system, kind)
    if pattern.fullmatch(code):
        return None
    return f"“{code}” is not a valid code here: {rule}."


def kind_error(system: str, kind: str) -> str | None:
    allowed = KINDS_BY_SYSTEM.get(system, ())
    if kind in allowed:
        return None
    names = ", ".join(Kind(k).label.lower() for k in allowed)
    return f"{System(system).label} entries can be: {names}."

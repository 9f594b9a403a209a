"""Browse groups of each code set: which codes a CPT section or HCPCS letter holds."""

from django.db.models import Q, QuerySet

from . import valuesets
from .formats import Kind, System
from .models import Code


def cpt_section(key: str) -> tuple[str, Q] | None:
    """(name, Q) for a CPT section key, or None."""
    for section_key, name, first, last, suffix in valuesets.CPT_SECTIONS:
        if section_key != key:
            continue
        if suffix:
            return name, Q(code__endswith=suffix)
        within = Q(code__gte=first, code__lte=last) & Q(code__regex=r"^\d{5}$")
        if key == "medicine":  # Medicine's range surrounds E/M
            within &= ~Q(code__gte="99202", code__lte="99499")
        return name, within
    return None


def group(system: str, key: str) -> tuple[str, QuerySet[Code]] | None:
    """(title, queryset of the group's codes) or None for an unknown group."""
    codes = Code.objects.in_system(system).filter(kind=Kind.CODE).order_by("code")
    if system == System.CPT and (section := cpt_section(key)):
        name, condition = section
        return name, codes.filter(condition)
    if system == System.HCPCS and key in valuesets.HCPCS_LETTERS:
        return f"{key} codes: {valuesets.HCPCS_LETTERS[key]}", codes.filter(code__startswith=key)
    return None


def top_level(system: str) -> list[tuple[str, str, str]] | QuerySet[Code]:
    """The first level of a code set's index page."""
    if system == System.CPT:
        return [
            (key, name, f"{first}–{last}") for key, name, first, last, _ in valuesets.CPT_SECTIONS
        ]
    if system == System.HCPCS:
        return [
            (letter, name, f"{letter}0000–{letter}9999")
            for letter, name in valuesets.HCPCS_LETTERS.items()
        ]
    tops: dict[str, str] = {System.ICD10CM: Kind.CHAPTER, System.ICD10PCS: Kind.SECTION}
    kind = tops.get(system, Kind.MODIFIER)
    return Code.objects.in_system(system).filter(kind=kind).in_order()

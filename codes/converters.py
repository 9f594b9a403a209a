"""URL converters: a system slug in the path maps to a System value."""

from .formats import System

SLUG_BY_SYSTEM: dict[str, str] = {
    System.CPT: "cpt",
    System.HCPCS: "hcpcs",
    System.ICD10CM: "icd10cm",
    System.ICD10PCS: "icd10pcs",
    System.MODIFIER: "modifiers",
}
SYSTEM_BY_SLUG = {slug: system for system, slug in SLUG_BY_SYSTEM.items()}


class SystemConverter:
    regex = "|".join(SYSTEM_BY_SLUG)

    def to_python(self, value: str) -> str:
        return SYSTEM_BY_SLUG[value]

    def to_url(self, value: str) -> str:
        return SLUG_BY_SYSTEM[value]


class CodeConverter:
    """Any code as typed: letters, digits, dot, hyphen; case is fixed in the view."""

    regex = r"[0-9A-Za-z.\-]{1,16}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value

"""ICD-9-CM procedure ↔ ICD-10-PCS through CMS's General Equivalence Mappings (GEMs),
and the ICD-10-PCS guidelines and index, answered from the catalogue only.

For the tools (CasePilot: "ICD-9 47.01 in PCS?") and for pages. A GEM is a translation
aid, not a coding rule: each target carries its flags (approximate, no map,
combination with scenario and choice list), and a combination needs one code from
each choice list of a scenario. Nothing here is guessed: an unknown code is None.

- `icd9_to_pcs("47.01")`: the ICD-9-CM procedure and its PCS targets.
- `pcs_from_icd9("0DTJ4ZZ")`: the ICD-9-CM procedures that map to a PCS code.
- `pcs_guideline("B3.1a")`: one official PCS guideline's text.
- `pcs_index("Appendectomy")`: index entries whose main term starts so.
"""

from dataclasses import dataclass, field

from .models import GemMapping, Icd9Procedure, PcsGuideline, PcsIndexEntry

# What each GEM flag means, in our words (pages explain the flags with these).
GEM_FLAGS = {
    "approximate": "Approximate: the codes are not an exact match in meaning.",
    "no_map": "No map: no ICD-10-PCS code corresponds.",
    "combination": "Combination: one ICD-9-CM code needs more than one PCS code together.",
    "scenario": "Scenario: one way the combination can be coded (there may be several).",
    "choice_list": "Choice list: pick one code from each list of the scenario.",
}


@dataclass(frozen=True)
class GemTarget:
    pcs_code: str
    """Seven characters, or "NoPCS" (no_map)."""
    title: str
    """The PCS code's official description; "" when the catalogue lacks the code."""
    in_catalogue: bool
    approximate: bool
    no_map: bool
    combination: bool
    scenario: int
    choice_list: int
    flags: str
    """The five flag digits as the GEM file has them."""


@dataclass(frozen=True)
class Icd9Crosswalk:
    code: str
    """Dotted ICD-9-CM procedure code, "47.01"."""
    description: str
    """Restored description, or "" where the source's text is truncated beyond repair."""
    targets: list[GemTarget] = field(default_factory=list)
    source: str = ""


def _dotted(code: str) -> str:
    code = "".join(code.split()).replace(".", "")
    return f"{code[:2]}.{code[2:]}" if len(code) > 2 else code


def icd9_to_pcs(code: str) -> Icd9Crosswalk | None:
    """The GEM rows of one ICD-9-CM procedure code ("47.01", "4701"); None if unknown."""
    found = Icd9Procedure.objects.filter(code=_dotted(code)).select_related("release").first()
    if found is None:
        return None
    rows = found.mappings.select_related("target").order_by("scenario", "choice_list", "pcs_code")
    return Icd9Crosswalk(
        code=found.code,
        description=found.description,
        targets=[_target(row) for row in rows],
        source=found.release.name if found.release else "",
    )


def _target(row: GemMapping) -> GemTarget:
    return GemTarget(
        pcs_code=row.pcs_code,
        title=row.target.title if row.target else "",
        in_catalogue=row.target is not None,
        approximate=row.approximate,
        no_map=row.no_map,
        combination=row.combination,
        scenario=row.scenario,
        choice_list=row.choice_list,
        flags=row.flags,
    )


def pcs_from_icd9(pcs_code: str) -> list[tuple[str, str, GemTarget]]:
    """(ICD-9-CM code, its description, the GEM row) for each ICD-9-CM procedure that
    maps to `pcs_code`, in ICD-9-CM order."""
    code = "".join(pcs_code.split()).upper()
    rows = (
        GemMapping.objects.filter(pcs_code=code)
        .select_related("icd9", "target")
        .order_by("icd9__code", "scenario", "choice_list")
    )
    return [(row.icd9.code, row.icd9.description, _target(row)) for row in rows]


def pcs_guideline(key: str) -> PcsGuideline | None:
    """One guideline by its number ("B3.1a", case as printed or not)."""
    return PcsGuideline.objects.filter(key__iexact=key.strip()).select_related("release").first()


def pcs_index(term: str, limit: int = 20) -> list[PcsIndexEntry]:
    """Index main terms starting with `term` (case-insensitive), in index order."""
    term = term.strip()
    if not term:
        return []
    return list(PcsIndexEntry.objects.filter(term__istartswith=term).order_by("position")[:limit])

"""Questions about MS-DRG grouping data, answered from the catalogue only.

For the tools (CasePilot: "is E11.9 a CC?", "what is MS-DRG 470?") and for pages.
Every answer names the release it comes from; a code or DRG we do not hold is None,
never a guess. Codes may be typed in any case, with or without the dot.

- `cc_status("E11.65", principal="E11.9")`: CC/MCC level of a secondary diagnosis,
  whether that principal diagnosis cancels it (Table 6K Part 1), the discharged-alive
  rule (Part 2) and the MS-DRGs where it does not count (Part 3).
- `cc_exclusions("E11.65")`: every principal diagnosis that cancels it.
- `ms_drg("470")`: title, MDC, type, weight and mean stays of an MS-DRG, or what the
  older MS-DRG list says of a retired number.
- `mdc("08")`: an MDC's name and its MS-DRGs.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .formats import System, normalize
from .models import (
    CcExclusion,
    CcExclusionRule,
    Code,
    ComorbidityLevel,
    DrgSeverityExclusion,
    Mdc,
    MsDrg,
    MsDrgListing,
)


@dataclass(frozen=True)
class DrgExclusion:
    """Table 6K Part 3: not a CC/MCC in MS-DRGs first-last."""

    mdc: str
    first_drg: str
    last_drg: str
    heading: str


@dataclass(frozen=True)
class CcStatus:
    code: str
    fiscal_year: int | None
    level: str | None
    """"cc", "mcc", or None: not a CC or MCC in that year's lists."""
    principal: str | None = None
    excluded_by_principal: bool = False
    """True when `principal` is in this code's PDX collection: then it is no CC/MCC."""
    collection: int | None = None
    """Table 6K PDX collection number (0: no principal diagnosis cancels it)."""
    alive_only: bool = False
    """Table 6K Part 2: a CC/MCC only if the patient is discharged alive."""
    drg_exclusions: list[DrgExclusion] = field(default_factory=list)
    source: str = ""
    """The releases the answer comes from, e.g. "MS-DRG v43 CC/MCC lists FY2026"."""

    @property
    def counts(self) -> bool:
        """A CC/MCC with this principal diagnosis (alive_only and Part 3 aside)."""
        return self.level is not None and not self.excluded_by_principal


def _icd10cm(code: str) -> Code | None:
    return Code.objects.filter(system=System.ICD10CM, code=normalize(System.ICD10CM, code)).first()


def cc_status(
    code: str, principal: str | None = None, fiscal_year: int | None = None
) -> CcStatus | None:
    """The CC/MCC standing of `code` as a secondary diagnosis (latest fiscal year held,
    or `fiscal_year`); None when `code` is not an ICD-10-CM code of the catalogue."""
    found = _icd10cm(code)
    if found is None:
        return None
    levels = ComorbidityLevel.objects.filter(code=found).select_related("release")
    if fiscal_year is not None:
        levels = levels.filter(fiscal_year=fiscal_year)
    level = levels.order_by("-fiscal_year").first()
    rules = CcExclusionRule.objects.filter(code=found).select_related("release")
    year = level.fiscal_year if level else fiscal_year
    rule = (rules.filter(fiscal_year=year) if year else rules.order_by("-fiscal_year")).first()
    year = year or (rule.fiscal_year if rule else None)
    sources = [r.release.name for r in (level, rule) if r is not None and r.release is not None]
    principal_code = normalize(System.ICD10CM, principal) if principal else None
    excluded = False
    if rule is not None and rule.collection and principal_code:
        excluded = CcExclusion.objects.filter(
            fiscal_year=rule.fiscal_year,
            collection=rule.collection,
            principal__system=System.ICD10CM,
            principal__code=principal_code,
        ).exists()
    part3 = DrgSeverityExclusion.objects.filter(code=found, fiscal_year=year) if year else []
    return CcStatus(
        code=found.code,
        fiscal_year=year,
        level=level.level if level else None,
        principal=principal_code,
        excluded_by_principal=excluded,
        collection=rule.collection if rule else None,
        alive_only=rule.alive_only if rule else False,
        drg_exclusions=[
            DrgExclusion(row.mdc, row.first_drg, row.last_drg, row.heading) for row in part3
        ],
        source="; ".join(dict.fromkeys(sources)),
    )


def cc_exclusions(code: str, fiscal_year: int | None = None) -> list[str]:
    """The principal diagnoses (dotted, official order) that make `code` no CC/MCC;
    [] when none does or `code` is no CC/MCC."""
    rules = CcExclusionRule.objects.filter(
        code__system=System.ICD10CM, code__code=normalize(System.ICD10CM, code)
    )
    if fiscal_year is not None:
        rules = rules.filter(fiscal_year=fiscal_year)
    rule = rules.order_by("-fiscal_year").first()
    if rule is None or not rule.collection:
        return []
    return list(
        CcExclusion.objects.filter(fiscal_year=rule.fiscal_year, collection=rule.collection)
        .order_by("principal__position", "principal__code")
        .values_list("principal__code", flat=True)
    )


@dataclass(frozen=True)
class DrgInfo:
    drg: str
    title: str
    mdc: str
    mdc_title: str
    type: str
    """"Surgical", "Medical", "**" (998/999), or "" when the source gives none."""
    fiscal_year: int | None
    """The weights' fiscal year; None for a number only the older list has."""
    weight: Decimal | None = None
    geometric_mean_los: Decimal | None = None
    arithmetic_mean_los: Decimal | None = None
    retired_on: date | None = None
    source: str = ""


def ms_drg(number: str, fiscal_year: int | None = None) -> DrgInfo | None:
    """One MS-DRG by number ("470" or "70"): the latest weights row, else the older
    MS-DRG list's entry (a retired number); None when neither has it."""
    number = number.strip().zfill(3)
    rows = MsDrg.objects.filter(drg=number).select_related("release")
    if fiscal_year is not None:
        rows = rows.filter(fiscal_year=fiscal_year)
    row = rows.order_by("-fiscal_year").first()
    names = dict(Mdc.objects.values_list("code", "title"))
    if row is not None:
        return DrgInfo(
            drg=row.drg,
            title=row.title,
            mdc=row.mdc,
            mdc_title=names.get(row.mdc, ""),
            type=row.type if row.type == "**" else row.get_type_display() if row.type else "",
            fiscal_year=row.fiscal_year,
            weight=row.weight,
            geometric_mean_los=row.geometric_mean_los,
            arithmetic_mean_los=row.arithmetic_mean_los,
            source=row.release.name if row.release else "",
        )
    listed = MsDrgListing.objects.filter(drg=number).select_related("release").first()
    if listed is None:
        return None
    return DrgInfo(
        drg=listed.drg,
        title=listed.title,
        mdc=listed.mdc,
        mdc_title=names.get(listed.mdc, ""),
        type=listed.get_type_display() if listed.type else "",
        fiscal_year=None,
        retired_on=listed.retired_on,
        source=listed.release.name if listed.release else "",
    )


def mdc(code: str) -> tuple[str, list[DrgInfo]] | None:
    """An MDC's name and its MS-DRGs of the latest weights ("8" or "08"); None if unknown."""
    code = code.strip().zfill(2)
    found = Mdc.objects.filter(code=code).first()
    if found is None:
        return None
    year = MsDrg.objects.order_by("-fiscal_year").values_list("fiscal_year", flat=True).first()
    rows = MsDrg.objects.filter(fiscal_year=year or 0, mdc=code).select_related("release")
    return found.title, [
        DrgInfo(
            drg=row.drg,
            title=row.title,
            mdc=row.mdc,
            mdc_title=found.title,
            type=row.get_type_display() if row.type else "",
            fiscal_year=row.fiscal_year,
            weight=row.weight,
            geometric_mean_los=row.geometric_mean_los,
            arithmetic_mean_los=row.arithmetic_mean_los,
            source=row.release.name if row.release else "",
        )
        for row in rows.order_by("drg")
    ]

"""Indicator tables: what an official source says about a code, one model per source.

Fee schedule (PPRRVU), OPPS, MUE, service categories, the HCPCS file's own data,
CC/MCC levels, MS-DRGs and ICD-10-PCS axis labels. Stored values are the official
ones; their meanings come from `codes.valuesets`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .. import valuesets
from .catalogue import Code, Release

# How pages name indicator fields where the field's own name would read badly
# ("Work rvu"): the terms CMS's file documentation uses.
LABELS = {
    "work_rvu": "Work RVU",
    "nonfacility_pe_rvu": "Non-facility PE RVU",
    "facility_pe_rvu": "Facility PE RVU",
    "mp_rvu": "Malpractice RVU",
    "nonfacility_total": "Non-facility total RVUs",
    "facility_total": "Facility total RVUs",
    "pctc": "PC/TC indicator",
    "apc": "APC",
    "asc_group": "ASC payment group",
}


def indicator_rows(obj: models.Model, names: list[str]) -> list[tuple[str, str]]:
    """(field label, "value – meaning") for each filled indicator field of `obj`."""
    rows = []
    for name in names:
        value = getattr(obj, name)
        if value in ("", None):
            continue
        field = obj._meta.get_field(name)
        choices = getattr(field, "choices", None)
        text = valuesets.meaning(dict(choices), value) if choices else str(value)
        label = LABELS.get(name) or str(getattr(field, "verbose_name", name))
        rows.append((label[:1].upper() + label[1:], text))
    return rows


class FeeScheduleIndicator(models.Model):
    """Medicare physician fee schedule row (PPRRVU) for one code, modifier and year."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="fee_schedule")
    year = models.PositiveSmallIntegerField()
    modifier = models.CharField(max_length=2, blank=True, choices=valuesets.PFS_MODIFIER)
    status = models.CharField(max_length=1, choices=valuesets.PFS_STATUS)
    not_used_for_payment = models.BooleanField(
        default=False, help_text="RVUs printed but not used for Medicare payment ('+')."
    )
    global_days = models.CharField(max_length=3, blank=True, choices=valuesets.PFS_GLOBAL_DAYS)
    pctc = models.CharField("PC/TC indicator", max_length=1, blank=True, choices=valuesets.PFS_PCTC)
    multiple_procedure = models.CharField(
        max_length=1, blank=True, choices=valuesets.PFS_MULTIPLE_PROCEDURE
    )
    bilateral_surgery = models.CharField(max_length=1, blank=True, choices=valuesets.PFS_BILATERAL)
    assistant_surgeon = models.CharField(
        max_length=1, blank=True, choices=valuesets.PFS_ASSISTANT_SURGEON
    )
    co_surgeons = models.CharField(max_length=1, blank=True, choices=valuesets.PFS_CO_SURGEONS)
    team_surgery = models.CharField(max_length=1, blank=True, choices=valuesets.PFS_TEAM_SURGERY)
    physician_supervision = models.CharField(
        max_length=2, blank=True, choices=valuesets.PFS_PHYSICIAN_SUPERVISION
    )
    imaging_family = models.CharField(
        "diagnostic imaging family",
        max_length=2,
        blank=True,
        choices=valuesets.PFS_IMAGING_FAMILY,
    )
    endoscopic_base = models.CharField(max_length=5, blank=True)
    work_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    nonfacility_pe_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    nonfacility_na = models.BooleanField(default=False)
    facility_pe_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    facility_na = models.BooleanField(default=False)
    mp_rvu = models.DecimalField(
        "malpractice RVU", max_digits=8, decimal_places=2, null=True, blank=True
    )
    nonfacility_total = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    facility_total = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    conversion_factor = models.DecimalField(max_digits=8, decimal_places=4, null=True, blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["-year", "modifier"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year", "modifier"], name="codes_pfs_unique"),
        ]
        verbose_name = "fee schedule indicator"

    INDICATORS = [
        "status",
        "global_days",
        "pctc",
        "multiple_procedure",
        "bilateral_surgery",
        "assistant_surgeon",
        "co_surgeons",
        "team_surgery",
        "physician_supervision",
        "imaging_family",
        "endoscopic_base",
    ]
    RVUS = [
        "work_rvu",
        "nonfacility_pe_rvu",
        "facility_pe_rvu",
        "mp_rvu",
        "nonfacility_total",
        "facility_total",
        "conversion_factor",
    ]

    def __str__(self) -> str:
        return f"{self.code.code}{'-' + self.modifier if self.modifier else ''} MPFS {self.year}"

    def indicator_rows(self) -> list[tuple[str, str]]:
        return indicator_rows(self, self.INDICATORS)

    def rvu_rows(self) -> list[tuple[str, str]]:
        return indicator_rows(self, self.RVUS)


class OppsIndicator(models.Model):
    """Hospital outpatient (OPPS Addendum B) status indicator and APC for one code and year."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="opps")
    year = models.PositiveSmallIntegerField()
    status_indicator = models.CharField(max_length=2, choices=valuesets.OPPS_STATUS_INDICATOR)
    apc = models.CharField("APC", max_length=5, blank=True)
    relative_weight = models.DecimalField(max_digits=10, decimal_places=4, null=True, blank=True)
    payment_rate = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="codes_opps_unique"),
        ]
        verbose_name = "OPPS indicator"

    def __str__(self) -> str:
        return f"{self.code.code} OPPS {self.year}: {self.status_indicator}"

    def indicator_rows(self) -> list[tuple[str, str]]:
        return indicator_rows(self, ["status_indicator", "apc", "relative_weight", "payment_rate"])


class MueLimit(models.Model):
    """NCCI medically unlikely edit: most units per day for one code in one setting."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="mues")
    setting = models.CharField(max_length=12, choices=valuesets.MUE_SETTING)
    value = models.PositiveIntegerField()
    adjudication_indicator = models.CharField(
        max_length=1, blank=True, choices=valuesets.MUE_ADJUDICATION
    )
    rationale = models.CharField(max_length=120, blank=True)
    effective_date = models.DateField(null=True, blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["setting"]
        constraints = [
            models.UniqueConstraint(fields=["code", "setting"], name="codes_mue_unique"),
        ]
        verbose_name = "MUE"

    def __str__(self) -> str:
        return f"{self.code.code} MUE {self.get_setting_display()}: {self.value}"

    @property
    def adjudication_meaning(self) -> str:
        return valuesets.meaning(valuesets.MUE_ADJUDICATION, self.adjudication_indicator)


class ServiceCategory(models.Model):
    """A grouping a code belongs to: CMS type of service, BETOS, or CCS category."""

    class Scheme(models.TextChoices):
        TYPE_OF_SERVICE = "tos", "Type of service"
        BETOS = "betos", "BETOS"
        CCS = "ccs", "CCS category"

    VALUESETS: dict[str, dict[str, str]] = {
        Scheme.TYPE_OF_SERVICE: valuesets.TYPE_OF_SERVICE,
        Scheme.BETOS: valuesets.BETOS,
    }

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="categories")
    scheme = models.CharField(max_length=5, choices=Scheme)
    value = models.CharField(max_length=10)
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text="The category name, for schemes without a fixed set.",
    )
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["scheme", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "scheme", "value"], name="codes_category_unique"
            ),
        ]
        verbose_name_plural = "service categories"

    def __str__(self) -> str:
        return f"{self.code.code} {self.get_scheme_display()}: {self.meaning}"

    def clean(self) -> None:
        valueset = self.VALUESETS.get(self.scheme)
        if valueset is not None and self.value not in valueset:
            raise ValidationError(
                {"value": f"“{self.value}” is not an official {self.get_scheme_display()} value."}
            )

    @property
    def meaning(self) -> str:
        valueset = self.VALUESETS.get(self.scheme)
        if valueset is None:
            return f"{self.value} – {self.label}" if self.label else self.value
        return valuesets.meaning(valueset, self.value)


class HcpcsIndicator(models.Model):
    """The HCPCS Level II file's administrative data for one code (latest release)."""

    code = models.OneToOneField(Code, on_delete=models.CASCADE, related_name="hcpcs")
    pricing = models.JSONField(default=list, help_text="Pricing indicators, 1 to 4.")
    multiple_pricing = models.CharField(
        max_length=1, blank=True, choices=valuesets.HCPCS_MULTIPLE_PRICING
    )
    coverage = models.CharField(max_length=1, blank=True, choices=valuesets.HCPCS_COVERAGE)
    asc_group = models.CharField("ASC payment group", max_length=2, blank=True)
    processing_note = models.CharField(max_length=4, blank=True)
    lab_certifications = models.JSONField(default=list)
    action = models.CharField(max_length=1, blank=True, choices=valuesets.HCPCS_ACTION)
    action_effective_date = models.DateField(null=True, blank=True)
    added_date = models.DateField(null=True, blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        verbose_name = "HCPCS indicator"

    def __str__(self) -> str:
        return f"{self.code.code} HCPCS data"

    def indicator_rows(self) -> list[tuple[str, str]]:
        rows = [
            ("Pricing indicator", valuesets.meaning(valuesets.HCPCS_PRICING, value))
            for value in self.pricing
        ]
        return rows + indicator_rows(self, ["multiple_pricing", "coverage", "asc_group", "action"])


class ComorbidityLevel(models.Model):
    """MS-DRG severity of an ICD-10-CM code as a secondary diagnosis: CC or MCC, per fiscal year."""

    class Level(models.TextChoices):
        CC = "cc", "CC (complication or comorbidity)"
        MCC = "mcc", "MCC (major complication or comorbidity)"

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="comorbidity_levels")
    fiscal_year = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=3, choices=Level)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "fiscal_year"], name="codes_comorbidity_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code.code} FY{self.fiscal_year}: {self.get_level_display()}"


class MsDrg(models.Model):
    """One MS-DRG of one fiscal year with its relative weight and mean lengths of stay."""

    class Type(models.TextChoices):
        SURGICAL = "SURG", "Surgical"
        MEDICAL = "MED", "Medical"
        # Table 5 prints "**" as the type of DRGs 998 and 999 (ungroupable records).
        UNSPECIFIED = "**", "** (no type in Table 5)"

    fiscal_year = models.PositiveSmallIntegerField()
    drg = models.CharField("MS-DRG", max_length=3)
    mdc = models.CharField("MDC", max_length=3, blank=True)
    type = models.CharField(max_length=4, choices=Type, blank=True)
    title = models.CharField(max_length=200)
    weight = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    weight_before_cap = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    geometric_mean_los = models.DecimalField(max_digits=6, decimal_places=1, null=True)
    arithmetic_mean_los = models.DecimalField(max_digits=6, decimal_places=1, null=True)
    post_acute = models.BooleanField(default=False)
    special_pay = models.BooleanField(default=False)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["fiscal_year", "drg"]
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "drg"], name="codes_msdrg_unique"),
        ]
        verbose_name = "MS-DRG"

    def __str__(self) -> str:
        return f"MS-DRG {self.drg} (FY{self.fiscal_year}) {self.title}"


class PcsAxisLabel(models.Model):
    """What one character of an ICD-10-PCS code means at one position.

    The meaning depends on the characters before it: `prefix` is "" for position 1,
    the section for 2, section + body system for 3, and the table (3 characters)
    for positions 4 to 7.
    """

    prefix = models.CharField(max_length=3, blank=True)
    position = models.PositiveSmallIntegerField()
    value = models.CharField(max_length=1)
    axis = models.CharField(max_length=40, help_text="Axis name, e.g. Body Part, Approach.")
    label = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    explanation = models.TextField(blank=True)
    examples = models.TextField(blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["prefix", "position", "value"]
        constraints = [
            # Also the index for a code page's seven lookups.
            models.UniqueConstraint(
                fields=["prefix", "position", "value"], name="codes_pcs_label_unique"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=7), name="codes_pcs_label_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prefix}[{self.position}]={self.value}: {self.label}"

"""MS-DRG grouping data beyond the weights: MDC names, the MS-DRG number list with its
retired numbers, and the CC exclusions of IPPS Table 6K.

Table 6K says when a CC or MCC secondary diagnosis does not count: Part 1 gives each
CC/MCC code a "PDX collection" (principal diagnoses that cancel it), Part 2 lists the
codes that count only when the patient is discharged alive, Part 3 the codes that do not
count in named MS-DRGs. Stored as the source has them, per fiscal year.
"""

from django.db import models

from .catalogue import Code, Release


class Mdc(models.Model):
    """A Major Diagnostic Category (01-25) with its name as the bundled list has it."""

    code = models.CharField("MDC", max_length=3, unique=True)
    title = models.CharField(max_length=200)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "MDC"

    def __str__(self) -> str:
        return f"MDC {self.code} {self.title}"


class MsDrgListing(models.Model):
    """One MS-DRG number of the bundled MS-DRG list, current or retired.

    The list is older than the FY2026 weights (docs/data.md): it names DRGs the
    weights no longer have, with the day CMS retired them when it records one.
    """

    class Type(models.TextChoices):
        SURGICAL = "P", "Surgical"
        MEDICAL = "M", "Medical"

    drg = models.CharField("MS-DRG", max_length=3, unique=True)
    mdc = models.CharField("MDC", max_length=3, blank=True)
    type = models.CharField(max_length=1, choices=Type, blank=True)
    title = models.CharField(max_length=200)
    retired = models.BooleanField(default=False)
    retired_on = models.DateField(null=True, blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["drg"]
        verbose_name = "MS-DRG list entry"
        verbose_name_plural = "MS-DRG list entries"

    def __str__(self) -> str:
        return f"MS-DRG {self.drg} {self.title}"


class CcExclusionRule(models.Model):
    """Table 6K Parts 1 and 2 for one CC/MCC code: its PDX collection, and whether it
    counts only when the patient is discharged alive."""

    class Level(models.TextChoices):
        CC = "cc", "CC"
        MCC = "mcc", "MCC"

    # Indexed by the unique (code, fiscal_year) below; large tables skip the FK's own
    # index where a composite one leads with it (or, for release, nothing reads by it
    # but a rare release deletion): fewer indexes to fill on a first load.
    code = models.ForeignKey(
        Code, on_delete=models.CASCADE, related_name="cc_exclusion_rules", db_index=False
    )
    fiscal_year = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=3, choices=Level)
    collection = models.PositiveSmallIntegerField(
        help_text="PDX collection number: principal diagnoses that make this code a non-CC."
    )
    collection_size = models.PositiveIntegerField(default=0)
    alive_only = models.BooleanField(
        default=False, help_text="Part 2: a CC/MCC only if the patient is discharged alive."
    )
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["-fiscal_year"]
        constraints = [
            # Also the index a code page and cc_status() read by.
            models.UniqueConstraint(fields=["code", "fiscal_year"], name="codes_ccrule_unique"),
        ]
        indexes = [
            models.Index(fields=["fiscal_year", "collection"], name="codes_ccrule_collection_idx")
        ]
        verbose_name = "CC exclusion rule"

    def __str__(self) -> str:
        return f"{self.code.code} FY{self.fiscal_year}: PDX collection {self.collection:04d}"


class CcExclusion(models.Model):
    """One principal diagnosis of one PDX collection (Table 6K Part 1)."""

    fiscal_year = models.PositiveSmallIntegerField()
    collection = models.PositiveSmallIntegerField()
    principal = models.ForeignKey(
        Code, on_delete=models.CASCADE, related_name="+", db_index=False
    )  # indexed by codes_ccexcl_principal_idx
    release = models.ForeignKey(
        Release, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )

    class Meta:
        constraints = [
            # Also the index of "does this principal diagnosis cancel that CC?".
            models.UniqueConstraint(
                fields=["fiscal_year", "collection", "principal"], name="codes_ccexcl_unique"
            ),
        ]
        indexes = [
            # Which collections hold a principal diagnosis (reverse lookups, deletes).
            models.Index(fields=["principal", "fiscal_year"], name="codes_ccexcl_principal_idx")
        ]
        verbose_name = "CC exclusion"

    def __str__(self) -> str:
        return f"FY{self.fiscal_year} collection {self.collection:04d}: {self.principal_id}"


class CcExclusionRange(models.Model):
    """A run of consecutive billable codes (official order) in one PDX collection: the
    collapsed form a code page lists. Derived from CcExclusion at load time."""

    fiscal_year = models.PositiveSmallIntegerField()
    collection = models.PositiveSmallIntegerField()
    first = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="+", db_index=False)
    last = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="+", db_index=False)
    count = models.PositiveIntegerField()
    position = models.PositiveIntegerField()
    release = models.ForeignKey(
        Release, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )

    class Meta:
        ordering = ["fiscal_year", "collection", "position"]
        constraints = [
            # Also the index a code page reads its collection's ranges by.
            models.UniqueConstraint(
                fields=["fiscal_year", "collection", "position"], name="codes_ccrange_unique"
            ),
        ]
        verbose_name = "CC exclusion range"

    def __str__(self) -> str:
        return f"FY{self.fiscal_year} {self.collection:04d}: {self.first_id}-{self.last_id}"


class DrgSeverityExclusion(models.Model):
    """Table 6K Part 3: a secondary diagnosis that is not a CC/MCC in some MS-DRGs."""

    code = models.ForeignKey(
        Code, on_delete=models.CASCADE, related_name="drg_exclusions", db_index=False
    )  # indexed by the unique (code, fiscal_year, first_drg)
    fiscal_year = models.PositiveSmallIntegerField()
    mdc = models.CharField("MDC", max_length=3)
    first_drg = models.CharField(max_length=3)
    last_drg = models.CharField(max_length=3)
    heading = models.CharField(max_length=200, help_text="The DRG group's title in Table 6K.")
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["fiscal_year", "first_drg"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "fiscal_year", "first_drg"], name="codes_drgexcl_unique"
            ),
        ]
        indexes = [models.Index(fields=["fiscal_year", "first_drg"], name="codes_drgexcl_drg_idx")]
        verbose_name = "MS-DRG severity exclusion"

    def __str__(self) -> str:
        return f"{self.code_id} not a CC/MCC in MS-DRGs {self.first_drg}-{self.last_drg}"

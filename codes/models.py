"""The code catalogue: a Code and everything a code page shows about it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from . import valuesets
from .formats import Kind, System, format_error, kind_error, normalize


def indicator_rows(obj, names) -> list[tuple[str, str]]:
    """(field label, "value – meaning") for each filled indicator field of `obj`."""
    rows = []
    for name in names:
        value = getattr(obj, name)
        if value in ("", None):
            continue
        field = obj._meta.get_field(name)
        text = valuesets.meaning(dict(field.choices), value) if field.choices else str(value)
        rows.append((field.verbose_name[:1].upper() + field.verbose_name[1:], text))
    return rows


class Release(models.Model):
    """One vintage of one data source ("ICD-10-CM April 1 2026", "Sample data").

    Every data block on a page names the release it came from.
    """

    key = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=120)
    source = models.CharField(
        max_length=20,
        blank=True,
        help_text="Which source's releases this one follows (icd10cm, …).",
    )
    effective_date = models.DateField(null=True, blank=True)
    is_sample = models.BooleanField(
        default=False, help_text="Sample data: pages showing it say so."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_date", "name"]
        indexes = [
            # "Latest release of this source" before an importer applies another.
            models.Index(fields=["source", "effective_date"], name="codes_release_source_idx"),
        ]

    def __str__(self):
        return self.name


class CodeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Code.Status.ACTIVE)

    def billable(self):
        return self.active().filter(billable=True)

    def of_system(self, system):
        return self.filter(system=system)


class Code(models.Model):
    """One entry of a code set: a billable code or a heading (chapter, block, table…)."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        DELETED = "deleted", "Deleted"

    system = models.CharField(max_length=10, choices=System)
    code = models.CharField(max_length=16, help_text="Display form, e.g. E11.9, 97546, 0DTJ4ZZ.")
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.CODE)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        db_index=False,  # served by codes_code_children_idx
    )
    position = models.PositiveIntegerField(
        default=0,
        help_text="Order among siblings (official order where the source has one).",
    )
    billable = models.BooleanField(default=False)
    short_description = models.CharField(max_length=255, blank=True)
    medium_description = models.CharField(max_length=255, blank=True)
    long_description = models.TextField(blank=True)
    plain_description = models.TextField(
        blank=True, help_text="Our own plain-language explanation (never copied text)."
    )
    consumer_description = models.TextField(
        blank=True, help_text="The AMA's consumer-friendly CPT descriptor, where licensed."
    )
    status = models.CharField(max_length=8, choices=Status, default=Status.ACTIVE)
    effective_date = models.DateField(null=True, blank=True)
    termination_date = models.DateField(null=True, blank=True)
    release = models.ForeignKey(
        Release, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CodeQuerySet.as_manager()

    class Meta:
        ordering = ["system", "code"]
        constraints = [
            # Also the index for every page lookup: WHERE system = ? AND code = ?
            models.UniqueConstraint(fields=["system", "code"], name="codes_code_unique"),
            models.CheckConstraint(condition=~Q(code=""), name="codes_code_not_blank"),
            models.CheckConstraint(
                condition=Q(termination_date__isnull=True)
                | Q(effective_date__isnull=True)
                | Q(termination_date__gte=F("effective_date")),
                name="codes_code_terminates_after_effective",
            ),
        ]
        indexes = [
            # Children of a heading, in official order (hierarchy pages, breadcrumbs).
            models.Index(fields=["parent", "position", "code"], name="codes_code_children_idx"),
            # Browse pages: the chapters / sections / ranges of one system.
            models.Index(fields=["system", "kind", "code"], name="codes_code_browse_idx"),
            # Previous / next code links: neighbours in official order.
            models.Index(fields=["system", "position", "code"], name="codes_code_order_idx"),
            # Prefix lookups (admin autocomplete, E11.* search) on PostgreSQL.
            models.Index(
                fields=["code"],
                name="codes_code_prefix_idx",
                opclasses=["varchar_pattern_ops"],
            ),
        ]

    def __str__(self):
        title = self.title
        return f"{self.code} – {title}" if title else self.code

    def get_absolute_url(self):
        return reverse("codes:detail", kwargs={"system": self.system, "code": self.code})

    def clean(self):
        self.code = normalize(self.system, self.code)
        errors = {}
        if self.system and self.kind and (message := kind_error(self.system, self.kind)):
            errors["kind"] = message
        elif self.system and self.code and (message := format_error(*self.format_key)):
            errors["code"] = message
        if self.parent_id and self.parent.system != self.system:
            errors["parent"] = "The parent must belong to the same code set."
        if errors:
            raise ValidationError(errors)

    @property
    def format_key(self) -> tuple[str, str, str]:
        return self.system, self.kind, self.code

    @property
    def title(self) -> str:
        """The short heading a page and a link use: the shortest official text we hold."""
        return (
            self.short_description
            or self.medium_description
            or self.long_description
            or self.plain_description
        )

    @property
    def is_deleted(self) -> bool:
        return self.status == self.Status.DELETED


class CodeSection(models.Model):
    """An authored, numbered section of a code page (Indications, Procedure, …)."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=120)
    body = models.TextField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["code", "position"], name="codes_section_unique"),
        ]

    def __str__(self):
        return f"{self.code.code}: {self.title}"


class CodeNote(models.Model):
    """An ICD-10-CM instructional note, attached at the level where the tabular puts it."""

    class Kind(models.TextChoices):
        INCLUSION_TERM = "inclusion_term", "Inclusion term"
        INCLUDES = "includes", "Includes"
        EXCLUDES1 = "excludes1", "Excludes1"
        EXCLUDES2 = "excludes2", "Excludes2"
        CODE_FIRST = "code_first", "Code first"
        USE_ADDITIONAL_CODE = "use_additional_code", "Use additional code"
        CODE_ALSO = "code_also", "Code also"
        NOTE = "note", "Note"
        SEVENTH_CHARACTER_NOTE = "seventh_character_note", "7th character note"
        SEVENTH_CHARACTER = "seventh_character", "7th character"

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=24, choices=Kind)
    position = models.PositiveSmallIntegerField(default=1)
    character = models.CharField(
        max_length=1,
        blank=True,
        help_text="The 7th character a definition is for (e.g. A).",
    )
    text = models.TextField()

    class Meta:
        ordering = ["kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["code", "kind", "position"], name="codes_note_unique"),
            models.CheckConstraint(
                condition=(Q(kind="seventh_character") & ~Q(character=""))
                | (~Q(kind="seventh_character") & Q(character="")),
                name="codes_note_character_only_for_7th",
            ),
        ]

    def __str__(self):
        return f"{self.code.code} {self.get_kind_display()}: {self.text[:60]}"


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

    def __str__(self):
        return f"{self.code.code}{'-' + self.modifier if self.modifier else ''} MPFS {self.year}"

    def indicator_rows(self):
        return indicator_rows(self, self.INDICATORS)

    def rvu_rows(self):
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

    def __str__(self):
        return f"{self.code.code} OPPS {self.year}: {self.status_indicator}"

    def indicator_rows(self):
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

    def __str__(self):
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

    VALUESETS = {
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

    def __str__(self):
        return f"{self.code.code} {self.get_scheme_display()}: {self.meaning}"

    def clean(self):
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

    def __str__(self):
        return f"{self.code.code} HCPCS data"

    def indicator_rows(self):
        rows = [
            ("Pricing indicator", valuesets.meaning(valuesets.HCPCS_PRICING, value))
            for value in self.pricing
        ]
        return rows + indicator_rows(self, ["multiple_pricing", "coverage", "asc_group", "action"])


class CodeRelation(models.Model):
    """A directed link between two codes: add-on → primary, NCCI column 1 → column 2, …"""

    class Kind(models.TextChoices):
        ADDON_OF = "addon_of", "Add-on code of primary"
        NCCI_PTP = "ncci_ptp", "NCCI pair (column 1 → column 2)"
        CROSSWALK = "crosswalk", "Crosswalk"
        REPLACED_BY = "replaced_by", "Replaced by"

    source = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=12, choices=Kind)
    setting = models.CharField(
        max_length=12,
        blank=True,
        choices=valuesets.NCCI_SETTING,
        help_text="NCCI pairs only.",
    )
    modifier_indicator = models.CharField(
        max_length=1, blank=True, choices=valuesets.NCCI_MODIFIER_INDICATOR
    )
    rationale = models.CharField(max_length=200, blank=True)
    effective_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["kind", "target__code"]
        constraints = [
            # Its leading columns also serve "relations of this code" on the source side.
            models.UniqueConstraint(
                fields=["source", "kind", "target", "setting"],
                name="codes_relation_unique",
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")), name="codes_relation_not_self"
            ),
        ]
        indexes = [
            # The other side of a page: "add-on codes of this primary", "column 2 of".
            models.Index(fields=["target", "kind"], name="codes_relation_target_idx"),
        ]

    def __str__(self):
        return f"{self.source.code} {self.get_kind_display()} {self.target.code}"


class CodeModifier(models.Model):
    """A modifier that applies to a code."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="modifier_links")
    modifier = models.ForeignKey(
        Code,
        on_delete=models.CASCADE,
        related_name="applies_to",
        limit_choices_to={"system": System.MODIFIER},
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["modifier__code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "modifier"], name="codes_modifier_unique"),
        ]
        indexes = [
            # Modifier page: the codes it applies to.
            models.Index(fields=["modifier"], name="codes_modifier_target_idx"),
        ]

    def __str__(self):
        return f"{self.code.code}-{self.modifier.code}"

    def clean(self):
        if self.modifier_id and self.modifier.system != System.MODIFIER:
            raise ValidationError({"modifier": "Choose a code from the modifier set."})


class CodeHistory(models.Model):
    """A dated event in a code's life, written by importers and by staff."""

    class Action(models.TextChoices):
        ADDED = "added", "Added"
        REVISED = "revised", "Revised"
        DELETED = "deleted", "Deleted"
        REINSTATED = "reinstated", "Reinstated"

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="history")
    date = models.DateField()
    action = models.CharField(max_length=10, choices=Action)
    notes = models.TextField(blank=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["code", "date", "action"], name="codes_history_unique"),
        ]
        verbose_name_plural = "code history"

    def __str__(self):
        return f"{self.code.code} {self.get_action_display()} {self.date}"


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

    def __str__(self):
        return f"{self.code.code} FY{self.fiscal_year}: {self.get_level_display()}"


class MsDrg(models.Model):
    """One MS-DRG of one fiscal year with its relative weight and mean lengths of stay."""

    class Type(models.TextChoices):
        SURGICAL = "SURG", "Surgical"
        MEDICAL = "MED", "Medical"

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

    def __str__(self):
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

    def __str__(self):
        return f"{self.prefix}[{self.position}]={self.value}: {self.label}"


class SearchDocument(models.Model):
    """What search reads for one code: its title and the other text that names it.

    Kept in step with the catalogue by `codes.searchindex` (after each import, and on
    every admin edit). Full-text indexes live beside it, per database: an FTS5 table
    on SQLite, a weighted tsvector column with a GIN index on PostgreSQL (migration 0004).
    """

    code = models.OneToOneField(
        Code, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    system = models.CharField(max_length=10, choices=System)
    title = models.TextField()
    terms = models.TextField(blank=True, help_text="Inclusion terms, other descriptors.")
    billable = models.BooleanField(default=False)
    active = models.BooleanField(default=True)

    def __str__(self):
        return f"{self.code_id}: {self.title[:60]}"


class SearchTerm(models.Model):
    """Every word of the searchable text, for typo correction (trigram-indexed)."""

    word = models.CharField(max_length=60, unique=True)
    frequency = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word

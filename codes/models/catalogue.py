"""The catalogue proper: releases, codes and what hangs off a code as text or links.

Release, Code (with its QuerySet verbs), authored sections, ICD-10-CM notes, code
relations, the modifiers that apply to a code, and each code's dated history.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse

from .. import valuesets
from ..formats import Kind, System, format_error, kind_error, normalize


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

    def __str__(self) -> str:
        return self.name


# Code sets whose official descriptors are in the public domain (CMS, CDC); CPT's are
# the AMA's and appear only where licensed data is loaded.
PUBLIC_DOMAIN = {System.ICD10CM, System.ICD10PCS, System.HCPCS, System.MODIFIER}
# Deepest ICD-10-CM path: chapter > 2 nested blocks > category > 4 levels > code.
ANCESTOR_DEPTH = 9
PARENT_CHAIN = ["__".join(["parent"] * depth) for depth in range(1, ANCESTOR_DEPTH + 1)]


class CodeQuerySet(models.QuerySet["Code"]):
    """The catalogue's domain verbs, shared by pages, browse, sitemaps, search and admin."""

    def in_system(self, system: str) -> "CodeQuerySet":
        return self.filter(system=system)

    def active(self) -> "CodeQuerySet":
        return self.filter(status=Code.Status.ACTIVE)

    def billable(self) -> "CodeQuerySet":
        return self.active().filter(billable=True)

    def in_order(self) -> "CodeQuerySet":
        """Official order (importers number entries 1, 2, 3…; staff entries keep 0)."""
        return self.order_by("position", "code")

    def for_page(self) -> "CodeQuerySet":
        """What every code page reads in its one code query: the release, the HCPCS
        row, the ancestors up to the deepest ICD-10-CM path (breadcrumbs and inherited
        notes need no further query) and the previous/next live codes in official order."""
        related = self.select_related("release", "hcpcs__release", *PARENT_CHAIN)
        return related.with_neighbours()

    def with_neighbours(self) -> "CodeQuerySet":
        """Annotate the previous/next live entries in official order as subqueries.
        Entries staff add keep position 0 and are ordered by code among themselves."""
        live = Code.objects.filter(system=OuterRef("system"), status=Code.Status.ACTIVE)
        same = live.filter(position=OuterRef("position"))
        return self.annotate(
            next_position=_first(live.filter(position__gt=OuterRef("position")), "position"),
            previous_position=_first(live.filter(position__lt=OuterRef("position")), "-position"),
            next_same=_first(same.filter(code__gt=OuterRef("code")), "code"),
            previous_same=_first(same.filter(code__lt=OuterRef("code")), "-code"),
        )


def _first(rows: models.QuerySet["Code"], order: str) -> Subquery:
    """The code of the first row in `order` (ties on position broken by code)."""
    tie = "-code" if order.startswith("-") else "code"
    return Subquery(rows.order_by(order, tie).values("code")[:1])


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

    def __str__(self) -> str:
        title = self.title
        return f"{self.code} – {title}" if title else self.code

    def get_absolute_url(self) -> str:
        return reverse("codes:detail", kwargs={"system": self.system, "code": self.code})

    def clean(self) -> None:
        self.code = normalize(self.system, self.code)
        errors = {}
        if self.system and self.kind and (message := kind_error(self.system, self.kind)):
            errors["kind"] = message
        elif self.system and self.code and (message := format_error(*self.format_key)):
            errors["code"] = message
        if self.parent is not None and self.parent.system != self.system:
            errors["parent"] = "The parent must belong to the same code set."
        if errors:
            raise ValidationError(errors)

    @property
    def format_key(self) -> tuple[str, str, str]:
        return self.system, self.kind, self.code

    @property
    def title(self) -> str:
        """The title shown wherever a code's gated content may not appear: lists, search,
        suggestions, the gate, the 404 page. Only official text: the long descriptor of a
        public-domain set (ICD-10-CM, ICD-10-PCS, HCPCS Level II, modifiers), the
        licensed CPT descriptors when loaded, else "CPT code 36415". Our plain-language
        text belongs to the full page, except on pages that gate nothing (modifiers)."""
        if self.system in PUBLIC_DOMAIN:
            official = self.long_description or self.medium_description or self.short_description
        else:
            official = self.short_description or self.medium_description or self.long_description
        if official:
            return official
        if self.system == System.MODIFIER and self.plain_description:
            return self.plain_description
        if self.system == System.ICD10PCS and self.kind != Kind.CODE:
            # Sections 2-X: the loaded tables name no body system or table (82 and 292
            # headings); say what it is rather than call it a code or invent a name.
            return f"ICD-10-PCS {self.get_kind_display().lower()} {self.code}"
        return f"{System(self.system).label} code {self.code}"

    @property
    def headline(self) -> str:
        """The full page's own heading: the fullest official descriptor, else our text."""
        return (
            self.long_description
            or self.medium_description
            or self.short_description
            or self.plain_description
            or self.title
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

    def __str__(self) -> str:
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
        # A table the tabular gives as data (H54.8's visual impairment categories): a
        # caption line, then tab-separated rows, the first holding the column headings.
        TABLE = "table", "Table"

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

    def __str__(self) -> str:
        return f"{self.code.code} {self.get_kind_display()}: {self.text[:60]}"


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

    def __str__(self) -> str:
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

    def __str__(self) -> str:
        return f"{self.code.code}-{self.modifier.code}"

    def clean(self) -> None:
        if self.modifier_id and self.modifier.system != System.MODIFIER:
            raise ValidationError({"modifier": "Choose a code from the modifier set."})


class CodeHistory(models.Model):
    """A dated event in a code's life, written by importers and by staff."""

    class Action(models.TextChoices):
        ADDED = "added", "Added"
        REVISED = "revised", "Revised"
        DELETED = "deleted", "Deleted"
        # A billable code that became a heading (R10.2, G35 in FY2026): not gone, but
        # to be reported by one of its new subcodes.
        EXPANDED = "expanded", "Expanded into subcodes"
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

    def __str__(self) -> str:
        return f"{self.code.code} {self.get_action_display()} {self.date}"

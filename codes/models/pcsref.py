"""ICD-10-PCS reference material beside the code set: the official coding guidelines,
the alphabetic index, and the ICD-9-CM procedure → ICD-10-PCS General Equivalence
Mappings (GEMs) with the ICD-9-CM procedure codes they start from."""

from django.db import models

from .catalogue import Code, Release


class PcsGuideline(models.Model):
    """One ICD-10-PCS official coding guideline (A1 … C2), text as the source has it."""

    key = models.CharField(max_length=10, unique=True, help_text='"B3.1a"')
    section = models.CharField(max_length=40, help_text='"Root Operation"')
    topic = models.CharField(max_length=120, help_text='"Biopsy Procedures"')
    text = models.TextField()
    position = models.PositiveSmallIntegerField(help_text="Order in the guidelines.")
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = "ICD-10-PCS guideline"

    def __str__(self) -> str:
        return f"{self.key} {self.topic}"


class PcsIndexEntry(models.Model):
    """One main term of the ICD-10-PCS alphabetic index with its subterms and targets.

    `text` keeps the source's lines and tab indents; `**0DT**` marks a code or table.
    An entry the source breaks across pages ("(continued)") is stored joined. A PCS
    page finds the entries that "use" its body part by scanning `text` (3,243 rows; a
    btree index could not hold the longest entries on PostgreSQL).
    """

    term = models.CharField(max_length=200)
    text = models.TextField()
    letter = models.CharField(
        max_length=1, help_text="Browse group: A-Z, or 0 for a digit or sign."
    )
    position = models.PositiveIntegerField(unique=True)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["position"]
        indexes = [
            models.Index(fields=["letter", "position"], name="codes_pcsindex_letter_idx"),
        ]
        verbose_name = "ICD-10-PCS index entry"
        verbose_name_plural = "ICD-10-PCS index entries"

    def __str__(self) -> str:
        return self.term


class Icd9Procedure(models.Model):
    """An ICD-9-CM procedure code (volume 3) that the GEMs map from.

    The bundled descriptions lost their first letter; `description` holds the text with
    the letter restored where exactly one letter makes a known word, else "" (pages show
    the code alone rather than a truncated word). `source_text` keeps the file's text.
    """

    code = models.CharField(max_length=5, unique=True, help_text='Dotted: "47.01"')
    description = models.CharField(max_length=250, blank=True)
    source_text = models.CharField(max_length=250)
    release = models.ForeignKey(Release, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "ICD-9-CM procedure"

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class GemMapping(models.Model):
    """One row of the ICD-9-CM procedure → ICD-10-PCS GEM (gem_i9pcs), flags as given."""

    # icd9 is indexed by the unique constraint it leads; target and release are never
    # read by (pages go by pcs_code): no FK indexes to fill for 73,593 rows.
    icd9 = models.ForeignKey(
        Icd9Procedure, on_delete=models.CASCADE, related_name="mappings", db_index=False
    )
    pcs_code = models.CharField(max_length=7, help_text='"NoPCS" when there is no map.')
    target = models.ForeignKey(
        Code,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gem_sources",
        db_index=False,
    )
    flags = models.CharField(max_length=5, help_text="The five GEM flag digits as given.")
    approximate = models.BooleanField(default=False)
    no_map = models.BooleanField(default=False)
    combination = models.BooleanField(default=False)
    scenario = models.PositiveSmallIntegerField(default=0)
    choice_list = models.PositiveSmallIntegerField(default=0)
    release = models.ForeignKey(
        Release, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )

    class Meta:
        ordering = ["icd9", "scenario", "choice_list", "pcs_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["icd9", "pcs_code", "scenario", "choice_list"], name="codes_gem_unique"
            ),
        ]
        indexes = [
            # A PCS page's "ICD-9-CM procedure codes that map here".
            models.Index(fields=["pcs_code"], name="codes_gem_pcs_idx"),
        ]
        verbose_name = "ICD-9-CM → PCS GEM row"

    def __str__(self) -> str:
        return f"{self.icd9_id} → {self.pcs_code} ({self.flags})"

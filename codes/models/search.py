"""What search reads: one document per code and the vocabulary for spelling correction."""

from django.db import models

from ..formats import System
from .catalogue import Code


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

    def __str__(self) -> str:
        return f"{self.code_id}: {self.title[:60]}"


class SearchTerm(models.Model):
    """Every word of the searchable text, for typo correction (trigram-indexed)."""

    word = models.CharField(max_length=60, unique=True)
    frequency = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.word


class SearchName(models.Model):
    """A whole term that names a code, as the Index reads the tabular (codes.searchaliases):
    `key` is the term's sorted word stems, `weight` how surely the term means this code
    (an NOS inclusion term most, an unspecified title next, then titles and inclusion terms).
    """

    key = models.CharField(max_length=200)
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="search_names")
    weight = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "code"], name="codes_searchname_key_code")
        ]

    def __str__(self) -> str:
        return f"{self.key} -> {self.code_id} ({self.weight})"

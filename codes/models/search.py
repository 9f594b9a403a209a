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

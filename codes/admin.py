"""The admin is where staff enter and correct catalogue data."""

from django.contrib import admin
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import cached_property

from .formats import System, normalize
from .models import (
    Code,
    CodeHistory,
    CodeModifier,
    CodeNote,
    CodeRelation,
    CodeSection,
    FeeScheduleIndicator,
    MueLimit,
    OppsIndicator,
    Release,
    ServiceCategory,
)


class SectionInline(admin.StackedInline):
    model = CodeSection
    extra = 0


class NoteInline(admin.TabularInline):
    model = CodeNote
    extra = 0


class FeeScheduleInline(admin.StackedInline):
    model = FeeScheduleIndicator
    extra = 0
    autocomplete_fields = ["release"]


class OppsInline(admin.TabularInline):
    model = OppsIndicator
    extra = 0
    autocomplete_fields = ["release"]


class MueInline(admin.TabularInline):
    model = MueLimit
    extra = 0
    autocomplete_fields = ["release"]


class CategoryInline(admin.TabularInline):
    model = ServiceCategory
    extra = 0
    autocomplete_fields = ["release"]


class RelationInline(admin.TabularInline):
    model = CodeRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target", "release"]
    verbose_name = "relation to another code"
    verbose_name_plural = "relations to other codes (this code → target)"


class ModifierInline(admin.TabularInline):
    model = CodeModifier
    fk_name = "code"
    extra = 0
    autocomplete_fields = ["modifier"]
    verbose_name = "applicable modifier"


class HistoryInline(admin.TabularInline):
    model = CodeHistory
    extra = 0
    autocomplete_fields = ["release"]


class CappedPaginator(Paginator):
    """Counts at most CAP rows (one LIMITed count): staff narrow the list with the
    filters and the code search, and a full count of the catalogue on every list page
    would cost more than the page."""

    CAP = 10_000

    @cached_property
    def count(self) -> int:
        rows: QuerySet[Code] = self.object_list  # type: ignore[assignment]  # the admin's queryset
        return rows[: self.CAP].count()


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "system",
        "kind",
        "display_title",
        "billable",
        "status",
        "release",
    ]
    list_filter = ["system", "kind", "status", "billable"]
    list_select_related = ["release"]
    search_fields = ["code", "short_description", "long_description"]
    autocomplete_fields = ["parent", "release"]
    readonly_fields = ["created_at", "updated_at"]
    ordering = ["system", "code"]
    # 180,000 rows: never count the whole table, neither for the "N total" link nor
    # for the pages (CappedPaginator counts at most its cap).
    show_full_result_count = False
    paginator = CappedPaginator
    list_per_page = 50
    fieldsets = [
        (
            None,
            {"fields": ["system", "code", "kind", "parent", "position", "billable"]},
        ),
        (
            "Descriptors",
            {
                "fields": [
                    "short_description",
                    "medium_description",
                    "long_description",
                    "plain_description",
                ]
            },
        ),
        (
            "Status",
            {"fields": ["status", "effective_date", "termination_date", "release"]},
        ),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [
        SectionInline,
        NoteInline,
        FeeScheduleInline,
        OppsInline,
        MueInline,
        CategoryInline,
        RelationInline,
        ModifierInline,
        HistoryInline,
    ]

    @admin.display(description="Title")
    def display_title(self, obj: Code) -> str:
        return obj.title[:80]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Code], search_term: str
    ) -> tuple[QuerySet[Code], bool]:
        """A code-shaped term (e11.9, E119, 9754) matches codes by prefix, using the code index."""
        term = search_term.strip()
        if term and " " not in term and any(ch.isdigit() for ch in term):
            prefixes = {term.upper()} | {normalize(system, term) for system in System.values}
            matches = queryset.none()
            for prefix in prefixes:
                matches |= queryset.filter(code__startswith=prefix)
            return matches, False
        return super().get_search_results(request, queryset, search_term)


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "effective_date", "is_sample"]
    search_fields = ["name", "key"]
    prepopulated_fields = {"key": ["name"]}

"""Everything one code page shows, loaded in a fixed number of queries.

`load_page(system, code)` returns a `CodePage` or None. Each code set loads only
what its page shows: about 9 queries for CPT/HCPCS, 6 for ICD-10-CM, 4 for PCS.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import OuterRef, Q, Subquery
from django.utils.text import Truncator

from . import asof, notelinks, valuesets
from .formats import Kind, System
from .models import (
    CcExclusionRange,
    CcExclusionRule,
    Code,
    CodeNote,
    CodeRelation,
    DrgSeverityExclusion,
    FeeScheduleIndicator,
    GemMapping,
    OppsIndicator,
    PcsAxisLabel,
    PcsGuideline,
    PcsIndexEntry,
)
from .models.catalogue import ANCESTOR_DEPTH


@dataclass
class NoteGroup:
    kind: str
    label: str
    notes: list
    source: Code | None = None  # None: the page's own code


CC_RANGES_SHOWN = 60  # a PDX collection's ranges on a code page; the rest on its own page

# What each code set's page offers, for its meta description.
SUMMARIES = {
    System.CPT: "Fee schedule indicators, MUE, add-on codes, modifiers and history.",
    System.HCPCS: "Fee schedule indicators, MUE, add-on codes, modifiers and history.",
    System.ICD10CM: "Notes, excludes, 7th characters, CC/MCC and history.",
    System.ICD10PCS: "Each of the seven characters explained.",
    System.MODIFIER: "What it means and when it is used.",
}


@dataclass
class CodePage:
    code: Code
    ancestors: list[Code]
    children: list[Code] = field(default_factory=list)
    former_children: list[Code] = field(default_factory=list)
    standing: asof.Standing | None = None  # with ?date=: the code as it stood that day
    history: list = field(default_factory=list)
    previous: str | None = None
    next: str | None = None
    # ICD-10-CM
    note_groups: list[NoteGroup] = field(default_factory=list)
    seventh_characters: list[CodeNote] = field(default_factory=list)
    seventh_source: Code | None = None
    tables: list = field(default_factory=list)  # (caption, headings, rows) the tabular gives
    comorbidity: object = None
    # Table 6K: the PDX collection's ranges (up to CC_RANGES_SHOWN + 1), Part 3 DRGs
    cc_ranges: list = field(default_factory=list)
    drg_exclusions: list = field(default_factory=list)
    # ICD-10-PCS
    characters: list = field(default_factory=list)
    root_operation: PcsAxisLabel | None = None
    label_vintages: list[str] = field(default_factory=list)
    unlabelled: list[int] = field(default_factory=list)
    gem_sources: list = field(default_factory=list)  # ICD-9-CM procedures that map here
    guidelines: list = field(default_factory=list)  # guidelines naming the root operation
    index_terms: list = field(default_factory=list)  # (axis, index terms that "use" its value)
    # CPT / HCPCS (and the modifier page's "applies to")
    relations: dict = field(default_factory=dict)
    sections: list = field(default_factory=list)
    fee_schedule: list = field(default_factory=list)
    opps: list = field(default_factory=list)
    mues: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    # (label, values) rows of the classification block, one row per scheme, and the
    # releases they come from (named once under the block).
    classification: list[tuple[str, list[str]]] = field(default_factory=list)
    classification_vintages: list[str] = field(default_factory=list)
    modifiers: list = field(default_factory=list)

    @property
    def descriptors(self) -> list[tuple[str, str]]:
        code = self.code
        rows = [
            ("Short", code.short_description),
            ("Medium", code.medium_description),
            ("Long", code.long_description),
        ]
        return [(label, text) for label, text in rows if text]

    @property
    def children_heading(self) -> str:
        code = self.code
        if code.billable:
            return f"Codes under {code.code}"
        if code.kind == Kind.TABLE:
            return f"Codes in table {code.code}"
        if code.kind in (Kind.CHAPTER, Kind.BLOCK, Kind.SECTION, Kind.BODY_SYSTEM):
            return "Contents"
        return "Not billable: use a more specific code"

    @property
    def title(self) -> str:
        """The page's <title> (the site name is added by the base template)."""
        code = self.code
        return f"{code.code}: {Truncator(code.headline).chars(70)} · {code.get_system_display()}"

    @property
    def description(self) -> str:
        """The meta description: the code, its descriptor as one sentence, what the page has."""
        code = self.code
        billable = " (billable)" if code.billable else ""
        headline = Truncator(code.headline).chars(120).rstrip(" .…")
        summary = SUMMARIES[System(code.system)]
        return f"{code.get_system_display()} {code.code}{billable}: {headline}. {summary}"


def load_page(system: str, value: str, day: date | None = None) -> CodePage | None:
    """Everything `value`'s page shows; with `day`, also how it stood on that date."""
    code = Code.objects.for_page().filter(system=system, code=value).first()
    if code is None:
        return None
    page = CodePage(code=code, ancestors=_ancestors(code))
    found = vars(code)  # CodeQuerySet.with_neighbours() annotations
    if code.position:
        page.previous, page.next = found["previous_position"], found["next_position"]
    else:
        page.previous, page.next = found["previous_same"], found["next_same"]
    if code.kind != Kind.CODE:  # a code is a leaf: no query for children
        children = list(code.children.in_order())
        # A heading's "use a more specific code" lists live codes only; codes deleted
        # from under it are listed apart, so nobody picks one for a claim.
        page.children = [child for child in children if not child.is_deleted]
        page.former_children = [child for child in children if child.is_deleted]
    page.history = list(code.history.select_related("release"))
    if day is not None:
        page.standing = asof.standing(code, page.history, day)
    if system == System.ICD10CM:
        _icd10cm(page)
        if code.is_deleted:  # what to use instead (the importer links the replacements)
            page.relations["replaced_by"] = list(
                code.relations_out.filter(kind=CodeRelation.Kind.REPLACED_BY)
                .select_related("target")
                .order_by("target__position", "target__code")
            )
    elif system == System.ICD10PCS:
        _icd10pcs(page)
    elif system in (System.CPT, System.HCPCS):
        _procedure(page)
    elif system == System.MODIFIER:
        page.relations["applies_to"] = list(
            code.applies_to.select_related("code").order_by("code__system", "code__code")
        )
    return page


def _ancestors(code: Code) -> list[Code]:
    """Root first. Reads the select_related chain; no query."""
    chain: list[Code] = []
    node: Code | None = code
    for _ in range(ANCESTOR_DEPTH):
        node = node.parent if node is not None else None
        if node is None:
            break
        chain.append(node)
    return chain[::-1]


def _icd10cm(page: CodePage) -> None:
    code = page.code
    levels = [code, *reversed(page.ancestors)]  # nearest first
    by_id = {level.id: level for level in levels}
    notes = list(CodeNote.objects.filter(code_id__in=by_id).order_by("position"))
    existing = set(
        Code.objects.filter(
            system=System.ICD10CM, code__in=notelinks.candidates(n.text for n in notes)
        ).values_list("code", flat=True)
    )
    for level in levels:
        own = [n for n in notes if n.code_id == level.id]
        if level is code:
            page.tables = [_table(n.text) for n in own if n.kind == CodeNote.Kind.TABLE]
        seventh = [n for n in own if n.kind == CodeNote.Kind.SEVENTH_CHARACTER]
        if seventh and not page.seventh_characters:  # the nearest level's table applies
            page.seventh_characters, page.seventh_source = seventh, level
        for kind in valuesets.ICD10CM_NOTE_ORDER:
            texts = [notelinks.link_codes(n.text, existing) for n in own if n.kind == kind]
            if texts:
                label = CodeNote.Kind(kind).label
                source = None if level is code else level
                page.note_groups.append(NoteGroup(kind, label, texts, source))
    # Table 6K beside the CC/MCC level of the same year: one query for the level and
    # its rule, one for the PDX collection's ranges, one for Part 3 (also when the code
    # is no CC, so every ICD-10-CM page runs the same queries).
    rule = CcExclusionRule.objects.filter(
        code=OuterRef("code"), fiscal_year=OuterRef("fiscal_year")
    )
    page.comorbidity = severity = (
        code.comorbidity_levels.annotate(
            collection=Subquery(rule.values("collection")[:1]),
            collection_size=Subquery(rule.values("collection_size")[:1]),
            alive_only=Subquery(rule.values("alive_only")[:1]),
            exclusions_release=Subquery(rule.values("release__name")[:1]),
        )
        .order_by("-fiscal_year")
        .first()
    )
    year, collection = (
        (severity.fiscal_year, vars(severity)["collection"] or 0) if severity else (0, 0)
    )
    page.cc_ranges = list(
        CcExclusionRange.objects.filter(fiscal_year=year, collection=collection)
        .select_related("first", "last")
        .order_by("position")[: CC_RANGES_SHOWN + 1]
    )
    page.drg_exclusions = list(
        DrgSeverityExclusion.objects.filter(code=code, fiscal_year=year).order_by("first_drg")
    )


def _table(text: str) -> tuple[str, list[str], list[list[str]]]:
    """A stored table note → (caption, column headings, rows)."""
    caption, *lines = text.split("\n")
    rows = [line.split("\t") for line in lines]
    return caption, rows[0] if rows else [], rows[1:]


def _icd10pcs(page: CodePage) -> None:
    code = page.code.code
    wanted = Q()
    for position, char in enumerate(code, start=1):
        prefix = "" if position == 1 else code[: min(position - 1, 3)]
        wanted |= Q(prefix=prefix, position=position, value=char)
    rows = PcsAxisLabel.objects.filter(wanted).select_related("release")
    labels = {label.position: label for label in rows}
    page.characters = [
        (position, char, labels.get(position)) for position, char in enumerate(code, start=1)
    ]
    page.root_operation = labels.get(3)
    # "Labels: <release>" only for labels shown; positions the tables lack are named.
    page.label_vintages = vintages(list(labels.values()))
    page.unlabelled = [position for position, _char, label in page.characters if label is None]
    page.gem_sources = list(
        GemMapping.objects.filter(pcs_code=code)
        .select_related("icd9", "release")
        .order_by("icd9__code", "scenario", "choice_list")
    )
    # The guidelines of root operations that name this one (60 short rows: one query).
    operation = page.root_operation.label if page.root_operation else None
    page.guidelines = [
        guideline
        for guideline in PcsGuideline.objects.filter(section="Root Operation").select_related(
            "release"
        )
        if operation and (operation in guideline.topic or operation in guideline.text)
    ]
    # Index entries that send a term to this body part or device ("Ependyma: use
    # Cerebral Ventricle"): the PCS body part and device keys.
    keys = {
        f"use {label.label}": label.axis
        for position, label in labels.items()
        if position in (4, 6) and label.label
    }
    lines = Q(pk=0)  # matches nothing: the query runs on every PCS page alike
    for line in keys:
        lines |= (
            Q(text=line)
            | Q(text__startswith=f"{line}\n")
            | Q(text__endswith=f"\n{line}")
            | Q(text__contains=f"\n{line}\n")
        )
    terms: dict[str, list[PcsIndexEntry]] = {}
    for entry in PcsIndexEntry.objects.filter(lines).select_related("release").order_by("position"):
        for line in entry.text.splitlines():
            if line in keys:
                terms.setdefault(keys[line], []).append(entry)
    page.index_terms = list(terms.items())


def _procedure(page: CodePage) -> None:
    code = page.code
    # Each linked code's own fee-schedule status and OPPS status indicator, as
    # subqueries of the one relations query: an add-on's page says how its primaries pay.
    pfs = FeeScheduleIndicator.objects.filter(code=OuterRef("target"), modifier="")
    opps = OppsIndicator.objects.filter(code=OuterRef("target"))
    relations = list(
        CodeRelation.objects.filter(Q(source=code) | Q(target=code))
        .select_related("source", "target", "release")
        .annotate(
            target_pfs_status=Subquery(pfs.order_by("-year").values("status")[:1]),
            target_opps_si=Subquery(opps.order_by("-year").values("status_indicator")[:1]),
        )
    )
    page.relations = {
        "primaries": [r for r in relations if r.kind == "addon_of" and r.source_id == code.id],
        "addons": [r for r in relations if r.kind == "addon_of" and r.target_id == code.id],
        "ncci_column1": [r for r in relations if r.kind == "ncci_ptp" and r.source_id == code.id],
        "ncci_column2": [r for r in relations if r.kind == "ncci_ptp" and r.target_id == code.id],
        "crosswalks": [r for r in relations if r.kind == "crosswalk"],
        "replaced_by": [r for r in relations if r.kind == "replaced_by" and r.source_id == code.id],
        "replaces": [r for r in relations if r.kind == "replaced_by" and r.target_id == code.id],
    }
    page.sections = list(code.sections.all())
    page.fee_schedule = list(code.fee_schedule.select_related("release"))
    page.opps = list(code.opps.select_related("release"))
    page.mues = list(code.mues.select_related("release"))
    page.categories = list(code.categories.select_related("release"))
    page.classification = _classification(page)
    page.classification_vintages = vintages(page.opps, page.categories, page.mues)
    page.modifiers = list(code.modifier_links.select_related("modifier"))


def _classification(page: CodePage) -> list[tuple[str, list[str]]]:
    """OPPS, service categories and MUEs as label → values, one row per scheme (a HCPCS
    code with two types of service shows both in one row)."""
    rows: dict[str, list[str]] = {}
    for row in page.opps:
        for label, text in row.indicator_rows():
            rows.setdefault(f"OPPS {label[:1].lower()}{label[1:]}", []).append(text)
    for category in page.categories:
        rows.setdefault(category.get_scheme_display(), []).append(category.meaning)
    for mue in page.mues:
        parts = [str(mue.value), mue.adjudication_meaning if mue.adjudication_indicator else ""]
        text = " · ".join(part for part in [*parts, mue.rationale] if part)
        rows.setdefault(f"MUE ({mue.get_setting_display()})", []).append(text)
    return list(rows.items())


def vintages(*groups: list) -> list[str]:
    """The distinct release names of some indicator rows, in order: each block names its
    data's vintage once, not after every value."""
    names: list[str] = []
    for group in groups:
        for row in group:
            release = getattr(row, "release", None)
            if release is not None and release.name not in names:
                names.append(release.name)
    return names

"""Everything the claim check reads for a set of lines, in a fixed number of queries.

The rules (rules.py) work on this plain snapshot: the codes found, their ancestors'
notes, history, add-on and NCCI relations among them, MUEs, the fee schedule in force
and the modifiers typed. Nothing here depends on how many lines there are but the
size of the answer.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from codes.formats import System, normalize
from codes.models import (
    Code,
    CodeHistory,
    CodeNote,
    CodeRelation,
    FeeScheduleIndicator,
    MueLimit,
)
from codes.models.catalogue import PARENT_CHAIN

from .lines import Line

ANCESTOR_IDS = [f"{chain}_id" for chain in PARENT_CHAIN]
NOTE_KINDS = [CodeNote.Kind.EXCLUDES1, CodeNote.Kind.CODE_FIRST, CodeNote.Kind.USE_ADDITIONAL_CODE]


@dataclass
class Facts:
    day: date
    setting: str  # practitioner | outpatient
    codes: dict[str, Code] = field(default_factory=dict)  # typed code → catalogue entry
    notes: dict[int, list[CodeNote]] = field(default_factory=dict)  # code id → own + inherited
    history: dict[int, list[CodeHistory]] = field(default_factory=dict)
    primaries: dict[int, list[Code]] = field(default_factory=dict)  # add-on id → primaries
    ncci: list[CodeRelation] = field(default_factory=list)  # pairs among the codes, in force
    ncci_loaded: bool = False
    mues: dict[int, MueLimit] = field(default_factory=dict)
    mue_loaded: bool = False
    fee_schedule: dict[int, FeeScheduleIndicator] = field(default_factory=dict)
    fee_schedule_loaded: bool = False
    fee_schedule_release: str = ""  # the newest fee schedule held, named
    modifiers: dict[str, Code] = field(default_factory=dict)


def gather(lines: list[Line], day: date, setting: str) -> Facts:
    facts = Facts(day, setting)
    facts.codes = _codes(lines)
    found = {code.id: code for code in facts.codes.values()}
    ids = list(found)
    facts.notes = _notes(list(found.values()))
    for event in CodeHistory.objects.filter(code_id__in=ids).order_by("date"):
        facts.history.setdefault(event.code_id, []).append(event)
    relations = CodeRelation.objects.select_related("target", "release")
    for relation in relations.filter(kind=CodeRelation.Kind.ADDON_OF, source_id__in=ids):
        facts.primaries.setdefault(relation.source_id, []).append(relation.target)
    ncci_setting = "hospital" if setting == "outpatient" else "practitioner"
    pairs = CodeRelation.objects.filter(kind=CodeRelation.Kind.NCCI_PTP, setting=ncci_setting)
    facts.ncci_loaded = pairs.exists()
    in_force = Q(effective_date__isnull=True) | Q(effective_date__lte=day)
    not_ended = Q(end_date__isnull=True) | Q(end_date__gte=day)
    facts.ncci = list(
        pairs.filter(in_force, not_ended, source_id__in=ids, target_id__in=ids).select_related(
            "source", "target", "release"
        )
    )
    mues = MueLimit.objects.filter(setting=setting)
    facts.mue_loaded = mues.exists()
    facts.mues = {
        mue.code_id: mue for mue in mues.filter(code_id__in=ids).select_related("release")
    }
    newest = FeeScheduleIndicator.objects.select_related("release").order_by("-year").first()
    facts.fee_schedule_loaded = newest is not None
    if newest is not None:
        held = f"MPFS {newest.year}"
        facts.fee_schedule_release = held + (f" · {newest.release.name}" if newest.release else "")
    rows = FeeScheduleIndicator.objects.filter(code_id__in=ids, modifier="", year__lte=day.year)
    for row in rows.select_related("release").order_by("year"):
        facts.fee_schedule[row.code_id] = row  # the latest year in force on the day wins
    typed = {modifier for line in lines for modifier in line.modifiers}
    facts.modifiers = {
        code.code: code
        for code in Code.objects.in_system(System.MODIFIER)
        .filter(code__in=typed)
        .select_related("release")
    }
    return facts


def _codes(lines: list[Line]) -> dict[str, Code]:
    """Each typed code's catalogue entry, in the first set (by shape) that holds it.
    One plain query over (system, code) candidates; the pairs are matched here."""
    keys = {(system, normalize(system, line.code)) for line in lines for system in line.systems}
    if not keys:
        return {}
    rows = Code.objects.filter(
        system__in={system for system, _ in keys}, code__in={code for _, code in keys}
    ).select_related("release")
    by_key = {(row.system, row.code): row for row in rows}
    found = {}
    for line in lines:
        for system in line.systems:
            row = by_key.get((system, normalize(system, line.code)))
            if row is not None:
                found[line.code] = row
                break
    return found


def _notes(codes: list[Code]) -> dict[int, list[CodeNote]]:
    """Each code's own notes and those of every level above it (notes are inherited).
    The ancestors' ids come in one query of ids only (no rows are built for them)."""
    levels: dict[int, list[int]] = {code.id: [code.id] for code in codes}
    diagnoses = [code.id for code in codes if code.system == System.ICD10CM]
    chains = Code.objects.filter(id__in=diagnoses).order_by().values_list("id", *ANCESTOR_IDS)
    for code_id, *ancestors in chains:
        levels[code_id] += [ancestor for ancestor in ancestors if ancestor is not None]
    every_level = {level for chain in levels.values() for level in chain}
    by_level: dict[int, list[CodeNote]] = defaultdict(list)
    for note in CodeNote.objects.filter(code_id__in=every_level, kind__in=NOTE_KINDS):
        by_level[note.code_id].append(note)
    return {
        code_id: [n for level in chain for n in by_level[level]]
        for code_id, chain in levels.items()
    }

"""Procedures, services and supplies a case describes → codes of our catalogue, with units.

Phrases that look like a procedure (a procedure word, a drug with its dose, a supply) are
searched with `codes.search.search()` in the code sets of the setting; a hit is kept only
when enough of its descriptor's words are in the case, so a phrase with no code in our
catalogue yields nothing rather than a near miss. Units come from the amounts of the
sentence and the unit the code's descriptor names (units.py).
"""

import re
from dataclasses import dataclass, replace

from codes.formats import System
from codes.models import Code, CodeRelation
from codes.search import search

from . import units
from .quantities import Amount, amounts
from .words import Word, stems, weight, words

SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?!\d)|$)")
CLAUSE = re.compile(r"[^;:()]+")
# Words that name a procedure, service or supply (stems), and procedure word endings.
CUES = stems(
    "injection inject injected vaccine vaccination immunization xray radiograph tomography "
    "resonance ultrasound scan electrocardiogram echocardiogram panel count draw drawn biopsy "
    "excision removal removed repair reduction replacement insertion placed placement "
    "debridement drainage incision aspiration puncture delivery cesarean transfusion dialysis "
    "hemodialysis ventilation intubated intubation therapy exercise psychotherapy session "
    "examination screening smear hardening conditioning ambulance transport trip mileage "
    "wheelchair walker crutches splint brace orthosis cpap concentrator nebulizer strips "
    "lancets catheter tube cast stent graft transplant suture closure manipulation "
    "arthroscopy colonoscopy endoscopy wellness"
)
CUE_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "scopy", "graphy", "centesis", "pexy")
NEGATION = re.compile(r"\b(?:no|not|without any|declined|deferred|refused)\b\s+(?:\w+\s+){0,2}$")
WINDOW = 4  # content words each side of a cue that make its search query
HITS = 10


@dataclass(frozen=True)
class Procedure:
    code: str
    system: str
    title: str
    units: int
    start: int
    end: int
    text: str
    score: float = 0.0


@dataclass
class Candidate:
    code: Code
    matched: set[str]
    score: float
    start: int
    end: int


def systems_for(setting: str) -> list[str]:
    if setting == "inpatient":
        return [System.ICD10PCS]
    return [System.CPT, System.HCPCS]


def find(text: str, setting: str) -> list[Procedure]:
    """Every procedure the text describes, best evidence first, one entry per code."""
    found: dict[str, Procedure] = {}
    for sentence in SENTENCE.finditer(text):
        sentence_amounts = amounts(sentence.group(), sentence.start())
        for clause in CLAUSE.finditer(sentence.group()):
            start = sentence.start() + clause.start()
            for procedure in _clause(text, clause.group(), start, setting, sentence_amounts):
                kept = found.get(procedure.code)
                if kept is None or (procedure.units, procedure.score) > (kept.units, kept.score):
                    found[procedure.code] = procedure
    return list(found.values())


def _cues(clause_words: list[Word], clause: str, offset: int) -> list[int]:
    """Indexes of the words that name a procedure, not negated."""
    cues = []
    for index, word in enumerate(clause_words):
        if word.stem in CUES or any(word.stem.endswith(e[:4]) for e in CUE_ENDINGS):
            if NEGATION.search(clause[: word.start - offset].lower()):
                continue
            cues.append(index)
    return cues


def _clause(
    text: str, clause: str, offset: int, setting: str, found_amounts: list[Amount]
) -> list[Procedure]:
    clause_words = words(clause, offset)
    if not clause_words:
        return []
    clause_stems = {word.stem for word in clause_words}
    drugs = _drug_queries(text, clause_words, offset, offset + len(clause), found_amounts)
    drug_words = {
        (w.start, w.end) for start, end in drugs for w in clause_words if start <= w.start < end
    }
    queries: list[tuple[int, int, bool]] = [(start, end, True) for start, end in drugs]
    others = [w for w in clause_words if (w.start, w.end) not in drug_words]
    for index in _cues(others, clause, offset):
        window = others[max(index - WINDOW, 0) : index + WINDOW + 1]
        queries.append((window[0].start, window[-1].end, False))
    chosen: list[Candidate] = []
    for start, end, drug in dict.fromkeys(queries):
        best = _best(text[start:end], clause_words, clause_stems, setting, drug)
        if best is not None and all(best.code.id != c.code.id for c in chosen):
            chosen.append(best)
    return [p for candidate in chosen for p in _with_units(text, candidate, found_amounts)]


def _drug_queries(
    text: str, clause_words: list[Word], start: int, end: int, found: list[Amount]
) -> list[tuple[int, int]]:
    """A drug named beside its dose: the words just before it ("ketorolac 30 mg") or after
    its "of" ("40 mg of triamcinolone acetonide")."""
    queries = []
    for amount in found:
        if amount.kind != "mg" or not start <= amount.start < end:
            continue
        before = [w for w in clause_words if w.end <= amount.start]
        after = [w for w in clause_words if w.start >= amount.end]
        gap_before = text[before[-1].end : amount.start] if before else "x"
        gap_after = text[amount.end : after[0].start] if after else "x"
        if before and re.fullmatch(r"\s*", gap_before):
            run = [before[-1]]
            for word in reversed(before[:-1]):
                if not re.fullmatch(r"[\s-]*", text[word.end : run[0].start]):
                    break
                run.insert(0, word)
            queries.append((run[-3:][0].start, run[-1].end))
        elif after and re.fullmatch(r"\s+of\s+", gap_after):
            run = [after[0]]
            for word in after[1:3]:
                if not re.fullmatch(r"[\s-]*", text[run[-1].end : word.start]):
                    break
                run.append(word)
            queries.append((run[0].start, run[-1].end))
    return queries


def _best(
    query: str, clause_words: list[Word], clause_stems: set[str], setting: str, drug: bool
) -> Candidate | None:
    hits = search(query, systems=systems_for(setting), limit=HITS)
    if not hits:
        return None
    rows = Code.objects.filter(
        code__in=[hit.code for hit in hits], system__in=[hit.system for hit in hits]
    )
    by_key = {(row.system, row.code): row for row in rows}
    query_stems = stems(query)
    best: Candidate | None = None
    for rank, hit in enumerate(hits):
        row = by_key.get((hit.system, hit.code))
        if row is None or not row.billable or row.is_deleted:
            continue
        counted = units.quantum(row.long_description)
        if (counted is not None and counted.kind == "mg") != drug:
            continue  # a drug code needs its dose; a dose names only a drug
        name, full = _name_stems(row), _full_stems(row)
        if drug and not query_stems <= full:
            continue
        named = name & clause_stems
        if not named or (len(named) < 2 and len(name) > 1 and not drug):
            continue
        cover_name = sum(map(weight, named)) / sum(map(weight, name))
        cover_query = sum(map(weight, query_stems & full)) / max(sum(map(weight, query_stems)), 1)
        if cover_name < 0.5 and cover_query < 0.6:
            continue
        score = sum(map(weight, named)) * (cover_name + cover_query) - rank * 0.01
        matched = full & clause_stems
        spans = [w for w in clause_words if w.stem in matched]
        candidate = Candidate(row, matched, score, spans[0].start, spans[-1].end)
        if best is None or score > best.score:
            best = candidate
    return best


def _name_stems(row: Code) -> set[str]:
    """The words that name a code: its official descriptor, or for a CPT code without
    the licensed text, the head of our plain description."""
    if row.system == System.CPT and not row.long_description:
        head = re.split(r"[:;,]| such as | billed ", row.plain_description)[0]
        return stems(head)
    return stems(row.long_description or row.short_description)


def _full_stems(row: Code) -> set[str]:
    return stems(
        " ".join(
            [
                row.long_description,
                row.medium_description,
                row.short_description,
                row.plain_description,
            ]
        )
    )


def _with_units(text: str, candidate: Candidate, found: list[Amount]) -> list[Procedure]:
    row = candidate.code
    base = Procedure(
        row.code,
        row.system,
        row.title,
        1,
        candidate.start,
        candidate.end,
        text[candidate.start : candidate.end],
        candidate.score,
    )
    if row.system == System.ICD10PCS:
        return [base]
    nearby = sorted(
        found, key=lambda a: min(abs(a.start - candidate.end), abs(a.end - candidate.start))
    )
    unit = units.quantum(row.long_description) or units.quantum(row.plain_description)
    if unit is None:
        return [base]
    if unit.kind == "minutes" and (unit.initial or unit.additional):
        return _first_and_add_on(text, base, row, unit, nearby)
    counted = units.units_for(unit, nearby)
    if counted is None:
        return [base]
    n, amount = counted
    return [_evidence(text, replace(base, units=n), amount)]


def _first_and_add_on(
    text: str, base: Procedure, row: Code, unit: units.Quantum, nearby: list[Amount]
) -> list[Procedure]:
    """A code for the first part of a timed service and its add-on for each further part:
    the time splits between them (the add-on relation links the two)."""
    if unit.additional:
        relation = CodeRelation.objects.filter(source=row, kind=CodeRelation.Kind.ADDON_OF)
    else:
        relation = CodeRelation.objects.filter(target=row, kind=CodeRelation.Kind.ADDON_OF)
    pair = relation.select_related("source", "target").first()
    time = next((a for a in nearby if a.kind == "minutes"), None)
    if pair is None or time is None:
        return [base] if unit.initial else []
    first_code, add_on = pair.target, pair.source
    first = units.quantum(first_code.long_description)
    each = units.quantum(add_on.long_description)
    if first is None or each is None:
        return [base]
    n_first, n_each = units.split_time(time.value, first, each)
    lines = []
    for code, n in ((first_code, n_first), (add_on, n_each)):
        if n:
            line = replace(base, code=code.code, system=code.system, title=code.title, units=n)
            lines.append(_evidence(text, line, time))
    return lines


def _evidence(text: str, procedure: Procedure, amount: Amount) -> Procedure:
    start, end = min(procedure.start, amount.start), max(procedure.end, amount.end)
    return replace(procedure, start=start, end=end, text=text[start:end])

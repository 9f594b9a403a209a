"""Procedures, services and supplies a case describes → codes of our catalogue, with units.

Phrases that look like a procedure (a procedure word and the words around it, a drug
beside its dose) are searched with `codes.search.search()` in each code set of the
setting; matching.py keeps a hit only when the case names it well enough, so a phrase
with no code in our catalogue yields nothing rather than a near miss. Units come from
the amounts of the sentence and the unit the code's descriptor names (counting.py).
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from codes.formats import System
from codes.models import Code
from codes.search import search

from . import matching, pcs, units
from .counting import Procedure, with_units
from .quantities import Amount, amounts
from .words import Word, plain_query, stems, weigher, words

SENTENCE = re.compile(r"(?:[^.!?]|\.(?=\d))+(?:[.!?](?!\d)|$)")  # "22.5 mg" is not two
CLAUSE = re.compile(r"[^;:]+")
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
    "arthroscopy colonoscopy endoscopy wellness mile miles"
)
CUE_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "scopy", "graphy", "centesis", "pexy")
NEGATION = re.compile(r"\b(?:no|not|without|declined|deferred|refused)\b\s+(?:[\w-]+\s+){0,3}$")
WINDOW = 4  # content words each side of a cue that make its search query
HITS = 10
PCS_HITS = 30  # a PCS table holds many codes that differ by one axis
MEDICINE = stems("medicine drug")
DIALYSIS = next(iter(stems("dialysis")))
# Medicare's own codes for services CPT also describes (G0xxx: its ECG with the welcome
# visit, its screening colonoscopy) are meant only when the case names Medicare or no
# CPT code names the phrase (a service only a G code describes: low-dose CT screening).
MEDICARE = re.compile(r"\bmedicare\b", re.IGNORECASE)
MEDICARE_ONLY = re.compile(r"^G0\d{3}$")
HOSPITAL_ONLY = re.compile(r"^C\d{4}$")  # hospital outpatient (OPPS) codes
# A supply, a device or an orthosis is billed when it is handed over, not when the
# patient already has it ("still wearing an ankle brace", "blood pressure normal").
SUPPLY = re.compile(r"^(?:A[4-9]|[EKL])\d")
PROVIDED = re.compile(
    r"\b(?:dispens\w*|suppl(?:y|ied|ies|ier)|provided|issued|fitted|delivered|ordered|"
    r"prescribed|receives?|received|given|sold|rented)\b",
    re.IGNORECASE,
)


PAST = re.compile(
    r"\b(?:last (?:year|month|week|fall|spring|summer|winter|visit)|in (?:19|20)\d\d|"
    r"\d+\s*(?:years?|months?|weeks?|yrs?|mos?)\s+ago)\b",
    re.IGNORECASE,
)
TODAY = re.compile(r"\b(?:today|this visit|now)\b", re.IGNORECASE)
# "solution for a home nebulizer", "strips for her meter": the device is what the supply
# is for, not what was handed over.
PURPOSE = re.compile(r"\bfor (?:a |an |the |his |her |their |use with )?(?:home )?$", re.I)


def systems_for(setting: str) -> list[str]:
    if setting == "inpatient":
        return [System.ICD10PCS]
    return [System.CPT, System.HCPCS]


def find(text: str, setting: str) -> list[Procedure]:
    """Every procedure the text describes, one entry per code (the best evidenced)."""
    found: dict[str, Procedure] = {}
    extra = pcs.TERMS if setting == "inpatient" else None
    case_stems = frozenset(stems(text, extra))  # once per case, not per clause
    for sentence in SENTENCE.finditer(text):
        sentence_amounts = amounts(sentence.group(), sentence.start())
        for clause in CLAUSE.finditer(sentence.group()):
            start = sentence.start() + clause.start()
            clause_text = clause.group()
            for procedure in _clause(
                text, clause_text, start, setting, sentence_amounts, case_stems
            ):
                if _done_before(text, procedure):
                    continue
                if SUPPLY.match(procedure.code) and (
                    not PROVIDED.search(sentence.group())
                    or PURPOSE.search(text[sentence.start() : procedure.start])
                ):
                    continue
                kept = found.get(procedure.code)
                if kept is None or (procedure.units, procedure.score) > (kept.units, kept.score):
                    found[procedure.code] = procedure
    return list(found.values())


def _done_before(text: str, procedure: Procedure) -> bool:
    """ "Pneumococcal vaccine given last year": the words just after the service date it
    to the past (history, not a service of this claim)."""
    after = re.split(r"[,;.]", text[procedure.end : procedure.end + 40], maxsplit=1)[0]
    return bool(PAST.search(after)) and not TODAY.search(after)


def _is_cue(word: Word) -> bool:
    return word.stem in CUES or any(word.stem.endswith(e[:4]) for e in CUE_ENDINGS)


def _clause(
    text: str,
    clause: str,
    offset: int,
    setting: str,
    found_amounts: list[Amount],
    case_stems: frozenset[str],
) -> list[Procedure]:
    extra = pcs.TERMS if setting == "inpatient" else None
    clause_words = words(clause, offset, extra=extra)
    if not clause_words:
        return []
    clause_stems = {word.stem for word in clause_words}
    end = offset + len(clause)
    doses = [a for a in found_amounts if a.kind == "mg"]
    if any(offset <= a.start < end for a in doses):
        clause_stems |= MEDICINE  # a dose says a medicine was given
    drug_spans = _drug_queries(text, clause_words, offset, end, found_amounts)
    # A procedure word may name a drug only when no drug stands beside its dose.
    dosed = bool(doses) and not drug_spans
    minutes = next((a.value for a in found_amounts if a.kind == "minutes"), None)
    # A PCS code's details (device, qualifier) may be told anywhere in the case.
    named_by = (clause_stems | case_stems) if extra else clause_stems
    context = Context(
        named_by,
        matching.negated_stems(clause),
        weigher(),
        setting,
        dosed,
        extra,
        minutes,
        bool(MEDICARE.search(text)),
        frozenset(w.start for w in clause_words if _is_cue(w)),
        case_stems,
    )
    queries: list[Query] = []
    queries += [Query(start, stop, None, frozenset(), dose) for start, stop, dose in drug_spans]
    in_drug = {w.start for w in clause_words for s, e, _ in drug_spans if s <= w.start < e}
    others = [w for w in clause_words if w.start not in in_drug]
    for index, word in enumerate(others):
        if not _is_cue(word) or NEGATION.search(text[offset : word.start].lower()):
            continue
        window = others[max(index - WINDOW, 0) : index + WINDOW + 1]
        required = frozenset(w.stem for w in others if w.start == word.start)
        queries.append(Query(window[0].start, window[-1].end, word.start, required, None))
    chosen: dict[int, matching.Candidate] = {}
    for query in dict.fromkeys(queries):
        window = [w for w in clause_words if query.start <= w.start < query.end]
        ranked = _ranked(text, query, window, context)
        if not ranked:
            continue
        top = ranked[0].score
        taken = list(chosen.values())
        pick = next(
            (
                c
                for c in ranked
                if c.code.id not in chosen
                and c.score >= 0.75 * top
                and not any(t.start <= _at(query, c) < t.end for t in taken)
                and not any(_same_operation(c.code, t.code) for t in taken)
            ),
            None,
        )
        if pick is not None:
            chosen[pick.code.id] = pick
    lines = []
    for candidate in chosen.values():
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
        lines.extend(with_units(text, base, row, found_amounts))
    return lines


def _at(query: "Query", candidate: matching.Candidate) -> int:
    """Where a candidate's evidence is anchored: its procedure word, or its drug."""
    return query.cue if query.cue is not None else candidate.start


def _same_operation(one: Code, other: Code) -> bool:
    """Two PCS codes of one clause with the same section and root operation, or the same
    body part, are alternatives for one procedure, not two procedures."""
    if not one.system == other.system == System.ICD10PCS:
        return False
    a, b = one.code, other.code
    return a[0] + a[2] == b[0] + b[2] or a[0] + a[1] + a[3] == b[0] + b[1] + b[3]


@dataclass(frozen=True)
class Query:
    start: int
    end: int
    cue: int | None  # offset of the procedure word; None for a drug beside its dose
    required: frozenset[str]  # stems a hit must contain (the procedure word's)
    dose: Amount | None  # the dose of a drug query


@dataclass(frozen=True)
class Context:
    clause_stems: set[str]
    clause_negated: set[str]
    weight: Callable[[str], float]
    setting: str
    dosed: bool  # the sentence gives a dose: a drug code may be named by a procedure word
    extra: dict[str, str] | None  # the code set's own words (PCS)
    minutes: float | None  # a duration the sentence gives
    medicare: bool = False  # the case names Medicare: its own G codes may be meant
    cues: frozenset[int] = frozenset()  # where the clause's procedure words are
    case_stems: frozenset[str] = frozenset()  # every stem of the case


def _ranked(
    text: str, query: Query, window: list[Word], context: Context
) -> list[matching.Candidate]:
    """The codes one query's words name well enough, best first."""
    phrase = plain_query(_searched(text, query), context.extra)
    if context.extra:
        phrase = f"{phrase} {pcs.body_words(text, window)}"
    limit = PCS_HITS if context.extra else HITS
    hits = [h for system in systems_for(context.setting) for h in search(phrase, [system], limit)]
    if not hits:
        return []
    wanted = {(hit.system, hit.code) for hit in hits}
    rows = Code.objects.filter(code__in=[c for _, c in wanted], system__in=[s for s, _ in wanted])
    query_stems = stems(text[query.start : query.end], context.extra)
    drug_query = query.dose is not None
    ranked = []
    for row in rows:
        drug = matching.is_drug(row)
        if (drug and not (drug_query or context.dosed)) or (drug_query and not drug):
            continue  # a drug code needs a dose; a dose names only a drug
        if DIALYSIS in stems(row.long_description) and DIALYSIS not in context.case_stems:
            continue  # strips "for dialysis" are for a patient the case says is on dialysis
        if context.minutes is not None and not pcs.holds(row.long_description, context.minutes):
            continue  # the code's hour range does not hold the time the case gives
        need = query_stems if drug_query else set(query.required)
        candidate = matching.judge(
            row,
            query_stems,
            need,
            window,
            context.clause_stems,
            context.clause_negated,
            context.weight,
            query.cue,
            context.cues - {query.cue},
        )
        if candidate is None:
            continue
        if drug_query and query.dose is not None:
            candidate.score *= _dose_fit(row, query.dose)
        ranked.append(candidate)
    if any(c.code.system == System.CPT for c in ranked):
        # a CPT code names the service: Medicare's G0 codes only when the case names
        # Medicare, and hospital outpatient C codes not at all
        ranked = [
            c
            for c in ranked
            if not (MEDICARE_ONLY.match(c.code.code) and not context.medicare)
            and not HOSPITAL_ONLY.match(c.code.code)
        ]
    return sorted(ranked, key=lambda c: -c.score)


def _searched(text: str, query: Query) -> str:
    """A query's words for search: a drug without its dose, as descriptors give their own
    unit ("ondansetron 4 mg" must find "ondansetron hydrochloride, per 1 mg"); the dose
    chooses among the drug's codes afterwards (units, _dose_fit)."""
    dose = query.dose
    if dose is None:
        return text[query.start : query.end]
    return f"{text[query.start : dose.start]} {text[dose.end : query.end]}".strip()


def _dose_fit(row: Code, dose: Amount) -> float:
    """Of two codes for one drug, the one whose unit fits the dose in fewer units."""
    unit = units.quantum(row.long_description)
    if unit is None or unit.kind != "mg" or unit.size > dose.value * 1.0001:
        return 1.0
    return 1.0 + 0.01 * math.log1p(unit.size)


def _drug_queries(
    text: str, clause_words: list[Word], start: int, end: int, found: list[Amount]
) -> list[tuple[int, int, Amount]]:
    """A drug named beside its dose: the words just before it ("ketorolac 30 mg") or after
    its "of" ("40 mg of triamcinolone acetonide")."""
    queries = []
    for amount in found:
        if amount.kind != "mg" or not start <= amount.start < end:
            continue
        before = [w for w in clause_words if w.end <= amount.start]
        after = [w for w in clause_words if w.start >= amount.end]
        if before and not text[before[-1].end : amount.start].strip():
            run = [before[-1]]
            for word in reversed(before[:-1]):
                if text[word.end : run[0].start].strip(" -") or len(run) >= 3:
                    break
                run.insert(0, word)
            queries.append((run[0].start, amount.end, amount))
        elif after and re.fullmatch(r"\s+of\s+", text[amount.end : after[0].start]):
            run = [after[0]]
            for word in after[1:]:
                if text[run[-1].end : word.start].strip(" -") or len(run) >= 3:
                    break
                run.append(word)
            queries.append((amount.start, run[-1].end, amount))
    return queries

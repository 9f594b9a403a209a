"""Procedures, services and supplies a case describes → codes of our catalogue, with units.

Phrases that look like a procedure (a procedure word and the words around it, a drug
beside its dose) are searched with `codes.search.search()` in each code set of the
setting; matching.py keeps a hit only when the case names it well enough, so a phrase
with no code in our catalogue yields nothing rather than a near miss. Units come from
the amounts of the sentence and the unit the code's descriptor names (counting.py).
"""

import re

from codes.formats import System
from codes.models import Code
from codes.search import search

from . import matching
from .counting import Procedure, with_units
from .quantities import Amount, amounts
from .words import Word, stems, weigher, words

SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?!\d)|$)")
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
    "arthroscopy colonoscopy endoscopy wellness"
)
CUE_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "scopy", "graphy", "centesis", "pexy")
NEGATION = re.compile(r"\b(?:no|not|without|declined|deferred|refused)\b\s+(?:[\w-]+\s+){0,3}$")
WINDOW = 4  # content words each side of a cue that make its search query
HITS = 10
MEDICINE = stems("medicine drug")


def systems_for(setting: str) -> list[str]:
    if setting == "inpatient":
        return [System.ICD10PCS]
    return [System.CPT, System.HCPCS]


def find(text: str, setting: str) -> list[Procedure]:
    """Every procedure the text describes, one entry per code (the best evidenced)."""
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


def _is_cue(word: Word) -> bool:
    return word.stem in CUES or any(word.stem.endswith(e[:4]) for e in CUE_ENDINGS)


def _clause(
    text: str, clause: str, offset: int, setting: str, found_amounts: list[Amount]
) -> list[Procedure]:
    clause_words = words(clause, offset)
    if not clause_words:
        return []
    clause_stems = {word.stem for word in clause_words}
    end = offset + len(clause)
    if any(a.kind == "mg" and offset <= a.start < end for a in found_amounts):
        clause_stems |= MEDICINE  # a dose says a medicine was given
    clause_negated = matching.negated_stems(clause)
    # (start, end, is a drug query, the stems a hit must contain)
    queries: list[tuple[int, int, bool, frozenset[str]]] = []
    drug_spans = _drug_queries(text, clause_words, offset, end, found_amounts)
    for start, stop in drug_spans:
        queries.append((start, stop, True, frozenset()))
    in_drug = {w.start for w in clause_words for s, e in drug_spans if s <= w.start < e}
    others = [w for w in clause_words if w.start not in in_drug]
    for index, word in enumerate(others):
        if not _is_cue(word) or NEGATION.search(text[offset : word.start].lower()):
            continue
        window = others[max(index - WINDOW, 0) : index + WINDOW + 1]
        required = frozenset(w.stem for w in others if w.start == word.start)
        queries.append((window[0].start, window[-1].end, False, required))
    weight = weigher()
    chosen: dict[int, tuple[matching.Candidate, list[Amount]]] = {}
    for start, stop, drug, required in dict.fromkeys(queries):
        window = [w for w in clause_words if start <= w.start < stop]
        query = text[start:stop]
        context = (clause_stems, clause_negated, weight)
        best = _best(query, window, drug, set(required), setting, context, set(chosen))
        if best is not None:
            chosen[best.code.id] = (best, found_amounts)
    lines = []
    for candidate, near in chosen.values():
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
        lines.extend(with_units(text, base, row, near))
    return lines


def _best(
    query: str,
    window: list[Word],
    drug: bool,
    required: set[str],
    setting: str,
    context: tuple,
    taken: set[int],
) -> matching.Candidate | None:
    """The best code for one query that no other query of the clause has taken."""
    clause_stems, clause_negated, weight = context
    hits = [hit for system in systems_for(setting) for hit in search(query, [system], HITS)]
    if not hits:
        return None
    wanted = {(hit.system, hit.code) for hit in hits}
    rows = Code.objects.filter(code__in=[c for _, c in wanted], system__in=[s for s, _ in wanted])
    query_stems = stems(query)
    best: matching.Candidate | None = None
    for row in rows:
        if row.id in taken or matching.is_drug(row) != drug:
            continue  # a drug code needs its dose; a dose names only a drug
        need = query_stems if drug else required
        candidate = matching.judge(
            row, query_stems, need, window, clause_stems, clause_negated, weight
        )
        if candidate is not None and (best is None or candidate.score > best.score):
            best = candidate
    return best


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
        if before and not text[before[-1].end : amount.start].strip():
            run = [before[-1]]
            for word in reversed(before[:-1]):
                if text[word.end : run[0].start].strip(" -") or len(run) >= 3:
                    break
                run.insert(0, word)
            queries.append((run[0].start, amount.end))
        elif after and re.fullmatch(r"\s+of\s+", text[amount.end : after[0].start]):
            run = [after[0]]
            for word in after[1:]:
                if text[run[-1].end : word.start].strip(" -") or len(run) >= 3:
                    break
                run.append(word)
            queries.append((amount.start, run[-1].end))
    return queries

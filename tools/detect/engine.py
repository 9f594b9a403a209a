"""DetectICD10CM's pipeline: words → phrase matches → specific codes → status →
combination codes. Plain Python over the catalogue loaded once per process.
"""

import re
from dataclasses import dataclass, field

from . import combine, delivery, matcher, numbers, sequela
from .assertion import HEADER, Clause, Status, clauses, status_of
from .catalogue import HEADING, INCLUSION, LEXICON, Catalogue, load
from .matcher import Match
from .refine import refine
from .text import STOP, Word, words

ENCOUNTER = frozenset(
    [
        "initial",
        "subsequent",
        "sequela",
        "encounter",
        "routine",
        "delayed",
        "healing",
        "nonunion",
        "malunion",
    ]
)
NEGATORS = frozenset(["no", "not", "without", "denies", "negative"])
# A visit after active treatment, in the healing phase, and a first visit.
SUBSEQUENT = re.compile(
    r"\bfollow[- ]?up (visit|encounter|of)\b|\b(is|are|has been) healing\b|"
    r"\bhealing (well|as expected|normally|on schedule)|\bcast (change|removal)\b|"
    r"\bcast (was )?(changed|removed)\b|\brecovering from\b|"
    r"\b(weeks?|wks?|months?) out from\b|\bcontinu\w* (rehab|therapy|physical therapy|PT)\b|"
    r"\bcallus (is )?forming\b|\b(fracture|ortho\w*) clinic follow[- ]?up\b",
    re.IGNORECASE,
)
INITIAL = re.compile(r"\b(first|initial) (visit|encounter)\b|\bnew injury\b", re.IGNORECASE)
SCORES = {LEXICON: 0.95, 1: 0.95, INCLUSION: 0.9, HEADING: 0.8}


@dataclass
class Finding:
    """One condition the text names: its code, where, and whether it is coded."""

    code: str
    title: str
    start: int
    end: int
    text: str
    status: str
    billable: bool
    score: float
    alternatives: list[str] = field(default_factory=list)
    coded: bool = False
    why: str = ""
    words: frozenset[str] = frozenset()  # the matched words, folded (not shown)
    needs: tuple[str, ...] = ()  # coded only beside a code starting with one of these
    companion_of: str = ""  # the code whose "use additional code" note asked for it


def detect(text: str, setting: str = "outpatient") -> list[Finding]:
    """The conditions `text` documents, in text order. `setting` is "outpatient" (an
    uncertain diagnosis is not coded) or "inpatient" (it is coded as if established)."""
    cat = load()
    ws = words(text)
    corrected = matcher.correct(cat, ws)
    cuts = clauses(text)
    home = _clause_of(ws, cuts)
    matches = matcher.phrases(cat, text, ws, home, corrected)
    labels = [
        (m.start(1), m.end(1))
        for m in HEADER.finditer(text)
        if m.group(1).strip().lower() in SECTION_NAMES
    ]
    matches = [m for m in matches if not _in_label(ws[m.first].start, labels)]
    # conditions named by kind and site apart: injuries, and cancers a title did not name
    sited = matcher.injuries(cat, ws, home)
    for tumour in matcher.neoplasms(cat, ws, home):
        if not any(
            m.anchor[0] == "C" and m.anchor[:3] != "C80" and matcher.overlap(m, tumour)
            for m in matches
        ):
            sited.append(tumour)
    sited = [  # a site's fallback reading gives way to an injury a title named
        i
        for i in sited
        if i.source != HEADING
        or not any(m.anchor[0] == "S" and matcher.overlap(m, i) for m in matches)
    ]
    if sited:
        matches = [m for m in matches if not any(matcher.overlap(m, i) for i in sited)]
        matches = sorted(matches + sited, key=lambda m: m.first)
    encounter = {w.norm for w in ws if w.norm in ENCOUNTER}
    if SUBSEQUENT.search(text) and not INITIAL.search(text):
        encounter.add("subsequent")  # care in the healing phase: 7th character D (I.C.19.a)
    by_clause: dict[int, list[int]] = {}
    for i, k in enumerate(home):
        by_clause.setdefault(k, []).append(i)
    contexts: list[tuple[set[str], set[str]]] = []
    by_match_clause: dict[int, list[Match]] = {}
    for m in matches:
        by_match_clause.setdefault(home[m.first], []).append(m)
    owned = {i for m in matches for i in range(m.first, m.last + 1)}
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for match in matches:
        clause = cuts[home[match.first]]
        here = [m for m in by_match_clause[home[match.first]] if m is not match]
        members = set(by_clause[home[match.first]]) - _unlinked(text, ws, here, match)
        said, denied = _said(ws, members, match)
        said |= _hints(text[clause.start : clause.end])
        if "right" in said or "left" in said:
            # a side not said to be dominant: right is dominant, left is not (I.C.6.a)
            said.add("dominant" if "right" in said else "nondominant")
        if not said & ENCOUNTER:
            said |= encounter
        said |= encounter & {"subsequent"}
        near = {ws[i].norm for i in members if match.first - 3 <= i <= match.last + 6}
        near = (near | (said & ENCOUNTER)) - denied
        choice = refine(cat, match.anchor, said, near)
        contexts.append((said, near))
        start, end = ws[match.first].start, ws[match.last].end
        blocked = owned - set(range(match.first, match.last + 1))
        start, end = _extend(ws, members, blocked, match, choice.used - ENCOUNTER)
        taken.append((start, end))
        entry = cat.entries[choice.code]
        score = SCORES.get(match.source, 0.8) - (0.1 if match.corrected else 0.0)
        findings.append(
            Finding(
                code=choice.code,
                title=entry.title,
                start=start,
                end=end,
                text=text[start:end],
                status=Status.PRESENT,
                billable=entry.billable,
                score=round(score, 2),
                alternatives=list(choice.alternatives),
                why=f"Words {text[start:end]!r} → {cat.entries[match.anchor].title}",
            )
        )
        findings[-1].words = frozenset(ws[i].norm for i in range(match.first, match.last + 1))
    cores = [(ws[m.first].start, ws[m.last].end) for m in matches]
    for k, (finding, match) in enumerate(zip(findings, matches, strict=True)):
        others = [(f.start, f.end) for f in findings if f is not finding]
        core_start, core_end = cores[k]
        clause = cuts[home[match.first]]
        finding.status = _status(text, clause, core_start, core_end, others)
    findings += _companions(cat, findings, matches, contexts, home)
    findings = _with_numbers(cat, text, cuts, findings)
    findings = sequela.apply(cat, text, findings)
    for finding in findings:
        finding.coded = finding.status == Status.PRESENT or (
            finding.status == Status.UNCERTAIN and setting == "inpatient"
        )
    for finding in findings:
        if finding.needs and not any(
            f.coded and f.code.startswith(finding.needs) for f in findings
        ):
            finding.coded = False
    findings = combine.apply(cat, findings)
    return sorted(findings, key=lambda f: (f.start, f.end))


HINTS = [
    (
        re.compile(r"poorly controlled|uncontrolled|out of control|not well controlled", re.I),
        "hyperglycemia",
    ),
    # "managed by diet alone", "diet and exercise only": the title's "diet controlled"
    (
        re.compile(r"\b(managed|controlled|treated) (by|with) diet\b|\bdiet (alone|only)\b", re.I),
        "diet",
    ),
]


def _hints(clause: str) -> set[str]:
    """Words a phrase of the clause stands for ("poorly controlled" diabetes is coded as
    diabetes with hyperglycemia, as the Index directs)."""
    return {word for pattern, word in HINTS if pattern.search(clause)}


# A combination code's "use additional code" note names the detail a second code
# carries: the CKD stage, the type of heart failure. Default of each, and the word
# that must be said for it.
COMPANIONS = (
    ("N18.9", "kidney"),
    ("I50.9", "failure"),
    ("L97.909", "ulcer"),
    ("F02.80", "dementia"),  # Alzheimer's dementia: G30 asks for the dementia's F02 code
)


def _companions(
    cat: Catalogue,
    findings: list[Finding],
    matches: list[Match],
    contexts: list[tuple[set[str], set[str]]],
    home: list[int],
) -> list[Finding]:
    """The code a finding's note asks for, when the same words name its detail
    ("diabetes with CKD stage 4" → E11.22 and N18.4) and no other finding gave it."""
    out = []
    for finding, match, (said, near) in zip(findings, matches, contexts, strict=True):
        for default, word in COMPANIONS:
            family = default[:3]
            if word not in said or finding.code.startswith(family) or default not in cat.entries:
                continue
            if any(
                m.anchor.startswith(family) and home[m.first] == home[match.first]
                for m in matches
                if m is not match
            ):
                continue
            own = set(finding.words) - {word}  # "type 2" is not "stage 2"
            choice = refine(cat, default, said - own, near - own)
            if not cat.asks_for(finding.code, choice.code):
                continue
            if choice.code == default and family in ("N18", "L97"):
                continue  # no stage or site said: the note's detail is not there to add
            entry = cat.entries[choice.code]
            out.append(
                Finding(
                    code=choice.code,
                    title=entry.title,
                    start=finding.start,
                    end=finding.end,
                    text=finding.text,
                    status=finding.status,
                    billable=entry.billable,
                    score=finding.score,
                    alternatives=list(choice.alternatives),
                    why=f"Asked for by the note of {finding.code}.",
                    companion_of=finding.code,
                )
            )
    return out


def _with_numbers(
    cat: Catalogue, text: str, cuts: list[Clause], findings: list[Finding]
) -> list[Finding]:
    """BMI and weeks of gestation from their numbers, and the codes a delivery implies
    (delivery.py); they replace the bare heading a phrase ("weeks of gestation") named."""
    found = numbers.find(cat, text)
    obstetric = any(f.code.startswith("O") and f.status == Status.PRESENT for f in findings)
    found += [
        numbers.NumberCode(d.code, d.start, d.end, d.needs)
        for d in delivery.find(cat, text, obstetric)
        if d.code not in {f.code for f in findings}
    ]
    if not found:
        return findings
    kept = [
        f
        for f in findings
        if not (
            f.code[:3] in ("Z68", "Z3A") and any(n.start < f.end and f.start < n.end for n in found)
        )
    ]
    for number in found:
        clause = next((c for c in cuts if c.start <= number.start < c.end), cuts[-1])
        entry = cat.entries[number.code]
        finding = Finding(
            code=number.code,
            title=entry.title,
            start=number.start,
            end=number.end,
            text=text[number.start : number.end],
            status=Status.PRESENT,
            billable=entry.billable,
            score=0.9,
            needs=number.needs,
            why="A number the code's title names.",
        )
        others = [(f.start, f.end) for f in kept]
        finding.status = _status(text, clause, number.start, number.end, others)
        kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


# Section names that are also abbreviations or words of a condition ("PE:" is the
# physical exam, not a pulmonary embolism).
SECTION_NAMES = frozenset(["pe", "allergies", "allergy", "exam", "physical exam", "labs"])


def _in_label(start: int, labels: list[tuple[int, int]]) -> bool:
    """A section header ("PE:", "Allergies:") names a section, not a condition."""
    return any(low <= start < high for low, high in labels)


def _status(text: str, clause: Clause, start: int, end: int, taken: list[tuple[int, int]]) -> str:
    return status_of(text, clause, start, end, taken).value


def _clause_of(ws: list[Word], cuts: list[Clause]) -> list[int]:
    out = []
    k = 0
    for w in ws:
        while k < len(cuts) - 1 and w.start >= cuts[k].end:
            k += 1
        out.append(k)
    return out


def _extend(
    ws: list[Word], members: set[int], blocked: set[int], match: Match, used: frozenset[str]
) -> tuple[int, int]:
    """The evidence: the matched words, grown over nearby words the code also names,
    never into another condition's words."""
    first, last = match.first, match.last
    for step, limit in ((1, 3), (-1, 2)):
        gap = 0
        i = (last if step > 0 else first) + step
        while i in members and i not in blocked and gap <= limit:
            gap = 0 if ws[i].norm in used else gap + 1
            if gap == 0:
                first, last = (first, i) if step > 0 else (i, last)
            i += step
    return ws[first].start, ws[last].end


LINKED = re.compile(
    r"\b(with|w/|due to|secondary to|complicated by|associated with|caused by|from|in|of)\b",
    re.IGNORECASE,
)


def _unlinked(text: str, ws: list[Word], matches: list[Match], match: Match) -> set[int]:
    """The words of other conditions in the clause that the text does not tie to this
    one ("HTN, COPD, AFib" is a list; "diabetes with CKD" is one condition)."""
    out: set[int] = set()
    for other in matches:
        if other is match:
            continue
        if other.last < match.first:
            between = text[ws[other.last].end : ws[match.first].start]
        elif other.first > match.last:
            between = text[ws[match.last].end : ws[other.first].start]
        else:
            continue
        if between.strip() and (not LINKED.search(between) or len(between) > 60):
            out.update(range(other.first, other.last + 1))
    return out


def _said(ws: list[Word], members: set[int], match: Match) -> tuple[set[str], set[str]]:
    """The clause's words said of this condition, and those denied after it."""
    said: set[str] = set()
    denied: set[str] = set()
    negating = False
    skip: set[int] = set()
    for i in sorted(members):
        norm = ws[i].norm
        if norm == "without" and i + 1 < len(ws) and ws[i + 1].norm == "complication":
            skip |= {i, i + 1}  # the default state, not a denial of what follows it
        if i in skip:
            continue
        if i > match.first and norm in NEGATORS:
            negating = True
        (denied if negating else said).add(norm)
    return said - STOP, denied - STOP

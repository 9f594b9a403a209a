"""Whether a code found by search is the one a phrase of the case describes.

Search ranks codes by their words; a suggestion needs more: the phrase's procedure word
in the code's text, enough of the words that name the code in the case (rare words
weigh more than common ones), and no contradiction ("without contrast" against "with
contrast", "other than wood" against "wood"). Codes a practitioner's claim does not use
for the service rank below the others: HCPCS S codes (not valid for Medicare) and C codes
(hospital outpatient only) rank below the others; S codes (private payers, not valid for
Medicare, whose rules the claim check applies) and G8000-G9999 and M1000-M1999 (quality
reporting, never a service) are not suggested.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from codes.formats import System
from codes.models import Code

from .words import Word, stems

NEGATED = re.compile(
    r"\b(?:without|other than|not|non|no|w/o)[\s-]+(?:(?:a|an|the|any)\s+)?([a-z]+)", re.IGNORECASE
)
# The default when a case gives no more detail: not a word the case must say.
NOS = re.compile(r"\b(?:not otherwise specified|not elsewhere classified|nos|nec)\b", re.I)
COUNTING = stems("initial first each additional subsequent per unit units")
LIST_SEPARATELY = re.compile(r"\(list separately[^)]*\)", re.IGNORECASE)
DOSE_UNIT = re.compile(r"\b\d[\d,.]*\s*(?:mg|mcg|cc|ml|iu|units?)\b", re.IGNORECASE)
QUALITY_CODE = re.compile(r"^(?:G[89]\d{3}|M1\d{3})$")  # quality measures, never a service
NOT_MEDICARE = re.compile(r"^S\d{4}$")
NOT_CLASSIFIED = re.compile(
    r"\b(?:unclassified|not otherwise classified|unlisted|miscellaneous)\b", re.IGNORECASE
)
LESS_USED = {"C": 0.5}  # HCPCS letter → weight of its codes' scores


@dataclass
class Candidate:
    code: Code
    score: float
    start: int
    end: int


def is_drug(row: Code) -> bool:
    """A drug is billed by its dose: its descriptor names one ("per 15 mg", "1 cc")."""
    text = row.long_description
    return bool(DOSE_UNIT.search(text)) or text.startswith("Injection,")


def name_text(row: Code) -> str:
    """The text that names a code: its official descriptor, or for a CPT code without the
    licensed text, the head of our plain description (before its explanations)."""
    if row.system == System.CPT and not row.long_description:
        return re.split(r"[:;,]| such as | billed | for | to ", row.plain_description)[0]
    return LIST_SEPARATELY.sub(" ", row.long_description or row.short_description)


def full_text(row: Code) -> str:
    parts = [row.long_description, row.medium_description, row.short_description]
    return " ".join([*parts, row.plain_description])


def negated_stems(text: str) -> set[str]:
    return {s for match in NEGATED.finditer(text) for s in stems(match[1])}


def name_stems(text: str, clause_stems: set[str]) -> set[str]:
    """The stems a case must mention to name the code: not the counting words, not what
    the descriptor negates, and of alternatives ("a/b", "a or b") the one the case uses."""
    name = stems(NOS.sub(" ", text)) - COUNTING - negated_stems(text)
    for first, second in re.findall(r"([A-Za-z]+)(?:/| or )([A-Za-z]+)", text):
        pair = stems(f"{first} {second}")
        if pair & clause_stems:
            name -= pair - clause_stems
        else:
            name -= stems(second)
    return name


def judge(
    row: Code,
    query_stems: set[str],
    required: set[str],
    window: list[Word],
    clause_stems: set[str],
    clause_negated: set[str],
    weight: Callable[[str], float],
    cue: int | None = None,
    others: frozenset[int] = frozenset(),
) -> Candidate | None:
    """A candidate with its score, or None when the code is not what the phrase says."""
    if not row.billable or row.is_deleted:
        return None
    if QUALITY_CODE.match(row.code) or NOT_MEDICARE.match(row.code):
        return None
    if NOT_CLASSIFIED.search(row.long_description):
        return None  # a code for what no other code describes is the coder's last resort
    name_words = name_text(row)
    full = stems(full_text(row))
    if required and not required & full:
        return None  # the procedure word itself is not in the code's text
    negated = negated_stems(full_text(row))
    if negated & (clause_stems - clause_negated) or clause_negated & (full - negated):
        return None  # one says "with", the other "without"
    name = name_stems(name_words, clause_stems)
    named = name & clause_stems
    if not named or not name:
        return None
    named_weight = sum(map(weight, named))
    cover_name = named_weight / sum(map(weight, name))
    cover_query = sum(map(weight, query_stems & full)) / max(sum(map(weight, query_stems)), 1e-9)
    if cover_name < 0.5 and (cover_query < 0.6 or cover_name < 0.3):
        return None
    score = named_weight * (cover_name + cover_query)
    if row.system == System.HCPCS:
        score *= LESS_USED.get(row.code[:1], 1.0)
    start, end = evidence(window, cue, full, others)
    return Candidate(row, score, start, end)


def evidence(
    window: list[Word], cue: int | None, full: set[str], others: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """The words that named the code: the run around the procedure word whose words are
    in the code's text (the whole window for a drug beside its dose), stopping at another
    procedure word ("CBC ... by venipuncture": the blood draw is a service of its own)."""
    if cue is None:
        return window[0].start, window[-1].end
    at = [i for i, w in enumerate(window) if w.start == cue]
    if not at:
        return window[0].start, window[-1].end
    # another procedure word the code's text hardly shares names a service of its own
    at_word: dict[int, list[str]] = {}
    for w in window:
        at_word.setdefault(w.start, []).append(w.stem)
    others = frozenset(
        p
        for p in others
        if 2 * sum(s in full for s in at_word.get(p, [])) < len(at_word.get(p, [1]))
    )
    first = last = at[0]
    while (
        first > 0
        and window[first - 1].start not in others
        and (window[first - 1].stem in full or window[first - 1].start == window[first].start)
    ):
        first -= 1
    while (
        last + 1 < len(window)
        and window[last + 1].start not in others
        and (window[last + 1].stem in full or window[last + 1].start == window[last].start)
    ):
        last += 1
    return window[first].start, window[last].end

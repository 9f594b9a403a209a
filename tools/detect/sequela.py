"""Sequelae: a condition left by a past stroke or a past injury.

"Hemiplegia left by a cerebral infarction last year", "a scar from a laceration two
years ago": the residual is present, the cause is not. A residual of a cerebrovascular
disease (I60-I67) is coded in I69 (guideline I.C.9.d), with the type of the deficit
as a second code when I69's note asks for it; the cause is not coded. A residual of an
injury is coded first and the injury gets the 7th character S (I.C.19.a).

A residual is tied to its cause by the words between them ("left by", "from", "late
effect of"), in one sentence that dates the cause in the past. Codes come from the
catalogue's titles ("Sequelae of cerebral infarction", "Dysphagia following cerebral
infarction"), never from a table of ours.
"""

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .catalogue import Catalogue

if TYPE_CHECKING:
    from .engine import Finding

LINK = re.compile(
    r"\b(left by|from|after|following|due to|caused by|secondary to|(as a |the )?result of|"
    r"at the site of( an?| the)?|"
    r"(a |the )?(late effects?|sequelae?|residuals?) of)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(ago|last (year|month|week|spring|summer|autumn|fall|winter)|in (19|20)\d\d|"
    r"(?<!-)(?<!year )old|healed|prior|previous|remote|late effects?|sequelae?|residuals?)\b",
    re.IGNORECASE,
)
# An injury is a sequela's cause once healed, not days or weeks into its healing.
RECENT = re.compile(r"\b(acute|new|evolving|today|yesterday|(days?|weeks?) ago)\b", re.I)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
STROKE = ("I60", "I61", "I62", "I63", "I64", "I65", "I66", "I67")
# Words of an I69 title that name the cause or a side, not the deficit itself.
FRAME = frozenset(["following", "sequela", "affecting", "side", "dominant", "right", "left"])


def apply(cat: Catalogue, text: str, findings: list["Finding"]) -> list["Finding"]:
    """Findings with each sequela coded as the guidelines ask (in place, plus any
    deficit-type code an I69 note asks for)."""
    added: list[Finding] = []
    for cause in findings:
        stroke = cause.code.startswith(STROKE)
        injury = cause.code[:1] in "ST" and len(cause.code) == 8 and cause.code[-1] == "A"
        if not (stroke or injury) or cause.status not in ("present", "history"):
            continue
        for residual in findings:
            if residual is cause or residual.code[:1] in "ST" or residual.code.startswith("I6"):
                continue
            if residual.status not in ("present", "history") or not _tied(text, residual, cause):
                continue
            if stroke:
                added += _stroke(cat, residual, cause)
            else:
                _injury(cat, residual, cause)
    return findings + added


def _tied(text: str, residual: "Finding", cause: "Finding") -> bool:
    """The residual is said first, then a link word and its cause, all in a sentence
    that puts the cause in the past."""
    if not residual.end <= cause.end or cause.start < residual.start:
        return False
    between = text[residual.end : cause.end]  # an injury's span may open on its site words
    if SENTENCE_END.search(between) or len(between) > 120 or not LINK.search(between):
        return False
    stop = SENTENCE_END.search(text, cause.end)
    sentence = text[residual.start : stop.start() if stop else len(text)]
    return bool(PAST.search(sentence)) and not RECENT.search(sentence)


def _stroke(cat: Catalogue, residual: "Finding", cause: "Finding") -> list["Finding"]:
    category, sequelae = cat.entries.get(cause.code[:3]), cat.entries.get("I69")
    if category is None or sequelae is None:
        return []
    heading = "sequelae of " + category.title.lower()
    groups = sequelae.children
    group = next((c for c in groups if cat.entries[c].title.lower() == heading), None)
    if group is None:
        return []
    deficit = set(cat.entries[residual.code].words)
    cause_words = set(cat.entries[group].words) | FRAME
    best: tuple[tuple[int, int], str] | None = None
    for code in cat.billable_under(group):
        words = set(cat.entries[code].words)
        own = words - cause_words  # what the title says of the deficit: all of it said
        if not own or own - deficit:
            continue
        rank = (len(words & deficit), -len(own))
        if best is None or rank > best[0]:
            best = (rank, code)
    if best is None:
        return []
    code = best[1]
    cause.status = "history"  # the cause is over; only its residual is coded
    residual.status = "present"
    if cat.asks_for(code, residual.code):
        twin = _copy(residual, code, cat.entries[code].title)
        twin.companion_of = residual.code
        return [twin]
    _recode(residual, code, cat.entries[code].title)
    return []


def _injury(cat: Catalogue, residual: "Finding", cause: "Finding") -> None:
    code = cause.code[:-1] + "S"
    entry = cat.entries.get(code)
    if entry is None or not entry.billable:
        return
    residual.status = "present"
    cause.status = "present"
    _recode(cause, code, entry.title)


def _recode(finding: "Finding", code: str, title: str) -> None:
    finding.alternatives = [finding.code, *finding.alternatives][:6]
    finding.code, finding.title = code, title
    finding.why = f"{finding.why}; a sequela (late effect)"


def _copy(finding: "Finding", code: str, title: str) -> "Finding":
    return replace(finding, code=code, title=title, alternatives=[], why="A sequela (late effect).")

"""Assertion status: is a condition present, denied, uncertain, past, a relative's or
only hypothetical? Decided per clause from cue words, and per section from headers.

A clause ends at ";", ":", "but", "however", "although", "except", a conclusion drawn
(", so", "therefore") or the end of a sentence; a cue covers the rest of its clause
("no fever, chills or night sweats"), and a few cues that follow the condition
("... ruled out", "... has resolved") cover what comes before them. A header such as
"Family History:" sets the status of what follows it until the next header.
"""

import re
from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    PRESENT = "present"
    NEGATED = "negated"
    UNCERTAIN = "uncertain"
    HISTORY = "history"
    FAMILY = "family"
    HYPOTHETICAL = "hypothetical"


SENTENCE = re.compile(r"(?<!\bDr)(?<!\bvs)[.!?](?=\s|$)|\n")
CLAUSE = re.compile(
    r",(?=\s+(he|she|they|it|the patient|patient|pt)\s)|;|:|,(?=\s+so\b)|"
    r"\b(but|however|although|though|except|whereas|while|therefore|thus|hence)\b",
    re.IGNORECASE,
)
HEADER = re.compile(r"^\s*([A-Za-z][A-Za-z /&-]{0,40}):", re.MULTILINE)
BLANK_LINE = re.compile(r"\n\s*\n")
HEADER_STATUS = {
    "family history": Status.FAMILY,
    "family hx": Status.FAMILY,
    "fhx": Status.FAMILY,
    "fh": Status.FAMILY,
    "past medical history": Status.HISTORY,
    "past history": Status.HISTORY,
    "pmh": Status.HISTORY,
    "pmhx": Status.HISTORY,
    "past surgical history": Status.HISTORY,
    "medical history": Status.HISTORY,
    "history": Status.HISTORY,
}
# Cues before the condition, in the order they win when several apply.
BEFORE = [
    (
        Status.NEGATED,
        r"\b(no|not|denie[sd]|deny|denying|without|negative for|neg for|free of|"
        r"absence of|absent|never had|no evidence of|no signs? of|no history of|"
        r"has not|ruled out|resolution of)\b",
    ),
    (
        Status.FAMILY,
        r"\b(family (history|hx)|fhx|mother|mom|father|dad|brother|sister|sibling|siblings|"
        r"parents?|aunt|uncle|grandmother|grandfather|grandparents?|cousin|son|daughter|"
        r"relatives?|twin|maternal|paternal|niece|nephew)\b",
    ),
    (
        Status.HYPOTHETICAL,
        r"^\W*should\b|\b(if|should (he|she|they|you|the patient)|in case( of)?|return (for|if)|"
        r"call (if|for)|watch for|warning signs?|signs? of|unless|in the event)\b|"
        r"\bscreen(ing|ed)?\b[\w\s,'-]{0,50}\bfor\s+(an?\s+|the\s+)?$|"  # what is screened for
        r"\b(immune|immunity|vaccinated|immuni[sz]ed|vaccines?)\s+(to|against|for)\s+$",
    ),
    (
        Status.UNCERTAIN,
        r"\b(possible|possibly|probable|probably|suspected|suspect|suspicious for|"
        r"likely|questionable|question of|concern for|concerning for|r/o|rule out|"
        r"presumed|presumptive|working diagnosis|differential|cannot exclude|"
        r"may have|might have|versus|vs)\b|\?",
    ),
    (
        Status.HISTORY,
        r"\b(history of|hx of|h/o|status post|s/p|prior|previous|previously|past|"
        r"remote|childhood|former)\b",
    ),
]
# Cues after the condition, within its clause.
AFTER = [
    (
        Status.NEGATED,
        r"\b(ruled out|was ruled out|is ruled out|(has |have )?resolved|negative|absent|"
        r"none|none known|nkda|nka|"
        r"not (seen|found|present|confirmed))\b",
    ),
    (
        Status.FAMILY,
        r"\b(in (his|her|the patient's) (mother|father|brother|sister|family)|"
        r"in the family|runs in (the|his|her) family)\b",
    ),
    (
        Status.HYPOTHETICAL,
        r"\b(can occur|could occur|may occur|might occur|can develop|may develop)\b|"
        # a flu shot, "tetanus is up to date", a hepatitis B titer, lung cancer screening
        r"^\W*(shots?|vaccines?|vaccination|immuni[sz]ation|jabs?|boosters?|toxoid|titers?|"
        r"screening|(immuni[sz]ation |vaccine |vaccination )?(is |was |are )?up[- ]to[- ]date)\b",
    ),
    (Status.UNCERTAIN, r"^\W*(versus|vs)\b|\b(is|are|was) (suspected|likely|possible|probable)\b"),
    (Status.HISTORY, r"\b(in (19|20)\d\d|as a (child|teen|teenager|toddler|infant)|years ago)\b"),
]
# "a 3-day history of sore throat" dates a present complaint; it is not a past one.
DURATION = re.compile(
    r"\b\d+[- ]?(hours?|days?|weeks?|months?|years?|hrs?|wks?|mos?|yrs?)[- ](long )?history of",
    re.IGNORECASE,
)
# Said of a past condition that is still treated or still there: it is present.
STILL = re.compile(
    r"\b(currently|still|ongoing|continues|controlled|on (treatment|medication)|takes|"
    r"taking|managed)\b",
    re.IGNORECASE,
)
# Phrases whose cue word says nothing of a condition: an imaging order's "without
# contrast", a "non-emergency" trip, a blood count's "automated differential", a
# dispatcher's "call for", "not identified" said of the word before it, and a tumour's
# receptor status ("estrogen receptor negative", "HER2-negative", "triple negative").
PSEUDO = re.compile(
    r"\b(with(out)? (iv |oral )?contrast|not an emergency|"
    r"(receptor|ER|PR|HER-?2(/neu)?|triple)[- ](positive|negative)|"
    r"non-?emergen\w*|(automated|manual) differential|differential (count|white)|"
    r"(a|an|the|emergency|911) call (for|if)|not (identified|specified|stated))\b",
    re.IGNORECASE,
)
BEFORE_RE = [(s, re.compile(p, re.IGNORECASE)) for s, p in BEFORE]
AFTER_RE = [(s, re.compile(p, re.IGNORECASE)) for s, p in AFTER]
# "without" inside a diagnosis ("without complications") is part of the diagnosis: the
# matcher consumes those words before the cue is looked for.


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    header: Status | None


def clauses(text: str) -> list[Clause]:
    """The text cut into clauses, each with its sentence and the header above it."""
    headers: list[tuple[int, Status | None]] = []
    for match in HEADER.finditer(text):
        name = re.sub(r"\s+", " ", match.group(1).strip().lower())
        headers.append((match.end(), HEADER_STATUS.get(name)))
    headers += [(m.end(), None) for m in BLANK_LINE.finditer(text)]  # a paragraph ends it
    headers.sort(key=lambda h: h[0])
    out: list[Clause] = []
    sentences = _cut(text, SENTENCE, 0, len(text))
    for s_start, s_end in sentences:
        header = None
        for end, status in headers:
            if end <= s_start or (end <= s_end and text[s_start:end].strip().endswith(":")):
                header = status
        for c_start, c_end in _cut(text, CLAUSE, s_start, s_end):
            out.append(Clause(c_start, c_end, s_start, s_end, header))
    return out


def _cut(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    position = start
    for match in pattern.finditer(text, start, end):
        if match.start() > position:
            pieces.append((position, match.start()))
        position = match.end() if match.group() in ".!?\n;:" else match.start()
    if end > position:
        pieces.append((position, end))
    return pieces or [(start, end)]


def status_of(
    text: str, clause: Clause, start: int, end: int, consumed: list[tuple[int, int]]
) -> Status:
    """The status of the condition at text[start:end] within its clause. `consumed` are
    the spans other conditions' words took, removed before cues are looked for."""
    before = PSEUDO.sub(" ", DURATION.sub(" ", _blank(text, clause.start, start, consumed)))
    after = PSEUDO.sub(" ", _blank(text, end, clause.end, consumed))
    found: list[Status] = []
    for status, pattern in BEFORE_RE:
        if pattern.search(before):
            found.append(status)
    for status, pattern in AFTER_RE:
        if pattern.search(after):
            found.append(status)
    order = [s for s, _ in BEFORE]
    status = min(found, key=order.index) if found else clause.header or Status.PRESENT
    if status is Status.HISTORY and STILL.search(text, clause.sentence_start, clause.sentence_end):
        return Status.PRESENT
    return status


def _blank(text: str, start: int, end: int, consumed: list[tuple[int, int]]) -> str:
    piece = text[start:end]
    for c_start, c_end in consumed:
        low, high = max(c_start, start) - start, min(c_end, end) - start
        if low < high:
            piece = piece[:low] + " " * (high - low) + piece[high:]
    return piece

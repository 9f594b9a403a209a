"""Cancer conventions a case states around the tumour's name.

Where a cancer has spread is a secondary neoplasm (C77-C79) coded beside the primary
("metastases to the brain", "liver mets"). A cancer excised or eradicated, with no
further treatment directed at it and no evidence of it left, is no longer current: it
is its personal history (Z85, guideline I.C.2.d), and a visit to check for recurrence is
a follow-up examination after completed treatment (Z08). Treatment still going on
(adjuvant hormone therapy, chemotherapy) keeps it current. A visit whose purpose is a
session of chemotherapy or immunotherapy for the cancer is that encounter (Z51.11,
Z51.12), listed first (guideline I.C.2.e.2); being "on chemotherapy" is not.
"""

import re

from codes.formats import System
from codes.models import Code

from . import history
from .diagnoses import Diagnosis

SENTENCE = re.compile(r"[^.;\n]+")
# "metastases to the brain", "metastatic to the right lung"; "liver mets", "bone metastases".
SPREAD = (
    re.compile(
        r"\bmetasta\w*\s+(?:[a-z]+\s+){0,3}?(?:to|in|into|involving)\s+(?:the\s+)?"
        r"(?:[CTLS]\d{1,2}\s+)?((?:right |left )?[a-z]+(?: nodes?)?)",
        re.I,
    ),
    re.compile(r"\b([a-z]+)\s+(?:metastas[ie]s|metastatic disease|mets)\b", re.I),
)
DENIED = re.compile(
    r"\b(?:no|not|without|negative|ruled out|rule out|r/o|free of|evaluat\w*|assess\w*|"
    r"possible|suspected|concern\w*|question\w*)\b",
    re.I,
)
# Adjectives notes use for a site → the noun of the C77-C79 titles.
SITES = {
    "hepatic": "liver",
    "pulmonary": "lung",
    "lungs": "lung",
    "osseous": "bone",
    "skeletal": "bone",
    "bony": "bone",
    "bones": "bone",
    "vertebra": "bone",
    "vertebrae": "bone",
    "vertebral": "bone",
    "spine": "bone",
    "spinal": "bone",
    "cerebral": "brain",
    "nodal": "lymph node",
    "lymph": "lymph node",
    "adrenal": "adrenal gland",
    "peritoneal": "peritoneum",
    "pleural": "pleura",
}
TREATED = re.compile(
    r"\b(?:resect\w*|excis\w*|removed|removal|\w+ectomy|surgery|chemo\w*|radiation|"
    r"radiotherapy|treated|treatment)\b",
    re.I,
)
CLEAR = re.compile(
    r"\bno (?:evidence of (?:active |residual |recurrent )?(?:disease|recurrence|malignancy|"
    r"cancer|tumou?r)|(?:sign of )?recurrence|residual (?:disease|tumou?r))\b"
    r"|\bNED\b|\b(?:cancer|disease|tumou?r)[- ]free\b",
    re.I,
)
ONGOING = re.compile(
    r"\b(?:adjuvant|undergoing|receiving|ongoing|currently on|still on|maintenance|"
    r"cycle \d+|on (?:chemo\w*|immunotherapy|hormon\w* therapy|tamoxifen|letrozole|"
    r"anastrozole|exemestane))\b",
    re.I,
)
FOLLOW_UP = re.compile(r"\b(?:surveillance|follow[- ]?up|recheck|check for recurrence)\b", re.I)
SECONDARY = ("C77", "C78", "C79")
# The visit is a session of the treatment: "cycle 3 of chemotherapy", "here for chemo",
# "chemotherapy infusion today".
SESSION = re.compile(
    r"\b(?:cycle|round|session|course|dose|day)\s*#?\s*(?:\d+|one|two|three|four|five|six)"
    r"\s+of\s+(?:\w+\s+)?(chemo|immuno)\w*"
    r"|\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|next|another)\s+"
    r"(?:cycle|round|session|dose|infusion)\s+of\s+(?:\w+\s+)?(chemo|immuno)\w*"
    r"|\b(?:here|seen|presents|admitted|comes?|scheduled today)\b[^.;]{0,40}?\bfor\s+"
    r"(?:(?:his|her|the|next|scheduled|\w+-?based)\s+)*(chemo|immuno)\w*"
    r"|\b(chemo|immuno)\w*\s+(?:infusion|session|administration|cycle)\b",
    re.I,
)
NO_SESSION = re.compile(
    r"\b(?:no|not|declin\w*|refus\w*|held|deferred|postponed|consider\w*|discuss\w*|"
    r"plan\w*|will|candidate)\b[^.;]{0,30}$",
    re.I,
)
CALLED_OFF = re.compile(r"\b(?:postponed|deferred|held|cancel\w*|declined|refused)\b", re.I)
SESSION_TITLES = {
    "chemo": "Encounter for antineoplastic chemotherapy",
    "immuno": "Encounter for antineoplastic immunotherapy",
}


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    """`found` with secondary sites added and a finished cancer turned into its history."""
    out = list(found) + [d for d in _spread(text) if d.code not in {f.code for f in found}]
    sites = {d.code for d in out if d.code.startswith(SECONDARY) and d.code != "C79.9"}
    if sites:  # the site named: not the unspecified secondary
        out = [d for d in out if d.code != "C79.9"]
    if "C79.51" in sites:  # back pain from a spread to the spine is part of it
        out = [d for d in out if not d.code.startswith(("M54.5", "M54.6", "M54.9"))]
    primary = [d for d in out if d.code.startswith("C") and not d.code.startswith(SECONDARY)]
    finished = _finished(text, {d.code for d in out})
    if primary and finished:
        kept = [d for d in out if d not in primary]
        for cancer in primary:
            past = history.code_for(cancer.code, history.CANCER_HISTORY_BLOCK)
            if past and past[0] not in {d.code for d in kept}:
                kept.append(Diagnosis(past[0], past[1], cancer.start, cancer.end, cancer.text))
        out = kept
    reason = FOLLOW_UP.search(text)
    if reason and finished and any(d.code.startswith("Z85") for d in out):
        rows = Code.objects.in_system(System.ICD10CM).filter(
            long_description__iexact="Encounter for follow-up examination after completed "
            "treatment for malignant neoplasm",
            billable=True,
        )
        for code, title in rows.values_list("code", "long_description")[:1]:
            out.insert(0, Diagnosis(code, title, reason.start(), reason.end(), reason.group()))
    session = _session(text) if any(d.code.startswith("C") for d in out) else None
    if session and session.code not in {d.code for d in out}:
        out.insert(0, session)
    return out


def _session(text: str) -> Diagnosis | None:
    """The encounter for a session of chemotherapy or immunotherapy for the cancer."""
    for sentence in SENTENCE.finditer(text):
        hit = SESSION.search(sentence.group())
        said = sentence.group()
        if hit and not NO_SESSION.search(said[: hit.start()]) and not CALLED_OFF.search(said):
            kind = next(g for g in hit.groups() if g).lower()
            rows = Code.objects.in_system(System.ICD10CM).filter(
                long_description__iexact=SESSION_TITLES[kind], billable=True
            )
            start, end = sentence.start() + hit.start(), sentence.start() + hit.end()
            for code, title in rows.values_list("code", "long_description")[:1]:
                return Diagnosis(code, title, start, end, text[start:end])
    return None


def _finished(text: str, codes: set[str]) -> bool:
    """Treated, clear of disease, and no treatment directed at it now."""
    if any(c.startswith(("Z79.81", "Z79.63")) for c in codes) or ONGOING.search(text):
        return False
    return bool(TREATED.search(text) and CLEAR.search(text))


def _spread(text: str) -> list[Diagnosis]:
    out: list[Diagnosis] = []
    rows: list[tuple[str, str]] | None = None
    for sentence in SENTENCE.finditer(text):
        hits = [hit for pattern in SPREAD for hit in pattern.finditer(sentence.group())]
        for hit in hits:
            if DENIED.search(sentence.group()[: hit.start()]):
                continue
            site = hit[1].lower()
            side = next((s for s in ("right", "left") if site.startswith(s)), "")
            noun = site.removeprefix(side).strip()
            noun = SITES.get(noun, SITES.get(noun.split()[0], noun))
            if rows is None:
                rows = list(
                    Code.objects.in_system(System.ICD10CM)
                    .filter(code__regex=r"^C7[7-9]", billable=True)
                    .values_list("code", "long_description")
                )
            code = _secondary(rows, noun, side)
            if code and code[0] not in {d.code for d in out}:
                start, end = sentence.start() + hit.start(), sentence.start() + hit.end()
                out.append(Diagnosis(code[0], code[1], start, end, text[start:end]))
    return out


def _secondary(rows: list[tuple[str, str]], noun: str, side: str) -> tuple[str, str] | None:
    """The secondary neoplasm code of the site: its side when said, else unspecified."""
    stem = re.escape(noun.rstrip("s"))
    title = re.compile(
        rf"^secondary (?:and unspecified )?malignant neoplasm of (?:the )?"
        rf"(?:(right|left|unspecified) )?{stem}s?\b",
        re.I,
    )
    hits = [(r, m[1] or "") for r in rows if (m := title.match(r[1]))]
    if not hits:
        return None
    wanted = side or "unspecified"
    best = [r for r, s in hits if s == wanted] or [r for r, s in hits if not s] or [hits[0][0]]
    return min(best, key=lambda r: len(r[1]))

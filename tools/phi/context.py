"""Context rules: what the recognizers found, cleaned of what is not PHI, then merged.

Run after every recognizer, on plain data: codes of our own catalogue are never PHI
(an ICD-10-CM code is not a licence number), clinical words are not people, states and
countries are not places, and a number under a fax label is a fax. Overlapping
findings become one span whose category is the surest finding's.
"""

import re
from collections.abc import Callable, Iterable

from . import contact, places
from .categories import Category, Finding
from .lexicon import FACILITY_WORDS, NOT_NAMES, PAYER_WORDS
from .people import given_names

C = Category
CodeCheck = Callable[[str], bool]

# Tokens shaped like a code of one of our code sets (ICD-10-CM, PCS, CPT, HCPCS).
CODE_SHAPE = re.compile(
    r"(?<![\w.-])(?:[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?|\d{4}[0-9A-Z]|[A-V]\d{4}|[0-9A-HJ-NP-Z]{7})(?![\w-])"
)


def code_shaped(text: str) -> set[str]:
    """Every token of the text that could be a catalogue code: the caller checks them
    against the catalogue in one query and hands the known ones back to the engine."""
    return {match.group() for match in CODE_SHAPE.finditer(text)}


def clean(text: str, found: Iterable[Finding], is_code: CodeCheck) -> list[Finding]:
    kept = []
    for finding in found:
        value = text[finding.start : finding.end]
        if not value.strip() or is_code(value.strip()):
            continue
        if finding.category is C.NAME and not _person(value):
            continue
        if finding.category is C.NAME and _PLAN_AFTER.match(text, finding.end):
            continue  # "To: Gulf Meridian Health Plan" (a subscriber's name is no plan)
        if finding.category is C.LOCATION and not _place(value):
            continue
        if finding.category is C.LOCATION and _not_a_place_here(text, finding, value):
            continue
        if finding.category is C.PHONE and contact.is_fax(text, finding.start):
            finding = Finding(finding.start, finding.end, C.FAX, finding.score)
        kept.append(finding)
    return kept


def _person(value: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’.-]*", value)
    if not words or any(ch.isdigit() for ch in value) or "\n" in value:
        return False
    if all(w.strip(".") in NOT_NAMES or w.strip(".") in FACILITY_WORDS for w in words):
        return False
    if any(w in PAYER_WORDS for w in words):
        return False  # "Carolina Keystone Advantage": a plan, not a person
    return any(w[0].isupper() for w in words)


def _place(value: str) -> bool:
    bare = value.strip(" ,.")
    if places.is_region(bare) or "\n" in value:
        return False
    return not all(w in NOT_NAMES for w in bare.split())


_PLAN_AFTER = re.compile(r"[ \t]+(?:(?:Health|Dental|Vision|Medical)[ \t]+)?(?:Plan|Insurance)\b")
_DOCUMENT_WORDS = re.compile(
    r"\b(?:REQUEST|REQUISITION|NOTE|FORM|REPORT|SUMMARY|COPY|WORKSHEET|RECORD|LETTER|ORDER"
    r"|REFERRAL|AUTHORI[SZ]ATION|PLAN|START OF CARE|ASSESSMENT|INTAKE)\b"
)


def _not_a_place_here(text: str, finding: Finding, value: str) -> bool:
    """A payer named by its plan ("Laya Healthcare membership"), a form's heading in
    capitals ("PRIOR AUTHORIZATION REQUEST - ADVANCED IMAGING"), a ward ("5 North
    Medical")."""
    if any(ch.isdigit() for ch in value):
        return False
    if places.payer_follows(text, finding.end) or places.payer_before(text, finding.start):
        return True
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if value.isupper() and line.isupper() and _DOCUMENT_WORDS.search(line):
        # A heading of service words alone, or one that says what the form is.
        words = value.title().split()
        if _DOCUMENT_WORDS.search(value) or all(
            places.is_generic(w) or places.is_facility_word(w) for w in words
        ):
            return True
    return bool(
        re.match(r"(?:North|South|East|West)\b", value)
        and re.search(r"\b\d+[A-Z]?[ \t]+$", text[line_start : finding.start])
    )


def merge(found: Iterable[Finding]) -> list[Finding]:
    """Overlapping findings become one span (their union: a partly covered name still
    leaks), labelled by the surest of them; ties go to the longer."""
    ordered = sorted(found, key=lambda f: (f.start, -f.end))
    merged: list[list[Finding]] = []
    end = -1
    for finding in ordered:
        if merged and finding.start < end:
            merged[-1].append(finding)
            end = max(end, finding.end)
        else:
            merged.append([finding])
            end = finding.end
    result = []
    for group in merged:
        best = max(group, key=lambda f: (f.score, f.end - f.start))
        start = min(f.start for f in group)
        stop = max(f.end for f in group)
        result.append(Finding(start, stop, best.category, best.score))
    return result


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|of|lives|outside|around)[ \t]+$")

# Drug names the model takes for people or places: their endings give them away.
_DRUG = re.compile(
    r"(?:olol|pine|zolin|mab|pril|sartan|statin|cillin|mycin|floxacin|azole|prazole|tidine"
    r"|afil|gliptin|gliflozin|parin|xaban|zepam|zolam|olam|triptan|lukast|dronate|terol"
    r"|sone|olone|vir|oxin|idine|amine|azine|oxetine|aline|pram|apine|tropin|ptide|umab"
    r"|cycline|kinase|ase|itis|osis|emia|oma|algia|ectomy|otomy|plasty|scopy|gram)$",
    re.IGNORECASE,
)


def from_model(text: str, finding: Finding, organisation: bool) -> Finding | None:
    """The language model's people and places, held to what a name looks like: whole
    capitalised words, no digits, no clinical word or drug alone, no form heading."""
    value = re.split(r"[ \t]{2,}|\t", text[finding.start : finding.end])[0]
    words = value.split()
    while words and not words[-1][0].isupper():
        words.pop()
    if not words or any(ch.isdigit() for ch in value) or "\n" in value.strip():
        return None
    if any(not w[0].isupper() and w not in ("de", "la", "of", "the", "and", "&") for w in words):
        return None
    if organisation and (
        not places.is_facility_name(words) or places.payer_follows(text, finding.end)
    ):
        return None
    if any(len(w) == 1 for w in words) or any(w.strip(",.") in NOT_NAMES for w in words):
        return None  # "Vitamin K", "MD Resident"
    if len(words) == 1:
        word = words[0].strip(",.;:")
        if len(word) < 3 or word.isupper() or _DRUG.search(word):
            return None
        if finding.category is C.NAME and word not in given_names():
            return None  # a lone word is a name when we know it as one (or see it in full)
        before = text[max(0, finding.start - 12) : finding.start]
        if finding.category is C.LOCATION and not _PLACE_BEFORE.search(before):
            return None  # "Mobile", "Rogue": a lone capitalised word is a town only after "in"
    elif all(w.isupper() for w in words):
        return None  # a heading in capitals
    end = finding.start + value.find(words[-1]) + len(words[-1])
    return Finding(finding.start, end, finding.category, finding.score)

"""Allergy status to a drug (Z88.-) from an allergy the case states, and the reaction it
describes kept out of the diagnoses ("penicillin allergy (hives)": the hives are the
past reaction, not a condition now).

The Index: "Allergy, drug, penicillin, status Z88.0"; "History, allergy, sulfonamides
Z88.2". Our table gives common drugs the class the Z88 titles word; the code is the
billable "Allergy status to ..." title the catalogue holds.
"""

import re

from .diagnoses import Diagnosis
from .status import _at

CLASSES = {
    "penicillin": "penicillin penicillins pcn amoxicillin ampicillin augmentin piperacillin "
    "dicloxacillin nafcillin",
    "other antibiotic agents": "cephalosporins cephalosporin cephalexin keflex ceftriaxone "
    "cefazolin erythromycin azithromycin clarithromycin macrolides ciprofloxacin "
    "levofloxacin quinolones fluoroquinolones doxycycline tetracycline vancomycin "
    "clindamycin gentamicin",
    "sulfonamides": "sulfa sulfonamide sulfonamides sulfamethoxazole bactrim septra",
    "narcotic agent": "codeine morphine opioids opiates oxycodone hydrocodone percocet",
    "analgesic agent": "aspirin nsaids nsaid ibuprofen naproxen",
    "anesthetic agent": "lidocaine novocaine anesthesia anesthetics",
    "serum and vaccine": "vaccine vaccines",
}
NAMES = {name: cls for cls, names in CLASSES.items() for name in names.split()}
DRUG = r"(" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")"
# "penicillin allergy", "allergic to sulfa", "allergy to codeine", "Allergies: PCN";
# the reaction may follow in brackets or after "causes", "with", a dash.
ALLERGY = re.compile(
    rf"\b{DRUG}[- ](?:allerg\w*|intoleran\w*)"
    rf"|\ballerg(?:ic|y|ies)\s*(?:to|:)\s*(?:[\w-]+(?:\s*,\s*|\s+and\s+))*?{DRUG}\b"
    rf"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+){DRUG}\b)*",
    re.I,
)
REACTION = re.compile(
    r"(?:\s+\w+)?\s*(?:\([^)]*\)|(?:-|–|—|:|,)?\s*"
    r"(?:with|causing|causes|caused|which|that)\b[\w ]{1,30})",
    re.I,
)
DENIED = re.compile(r"\b(?:no|not|denies|never|without|nkda)\b[^.;]{0,20}$", re.I)
OTHERS = re.compile(
    r"\b(?:mother|father|brother|sister|son|daughter|wife|husband|family)\b[^.;]{0,40}$", re.I
)


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    out: list[Diagnosis] = []
    known = {d.code for d in found}
    reactions: list[tuple[int, int]] = []
    for hit in ALLERGY.finditer(text):
        before = text[max(0, hit.start() - 60) : hit.start()]
        if DENIED.search(before) or OTHERS.search(before):
            continue
        for drug in re.finditer(rf"\b{DRUG}\b", hit.group(), re.I):
            start, end = hit.start() + drug.start(), hit.start() + drug.end()
            status = _at(f"Allergy status to {NAMES[drug.group().lower()]}", text, start, end)
            if status and status.code not in known:
                out.append(status)
                known.add(status.code)
        reaction = REACTION.match(text, hit.end())
        reactions.append((hit.start(), reaction.end() if reaction else hit.end()))
    kept = [d for d in found if not any(s <= d.start < e for s, e in reactions)]
    return kept + out

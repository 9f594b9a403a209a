"""Long-term drug therapy (Z79.-) from the drugs a case says the patient takes.

Guideline I.C.21.c.3 reports the long-term, current use of a prescribed drug with a
Z79 code; notes name the drug, not its class ("takes metformin every day" is an oral
hypoglycemic, Z79.84). Our table gives each common drug its class in the words of the
Z79 titles; the code is the billable Z79 title that ends with those words. A drug given
once, started today, stopped or taken in the past is not long-term use.
"""

import re

from codes.formats import System
from codes.models import Code

from .diagnoses import Diagnosis

# A drug or a class as notes write it → the class as the Z79 titles word it (ours).
CLASSES = {
    "anticoagulants": "warfarin apixaban rivaroxaban dabigatran edoxaban enoxaparin "
    "anticoagulant anticoagulants anticoagulation coumadin eliquis xarelto",
    "antithrombotics/antiplatelets": "clopidogrel prasugrel ticagrelor antiplatelet plavix",
    "aspirin": "aspirin",
    "insulin": "insulin glargine detemir degludec lispro aspart glulisine lantus humalog "
    "novolog levemir tresiba",
    "oral hypoglycemic drugs": "metformin glipizide glyburide glimepiride sitagliptin "
    "linagliptin saxagliptin pioglitazone empagliflozin dapagliflozin canagliflozin",
    "injectable non-insulin antidiabetic drugs": "dulaglutide liraglutide exenatide tirzepatide",
    "opiate analgesic": "oxycodone hydrocodone morphine hydromorphone oxymorphone tapentadol",
    "non-steroidal anti-inflammatories": "ibuprofen naproxen meloxicam celecoxib diclofenac",
    "bisphosphonates": "alendronate risedronate ibandronate",
    "selective estrogen receptor modulators": "tamoxifen raloxifene",
    "aromatase inhibitors": "anastrozole letrozole exemestane",
    "calcineurin inhibitor": "tacrolimus cyclosporine prograf",
    "mammalian target of rapamycin (mtor) inhibitor": "sirolimus everolimus",
    "inhibitors of nucleotide synthesis": "mycophenolate azathioprine cellcept",
    "janus kinase inhibitor": "tofacitinib baricitinib upadacitinib",
}
NAMES = {name: cls for cls, names in CLASSES.items() for name in names.split()}
DRUG = re.compile(r"\b(" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")\b", re.I)
SENTENCE = re.compile(r"[^.;\n]+")
# Said of a drug taken now and for a while.
LONG = re.compile(
    r"\b(takes|taking|uses|using|injects|long[- ]term|daily|every (day|night|morning)|"
    r"nightly|at bedtime|twice (?:a day|daily)|regimen|chronic(ally)?|maintained on|"
    r"maintenance|remains on|continues|"
    r"meds|medications|home medications|qd|qhs|qam|qpm|bid|tid|qid)\b|"
    r"\bon (long[- ]term )?" + DRUG.pattern,
    re.IGNORECASE,
)
# Said of a drug given once, begun today, stopped, refused or taken before.
NOT_LONG = re.compile(
    r"\b(no|not|never|denies|stopped|stop|off|discontinued|finished|completed|held|hold|"
    r"starting|started|start|initiated|begin|began|new|burst|course|taper|drip|bolus|"
    r"given|administered|injected|dose of|previously|formerly|used to|allerg\w*|"
    r"if|should|consider)\b",
    re.IGNORECASE,
)


GESTATIONAL_CONTROL = frozenset(["Z79.4", "Z79.84", "Z79.85"])


def find(text: str, known: set[str]) -> list[Diagnosis]:
    """Z79 codes for drugs the case says are taken long term (`known`: codes already
    suggested, not repeated)."""
    out: dict[str, Diagnosis] = {}
    codes: dict[str, tuple[str, str]] | None = None
    for sentence in SENTENCE.finditer(text):
        said = sentence.group()
        if not LONG.search(said) or NOT_LONG.search(said):
            continue
        for drug in DRUG.finditer(said):
            codes = _codes() if codes is None else codes
            code = codes.get(NAMES[drug.group(1).lower()])
            if code and code[0] in GESTATIONAL_CONTROL and any(k[:5] == "O24.4" for k in known):
                continue  # I.C.15.g: O24.4- already says how gestational diabetes is controlled
            if code and code[0] not in known and code[0] not in out:
                start = sentence.start() + drug.start()
                end = sentence.start() + drug.end()
                out[code[0]] = Diagnosis(code[0], code[1], start, end, drug.group())
    return list(out.values())


def _codes() -> dict[str, tuple[str, str]]:
    """Each class → the billable Z79 code (and title) whose title ends with it."""
    rows = Code.objects.in_system(System.ICD10CM).filter(code__startswith="Z79", billable=True)
    titles = [
        (code, title, re.sub(r"\s*\([^)]*\)$", "", title).lower())
        for code, title in rows.values_list("code", "long_description")
    ]
    out = {}
    for cls in CLASSES:
        hit = next(((c, t) for c, t, plain in titles if plain.endswith(f"use of {cls}")), None)
        if hit:
            out[cls] = hit
    return out

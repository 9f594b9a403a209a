"""Combination codes and the notes that join codes, applied across the whole note.

Under the classification's "with" convention diabetes is presumed to cause chronic
kidney disease and hypertension to cause heart failure and kidney disease; one code
then carries both, and the "use additional code" note of that code says which
separate code still goes with it (the CKD stage, the type of heart failure).
"""

from typing import TYPE_CHECKING

from .catalogue import Catalogue

if TYPE_CHECKING:
    from .engine import Finding

PRESENT = "present"


def apply(cat: Catalogue, findings: list["Finding"]) -> list["Finding"]:
    findings = _drop_absorbed(cat, findings)
    live = [f for f in findings if f.status == PRESENT]
    codes = {f.code for f in live}
    ckd = sorted(c for c in codes if c.startswith("N18"))
    failure = [c for c in codes if c.startswith("I50")]
    stage5 = any(c in ("N18.5", "N18.6") for c in ckd)
    for f in live:
        if f.code in ("E11.9", "E10.9", "E13.9", "E08.9", "E09.9") and ckd:
            _move(cat, f, f.code[:3] + ".22", "diabetes with chronic kidney disease")
        if f.code in ("E11.9", "E10.9") and "I73.9" in codes:
            _move(cat, f, f.code[:3] + ".51", "diabetes with peripheral angiopathy")
        if f.code in ("E11.9", "E10.9") and "K31.84" in codes:
            _move(cat, f, f.code[:3] + ".43", "diabetes with gastroparesis")
        if f.code in ("E11.9", "E10.9") and codes & {"G62.9", "G63"}:
            _move(cat, f, f.code[:3] + ".42", "diabetes with polyneuropathy")
        if f.code.startswith("I12") and failure:
            _move(
                cat,
                f,
                "I13.2" if f.code == "I12.0" else "I13.0",
                "hypertension with heart failure and CKD",
            )
        if f.code == "I11.9" and ckd:
            _move(cat, f, "I13.2" if stage5 else "I13.0", "hypertension with heart failure and CKD")
        if f.code == "I10" and ckd and failure:
            _move(cat, f, "I13.2" if stage5 else "I13.0", "hypertension with heart failure and CKD")
        elif f.code == "I10" and ckd:
            _move(cat, f, "I12.0" if stage5 else "I12.9", "hypertension with CKD")
        elif f.code == "I10" and failure:
            _move(cat, f, "I11.0", "hypertension with heart failure")
        if f.code == "F03.90" and any(c.startswith(("G30", "G31.0", "G20", "G35")) for c in codes):
            _move(cat, f, "F02.80", "dementia in a disease classified elsewhere")
        if f.code[:5] == "M51.2" and any(c.startswith("M54.1") for c in codes):
            _move(cat, f, "M51.1" + f.code[5:], "disc displacement with radiculopathy")
        if f.code == "J44.9" and any(
            c.startswith(("J18", "J12", "J13", "J15", "J20")) for c in codes
        ):
            _move(cat, f, "J44.0", "COPD with a lower respiratory infection")
    findings = [f for f in findings if not (f.code == "I73.9" and _combined(findings, "51"))]
    findings = [f for f in findings if not (f.code == "G62.9" and _combined(findings, "42"))]
    disc = any(f.code.startswith("M51.1") and f.status == PRESENT for f in findings)
    findings = [f for f in findings if not (disc and f.code.startswith("M54.1"))]
    return _drop_integral(findings)


# Signs and symptoms that are part of a confirmed diagnosis are not coded with it
# (guideline I.B.5): symptom code → the categories of diagnoses that account for it.
DERMATITIS = ("L20", "L21", "L22", "L23", "L24", "L25", "L26", "L27", "L28", "L30")
RESPIRATORY = ("J0", "J1", "J20", "J21", "J22", "J40", "J41", "J42", "J43", "J44", "J45", "U07")
INTEGRAL = {
    "R05": RESPIRATORY,
    "R50": (
        "J0",
        "J1",
        "J20",
        "J21",
        "J22",
        "N10",
        "N39",
        "A",
        "B",
        "H66",
        "K35",
        "K57",
        "L03",
        "U07",
    ),
    "R06.0": ("J1", "J20", "J21", "J44", "J45", "J96", "I50", "I26", "U07"),
    "R06.2": ("J20", "J21", "J44", "J45"),
    "R09.81": ("J0", "J30"),
    "H92.0": ("H65", "H66", "H60"),
    "R30": ("N30", "N39", "N10"),
    "R35.0": ("N30", "N39"),
    "R12": ("K21",),
    "R10": (
        "K35",
        "K37",
        "K80",
        "K81",
        "K85",
        "K29",
        "K25",
        "K26",
        "K27",
        "K57",
        "K52",
        "A08",
        "N20",
    ),
    "R11": ("K52", "A08", "K35", "K37", "K85", "K80", "K81", "K29"),
    "R19.7": ("K52", "A08", "A04", "K58.0", "K50", "K51"),
    "R07": ("I21", "I20", "I25.11", "I26"),
    "R51": ("G43", "G44", "S06.0"),
    "K62.5": ("K64", "K57", "K51", "C20"),
    "R58": ("K62.5", "K64", "K92", "K57", "R04", "R31", "N92", "N93"),
    "M79.1": ("U07", "J09", "J10", "J11"),
    "R53.1": ("I63", "I61", "G81", "I69"),
    "J02.9": ("J02.0", "J03"),
    "R20": ("E11.4", "E10.4", "G56", "G62", "G57"),
    "R60": ("I50", "S"),  # the swelling of an injury is part of it
    # the tremor, sweating and racing heart of alcohol withdrawal or an overactive thyroid
    "R00.0": ("F10.13", "F10.23", "F10.93", "E05", "A41", "R65"),
    "R25.1": ("F10.13", "F10.23", "F10.93", "E05", "G20", "G25.0"),
    "R61": ("F10.13", "F10.23", "F10.93", "E05"),
    "R31": ("N20", "N30", "N39"),
    # the callus of a healing fracture is bone, not a callosity of the skin
    "L84": ("S02", "S12", "S22", "S32", "S42", "S52", "S62", "S72", "S82", "S92", "M84"),
    # a rash and itching are what dermatitis, hives and the viral rashes are
    "R21": (*DERMATITIS, "L40", "L50", "B01", "B02", "B05", "B06", "B09"),
    "L29": (*DERMATITIS, "L50", "B02"),
}


def _drop_integral(findings: list["Finding"]) -> list["Finding"]:
    present = [f.code for f in findings if f.coded]
    keep = []
    for f in findings:
        causes = next((v for k, v in INTEGRAL.items() if f.code.startswith(k)), ())
        if f.coded and any(c.startswith(causes) for c in present if c != f.code):
            continue
        keep.append(f)
    return keep


def _combined(findings: list["Finding"], suffix: str) -> bool:
    return any(f.code.startswith("E1") and f.code.endswith(suffix) for f in findings)


def _move(cat: Catalogue, finding: "Finding", code: str, why: str) -> None:
    if code in cat.entries and cat.entries[code].billable:
        finding.alternatives = [finding.code, *finding.alternatives][:6]
        finding.code = code
        finding.title = cat.entries[code].title
        finding.why = f"{finding.why}; {why} (combination code)"


def _vague(title: str) -> int:
    title = title.lower()
    marks = ("unspecified", "without complications", "uncomplicated", "nos")
    return sum(m in title for m in marks)


def _drop_absorbed(cat: Catalogue, findings: list["Finding"]) -> list["Finding"]:
    """A condition whose words another finding's combination code already carries
    ("neuropathy" in "neuropathy due to type 2 diabetes", "coma" in diabetes with
    hypoglycemic coma) goes, unless that code's "use additional code" note asks for it."""
    keep = []
    for f in findings:
        absorbed = False
        for other in findings:
            if other is f or other.code == f.code or other.status != f.status:
                continue
            if f.companion_of == other.code or other.companion_of == f.code:
                continue
            if other.code[:3] == f.code[:3]:
                # two mentions of one condition: the more specific code stands
                said = f.words <= cat.entries[other.code].words | other.words
                if f.words and said and _vague(f.title) > _vague(other.title):
                    absorbed = True
                    break
                continue
            # a code a number or a delivery implies (no words of its own) is not absorbed
            inside = bool(f.words) and other.start <= f.start and f.end <= other.end + 1
            near = abs(other.start - f.start) < 80
            carried = bool(f.words) and f.words <= cat.entries[other.code].words
            if (inside or (near and carried)) and not cat.asks_for(other.code, f.code):
                absorbed = True
                break
        if not absorbed:
            keep.append(f)
    return keep

"""ICD-10-PCS in the words of its tables: what a case says → the root operations,
approaches and devices the PCS titles use.

PCS titles name the root operation by its objective (Resection: all of a body part cut
out; Excision: a part of it; Reposition: moved back to its place; Insertion: a device
put in; Drainage: fluid taken out), the approach (Open; Percutaneous; Percutaneous
Endoscopic for laparoscopy; Via Natural or Artificial Opening, Endoscopic for a scope
through the mouth; External for a closed reduction) and devices. A coder's words for a
procedure are translated here, following the PCS guidelines' definitions in our words,
so search over PCS titles finds the table; a duration picks the code whose hour range
holds it.
"""

import re

# A case's word → the PCS title words it stands for (inpatient setting only).
TERMS = {
    "biopsy": "excision diagnostic",
    "biopsies": "excision diagnostic",
    "reduction": "reposition",
    "closed": "external",
    "cast": "external",
    "manually": "external",
    "vaginal": "external",
    "needle": "percutaneous",
    "intubated": "insertion endotracheal airway trachea",
    "intubation": "insertion endotracheal airway trachea",
    "mouth": "natural opening",
    "placed": "insertion",
    "placement": "insertion",
    "inserted": "insertion",
    "tube": "device",
    "gastrostomy": "stomach",
    "cesarean": "extraction products conception open",
    "caesarean": "extraction products conception open",
    "delivery": "delivery products conception",
    "delivered": "delivery products conception",
    "puncture": "drainage",
    "lumbar": "spinal canal",
    "tap": "drainage",
    "hemodialysis": "performance urinary filtration",
    "haemodialysis": "performance urinary filtration",
    "dialysis": "performance urinary filtration",
    "ventilation": "respiratory ventilation",
    "ventilated": "respiratory ventilation",
    "endoscopy": "natural opening endoscopic",
    "lobectomy": "resection lung lobe",
    "lobe": "lung lobe",
    "prosthesis": "synthetic substitute",
    "implant": "synthetic substitute",
    "total": "replacement",
}
HOURS = re.compile(
    r"(?:less than (?P<below>\d+)|greater than (?P<above>\d+)|(?P<low>\d+)-(?P<high>\d+))"
    r"\s+(?:consecutive\s+)?hours",
    re.IGNORECASE,
)


def holds(descriptor: str, minutes: float) -> bool:
    """Does the hour range a PCS title names (if any) hold `minutes`?"""
    match = HOURS.search(descriptor)
    if match is None:
        return True
    hours = minutes / 60
    if match["below"]:
        return hours < float(match["below"])
    if match["above"]:
        return hours > float(match["above"])
    return float(match["low"]) <= hours <= float(match["high"])

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

import functools
import re

from .words import Word, stems, words

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
SIDES = frozenset(stems("left right bilateral"))
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


@functools.lru_cache(maxsize=1)
def _body_part_stems(size: int) -> frozenset[str]:
    """Every word of a PCS body-part label (position 4 of a table), as stems."""
    from codes.models import PcsAxisLabel

    def label_stems(position: int) -> set[str]:
        labels = PcsAxisLabel.objects.filter(position=position).values_list("label", flat=True)
        return {s for label in labels.distinct().iterator() for s in stems(label)}

    # Words that also name an approach ("External Ear") or a side say no body part alone.
    return frozenset(label_stems(4) - label_stems(5) - SIDES)


def body_part_stems() -> frozenset[str]:
    from codes.models import PcsAxisLabel

    return _body_part_stems(PcsAxisLabel.objects.filter(position=4).count())


def body_words(text: str, window: list[Word]) -> str:
    """The case's words that name a body part, for a PCS window that names none ("closed
    reduction, cast applied" after "fracture of the left radius")."""
    parts = body_part_stems()
    if any(word.stem in parts for word in window):
        return ""
    said = dict.fromkeys(w.stem for w in words(text) if w.stem in parts | SIDES)
    return " ".join(said)

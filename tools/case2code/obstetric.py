"""A pregnancy with the scar of a previous cesarean delivery (O34.21-), and with it the
outcome of the delivery (Z37) the note reports.

The Index: "Pregnancy, complicated by, scar, uterus, due to previous cesarean delivery
O34.21-", the scar's type given by the fifth character's titles ("low transverse",
"vertical"); a repeat cesarean is done for it (guideline I.C.15.b.4 lists the outcome of
delivery on every delivery record). The codes are the catalogue's billable titles.
"""

import re

from tools.detect.delivery import LIVE, PLURALITY, STILL

from .diagnoses import Diagnosis
from .status import _at

PREVIOUS = re.compile(
    r"\b(?:prior|previous|history of|h/o|one|two|\d)\s+(?:(low[- ]transverse|classical|"
    r"vertical|low[- ]vertical|T-shaped|J-shaped)\s+)?(?:c(?:a)?esarean|c-sections?|LTCS)"
    r"|\brepeat (?:c(?:a)?esarean|c-section)\b|\bVBAC\b|\bTOLAC\b",
    re.I,
)
DENIED = re.compile(r"\b(?:no|never|denies|without)\b[^.;]{0,20}$", re.I)
DELIVERED = re.compile(r"\b(?:deliver\w*|born|c(?:a)?esarean\b[^.;]{0,40}performed)\b", re.I)
SCARS = {
    "low transverse": "low transverse",
    "classical": "vertical",
    "vertical": "vertical",
    "low vertical": "vertical",
    "t-shaped": "other type",
    "j-shaped": "other type",
}


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    known = {d.code for d in found}
    hit = next(
        (h for h in PREVIOUS.finditer(text) if not DENIED.search(text[: h.start()][-40:])), None
    )
    if hit is None or any(c.startswith("O34.2") for c in known):
        return found
    said = (hit.group(1) or "").lower().replace("-", " ")
    if not said and re.search(r"\blow[- ]transverse\b|\bLTCS\b", text, re.I):
        said = "low transverse"
    kind = SCARS.get(said, "unspecified type")
    scar = _at(
        f"Maternal care for {kind} scar from previous cesarean delivery",
        text,
        hit.start(),
        hit.end(),
    )
    out = list(found) + ([scar] if scar else [])
    if scar and DELIVERED.search(text) and not any(c.startswith("Z37") for c in known):
        out += [d for d in [_outcome(text)] if d is not None]
    return out


def _outcome(text: str) -> Diagnosis | None:
    live, still = LIVE.search(text), STILL.search(text)
    said = live or still
    if said is None or (live and still):
        return None
    many = next((name for name, pattern in PLURALITY if pattern.search(text)), None)
    title = (
        f"{many}, all {'liveborn' if live else 'stillborn'}"
        if many and many != "Twins"
        else f"Twins, both {'liveborn' if live else 'stillborn'}"
        if many
        else f"Single {'live birth' if live else 'stillbirth'}"
    )
    return _at(title, text, said.start(), said.end())

"""Claim lines as a coder types them: "97546 x2 GP, 97545, E11.9" or JSON objects.

Each line is a code with units and modifiers. A code's set is read from its shape
(ICD-10-CM has a letter, two characters and an optional dot; PCS seven characters;
HCPCS a letter and four digits; CPT five digits or four and F/T/U), then confirmed
against the catalogue, so the check can say "not a code we hold" rather than guess.
"""

import re
from dataclasses import dataclass, field

from codes.formats import Kind, System, format_error, normalize

# Set → whether a typed code has its shape; ICD-10-CM before PCS (E11.9 vs 7 chars).
SHAPES: list[str] = [System.ICD10CM, System.HCPCS, System.CPT, System.ICD10PCS]
ITEM = re.compile(
    r"(?P<code>[A-Za-z0-9.]{3,8})"
    r"(?:\s*[x×*]\s*(?P<units>\d{1,4}))?"
    r"(?P<mods>(?:\s*[-–]?\s*\b[0-9A-Za-z]{2}\b(?![.\d]))*)"
)
MAX_LINES = 60
MAX_UNITS = 9999


@dataclass(frozen=True)
class Line:
    code: str
    units: int = 1
    modifiers: tuple[str, ...] = ()
    systems: tuple[str, ...] = field(default=(), compare=False)  # sets its shape fits

    @property
    def is_diagnosis(self) -> bool:
        return self.systems[:1] == (System.ICD10CM,)


def shapes_of(typed: str) -> tuple[str, ...]:
    """The code sets whose format `typed` fits, in the order a coder would mean them."""
    fits = []
    for system in SHAPES:
        code = normalize(system, typed)
        if code and format_error(system, Kind.CODE, code) is None:
            fits.append(system)
    return tuple(fits)


def line(code: str, units: int = 1, modifiers: list[str] | tuple[str, ...] = ()) -> Line:
    """A line from its parts; the code in each set's display form is decided later."""
    typed = "".join(code.split()).upper()
    mods = tuple(dict.fromkeys(m.strip().upper() for m in modifiers if m.strip()))
    return Line(typed, max(1, min(units, MAX_UNITS)), mods, shapes_of(typed))


def parse(text: str) -> list[Line]:
    """Lines from pasted text: items split by commas, semicolons or new lines; each a
    code, optional "x N" units and optional two-character modifiers."""
    found = []
    for item in re.split(r"[,;\n]+", text):
        match = ITEM.fullmatch(item.strip())
        if not match:
            continue
        modifiers = re.findall(r"[0-9A-Za-z]{2}", match["mods"] or "")
        found.append(line(match["code"], int(match["units"] or 1), modifiers))
    return found[:MAX_LINES]

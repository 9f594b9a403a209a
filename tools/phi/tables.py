"""Identifiers in the columns of a table: a coverage grid, a list of devices or visits.

A table's header names its columns once ("Payer   ID / policy   Group"); the numbers
under a column are what its header says, with no label beside them. A header cell is
an identifier's label when the whole cell is one ("Group", "Member ID", "ID / policy"),
never a label inside longer words ("Reference range" is no reference number).
"""

import re
from collections.abc import Iterator

from .categories import Category, Finding
from .identifiers import LABELS

_CELL = re.compile(r"\S+(?: \S+)*")  # cells are two spaces or more apart
_WHOLE_LABEL = [
    (category, re.compile(rf"(?:{label})(?:[ \t]*(?:#|no\.?|number))?", re.IGNORECASE))
    for category, label in LABELS
]


def _label(cell: str) -> Category | None:
    """The category a header cell names, if every part of it is a label."""
    found = None
    for part in re.split(r"[ \t]*/[ \t]*", cell.strip(" :")):
        category = next((c for c, label in _WHOLE_LABEL if label.fullmatch(part)), None)
        if category is None:
            return None
        found = found or category
    return found


def _cells(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _CELL.finditer(line)]


def _identifier(value: str) -> bool:
    """Letters and digits with at least two digits: "55810", "PRXMN01", "D-3312"."""
    return (
        len(value) >= 4
        and sum(ch.isdigit() for ch in value) >= 2
        and bool(re.fullmatch(r"[A-Z0-9][A-Z0-9 ./-]*[A-Z0-9]", value))
        and not re.fullmatch(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}:\d\d", value)
    )


def columns(text: str) -> Iterator[Finding]:
    """Values under a header cell that names an identifier, down to the table's end."""
    offset = 0
    header: list[tuple[int, int, Category]] = []
    for line in text.splitlines(keepends=True):
        cells = _cells(line.rstrip("\n"))
        if not cells:
            header = []  # a blank line ends the table
        elif len(cells) >= 3 and any(_label(cell) for _, _, cell in cells):
            header = [(start, end, c) for start, end, cell in cells if (c := _label(cell))]
        elif header:
            for start, end, value in cells:
                category = next(
                    (c for s, e, c in header if abs(s - start) <= 3 or s <= start < e), None
                )
                if category and _identifier(value):
                    yield Finding(offset + start, offset + end, category, 0.8)
        offset += len(line)

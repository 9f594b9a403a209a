"""Two-column code lists: CMS `*_codes_YYYY.txt` (fixed width) or code,"description" CSV."""

import csv
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from .textfile import read_lines


def code_rows(path: str | Path) -> Iterator[tuple[int, list[str]]]:
    """(line, [code, description]) per row; [] for a blank line of the fixed-width layout.

    The CMS layout has the code in columns 1-7 and the description from column 9.
    """
    lines = read_lines(path, "utf-8-sig")
    first = next(lines, "")
    lines = chain([first], lines)
    if first.startswith('"') or "," in first[:9]:
        reader = csv.reader(lines)
        for row in reader:
            yield reader.line_num, row
        return
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        yield number, [line[:7], line[8:]] if line.strip() else []

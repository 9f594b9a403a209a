"""The HCPCS Level II file read into records, one per code or modifier (no database).

The fixed-width contractor file (`HCPC{YYYY}_*ANWEB*.txt`, 320-character records,
long descriptions continued over RIC 4/8 records) or its workbook (.xlsx, one row per
code, very long descriptions continued on RECID 4 rows too). Layout:
../shared/cms-formats.md §1. Codes and indicator values are checked against the
official sets; a bad record names its line.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import valuesets
from .errors import ImportFileError
from .textfile import check_text, lines_with_numbers

PROCEDURE, PROCEDURE_MORE, MODIFIER, MODIFIER_MORE = "3", "4", "7", "8"
# Records are 320 characters; each kind must reach the last position read from it: a
# first record the action code (293), a continuation its description slice (91). The
# 2019 file holds one 316-character continuation, so shorter filler is accepted.
NEEDED = {PROCEDURE: 293, MODIFIER: 293, PROCEDURE_MORE: 91, MODIFIER_MORE: 91}
CPT_SHAPED = re.compile(r"^\d{4}[0-9FTU]$")  # a recent file may carry CPT rows: not ours
HCPCS_CODE = re.compile(r"^[A-Z]\d{4}$")
MODIFIER_CODE = re.compile(r"^[0-9A-Z]{2}$")


@dataclass
class HcpcsRecord:
    """One code or modifier with every field the importer keeps."""

    code: str
    modifier: bool
    line: int
    long: list[str] = field(default_factory=list)
    short: str = ""
    pricing: list[str] = field(default_factory=list)
    multiple_pricing: str = ""
    coverage: str = ""
    asc_group: str = ""
    processing_note: str = ""
    betos: str = ""
    type_of_service: list[str] = field(default_factory=list)
    lab_certifications: list[str] = field(default_factory=list)
    cross_references: list[str] = field(default_factory=list)
    added: date | None = None
    action_effective: date | None = None
    terminated: date | None = None
    action: str = ""

    @property
    def long_description(self) -> str:
        # One space between words whichever variant it came from (the workbook keeps
        # some double spaces the text file's line breaks drop).
        return " ".join(" ".join(self.long).split())


def parse(path: str | Path) -> Iterator[HcpcsRecord]:
    """Records from the .txt or .xlsx variant, one per code, in file order."""
    if str(path).lower().endswith((".xlsx", ".xlsm")):
        yield from _check(path, _parse_xlsx(path))
    else:
        yield from _check(path, _parse_txt(path))


def _parse_txt(path: str | Path) -> Iterator[HcpcsRecord]:
    current = None
    # Tabs pad the disclaimer preamble; in a record they become spaces like any other.
    for number, line in lines_with_numbers(path, "cp1252", tabs=True):
        line = line.replace("\xa0", " ")
        if len(line) < 11 or line[10] not in "3478" or not line[5:10].isdigit():
            continue  # disclaimer preamble, blank lines
        if len(line) < NEEDED[line[10]]:
            raise ImportFileError(path, number, f"record is {len(line)} characters, expected 320")
        if line[10] in (PROCEDURE_MORE, MODIFIER_MORE):
            code = line[0:5].strip()
            if current is None or current.code != code:
                raise ImportFileError(
                    path, number, f"continuation of {code} without its first record"
                )
            current.long.append(line[11:91].strip())
            continue
        if current is not None:
            yield current
        current = _first_record(path, number, line)
    if current is not None:
        yield current


def _first_record(path: str | Path, number: int, line: str) -> HcpcsRecord:
    """A RIC 3 or 7 record: every field but the rest of the long description."""

    def cells(start: int, end: int, width: int) -> list[str]:
        return [line[i : i + width].strip() for i in range(start, end, width)]

    return HcpcsRecord(
        code=line[0:5].strip(),
        modifier=line[10] == MODIFIER,
        line=number,
        long=[line[11:91].strip()],
        short=" ".join(line[91:119].split()),
        pricing=[value for value in cells(119, 127, 2) if value],
        multiple_pricing=line[127].strip(),
        lab_certifications=[value for value in cells(180, 204, 3) if value],
        cross_references=[value for value in cells(204, 229, 5) if value],
        coverage=line[229].strip(),
        asc_group=line[230:232].strip(),
        processing_note=line[252:256].strip(),
        betos=line[256:259].strip(),
        type_of_service=[ch for ch in line[260:265] if ch.strip()],
        added=_date(path, number, line[268:276]),
        action_effective=_date(path, number, line[276:284]),
        terminated=_date(path, number, line[284:292]),
        action=line[292].strip(),
    )


def _parse_xlsx(path: str | Path) -> Iterator[HcpcsRecord]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several types for a bad workbook
        raise ImportFileError(path, None, f"not a readable workbook: {error}") from None
    columns, record = None, None
    for number, row in enumerate(workbook.active.iter_rows(values_only=True), start=1):
        cells = ["" if cell is None else str(cell).replace("\xa0", " ") for cell in row]
        if columns is None:
            if cells and cells[0].strip() == "HCPC":
                columns = {name.strip(): index for index, name in enumerate(cells)}
                missing = {"HCPC", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION"} - set(columns)
                if missing:
                    raise ImportFileError(
                        path, number, f"missing columns: {', '.join(sorted(missing))}"
                    )
            continue
        if not any(cell.strip() for cell in cells):
            continue
        for value in cells:
            check_text(path, number, value)

        def cell(name: str, cells: list[str] = cells, columns: dict[str, int] = columns) -> str:
            index = columns.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        if cell("RECID") in (PROCEDURE_MORE, MODIFIER_MORE):
            # The workbook also continues very long descriptions on further rows.
            if record is None or record.code != cell("HCPC"):
                raise ImportFileError(
                    path, number, f"continuation of {cell('HCPC')} without its first row"
                )
            record.long.append(cell("LONG DESCRIPTION"))
            continue
        if record is not None:
            yield record
        record = HcpcsRecord(code=cell("HCPC"), modifier=cell("RECID") == MODIFIER, line=number)
        record.long = [cell("LONG DESCRIPTION")]
        record.short = " ".join(cell("SHORT DESCRIPTION").split())
        record.pricing = [cell(f"PRICE{n}") for n in range(1, 5) if cell(f"PRICE{n}")]
        record.multiple_pricing = cell("MULT_PI")
        record.lab_certifications = [
            cell(f"LABCERT{n}") for n in range(1, 9) if cell(f"LABCERT{n}")
        ]
        record.cross_references = [cell(f"XREF{n}") for n in range(1, 6) if cell(f"XREF{n}")]
        record.coverage = cell("COV")
        record.asc_group = cell("ASC_GRP")
        record.processing_note = cell("PROCNOTE")
        record.betos = cell("BETOS")
        record.type_of_service = [cell(f"TOS{n}") for n in range(1, 6) if cell(f"TOS{n}")]
        record.added = _date(path, number, cell("ADD DT"))
        record.action_effective = _date(path, number, cell("ACT EFF DT"))
        record.terminated = _date(path, number, cell("TERM DT"))
        record.action = cell("ACTION CD")
    if record is not None:
        yield record
    if columns is None:
        raise ImportFileError(path, None, "no header row starting 'HCPC': not a HCPCS workbook")


def _date(path: str | Path, number: int, text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    if len(text) == 8 and text.isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    raise ImportFileError(path, number, f"not a YYYYMMDD date: {text!r}")


def _check(path: str | Path, records: Iterable[HcpcsRecord]) -> Iterator[HcpcsRecord]:
    """Reject codes and indicator values outside the official sets, with the line."""
    seen = 0
    for record in records:
        if not record.modifier and CPT_SHAPED.match(record.code):
            continue
        pattern = MODIFIER_CODE if record.modifier else HCPCS_CODE
        if not pattern.match(record.code):
            raise ImportFileError(path, record.line, f"not a HCPCS code: {record.code!r}")
        checks = [
            ("pricing indicator", record.pricing, valuesets.HCPCS_PRICING),
            (
                "multiple pricing indicator",
                [record.multiple_pricing],
                valuesets.HCPCS_MULTIPLE_PRICING,
            ),
            ("coverage code", [record.coverage], valuesets.HCPCS_COVERAGE),
            ("action code", [record.action], valuesets.HCPCS_ACTION),
            ("BETOS code", [record.betos], valuesets.BETOS),
            ("type of service", record.type_of_service, valuesets.TYPE_OF_SERVICE),
        ]
        for label, values, valueset in checks:
            for value in values:
                if value and value not in valueset:
                    raise ImportFileError(
                        path, record.line, f"unknown {label} {value!r} for {record.code}"
                    )
        seen += 1
        yield record
    if not seen:
        raise ImportFileError(path, None, "no HCPCS records found")

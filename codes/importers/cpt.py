"""AMA CPT data files → CPT descriptors and add-on relations (for licensed operators).

A folder (or files) of the AMA's tab-delimited descriptor files: long (`LONGULT.txt`,
`LONGU.txt`), medium (`MEDU.txt`), short (`SHORTU.txt`), each "code<TAB>descriptor";
the consumer-friendly file (`ConsumerDescriptor.txt`: concept id, code, descriptor);
and an add-on list where present (`addon*.txt`: add-on code<TAB>primary code). The
long file defines the release's code list: codes missing from it are deleted.
"""

import csv
import re
from pathlib import Path
from typing import TextIO

from django.db import transaction

from ..formats import Kind, System
from ..models import Code, CodeRelation, Release
from .catalogue import CatalogueEntry, ReleaseSpec, apply_release, get_release
from .errors import ImportFileError
from .rows import sync_rows
from .textfile import read_lines
from .upsert import ImportReport, update_rows

CODE = re.compile(r"^\d{4}[0-9FTU]$")
FILES = {
    "long": ("LONGULT", "LONGUT", "LONGU"),
    "medium": ("MEDU",),
    "short": ("SHORTU",),
    "consumer": ("CONSUMER",),
    "addon": ("ADDON",),
}


def find_files(folder: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        name = path.name.upper()
        for kind, prefixes in FILES.items():
            if path.suffix.lower() in (".txt", ".tsv", ".csv") and name.startswith(prefixes):
                found.setdefault(kind, path)
    if "long" not in found:
        raise ImportFileError(folder, None, "no long descriptor file (LONGULT.txt) in the folder")
    return found


def read_pairs(path: Path, code_column: int = 0) -> dict[str, str]:
    """code → text from a tab-delimited file (a header row is skipped)."""
    pairs: dict[str, str] = {}
    reader = csv.reader(read_lines(path, "utf-8-sig", tabs=True), delimiter="\t")
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        if len(cells) <= code_column or not CODE.match(cells[code_column]):
            if reader.line_num > 1 and any(cells):
                raise ImportFileError(
                    path,
                    reader.line_num,
                    f"not a CPT code: {cells[code_column] if cells else ''!r}",
                )
            continue
        text = " ".join(cells[code_column + 1 :]).strip()
        if not text:
            raise ImportFileError(path, reader.line_num, f"{cells[code_column]} has no text")
        code = cells[code_column]
        pairs[code] = f"{pairs[code]} {text}" if code in pairs else text  # continued lines
    return pairs


@transaction.atomic
def load(folder: str | Path, spec: ReleaseSpec, stream: TextIO | None = None) -> ImportReport:
    files = find_files(Path(folder))
    long = read_pairs(files["long"])
    medium = read_pairs(files["medium"]) if "medium" in files else {}
    short = read_pairs(files["short"]) if "short" in files else {}
    consumer = read_pairs(files["consumer"], code_column=1) if "consumer" in files else {}
    entries = [
        CatalogueEntry(
            code=code,
            kind=Kind.CODE,
            long_description=text,
            short_description=short.get(code, ""),
            position=position,
        )
        for position, (code, text) in enumerate(sorted(long.items()), start=1)
    ]
    report = apply_release(System.CPT, spec, entries, stream)
    release = get_release(spec)
    codes = Code.objects.filter(system=System.CPT)
    changed = [
        (medium.get(code, ""), consumer.get(code, ""), pk)
        for pk, code, old_medium, old_consumer in codes.values_list(
            "id", "code", "medium_description", "consumer_description"
        )
        if code in long
        and (old_medium, old_consumer) != (medium.get(code, ""), consumer.get(code, ""))
    ]
    update_rows(Code, ["medium_description", "consumer_description"], changed)
    report["codes with medium/consumer descriptors written"] += len(changed)
    if "addon" in files:
        report.update(_addons(files["addon"], release))
    return report


def _addons(path: Path, release: Release) -> ImportReport:
    ids = dict(Code.objects.filter(system=System.CPT).values_list("code", "id"))
    rows = []
    reader = csv.reader(read_lines(path, "utf-8-sig", tabs=True), delimiter="\t")
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        if len(cells) < 2 or not (CODE.match(cells[0]) and CODE.match(cells[1])):
            continue
        for code in cells[:2]:
            if code not in ids:
                raise ImportFileError(
                    path, reader.line_num, f"{code} is not a CPT code of this release"
                )
        rows.append(
            {
                "source_id": ids[cells[0]],
                "target_id": ids[cells[1]],
                "kind": CodeRelation.Kind.ADDON_OF,
                "setting": "",
                "release_id": release.id,
            }
        )
    scope = CodeRelation.objects.filter(kind=CodeRelation.Kind.ADDON_OF, source__system=System.CPT)
    return sync_rows(
        CodeRelation,
        ["source_id", "kind", "target_id", "setting"],
        rows,
        scope,
        delete_missing=True,
    )

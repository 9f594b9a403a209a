"""Validate queries.jsonl, the CodeAhead search relevance set.

Run with the project's interpreter:  .venv/bin/python tests/eval/relevance/check.py

Checks:
- schema: every line is an object with exactly query, accept, rank, group, source;
  query non-empty and unique (case and spacing ignored); accept a non-empty list of
  distinct codes; rank 1, 5 or 10; group one of GROUPS; source non-empty;
- every accepted code exists in the catalogue the search runs over:
  ICD-10-CM (simple_icd_10_cm, April 1 2026 tabular, written in dotted form),
  ICD-10-PCS (drg's icd_10_pcs.csv; 3-character tables only as code prefixes),
  HCPCS Level II and Level II modifiers (CMS 2019 annual file, not terminated before 2019),
  the CPT sample and the CPT modifier list below;
- an ICD-10-CM (or PCS) answer that is a heading, not a billable code, is allowed only
  when the query is that heading's code typed as a prefix (group "code");
- the expectations the brief pins (htn -> I10 at rank 1, ...);
- the size of the set: at least 320 queries, 25 per group (15 for status and misspelling).
Prints counts per group, rank and code system; exits 1 on any problem.
"""

import csv
import importlib.resources
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import simple_icd_10_cm as cm

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.jsonl"
HCPCS_FILE = Path(
    os.environ.get(
        "HCPCS_2019_FILE",
        HERE.parents[3] / "shared" / "data" / "cms" / "hcpcs-2019" / "HCPC2019_CONTR_ANWEB.txt",
    )
)

GROUPS = [
    "code",
    "unqualified",
    "abbreviation",
    "lay",
    "procedure",
    "qualifiers",
    "supply",
    "modifier",
    "misspelling",
    "status",
]
MIN_PER_GROUP = dict.fromkeys(GROUPS, 25) | {"status": 15, "misspelling": 15}
MIN_TOTAL = 320
RANKS = {1, 5, 10}
FIELDS = {"query", "accept", "rank", "group", "source"}

CPT_SAMPLE = {
    "99203", "99213", "99214", "99232", "99285", "10060", "11042", "20610", "29881",
    "43239", "45378", "47562", "70450", "71046", "73721", "74177", "36415", "80053",
    "85025", "90471", "90834", "93000", "93306", "96372", "97110", "97140", "97545",
    "97546",
}  # fmt: skip
CPT_MODIFIERS = {"25", "26", "50", "51", "59", "62", "66", "76", "77", "78", "79", "80", "82"}

# Expectations the brief asks for by name: query -> (accepted codes that must be listed, rank).
PINNED = {
    "htn": ({"I10"}, 1),
    "hypertension": ({"I10"}, 1),
    "diabetes": ({"E11.9"}, 1),
    "chf": ({"I50.9"}, 1),
    "uti": ({"N39.0"}, 1),
    "asthma": ({"J45.909"}, 1),
    "pneumonia": ({"J18.9"}, 1),
    "broken wrist": ({"S62.109A"}, 5),
    "total knee arthroplasty": ({"0SRC0J9", "0SRD0J9"}, 5),
    "knee replacement": ({"0SRC0J9", "0SRD0J9"}, 5),
    "fracture femur left": ({"S72.92XA"}, 5),
    "hip fracture": ({"S72.009A"}, 5),
    "gp": ({"GP"}, 1),
    "kx": ({"KX"}, 1),
    "lt": ({"LT"}, 1),
    "rt": ({"RT"}, 1),
    "tc": ({"TC"}, 1),
    "xe": ({"XE"}, 1),
    "gn": ({"GN"}, 1),
    "xu": ({"XU"}, 1),
    "59": ({"59"}, 1),
}

ICD_BLOCK = re.compile(r"^[A-Z][0-9A-Z]{2}-[A-Z][0-9A-Z]{2}$")
ICD_CODE = re.compile(r"^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$")
PCS_CODE = re.compile(r"^[0-9A-HJ-NP-Z]{7}$")
PCS_TABLE = re.compile(r"^[0-9][0-9A-HJ-NP-Z]{2}$")
HCPCS_CODE = re.compile(r"^[A-V][0-9]{4}$")
MODIFIER = re.compile(r"^[0-9A-Z]{2}$")


def load_hcpcs(path):
    """(codes, modifiers) of the 2019 annual file that were not terminated before 2019."""
    codes, modifiers = set(), set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if len(line) < 293 or line[10] not in "37":
                continue
            term = line[284:292].strip()
            if term and term < "20190101":
                continue
            if line[10] == "3":
                codes.add(line[:5])
            else:
                modifiers.add(line[3:5])
    return codes, modifiers


def load_pcs():
    path = importlib.resources.files("drg") / "data" / "tuva" / "icd_10_pcs.csv"
    with path.open(encoding="utf-8") as f:
        codes = {row[0].strip() for row in csv.reader(f) if row}
    return codes, {c[:3] for c in codes}


def squash(text):
    """A code as typed, reduced for comparison: upper case, no dot, no spaces."""
    return re.sub(r"[\s.]", "", text.upper())


class Catalogue:
    def __init__(self):
        self.hcpcs, self.level2_modifiers = load_hcpcs(HCPCS_FILE)
        self.pcs, self.pcs_tables = load_pcs()

    def system(self, code):
        """(system, billable) for a code of the catalogue, or (None, reason)."""
        if code in CPT_SAMPLE:
            return "CPT", True
        if MODIFIER.match(code) and (code in CPT_MODIFIERS or code in self.level2_modifiers):
            return "modifier", True
        if HCPCS_CODE.match(code):
            if code in self.hcpcs:
                return "HCPCS", True
            return None, "not an active code of the 2019 HCPCS file"
        if PCS_CODE.match(code) and not ICD_CODE.match(code):
            if code in self.pcs:
                return "ICD-10-PCS", True
            return None, "not in the ICD-10-PCS code list"
        if PCS_TABLE.match(code):
            if code in self.pcs_tables:
                return "ICD-10-PCS", False
            return None, "no ICD-10-PCS code starts with it"
        if ICD_CODE.match(code) or ICD_BLOCK.match(code):
            if not cm.is_valid_item(code):
                return None, "not in the ICD-10-CM tabular"
            if not ICD_BLOCK.match(code) and cm.add_dot(code) != code:
                return None, f"write ICD-10-CM codes in dotted form ({cm.add_dot(code)})"
            return "ICD-10-CM", cm.is_leaf(code)
        if MODIFIER.match(code):
            return None, "not a modifier of the list or of the 2019 HCPCS file"
        if re.match(r"^[0-9]{4}[0-9FTU]$", code):
            return None, "not in the CPT sample"
        if cm.is_valid_item(code):
            return None, f"write ICD-10-CM codes in dotted form ({cm.add_dot(code)})"
        return None, "not a code shape of any catalogue system"


def check(path=QUERIES):
    catalogue = Catalogue()
    errors = []
    seen = {}
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f"line {n}: blank line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: not JSON ({e})")
                continue
            if not isinstance(row, dict) or set(row) != FIELDS:
                errors.append(f"line {n}: fields must be exactly {sorted(FIELDS)}")
                continue
            rows.append((n, row))

    by_system = Counter()
    for n, row in rows:
        where = f"line {n} ({row['query']!r})"
        query, accept, rank, group, source = (
            row[k] for k in ("query", "accept", "rank", "group", "source")
        )
        if not isinstance(query, str) or not query.strip() or query != query.strip():
            errors.append(f"{where}: query must be a non-empty string without outer spaces")
            continue
        key = " ".join(query.lower().split())
        if key in seen:
            errors.append(f"{where}: duplicate of line {seen[key]}")
        seen[key] = n
        if group not in GROUPS:
            errors.append(f"{where}: unknown group {group!r}")
        if type(rank) is not int or rank not in RANKS:
            errors.append(f"{where}: rank must be one of {sorted(RANKS)}")
        if not isinstance(source, str) or not source.strip():
            errors.append(f"{where}: source must be a non-empty string")
        if (
            not isinstance(accept, list)
            or not accept
            or not all(isinstance(c, str) and c for c in accept)
        ):
            errors.append(f"{where}: accept must be a non-empty list of codes")
            continue
        if len(set(accept)) != len(accept):
            errors.append(f"{where}: accept lists a code twice")
        for code in accept:
            system, billable = catalogue.system(code)
            if system is None:
                errors.append(f"{where}: {code}: {billable}")
                continue
            by_system[system] += 1
            if not billable:
                typed_prefix = group == "code" and squash(query) == squash(code)
                if not typed_prefix:
                    errors.append(
                        f"{where}: {code} is an {system} heading, not a billable code; "
                        "headings are answers only to their own code typed as a prefix"
                    )

    for query, (must, rank) in PINNED.items():
        n = seen.get(query)
        if n is None:
            errors.append(f"pinned query {query!r} is missing")
            continue
        row = dict(rows)[n]
        if not must <= set(row["accept"]) or row["rank"] != rank:
            errors.append(
                f"line {n}: pinned query {query!r} must accept {sorted(must)} at rank {rank}"
            )

    groups = Counter(row["group"] for _, row in rows)
    ranks = Counter(row["rank"] for _, row in rows)
    if len(rows) < MIN_TOTAL:
        errors.append(f"{len(rows)} queries; at least {MIN_TOTAL} wanted")
    for group, least in MIN_PER_GROUP.items():
        if groups[group] < least:
            errors.append(f"group {group}: {groups[group]} queries; at least {least} wanted")

    print(f"{len(rows)} queries in {path.name}")
    for group in GROUPS:
        print(f"  {group:<13} {groups[group]:>4}")
    print("by rank:  " + ", ".join(f"{r}: {ranks[r]}" for r in sorted(RANKS)))
    print(
        "accepted codes by system:  " + ", ".join(f"{s}: {c}" for s, c in sorted(by_system.items()))
    )
    for error in errors:
        print("ERROR", error)
    print("ok" if not errors else f"{len(errors)} problem(s)")
    return not errors


if __name__ == "__main__":
    sys.exit(0 if check() else 1)

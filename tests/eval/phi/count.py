#!/usr/bin/env python3
"""Count and check PHI annotations in the CodeAhead RedactPHI eval notes.

Markup: {{CATEGORY|text}}. Usage: python3 count.py  (run from anywhere).
Exits with status 1 if a problem is found.
"""

import re
import sys
from collections import Counter
from pathlib import Path

SPAN = re.compile(r"\{\{([A-Z_]+)\|([^{}|]*)\}\}")
CATEGORIES = [
    "NAME",
    "LOCATION",
    "DATE",
    "AGE",
    "PHONE",
    "FAX",
    "EMAIL",
    "SSN",
    "MRN",
    "HEALTH_PLAN",
    "ACCOUNT",
    "LICENSE",
    "VEHICLE",
    "DEVICE",
    "URL",
    "IP",
    "BIOMETRIC",
    "PHOTO",
    "ID",
]
FOLDERS = ["dev", "heldout"]
FILENAME = re.compile(r"^\d{2}-[a-z0-9-]+\.txt$")

root = Path(__file__).resolve().parent
problems = []
counts = {f: Counter() for f in FOLDERS}
notes = Counter()

for folder in FOLDERS:
    for path in sorted((root / folder).glob("*.txt")):
        notes[folder] += 1
        if not FILENAME.match(path.name):
            problems.append(f"{folder}/{path.name}: file name not NN-kind.txt")
        text = path.read_text(encoding="utf-8")
        for m in SPAN.finditer(text):
            cat, inner = m.group(1), m.group(2)
            if cat not in CATEGORIES:
                problems.append(f"{folder}/{path.name}: unknown category {cat!r}")
            if not inner.strip() or inner != inner.strip() or "\n" in inner:
                problems.append(
                    f"{folder}/{path.name}: empty, padded or multi-line span {m.group(0)!r}"
                )
            counts[folder][cat] += 1
        plain = SPAN.sub(lambda m: m.group(2), text)
        for token in ("{{", "}}"):
            if token in plain:
                line = plain[: plain.index(token)].count("\n") + 1
                problems.append(
                    f"{folder}/{path.name}:{line}: stray {token!r} after removing markup"
                )
        n = len(plain)
        if not 400 <= n <= 3200:
            problems.append(f"{folder}/{path.name}: plain length {n} outside 400-3200")

print(f"{'category':<12} {'dev':>6} {'heldout':>8} {'total':>6}")
for cat in CATEGORIES:
    d, h = counts["dev"][cat], counts["heldout"][cat]
    print(f"{cat:<12} {d:>6} {h:>8} {d + h:>6}")
td, th = sum(counts["dev"].values()), sum(counts["heldout"].values())
print(f"{'TOTAL':<12} {td:>6} {th:>8} {td + th:>6}")
print(f"{'notes':<12} {notes['dev']:>6} {notes['heldout']:>8} {notes['dev'] + notes['heldout']:>6}")

if problems:
    print("\nPROBLEMS:")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print("\nOK: no problems found.")

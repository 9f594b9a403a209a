""" "Can X be reported with Y": the claim check's rules (tools/claims) over the codes,
units and modifiers the question names, on the date it names (else today)."""

from datetime import date

from django.utils import timezone

from codes.formats import System
from codes.models import Code, CodeNote, CodeRelation
from codes.notelinks import TOKEN

from .. import claims
from ..claims.data import gather
from ..claims.rules import ERROR, WARNING
from .answer import Answer, Citation, Fact, cite, decline
from .question import Question

# The page block each rule's data is shown in.
ANCHORS = {
    "excludes1": "notes-h",
    "code-first": "notes-h",
    "use-additional-code": "notes-h",
    "add-on": "addon-h",
    "mue": "class-h",
    "fee-schedule": "pfs-1",
    "global-days": "pfs-1",
    "modifier-indicator": "pfs-1",
    "modifier": "mods-h",
    "date-of-service": "history-h",
    "not-billable": "children-h",
}
# Fee-schedule statuses under which a code is never paid on its own.
NEVER_SEPARATE = {"B", "P"}


def together(question: Question) -> Answer:
    codes = [named.code for named in question.codes if named.code is not None]
    if question.has(r"\bncci\b|\bptp\b"):
        return _ncci(question, codes)
    lines = []
    for code in dict.fromkeys(codes):
        if code.code in question.negated:
            continue
        modifiers = [m.typed for m in question.modifiers]
        lines.append(claims.line(code.code, question.units.get(code.code, 1), modifiers))
    if not lines:
        return decline("together", "The question names no code we hold.")
    day = question.day or timezone.now().date()
    findings, _checked = claims.check(lines, day)
    findings = _met_code_first(findings, lines, day)
    blocking = [f for f in findings if _blocks(f)]
    by_code = {code.code: code for code in codes}
    facts = [Fact(_rule_name(f.rule), _message(f), f.release) for f in findings if f.rule != "ncci"]
    citations = _citations(findings, by_code, question)
    asserted = list(dict.fromkeys(c.code for c in codes))
    for finding in findings:
        if finding.rule == "add-on":
            asserted += _primaries(by_code.get(finding.codes[0]))
    asserted += [m.typed for m in question.modifiers if m.code is not None]
    names = " and ".join(line.code for line in lines)
    if blocking:
        text = f"No: {_message(blocking[0])}"
        verdict = "no"
    else:
        text = f"Yes: our rules find nothing against {names} on {day:%Y-%m-%d}."
        verdict = "yes"
    return Answer(
        text,
        "together",
        facts,
        citations,
        list(dict.fromkeys(asserted)),
        verdict=verdict,
        suggestions=[f"what is {c.code}" for c in codes[:2]],
    )


def _met_code_first(
    findings: list[claims.Finding], lines: list[claims.Line], day: date
) -> list[claims.Finding]:
    """A "code first" list ("such as: Alzheimer's (G30.-), …") is one note per item; the
    claim check reports each item not met. One item met satisfies the list, so a code
    with fewer unmet items than items drops its code-first findings."""
    unmet: dict[str, int] = {}
    for finding in findings:
        if finding.rule == "code-first":
            unmet[finding.codes[0]] = unmet.get(finding.codes[0], 0) + 1
    if not unmet:
        return findings
    facts = gather(lines, day, "practitioner")
    satisfied = set()
    for code in facts.codes.values():
        items = [
            note
            for note in facts.notes.get(code.id, [])
            if note.kind == CodeNote.Kind.CODE_FIRST and TOKEN.search(note.text)
        ]
        if code.code in unmet and unmet[code.code] < len(items):
            satisfied.add(code.code)
    return [f for f in findings if not (f.rule == "code-first" and f.codes[0] in satisfied)]


def _blocks(finding: claims.Finding) -> bool:
    if finding.severity == ERROR:
        return True
    if finding.rule == "code-first" and finding.severity == WARNING:
        return True
    return (
        finding.rule == "fee-schedule"
        and finding.message.split("status ")[-1][:1] in NEVER_SEPARATE
    )


def _message(finding: claims.Finding) -> str:
    """The claim check's words, except where they would quote a page's notes."""
    if finding.rule == "excludes1":
        first, second = finding.codes
        return (
            f"{first} and {second} are not reported together: an Excludes1 note at {first} "
            f"names {second}; keep the one the record supports."
        )
    if finding.rule == "code-first":
        return (
            f"{finding.codes[0]} has a “code first” note: the underlying condition is coded "
            "and sequenced first, and none of the codes it names is on the claim."
        )
    if finding.rule == "use-additional-code":
        return f"{finding.codes[0]} asks for an additional code where the record supports one."
    return finding.message


def _rule_name(rule: str) -> str:
    return rule.replace("-", " ").capitalize()


def _citations(
    findings: list[claims.Finding], by_code: dict[str, Code], question: Question
) -> list[Citation]:
    citations: dict[str, Citation] = {}
    for finding in findings:
        anchor = ANCHORS.get(finding.rule, "")
        for typed in finding.codes:
            code = by_code.get(typed)
            if code is not None:
                citation = cite(code, anchor)
                citations.setdefault(citation.url, citation)
    for named in question.modifiers:
        if named.code is not None:
            citation = cite(named.code, "official-h")
            citations.setdefault(citation.url, citation)
    for code in by_code.values():
        citation = cite(code)
        if not any(url.split("#")[0] == citation.url for url in citations):
            citations[citation.url] = citation
    return list(citations.values())


def _primaries(code: Code | None) -> list[str]:
    if code is None:
        return []
    rows = CodeRelation.objects.filter(kind=CodeRelation.Kind.ADDON_OF, source=code)
    return list(rows.values_list("target__code", flat=True))


def _ncci(question: Question, codes: list[Code]) -> Answer:
    procedures = [c for c in codes if c.system in (System.CPT, System.HCPCS)]
    loaded = CodeRelation.objects.filter(kind=CodeRelation.Kind.NCCI_PTP).exists()
    if not loaded:
        return decline(
            "together",
            "NCCI procedure-to-procedure edits are not loaded in our data, so I cannot say "
            "whether a pair has an edit.",
            [c.code for c in procedures],
        )
    if len(procedures) < 2:
        return decline("together", "Name two procedure codes we hold to look up an NCCI pair.")
    first, second = procedures[:2]
    pairs = list(
        CodeRelation.objects.filter(
            kind=CodeRelation.Kind.NCCI_PTP,
            source__in=[first, second],
            target__in=[first, second],
        ).select_related("source", "target", "release")
    )
    if not pairs:
        return Answer(
            f"No: our NCCI data has no procedure-to-procedure edit between {first.code} and "
            f"{second.code}.",
            "together",
            citations=[cite(first, "ncci-h"), cite(second, "ncci-h")],
            codes=[first.code, second.code],
            verdict="no",
        )
    pair = pairs[0]
    release = pair.release.name if pair.release else ""
    return Answer(
        f"Yes: {pair.source.code} (column 1) and {pair.target.code} (column 2) have an NCCI edit, "
        f"modifier indicator {pair.get_modifier_indicator_display()}.",
        "together",
        [Fact("NCCI setting", pair.get_setting_display(), release)],
        [cite(pair.source, "ncci-h"), cite(pair.target, "ncci-h")],
        [first.code, second.code],
        verdict="yes",
    )

"""What a code is, the code for some words, a code's modifiers, add-ons and primaries.

Titles are the public ones (`Code.title`): what a gate page shows, never our gated
plain-language text or an AMA descriptor the site is not licensed to show.
"""

import re

from codes.formats import Kind, System
from codes.models import Code, CodeModifier, CodeRelation
from codes.search import search

from .answer import Answer, Citation, Fact, cite, decline, release_of
from .question import Question

# Words of a question that say what is asked, not what the code is for.
FLUFF = frozenset(
    re.findall(
        r"\S+",
        "what whats what's which is the a an for code codes cpt hcpcs icd icd10 icd-10 10 pcs "
        "dx diagnosis procedure does do i we my our use bill billed supplier needs need patient "
        "pts pt please find give me tell of to it that this there any nothing fancy plain "
        "modifier modifiers means mean meaning medicare",
    )
)
SYSTEM_HINTS = [
    (r"\bhcpcs\b", [System.HCPCS]),
    (r"\bcpt\b", [System.CPT]),
    (r"\bpcs\b|\bicd-?10-?pcs\b", [System.ICD10PCS]),
    (r"\bicd-?\s?10\b|\bicd10cm\b|\bdx\b|\bdiagnosis\b", [System.ICD10CM]),
    (r"\bmodifiers?\b", [System.MODIFIER]),
]
REWRITES = [
    (r"\bw/o\b", "without"),
    (r"\bw/", "with "),
    (r"\bw\b", "with"),
    (r"\binj\b", "injection"),
]
WORD = re.compile(r"[a-z0-9]+")


def what_is(question: Question) -> Answer:
    facts, citations = [], []
    for code in question.known[:3]:
        label = System(code.system).label
        kind = "a billable code" if code.billable else f"a {code.get_kind_display().lower()}"
        if code.system == System.MODIFIER:
            kind = "a modifier"
        status = " It is deleted." if code.is_deleted else ""
        facts += [
            Fact(f"{code.code}", code.title, release_of(code)),
            Fact("Code set", f"{label}, {kind}{status}", release_of(code)),
        ]
        anchor = "official-h" if code.system in (System.CPT, System.HCPCS, System.MODIFIER) else ""
        citations.append(cite(code, anchor))
    first = question.known[0]
    text = f"{first.code} ({System(first.system).label}): {first.title}."
    if first.is_deleted:
        text += f" It was deleted{_until(first)}."
    elif first.kind != Kind.CODE and first.system != System.MODIFIER and not first.billable:
        text += " It is a heading, not billable: a code under it is reported."
    return Answer(
        text,
        "what_is",
        facts,
        citations,
        [c.code for c in question.known[:3]],
        suggestions=_follow_ups(first),
    )


def _until(code: Code) -> str:
    return f" (valid through {code.termination_date:%Y-%m-%d})" if code.termination_date else ""


def _follow_ups(code: Code) -> list[str]:
    if code.system == System.ICD10CM:
        return [
            f"is {code.code} a CC",
            f"what replaced {code.code}" if code.is_deleted else f"when was {code.code} added",
        ]
    if code.system in (System.CPT, System.HCPCS):
        return [f"which modifiers go with {code.code}", f"is {code.code} an add-on code"]
    return []


def words_of(question: Question) -> tuple[str, list[str] | None]:
    """The words to search for and the code sets the question points at."""
    text = question.lower
    systems: list[str] | None = None
    for pattern, hinted in SYSTEM_HINTS:
        if re.search(pattern, text):
            systems = [str(s) for s in hinted]
            break
    for pattern, replacement in REWRITES:
        text = re.sub(pattern, replacement, text)
    words = [
        w
        for w in re.findall(r"[a-z0-9][a-z0-9-]*", text)
        if w not in FLUFF and (len(w) > 1 or w.isdigit())
    ]
    return " ".join(words), systems


def code_for_words(question: Question) -> Answer:
    words, systems = words_of(question)
    if not words:
        return decline("code_for_words", "The question names nothing to look up.")
    hits = search(words, systems, limit=8)
    hits = [hit for hit in hits if _confident(words, hit) and not _contradicts(words, hit.title)]
    if not hits:
        where = f" in {System(systems[0]).label}" if systems else ""
        return decline(
            "code_for_words",
            f"Our catalogue has no code{where} that matches these words well enough.",
            [words],
        )
    codes = {
        (row.system, row.code): row
        for row in Code.objects.filter(
            code__in=[hit.code for hit in hits[:5]], system__in={hit.system for hit in hits[:5]}
        ).select_related("release")
    }
    best = codes[(hits[0].system, hits[0].code)]
    if re.search(r"\badd\b|\badd-?on\b|additional", question.lower):
        addons = CodeRelation.objects.filter(
            kind=CodeRelation.Kind.ADDON_OF, source__in=list(codes.values())
        ).select_related("source", "target")
        found = {relation.source.code: relation for relation in addons}
        pick = next((hit for hit in hits[:5] if hit.code in found), None)
        if pick is not None:
            relation = found[pick.code]
            addon, primary = relation.source, relation.target
            return Answer(
                f"{addon.code} ({addon.title}) is the add-on code; it is reported with its "
                f"primary code {primary.code} ({primary.title}).",
                "code_for_words",
                [
                    Fact(addon.code, addon.title, release_of(addon)),
                    Fact("Primary code", primary.code, release_of(relation.source)),
                ],
                [cite(addon, "addon-h"), cite(primary, "addons-h")],
                [addon.code, primary.code],
                suggestions=[f"what is {addon.code}"],
            )
    others = [hit.code for hit in hits[1:4]]
    text = f"{best.code} ({System(best.system).label}): {best.title}."
    facts = [Fact(best.code, best.title, release_of(best))]
    if others:
        facts.append(Fact("Also close", ", ".join(others)))
    return Answer(
        text,
        "code_for_words",
        facts,
        [cite(best)],
        [best.code],
        suggestions=[f"what is {code}" for code in others[:2]],
    )


def _confident(words: str, hit: object) -> bool:
    """A hit found by all the words (or their spelling fixes) counts; one found by some
    words must share at least half of its title's words or of the question's words."""
    why = getattr(hit, "why", "")
    if why in ("all words", "code"):
        return True
    asked = {w for w in WORD.findall(words) if len(w) > 2}
    title = {w for w in WORD.findall(str(getattr(hit, "title", "")).lower()) if len(w) > 2}
    title -= {"cpt", "code", "hcpcs"} | {w for w in title if w.isdigit()}
    if not asked or not title:
        return False
    shared = {w for w in asked if any(_same_word(w, t) for t in title)}
    covered = {t for t in title if any(_same_word(w, t) for w in asked)}
    return len(shared) >= 2 and (
        len(shared) / len(asked) >= 0.75 or len(covered) / len(title) >= 0.75
    )


def _contradicts(words: str, title: str) -> bool:
    """The words say "without X" and the title has X, but not "without X"."""
    lower = title.lower()
    for match in re.finditer(r"\bwithout (\w+)", words):
        stem = match[1][:5]
        if stem in lower and not re.search(rf"\b(without|w/o|no) {re.escape(stem)}", lower):
            return True
    return False


def _same_word(a: str, b: str) -> bool:
    """One word starts the other (resp/respiratory), or both share five letters."""
    return a.startswith(b) or b.startswith(a) or (len(a) >= 5 and a[:5] == b[:5])


def modifiers_for(question: Question) -> Answer:
    code = question.known[0]
    links = list(
        CodeModifier.objects.filter(code=code).select_related("modifier", "modifier__release")
    )
    if not links:
        return Answer(
            f"Our data lists no modifiers for {code.code}.",
            "modifiers_for_code",
            citations=[cite(code)],
            codes=[code.code],
        )
    names = [link.modifier.code for link in links]
    facts = [
        Fact(
            link.modifier.code,
            link.modifier.title + (f" · {link.note}" if link.note else ""),
            release_of(link.modifier),
        )
        for link in links
    ]
    return Answer(
        f"Modifiers listed for {code.code}: {', '.join(names)}.",
        "modifiers_for_code",
        facts,
        [cite(code, "mods-h"), *(cite(link.modifier, "official-h") for link in links)],
        [code.code, *names],
        suggestions=[f"what does modifier {names[0]} mean"],
    )


def addon(question: Question) -> Answer:
    code = question.known[0]
    relations = (
        list(
            CodeRelation.objects.filter(kind=CodeRelation.Kind.ADDON_OF)
            .filter(source=code)
            .select_related("target", "release")
        )
        or []
    )
    primaries = [r.target for r in relations]
    addons = [
        r.source
        for r in CodeRelation.objects.filter(
            kind=CodeRelation.Kind.ADDON_OF, target=code
        ).select_related("source", "release")
    ]
    release = next((r.release.name for r in relations if r.release), release_of(code))
    facts: list[Fact] = []
    citations: list[Citation] = []
    if primaries:
        names = ", ".join(p.code for p in primaries)
        facts.append(Fact("Primary codes", names, release))
        citations.append(cite(code, "addon-h"))
        citations += [cite(p) for p in primaries]
    if addons:
        facts.append(Fact("Add-on codes", ", ".join(a.code for a in addons), release_of(code)))
        citations.append(cite(code, "addons-h"))
        citations += [cite(a, "addon-h") for a in addons]
    asks_if_addon = question.has(r"\bis\b.*\badd[- ]?on\b")
    if primaries:
        text = f"{code.code} is an add-on code: report it with its primary code {names}."
        verdict = "yes" if asks_if_addon else None
    elif addons:
        text = (
            f"{code.code} is not an add-on code; it is the primary code for the add-on "
            f"{', '.join(a.code for a in addons)}."
        )
        verdict = "no" if asks_if_addon else None
    else:
        text = f"{code.code} is not an add-on code in our data, and no add-on lists it as primary."
        verdict = "no" if asks_if_addon else None
        citations.append(cite(code))
    return Answer(
        text,
        "addon",
        facts,
        citations,
        [code.code, *(p.code for p in primaries), *(a.code for a in addons)],
        verdict=verdict,
    )

"""Statuses a past operation leaves, as a case words them: a transplanted organ (Z94),
a limb or organ removed (Z89, Z90), an artificial joint (Z96.6-) and the aftercare
after its replacement (Z47.1), an ostomy cared for at the visit (Z43) or only present
(Z93).

The Index's own entries: "Transplant(ed) (status) kidney Z94.0", "Absence, leg, below
knee (acquired) Z89.51-", "Presence, knee-joint implant Z96.65-", "Aftercare, joint
replacement Z47.1", "Attention to, colostomy Z43.3", "Status, colostomy Z93.3". Our table
gives each the words of its catalogue title; the code is the billable title (side
included) the catalogue holds. A condition named as the reason for a past operation
("s/p TKA for osteoarthritis", "colostomy after surgery last month for diverticulitis")
was treated by it and is not coded now.
"""

import re

from .diagnoses import Diagnosis
from .status import _at

SENTENCE = re.compile(r"[^.;\n]+")
NOT_NOW = re.compile(
    r"\b(?:awaiting|candidate|evaluat\w*|referr\w*|listed|waitlist\w*|planned|scheduled|recommended|"
    r"consider\w*|discussed|will|mother|father|brother|sister|son|daughter|wife|husband)\b",
    re.I,
)
# "no", "never", "denies" just before the status denies it.
DENIED = re.compile(r"\b(?:no|never|denies|without|not)\b[^.;,]{0,30}$", re.I)
SIDE = re.compile(r"\b((?i:right|left|bilateral|both)|R|L)\b")
ORGANS = {
    "kidney": "Kidney", "renal": "Kidney", "heart": "Heart", "cardiac": "Heart",
    "lung": "Lung", "liver": "Liver", "hepatic": "Liver", "pancreas": "Pancreas",
    "pancreatic": "Pancreas", "cornea": "Corneal", "corneal": "Corneal",
    "bone marrow": "Bone marrow", "stem cell": "Stem cells", "intestinal": "Intestine",
    "intestine": "Intestine", "small bowel": "Intestine",
}  # fmt: skip
ORGAN = "|".join(sorted(ORGANS, key=len, reverse=True))
TRANSPLANT = re.compile(
    rf"\b({ORGAN})[- ](?:transplant|allograft)(?!\s*(?:evaluation|candidate|list))"
    rf"|\btransplant(?:ed)? ({ORGAN})\b|\b({ORGAN}) (?:was )?transplanted\b",
    re.I,
)
LIMBS = (
    (r"below[- ]the[- ]knee|below[- ]knee|BKA|transtibial", "leg below knee"),
    (r"above[- ]the[- ]knee|above[- ]knee|AKA|transfemoral", "leg above knee"),
    (r"great toe|big toe|hallux|first toe", "great toe"),
    (r"toes?", "other toe(s)"),
    (r"transmetatarsal|foot|forefoot", "foot"),
    (r"below[- ]elbow|transradial|forearm", "arm below elbow"),
    (r"above[- ]elbow|transhumeral", "arm above elbow"),
    (r"thumb", "thumb"),
    (r"fingers?|digits?", "finger(s)"),
    (r"hand", "hand"),
)
AMPUTATION = re.compile(r"\bamputat\w*|\bamputee\b|\b(?:BKA|AKA)\b", re.I)
REMOVED = (
    (r"mastectom\w*", "breast and nipple", True),
    (r"nephrectom\w*", "kidney", False),
    (r"splenectom\w*", "spleen", False),
)
PAST_OPERATION = re.compile(
    r"\b(?:s/p|status[- ]post|post[- ]?op\w*|after|following|underwent|had|history of|h/o)\b"
    r"|\b(?:19|20)\d\d\b|\bago\b|\blast (?:week|month|year)\b",
    re.I,
)
JOINTS = re.compile(
    r"\b(?:total |partial |reverse )?(knee|hip|shoulder|elbow|ankle|wrist)"
    r" (?:joint )?(?:arthroplast(?:y|ies)|replacements?|prosthes[ie]s)\b"
    r"|\b(TKA|TKR|THA|THR|TSA)s?\b",
    re.I,
)
JOINT_ABBREVIATIONS = {"tka": "knee", "tkr": "knee", "tha": "hip", "thr": "hip", "tsa": "shoulder"}
# The weeks after the operation: the visit is its aftercare.
RECENT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|a few|several)\s*(?:days?|d|weeks?|wks?|w)\s*"
    r"(?:s/p|post|after|out from|since)\b|\bpost[- ]?op(?:erative)?\b|\brehab\w*\b|"
    r"\b(?:physical therapy|PT)\b",
    re.I,
)
JOINT_TROUBLE = re.compile(
    r"\b(?:loosen\w*|dislocat\w*|infect\w*|revision|fail\w*|periprosthetic|complication)\b",
    re.I,
)
OSTOMIES = (
    (r"colostomy", "colostomy", "Colostomy status"),
    (r"ileostomy", "ileostomy", "Ileostomy status"),
    (r"gastrostomy|G-tube|PEG tube|PEG", "gastrostomy", "Gastrostomy status"),
    (r"tracheostomy|trach", "tracheostomy", "Tracheostomy status"),
    (r"cystostomy|suprapubic catheter", "cystostomy", "Unspecified cystostomy status"),
)
OSTOMY_CARE = re.compile(
    r"\b(?:ostomy|stoma|WOC|enterostomal) (?:nurse|care|clinic|visit|teaching)\b|"
    r"\bappliance\b|\bpouch\w*|\b(?:changed|replaced|exchanged|reversal|takedown|closure|"
    r"irrigat\w*|re-?taught|teaching)\b",
    re.I,
)
OSTOMY_TROUBLE = re.compile(
    r"\b(?:infect\w*|hernia|prolapse\w*|stenosis|malfunction\w*|obstruct\w*|bleeding|"
    r"necros\w*|retract\w*|leak\w*|dislodg\w*)\b",
    re.I,
)
# The operation is done at this encounter: no status yet.
DONE_NOW = re.compile(
    r"\b(?:is|was|were|are) (?:being )?(?:placed|inserted|created|performed|formed|done)\b"
    r"|\b(?:undergoes|undergoing|today|this admission)\b",
    re.I,
)
# "... for diverticulitis" in the same clause as the operation: the reason it was done
TREATED_FOR = re.compile(r"[^.;,()]{0,60}?\bfor\b[^.;,()]{0,60}", re.I)


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    out = list(found)
    known = {d.code for d in out}
    treated: list[tuple[int, int]] = []
    for sentence in SENTENCE.finditer(text):
        said, at = sentence.group(), sentence.start()
        if NOT_NOW.search(said) or DONE_NOW.search(said):
            continue
        extras = [
            *_transplants(text, said, at),
            *_absences(text, said, at),
            *_joints(text, said, at, treated),
            *_ostomies(text, said, at, treated),
        ]
        for extra in extras:
            if extra is None or DENIED.search(text[at : extra.start]):
                continue
            if extra.code not in known:
                out.append(extra)
                known.add(extra.code)
    # a condition an operation treated: its reason, not a diagnosis now
    out = [d for d in out if d.code[0] in "ST" or not any(s <= d.start < e for s, e in treated)]
    # aftercare and attention to an ostomy are the reason for the visit: listed first
    return sorted(out, key=lambda d: not d.code.startswith(("Z47", "Z43")))


def _side(said: str, default: str = "unspecified") -> str:
    hit = SIDE.search(said)
    if not hit:
        return default
    word = hit.group(1).lower()
    return {"r": "right", "l": "left", "both": "bilateral"}.get(word, word)


def _transplants(text: str, said: str, at: int) -> list[Diagnosis | None]:
    out: list[Diagnosis | None] = []
    for hit in TRANSPLANT.finditer(said):
        organ = ORGANS[next(g for g in hit.groups() if g).lower()]
        out.append(_at(f"{organ} transplant status", text, at + hit.start(), at + hit.end()))
    return out


def _absences(text: str, said: str, at: int) -> list[Diagnosis | None]:
    out: list[Diagnosis | None] = []
    cut = AMPUTATION.search(said)
    if cut and PAST_OPERATION.search(said) and not re.search(r"\btraumatic\b", said, re.I):
        for words, part in LIMBS:
            hit = re.search(rf"\b(?:{words})\b", said, re.I)
            if hit:
                side = _side(said)
                side = "bilateral" if side == "bilateral" else side
                title = f"Acquired absence of {side} {part}"
                out.append(_at(title, text, at + hit.start(), at + hit.end()))
                break
    for words, organ, sided in REMOVED:
        hit = re.search(rf"\b(?:{words})", said, re.I)
        if hit and PAST_OPERATION.search(said):
            side = _side(said[max(0, hit.start() - 12) : hit.end() + 12]) if sided else ""
            if side == "bilateral":
                title = "Acquired absence of bilateral breasts and nipples"
            else:
                title = f"Acquired absence of {side + ' ' if side else ''}{organ}"
            out.append(_at(title, text, at + hit.start(), at + hit.end()))
    return out


def _joints(
    text: str, said: str, at: int, treated: list[tuple[int, int]]
) -> list[Diagnosis | None]:
    hit = JOINTS.search(said)
    if not hit or JOINT_TROUBLE.search(said) or not PAST_OPERATION.search(said):
        return []
    joint = (hit.group(1) or JOINT_ABBREVIATIONS[hit.group(2).lower()]).lower()
    side = _side(said[max(0, hit.start() - 12) : hit.end()])
    title = (
        f"Presence of artificial {joint} joint, bilateral"
        if side == "bilateral"
        else f"Presence of {side} artificial {joint} joint"
    )
    start, end = at + hit.start(), at + hit.end()
    out = [_at(title, text, start, end)]
    if RECENT.search(said):
        out.insert(0, _at("Aftercare following joint replacement surgery", text, start, end))
    treated += [(at + r.start(), at + r.end()) for r in [TREATED_FOR.match(said, hit.end())] if r]
    return out


def _ostomies(
    text: str, said: str, at: int, treated: list[tuple[int, int]]
) -> list[Diagnosis | None]:
    for words, name, status in OSTOMIES:
        hit = re.search(rf"\b(?:{words})\b", said, re.I)
        if not hit or OSTOMY_TROUBLE.search(text):
            continue
        start, end = at + hit.start(), at + hit.end()
        treated += [
            (at + r.start(), at + r.end()) for r in [TREATED_FOR.match(said, hit.end())] if r
        ]
        if OSTOMY_CARE.search(text):
            return [_at(f"Encounter for attention to {name}", text, start, end)]
        return [_at(status, text, start, end)]
    return []

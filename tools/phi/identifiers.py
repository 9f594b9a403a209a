"""Numbers and codes that identify someone: found by the label a note puts before them.

A record number has no shape of its own ("00482913", "HX-7720419"); what tells it apart
from a dose or a lab value is the word before it ("MRN", "Member ID", "NPI"). Each label
names its category; the value is the first identifier-shaped token after the label on
the same line. A value found once is then found everywhere else in the note.
"""

import re
from collections.abc import Iterator

from .categories import Category, Finding

C = Category

# Label → category, most specific first: "Patient account" before "Patient", "Medicare
# MBI" before "Medicare". Matched case-insensitively at word boundaries.
LABELS: list[tuple[Category, str]] = [
    (C.SSN, r"SSN|social security(?: number| no\.?)?|SS#"),
    (
        C.HEALTH_PLAN,
        r"(?:Medicare )?MBI|Medicare(?: card)?(?: number| no\.?| ID| #)?"
        r"|Medicaid(?: \([^)\n]{1,30}\))?(?: ID| number| no\.?)?|IRN|DCN|ProviderOne(?: ID)?",
    ),
    (
        C.HEALTH_PLAN,
        r"member(?:ship)?(?: ID| number| no\.?| #)?|mbr\.? ID|(?:pharmacy )?benefits?(?: ID"
        r"| number| no\.?| card)|subscriber(?: ID| number| no\.?)?"
        r"|sub\.? ID|group(?: number| no\.?| #| ID)?|grp\.?(?: #| no\.?)?"
        r"|policy(?: holder)?(?: ID| number| no\.?| #)?|contract(?: number| no\.?| ID)"
        r"|(?:insurance|insurer|plan|payer|health plan|coverage) (?:ID|number|no\.?|#)"
        r"|(?:ID|identification) card(?: number| no\.?)?|card (?:number|no\.?|#)"
        r"|membership(?: number| no\.?| ID)?|health fund(?: number| no\.?| ID)?"
        r"|fund (?:number|no\.?|ID)|(?:BCBS|Aetna|Cigna|Humana|UHC|UnitedHealthcare|Anthem"
        r"|Kaiser|Medibank|Bupa|HCF|NIB|VHI|Laya|Irish Life Health|Blue Cross(?: Blue Shield)?)"
        r"(?: [A-Z][A-Za-z]+)?(?: member)? (?:ID|number|no\.?|#)",
    ),
    (
        C.HEALTH_PLAN,
        r"NHS(?: number| no\.?)?|OHIP|health card(?: number| no\.?)?"
        r"|DVA(?: file| gold card| white card| card)?(?: number| no\.?)?|PHN|AHCIP|MCP|HSN"
        r"|beneficiary(?: ID"
        r"| number)?|HICN|RAMQ|MSP|IHI|PPSN|PPS(?: number| no\.?)|GMS(?: card)?(?: number"
        r"| no\.?)?|medical card(?: number| no\.?)?|CHI(?: number| no\.?)?|H&C(?: number"
        r"| no\.?)?|Health and Care number|Tricare(?: ID)?|Medi-Cal(?: ID)?",
    ),
    (
        C.ACCOUNT,
        r"(?:hospital|encounter|visit|billing|patient|guarantor|ED|bank|checking|savings"
        r"|financial) acc(?:oun)?t\.?(?: number| no\.?| #)?(?: ending(?: in)?)?"
        r"|acc(?:oun)?t\.?(?: number| no\.?| #)?(?: ending(?: in)?)?|card ending(?: in)?"
        r"|invoice(?: number| no\.?| #)?|statement(?: number| no\.?)|FIN|CSN|HAR"
        r"|encounter(?: number| no\.?| ID| #)|visit(?: number| no\.?| ID| #)",
    ),
    (
        C.LICENSE,
        r"NPI|DEA|NRCME|GMC|IMC|CPSO|CPS(?:BC|A|M|S|NS|NB|NL|PEI)|CMQ|AHPRA|NMC|UPIN|CDL"
        r"|driver'?s licen[cs]e"
        r"|driving licen[cs]e|DL|(?:state |medical |nursing |professional |RN "
        r"|pharmacist )?lic(?:en[cs]e)?\.?(?: number| no\.?| #)?|(?:birth|death"
        r"|marriage) certificate(?: worksheet)?(?: number| no\.?| #)?"
        r"|certificate(?: number| no\.?| #)|(?:professional |medical |AHPRA |GMC |IMC "
        r"|Medical Council )?registration(?: number| no\.?| #)?|reg\.(?: no\.?| #)?|MCRN"
        r"|(?:Medical Council|MCI)(?: number| no\.?)?|prescriber(?: number| no\.?| #)"
        r"|provider(?: number| no\.?)|NMC PIN|PIN|CSR|controlled substance (?:registration"
        r"|licen[cs]e)(?: number| no\.?)?|board certification(?: number| no\.?)",
    ),
    (
        C.VEHICLE,
        r"VIN|(?:licen[cs]e )?plate(?: number| no\.?)?|registration plate|tag number"
        r"|(?:[A-Z]{2}|car|truck|vehicle) tag",
    ),
    (
        C.DEVICE,
        r"(?:generator |device |pump |implant |graft |right |left )?serial(?: number"
        r"| no\.?| #)?|ser\.(?: no\.?)?|SN|S/N|lot(?: number| no\.?| #)?|UDI|IMEI|ESN"
        r"|transmitter(?: ID| serial)?|MAC address|(?:device|implant|pump|sensor|receiver"
        r"|reader|meter|monitor|communicator|hearing aid|CPAP|BiPAP|modem) (?:ID|identifier"
        r"|serial)|asset tag",
    ),
    (
        C.BIOMETRIC,
        r"(?:fingerprint|voiceprint|voice print|iris|retina|palm(?:-vein)?|face unlock"
        r"|facial(?:[- ]geometry)?|face[- ]geometry"
        r"|biometric)(?:[\w ,()\n-]{0,40}?)(?:template|record|match|ID|enrol?ment|scan"
        r"|reader ID|print)",
    ),
    (C.BIOMETRIC, r"template|fingerprint record|palm scan|voiceprint(?: ID)?"),
    (
        C.MRN,
        r"MRN|medical record(?: number| no\.?| #)?|health record(?: number| no\.?| #)?"
        r"|record (?:number|no\.?|#)|chart(?: number| no\.?| #)?|clinic chart"
        r"|hospital (?:number|no\.?|#)|patient ID|pt ID|unit (?:number|no\.?)|agency ID"
        r"|facility ID|hospice ID|pharmacy profile(?: #| number| no\.?)?|filed under"
        r"|EHR ID|temporary MRN|permanent MRN|UR(?:N| number| no\.?)|unit record(?: number"
        r"| no\.?)?|NHI|HRN|MCN|hospital ID|patient (?:number|no\.?|#)|client (?:ID|number"
        r"|no\.?)|resident ID|medical record #",
    ),
    (
        C.ID,
        r"accession(?: number| no\.?| #)?|specimen(?: ID| number| no\.?| #)?"
        r"|order(?: number| no\.?| #| ID)|requisition(?: number| no\.?| #)?"
        r"|case(?: number| no\.?| #| ID)?|claim(?: number| no\.?| #)?"
        r"|reference(?: number| no\.?| #)?|ref\.?(?: no\.?)?|auth(?:orization"
        r"|orisation)?(?: number| no\.?| #| ref\.?)?|request(?: number| no\.?| #)"
        r"|run(?: number| no\.?| #)|incident(?: number| no\.?| #)|report(?: number"
        r"| no\.?| #)|ticket(?: number| no\.?| #)?",
    ),
    (
        C.ID,
        r"(?:passport|docket|warrant|permit|episode|library card|USCIS|alien registration"
        r"|prescription)(?: ID| number| no\.?| #)?\b|PA(?: number| no\.?| ?#)|A-number"
        r"|barcode\b|user ?name\b|login\b|Rx ?(?:#|number|no\.)|EDIPI\b",
    ),
    (
        C.ID,
        r"(?:participant|subject|study|screening|randomi[sz]ation|enrol?ment|employee"
        r"|staff|badge|user|student|inmate|booking|AIS|session|thread|message"
        r"|confirmation|tracking|kit|tag|wristband|bracelet|voucher|police"
        r"|transfer center)(?: ID| number| no\.?| #| ref\.?)?|kit|session ID|thread ID|SID"
        r"|offender(?: ID| number| no\.?)?|DOC(?: number| no\.?| #)",
    ),
    # Last, as the least specific: "ID HV 7730 4419 02", "(ProviderOne) ID, 108844172WA".
    (
        C.ID,
        r"ID(?: number| no\.?| #)?|identification(?: number| no\.?)",
    ),
]

# An identifier: letters and digits with inner separators, or a bracketed GS1 UDI;
# masked digits (***-**-4410, ****0456) count. Checked for enough digits afterwards.
VALUE = r"(?:\(\d{2}\)[0-9A-Za-z()]+|[A-Za-z0-9*#][A-Za-z0-9*#._/\-]*[A-Za-z0-9*]|\d)"
# Values a plate or a national number is written with a space inside ("582 KTB",
# "943 476 5919").
SPACED = r"(?:[A-Z0-9]{1,5} [A-Z0-9]{2,10}(?: [A-Z0-9]{1,4}){0,3}(?:-[A-Z0-9]{1,3})?(?!\w))"

_FILLER = (
    r"(?:[ \t]*(?:\([^)\n]{0,40}\)|[:#.,\-]|no\.?|nos\.?|number|num|ID|is|was|of|on file"
    r"|on card|ending|in|as)[ \t]*)*"
)
_LABEL = re.compile(
    "|".join(f"(?P<l{i}>(?<![/\\w])(?:{label}))" for i, (_, label) in enumerate(LABELS)),
    re.IGNORECASE,
)
_AFTER = re.compile(
    rf"{_FILLER}(?:(?:[A-Z][A-Za-z']*\.?[ \t]+){{0,3}})?[ \t]*(?P<value>{SPACED}|{VALUE})"
)
# A label that ends its line ("Oregon plate" / "582 KTB"): the value opens the next one.
_NEXT_LINE = re.compile(rf"{_FILLER}\n[ \t]*{_FILLER}(?P<value>{SPACED}|{VALUE})")
# The same with no payer or plan name skipped: "Subscriber number: CFM 330 71 8804".
_AFTER_AT_ONCE = re.compile(rf"{_FILLER}[ \t]*(?P<value>{SPACED}|{VALUE})")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MEASURE = re.compile(r"\d+(?:\.\d+)?(?:mg|mcg|ml|mL|g|kg|cm|mm|h|hr|min|s|%)$")


def _value_ok(value: str, category: Category) -> bool:
    """Enough digits to identify, and not a year, time or measurement."""
    digits = sum(ch.isdigit() for ch in value)
    masked = sum(ch in "*#Xx" for ch in value)
    if digits < 2 or (digits < 3 and not masked and category is not C.VEHICLE):
        return category is C.VEHICLE and len(value) >= 5 and digits >= 1
    if _YEAR.fullmatch(value) or _MEASURE.fullmatch(value):
        return False
    return not re.fullmatch(r"\d{1,2}:\d\d", value)


def labelled(text: str) -> Iterator[Finding]:
    """Values after a label, one per label occurrence."""
    for label in _LABEL.finditer(text):
        index = int(next(name for name, value in label.groupdict().items() if value)[1:])
        category = LABELS[index][0]
        for pattern in (_AFTER_AT_ONCE, _AFTER, _NEXT_LINE):
            after = pattern.match(text, label.end())
            if not after:
                continue
            value = _trim(after.group("value").rstrip(".-/"), category)
            if _value_ok(value, category):
                start = after.start("value")
                yield Finding(start, start + len(value), category, 0.9)
                break


def _trim(value: str, category: Category) -> str:
    if " " in value and category is not C.VEHICLE:
        groups = value.split(" ")
        # "943 476 5919", "2123 45670 1": every group holds a digit ("12345 DOB" does not)
        while len(groups) > 1 and not any(ch.isdigit() for ch in groups[-1]):
            groups.pop()
        value = " ".join(groups)
    return value


# Shapes that identify without a label.
_SHAPES: list[tuple[Category, re.Pattern[str], float]] = [
    (C.SSN, re.compile(r"\b(?:\d{3}|[X*]{3})-(?:\d{2}|[X*]{2})-\d{4}\b"), 0.8),
    (
        C.HEALTH_PLAN,
        re.compile(r"\b\d[A-Z][A-Z0-9]\d([- ]?)[A-Z][A-Z0-9]\d\1[A-Z]{2}\d\d\b"),
        0.85,
    ),  # MBI
    (C.HEALTH_PLAN, re.compile(r"\b\d{4}-\d{3}-\d{3}-?[A-Z]{2}\b"), 0.85),  # OHIP with version
    (C.ACCOUNT, re.compile(r"(?:[X*]{4}[- ]?){3}\d{4}\b|\*{2,}\d{4}\b"), 0.85),  # masked card
    (C.VEHICLE, re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b"), 0.6),  # VIN: 17, no I, O or Q
    (C.DEVICE, re.compile(r"\(01\)\d{14}(?:\(\d{2}\)[0-9A-Za-z]+)*"), 0.9),  # GS1 UDI
    (C.PHOTO, re.compile(r"\b[\w.-]+\.(?:jpe?g|png|gif|heic|tiff?|bmp|webp)\b", re.I), 0.8),
    (C.ID, re.compile(r"\b[a-z]{1,2}\d{5,}\b"), 0.5),  # user names such as u48812
    # Letters then digits, with separators: HX-5510087, TC00718823, ORD88120354.
    (C.ID, re.compile(r"\b[A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]+)*-?\d{4,}(?:-[A-Z0-9]+)*\b"), 0.5),
    (C.ID, re.compile(r"\b[A-Z]{1,3}\d{2,}(?:-\d{2,}){1,}[A-Z]?\b"), 0.5),  # U26-073-1129
    (C.ID, re.compile(r"\b\d{2,}-\d{2,}-\d{3,}(?:-\d+)?\b"), 0.4),  # 26-073-004417
]


def shaped(text: str) -> Iterator[Finding]:
    for category, pattern, score in _SHAPES:
        for match in pattern.finditer(text):
            value = match.group()
            if category is C.VEHICLE and not (
                any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value)
            ):
                continue
            if category is C.PHOTO and _NOT_A_FACE.search(
                text[max(0, match.start() - 80) : match.end()]
            ):
                continue  # a photo of a wound or a limb identifies no one
            yield Finding(match.start(), match.end(), category, score)


_NOT_A_FACE = re.compile(
    r"wound|ulcer|lesion|rash|limb|foot|feet|leg|incision|burn|x-?ray|WND|skin|scar", re.I
)


def everywhere(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Each identifier found once, found again wherever else the note repeats it."""
    seen: dict[str, Category] = {}
    for finding in found:
        value = text[finding.start : finding.end]
        if finding.category not in (C.NAME, C.LOCATION, C.DATE, C.AGE) and len(value) >= 5:
            seen.setdefault(value, finding.category)
    for value, category in seen.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text):
            yield Finding(match.start(), match.end(), category, 0.7)

"""A question as typed → what it names: codes we hold, code-shaped tokens we do not,
modifiers, a date, units and the remaining words.

Code-shaped tokens are resolved against the catalogue in one query, each in the code
set its shape suggests first (a dot: ICD-10-CM; a letter and four digits: HCPCS; five
digits: CPT; seven characters: ICD-10-PCS), so "E0601" is the CPAP device and "E06.1"
the thyroiditis.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from codes.formats import Kind, System, format_error, normalize
from codes.models import Code

from ..claims.lines import shapes_of

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
US = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
WRITTEN = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
TOKEN = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)?")
UNITS = [
    re.compile(r"\b(?P<units>\d{1,3})\s+units?\s+of\s+(?P<code>[A-Za-z0-9.]{5,8})\b", re.I),
    re.compile(r"\b(?P<code>[A-Za-z0-9.]{5,8})\s*[x×]\s*(?P<units>\d{1,3})\b", re.I),
]
NEGATED = re.compile(r"\b(?:without|but no|no)\s+(?:a\s+|the\s+)?([A-Za-z0-9.]{3,8})\b", re.I)
# Upper-case two-letter words coders write that are not meant as modifiers.
NOT_MODIFIERS = {"CC", "MS", "OK", "CT", "DX", "IV", "PT", "OR", "ER", "NO", "US", "MD", "ED"}
# Two-letter English words, never a modifier when typed in lower case.
ENGLISH = frozenset(
    "is an at on in of to do go me my we it be by or if as so up no us am he ok".split()  # noqa: SIM905
)
# Words shaped like codes that are not codes: "icd10", "fy2026", "cpt4".
NOT_CODES = re.compile(r"^(ICD|CPT|PCS|FY|HCPCS|DRG|MSDRG|MDC|CMS)\d*$")
ICD_HEADING = re.compile(r"^[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,3})?$")
MAX_CODES = 12  # distinct code-shaped words read from one question
PCS_PARTIAL = re.compile(r"^[0-9][0-9A-HJ-NP-Z]{2,6}$")


@dataclass
class Named:
    typed: str
    code: Code | None  # None: shaped like a code, not in our data


@dataclass
class Question:
    text: str
    lower: str
    codes: list[Named] = field(default_factory=list)  # non-modifier codes, in order
    modifiers: list[Named] = field(default_factory=list)
    day: date | None = None
    units: dict[str, int] = field(default_factory=dict)  # code → units typed
    negated: set[str] = field(default_factory=set)  # codes typed after "without"/"no"
    numbers: list[str] = field(default_factory=list)  # bare numbers (DRGs, values)
    tokens: list[str] = field(default_factory=list)  # everything else, as typed

    @property
    def known(self) -> list[Code]:
        return [named.code for named in self.codes if named.code is not None]

    @property
    def absent(self) -> list[str]:
        found = [n.typed for n in self.codes + self.modifiers if n.code is None]
        return list(dict.fromkeys(found))

    def has(self, pattern: str) -> bool:
        return re.search(pattern, self.lower) is not None


def parse(text: str) -> Question:
    text = " ".join(text.split())
    question = Question(text, text.lower())
    rest = _take_dates(question, text)
    for pattern in UNITS:
        for match in pattern.finditer(rest):
            question.units[match["code"].upper()] = int(match["units"])
    question.negated = {m[1].upper() for m in NEGATED.finditer(rest)}
    tokens = TOKEN.findall(rest)
    modifier_word = "modifier" in question.lower or "modifer" in question.lower
    candidates: list[tuple[str, list[tuple[str, str]]]] = []
    pcs_words = re.search(r"\bpcs\b|\btable\b", question.lower) is not None
    for index, token in enumerate(tokens):
        upper = token.upper()
        after = (
            index > 0
            and tokens[index - 1].lower() in ("modifier", "modifer")
            and (token.lower() not in ENGLISH or token.isupper())
        )
        if NOT_CODES.match(upper):
            question.tokens.append(token)
        elif len(token) == 2 and _modifier_shaped(token, modifier_word, after):
            candidates.append((upper, [(System.MODIFIER, upper)]))
        elif (
            3 <= len(token) <= 8
            and any(ch.isdigit() for ch in token)
            and _code_shaped(upper, pcs_words)
        ):
            candidates.append((upper, _forms(upper)))
        elif token.isdigit():
            question.numbers.append(token)
        else:
            question.tokens.append(token)
    candidates = list({typed: (typed, forms) for typed, forms in candidates}.values())[:MAX_CODES]
    found = _lookup(list(dict.fromkeys(form for _, forms in candidates for form in forms)))
    for typed, forms in candidates:
        code = next((found[form] for form in forms if form in found), None)
        named = Named(typed, code)
        if forms[0][0] == System.MODIFIER:
            if code is not None or modifier_word:
                question.modifiers.append(named)
            else:
                question.tokens.append(typed)
        elif code is not None or shapes_of(typed):
            question.codes.append(named)
        elif typed.isdigit():
            question.numbers.append(typed)
        else:
            question.tokens.append(typed)
    return question


def _take_dates(question: Question, text: str) -> str:
    """The first date typed (ISO, m/d/yyyy or "jan 8 2026") is the date asked about;
    dates are removed so their digits are not read as codes."""
    found: list[tuple[int, date]] = []
    for match in ISO.finditer(text):
        found += _date(match.start(), int(match[1]), int(match[2]), int(match[3]))
    for match in US.finditer(text):
        found += _date(match.start(), int(match[3]), int(match[1]), int(match[2]))
    for match in WRITTEN.finditer(text):
        month = MONTHS.get(match[1].lower())
        if month:
            found += _date(match.start(), int(match[3]), month, int(match[2]))
    if found:
        question.day = min(found)[1]
    return _drop_written(US.sub(" ", ISO.sub(" ", text)))


def _drop_written(text: str) -> str:
    return WRITTEN.sub(lambda m: " " if m[1].lower() in MONTHS else m[0], text)


def _date(at: int, year: int, month: int, day: int) -> list[tuple[int, date]]:
    try:
        return [(at, date(year, month, day))]
    except ValueError:
        return []


def _modifier_shaped(token: str, modifier_word: bool, after_modifier: bool) -> bool:
    """Upper case or digits where the question speaks of modifiers; any case right
    after the word "modifier"; upper case letters elsewhere ("LT and RT")."""
    if not token.isalnum() or token.upper() in NOT_MODIFIERS:
        return False
    if after_modifier:
        return True
    if modifier_word:
        return token.isupper() or token.isdigit() or token.lower() not in ENGLISH
    return token.isupper() and not token.isdigit()


def _code_shaped(typed: str, pcs_words: bool) -> bool:
    """A code of any set, an ICD-10-CM heading, or (where the question speaks of PCS
    tables) a PCS table or partial code; "090" alone is a global period, not table 090."""
    if shapes_of(typed) or ICD_HEADING.match(typed):
        return True
    return pcs_words and PCS_PARTIAL.match(typed) is not None


def _forms(typed: str) -> list[tuple[str, str]]:
    """The (set, code) a typed token may be, most likely first."""
    if "." in typed:
        order = [System.ICD10CM]
    elif re.fullmatch(r"[A-V]\d{4}", typed):
        order = [System.HCPCS, System.ICD10CM]
    elif re.fullmatch(r"\d{4}[0-9FTU]", typed):
        order = [System.CPT, System.ICD10CM]
    elif len(typed) == 7 or typed[0].isdigit():
        order = [System.ICD10PCS, System.ICD10CM, System.HCPCS]
    else:
        order = [System.ICD10CM, System.ICD10PCS, System.HCPCS, System.CPT]
    forms = []
    for system in order:
        code = normalize(system, typed)
        if code and (format_error(system, Kind.CODE, code) is None or system != System.CPT):
            forms.append((str(system), code))
    return forms


def _lookup(forms: list[tuple[str, str]]) -> dict[tuple[str, str], Code]:
    if not forms:
        return {}
    wanted = Q()
    for system, code in forms:
        wanted |= Q(system=system, code=code)
    rows = Code.objects.filter(wanted).select_related("release", "parent")
    return {(row.system, row.code): row for row in rows}

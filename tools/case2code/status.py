"""Statuses a case states in words, which no condition name carries: tobacco (current
nicotine dependence or its history), supplemental oxygen, hormone receptor status of a
breast cancer, and the weeks of gestation and routine supervision of a pregnancy.

Each rule follows a convention of the classification: the Index sends "smoker" to
nicotine dependence (F17.2-) and a former smoker to its history (Z87.891); C50 asks for
the receptor status (Z17); every pregnancy code is joined by the weeks (Z3A), and a
visit for an uncomplicated pregnancy is its supervision (Z34). The code is the billable
title the rule words; nothing is listed per code.
"""

import re

from codes.formats import System
from codes.models import Code

from .diagnoses import Diagnosis

SENTENCE = re.compile(r"[^.;\n]+")
TOBACCO = re.compile(
    r"\b(?:smok\w*|cigarettes?|cigars?|pipe|tobacco|nicotine|ppd|pack[- ]years?|snuff|"
    r"chew\w*|vap(?:e|es|ing))\b",
    re.I,
)
# A denial of tobacco itself ("no tobacco", "never smoked"), not of something else the
# sentence names ("smokes daily, no alcohol").
NEVER = re.compile(
    r"\b(?:never|non-?smoker|denies (?:any )?(?:tobacco|smok\w*|cigarettes?|nicotine))\b"
    r"|\b(?:no|not)\s+(?:tobacco|smok\w*|cigarettes?|nicotine|a smoker)\b",
    re.I,
)
FORMER = re.compile(
    r"\b(?:former|ex-?smoker|quit|stopped|gave up|used to|previously|remote|abstinent)\b", re.I
)
# Quitting only talked of: the patient still smokes ("not ready to quit", "advised to quit").
CONTEMPLATED = re.compile(
    r"\b(?:not ready|wants?|wanting|trying|tries|tried|plans?|planning|advised|"
    r"counsell?ed|encouraged|thinking about|considering|unable|ready|interested in|"
    r"motivated|help(?:ing)?)\s+(?:to\s+|on\s+|in\s+)?(?:quit\w*|stop\w*)",
    re.I,
)
CURRENT = re.compile(
    r"\b(?:smokes|still smok\w*|continues to smoke|current(?:ly)?|active(?:ly)?|daily|"
    r"dependen\w*|addict\w*|(?:packs?|cigarettes?) (?:a|per) day|ppd|uses|chews)\b",
    re.I,
)
OTHERS = re.compile(
    r"\b(?:mother|father|mom|dad|grand\w+|husband|wife|spouse|partner|boyfriend|girlfriend|"
    r"roommates?|caregivers?|lives with smokers|no one|nobody|parents?|brother|sister|household|"
    r"secondhand|second-hand|passive|exposure|exposed|family)\b",
    re.I,
)
PRODUCTS = (
    (re.compile(r"\b(?:cigarettes?|packs?|ppd)\b", re.I), "cigarettes"),
    (re.compile(r"\b(?:chew\w*|snuff|dip)\b", re.I), "chewing tobacco"),
    (re.compile(r"\b(?:cigars?|pipe|vap\w*|e-cig\w*)\b", re.I), "other tobacco product"),
)
TOBACCO_CODES = ("Z72.0", "F17.2", "Z87.891")
# Someone else's smoke the patient breathes: exposure (Z77.22), not the patient's habit;
# at work it is occupational (Z57.31), which this rule leaves alone.
NO_EXPOSURE = re.compile(
    r"\b(?:no(?: one|body)?|never|denies|without|non-?smoking)\b[^.;]{0,25}"
    r"\b(?:smok\w*|exposure|tobacco)\b|\b(?:work\w*|coworkers?|occupation\w*|job)\b|"
    r"\b(?:outside|outdoors)\b|"
    r"\b(?:quit|stopped|former|used to|gave up)\b",
    re.I,
)
EXPOSURE_TITLE = (
    "Contact with and (suspected) exposure to environmental tobacco smoke (acute) (chronic)"
)
OXYGEN = re.compile(
    r"\b(?:home|long[- ]term|chronic|baseline|nocturnal|continuous)\b[^.;]{0,30}?"
    r"\b(?:oxygen|O2)\b(?!\s*(?:sat|level|saturation))|\boxygen[- ]dependen\w*"
    r"|\bdependen\w* on (?:supplemental )?oxygen\b",
    re.I,
)
RECEPTORS = (
    (r"(?:estrogen|oestrogen) receptor|\bER", "Estrogen receptor {sign} status"),
    (r"progesterone receptor|\bPR", "Progesterone receptor {sign} status"),
    (r"HER-?2(?:/neu)?", "Human epidermal growth factor receptor 2 {sign} status"),
)
SIGN = r"[- ]?(?:\(|status )?(positive|negative|\+|-)"
WEEKS = re.compile(
    r"\bat (\d{1,2})\s*(?:\+\s*\d\s*)?(?:completed )?(?:weeks?|wks?|w(?=\d\s*d\b|\b))"
    r"|\b(\d{1,2})\s*(?:completed )?(?:weeks?|wks?)['’]?\s*(?:\d\s*days?\s*)?"
    r"(?:of )?(?:gestation|pregnan\w*|GA)\b|\b(?:GA|gestational age)(?: of|:)?\s*(\d{1,2})\b",
    re.I,
)
ROUTINE_VISIT = re.compile(
    r"\b(?:routine |normal |low[- ]risk )?(?:prenatal|antenatal|obstetric|OB) "
    r"(?:visit|check|care|follow[- ]?up|appointment)\b",
    re.I,
)
FIRST = re.compile(r"\bG1\s*P0\b|\bG1\b|\bprimigravida\b|\bfirst pregnancy\b", re.I)
OTHER = re.compile(r"\bG[2-9]\b|\bG[2-9]\s*P\d|\bmultigravida\b", re.I)


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    """`found` with the statuses the case states added; a tobacco statement replaces any
    tobacco code found from single words."""
    others = [
        (s.start(), s.end())
        for s in SENTENCE.finditer(text)
        if TOBACCO.search(s.group()) and OTHERS.search(s.group())
    ]  # sentences of someone else's smoking: never the patient's tobacco code
    out = [
        d
        for d in found
        if not (d.code.startswith(TOBACCO_CODES) and any(a <= d.start < b for a, b in others))
    ]
    exposure = _exposure(text)
    decided, tobacco = _tobacco(text)
    if decided:
        out = [d for d in out if not d.code.startswith(TOBACCO_CODES)]
        out += [tobacco] if tobacco is not None else []
    known = {d.code for d in out}
    # Z77.22 excludes nicotine dependence and tobacco use (Excludes1)
    smoker = any(c.startswith(("F17", "Z72.0")) for c in known)
    said = _at(EXPOSURE_TITLE, text, *exposure) if exposure and not smoker else None
    for extra in (said, _oxygen(text), *_receptors(text, known), *_pregnancy(text, known)):
        if extra is not None and extra.code not in known:
            out.append(extra)
            known.add(extra.code)
    return out


def _titled(title: str) -> tuple[str, str] | None:
    """The billable code titled `title` (a bracketed abbreviation after it allowed)."""
    rows = (
        Code.objects.in_system(System.ICD10CM)
        .filter(long_description__istartswith=title, billable=True)
        .values_list("code", "long_description")
    )
    fits = [r for r in rows if re.fullmatch(r"( \[[^]]*\])?", r[1][len(title) :])]
    return fits[0] if fits else None


def _at(title: str, text: str, start: int, end: int) -> Diagnosis | None:
    hit = _titled(title)
    return Diagnosis(hit[0], hit[1], start, end, text[start:end]) if hit else None


def _tobacco(text: str) -> tuple[bool, Diagnosis | None]:
    """Whether the case says how the patient stands with tobacco, and the code: a
    current smoker's nicotine dependence by product, else a former one's history, none
    for one who never smoked."""
    current = former = None
    never = False
    for sentence in SENTENCE.finditer(text):
        said = CONTEMPLATED.sub(" ", sentence.group())
        if not TOBACCO.search(said) or OTHERS.search(said):
            continue  # someone else's smoking is exposure, not the patient's
        if NEVER.search(said) and not FORMER.search(said):
            never = True
            continue
        if FORMER.search(said) and not re.search(r"\bstill\b|\bcontinues\b|\bagain\b", said):
            former = former or sentence
        elif CURRENT.search(said):
            current = current or sentence
    if current is not None:
        said = current.group()
        product = next((name for p, name in PRODUCTS if p.search(said)), "unspecified")
        title = f"Nicotine dependence, {product}, uncomplicated"
        return True, _at(title, text, current.start(), current.end())
    if former is not None:
        title = "Personal history of nicotine dependence"
        return True, _at(title, text, former.start(), former.end())
    return never, None


def _exposure(text: str) -> tuple[int, int] | None:
    """The sentence that says someone else smokes around the patient."""
    for sentence in SENTENCE.finditer(text):
        said = sentence.group()
        if TOBACCO.search(said) and OTHERS.search(said) and not NO_EXPOSURE.search(said):
            return sentence.start(), sentence.end()
    return None


def _oxygen(text: str) -> Diagnosis | None:
    for sentence in SENTENCE.finditer(text):
        hit = OXYGEN.search(sentence.group())
        if hit and not re.search(r"\b(?:no|not|denies|without)\b", sentence.group(), re.I):
            start, end = sentence.start() + hit.start(), sentence.start() + hit.end()
            return _at("Dependence on supplemental oxygen", text, start, end)
    return None


def _receptors(text: str, known: set[str]) -> list[Diagnosis | None]:
    """The receptor status of a breast cancer (C50's note asks for it)."""
    if not any(c.startswith(("C50", "D05")) for c in known):
        return []
    signs = {}
    for k, (name, _) in enumerate(RECEPTORS):
        hit = re.search(rf"(?:{name}){SIGN}", text, re.I)
        if hit:
            signs[k] = (hit, "positive" if hit[1].lower() in ("positive", "+") else "negative")
    hormone = next((signs[k] for k in (0, 1) if k in signs), None)
    if hormone and 2 in signs:
        (hit, sign), her2 = hormone, signs[2][1]
        title = (
            f"Hormone receptor {sign} with human epidermal growth factor receptor 2 {her2} status"
        )
        return [_at(title, text, hit.start(), hit.end())]
    return [
        _at(RECEPTORS[k][1].format(sign=sign), text, hit.start(), hit.end())
        for k, (hit, sign) in signs.items()
    ]


def _pregnancy(text: str, known: set[str]) -> list[Diagnosis | None]:
    """Weeks of gestation beside a pregnancy code, and the supervision of a pregnancy
    the visit finds uncomplicated."""
    weeks = WEEKS.search(text)
    pregnancy = any(c.startswith(("O", "Z34", "Z37")) for c in known)
    out: list[Diagnosis | None] = []
    visit = ROUTINE_VISIT.search(text)
    if visit and not pregnancy:
        n = int(next(g for g in weeks.groups() if g)) if weeks else 0
        trimester = (
            "unspecified trimester"
            if not n
            else "first trimester"
            if n < 14
            else "second trimester"
            if n < 28
            else "third trimester"
        )
        kind = (
            "normal first" if FIRST.search(text) else "other normal" if OTHER.search(text) else ""
        )
        title = (
            f"Encounter for supervision of {kind} pregnancy, {trimester}"
            if kind
            else f"Encounter for supervision of normal pregnancy, unspecified, {trimester}"
        )
        out.append(_at(title, text, visit.start(), visit.end()))
        pregnancy = True
    if weeks and pregnancy and not any(c.startswith("Z3A") for c in known):
        n = int(next(g for g in weeks.groups() if g))
        out.append(_at(f"{n} weeks gestation of pregnancy", text, weeks.start(), weeks.end()))
    return out

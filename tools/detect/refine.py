"""Specificity: from the code a phrase names to the most specific billable code the
words around it support (laterality, type, acuity, stage, 7th-character encounter).

A candidate fits when every word its title requires is said in the clause (or is a
default: "closed" for a fracture, "initial encounter", the "without ..." state); among
fitting candidates the one that uses most of the note's words wins, then the one that
leaves fewest words to defaults, then the phrase's own code.
"""

from dataclasses import dataclass

from .catalogue import Catalogue

# Words a title may need that a note can leave unsaid: the classification's defaults
# (a fracture is closed and displaced unless stated, a first visit is the initial
# encounter) and filler that names no detail.
DEFAULTS = frozenset(
    [
        "without",
        "initial",
        "encounter",
        "closed",
        "routine",
        "healing",
        "displaced",
        "part",
        "site",
        "region",
        "ligament",
        "primary",
        "unilateral",
        "uncomplicated",
        "essential",
        "duration",
        "fascia",
        "tendon",
        "muscle",
        "intractable",
        "status",
        "migrainosus",
        "episode",
        "single",
        "end",
        "stage",
        "native",
        "pectoris",
        "side",
        "unspecified",
        "current",  # an injury code's tear is a current one (an old tear is M23.2-)
        "injury",
    ]
)
# The wider place to search for some terms (its category is not where its details live).
ROOTS: dict[str, str | tuple[str, ...]] = {
    "J32.9": ("J32", "J01"),
    "M19": "M15-M19",
    "F32": ("F32", "F33"),
    "F32.A": ("F32", "F33"),
    "F32.9": ("F32", "F33"),
    "I25.10": "I25.1",
    "M19.90": "M15-M19",
    "I82.409": "I82.4",
    "I82.401": "I82.4",
    "I82.402": "I82.4",
    "S06.0X0A": "S06.0",
    "H26.9": "H25-H28",
    "M21.619": "M21.6",
    "M77.10": "M77.1",
    "M75.00": "M75.0",
    "K80.20": "K80",
    "J11.1": "J09-J18",
    "J18.9": "J18",
    "K57.92": "K57",
    "I63.9": "I63",
    "C50.919": "C50",  # the quadrant or part named picks its code
    "G56.00": "G56.0",
    "H66.90": "H66",
    "L03.90": "L03",
    "M06.9": "M06",
    "I20.9": "I20",
    "I21.9": "I21",
}
# Words that a note implies when it says another (a leg is a lower limb).
IMPLIES = {
    "leg": ("lower", "limb", "extremity"),
    "arm": ("upper", "limb", "extremity"),
    "thigh": ("limb",),
    "foot": ("limb",),
    "hand": ("limb",),
    "palm": ("hand", "limb"),
    "norovirus": ("norwalk", "agent"),  # the tabular's name for it
    "lumbar": ("lower", "back"),  # a lumbar strain: the lower back's muscle
    "axillary": ("axilla",),
    "nocturia": ("lower", "urinary", "tract", "symptom"),  # BPH with LUTS (N40.1)
    "hesitancy": ("lower", "urinary", "tract", "symptom"),
    "luts": ("lower", "urinary", "tract", "symptom"),
    "eye": ("eye",),
    "ear": ("ear",),
    "heel": ("foot", "midfoot"),  # the tabular's site is "heel and midfoot"
    "bilateral": ("both",),
    "acl": ("anterior", "cruciate"),
    "wrist": ("upper", "limb"),
    "carpal": ("upper", "limb"),
    "elbow": ("upper", "limb"),
    "shoulder": ("upper", "limb"),
    "knee": ("lower", "limb"),
    "ankle": ("lower", "limb"),
    "hip": ("lower", "limb"),
    "calf": ("lower", "leg", "limb"),
    "shin": ("lower", "leg", "limb"),
    "colon": ("large", "intestine"),
    "sigmoid": ("large", "intestine", "colon"),
    "gestation": ("pregnancy",),
    "malleolus": ("fibula", "tibia"),
}
# What a site means when no injury code names the site itself: a fracture of the wrist,
# no bone named, is of the carpal bones (but a Colles fracture of the wrist is the radius).
FALLBACK = {"wrist": ("carpal", "bone")}
# Never taken from a heading: "other", and "fetus" (a fetus is numbered only when the
# note names it, in a multiple gestation).
NEVER_IMPLIED = frozenset(["other", "specified", "fetus"])


@dataclass(frozen=True)
class Choice:
    code: str
    alternatives: tuple[str, ...]
    used: frozenset[str]  # the note's words the code accounts for


def context_words(said: set[str]) -> set[str]:
    out = set(said)
    for word in said:
        out.update(IMPLIES.get(word, ()))
    return out


def refine(cat: Catalogue, anchor: str, said: set[str], near: set[str]) -> Choice:
    """The most specific billable code under the anchor's root that the words fit."""
    roots = _roots(cat, anchor)
    implied: set[str] = set()
    for root in roots:
        implied |= set(cat.entries[root].words) - NEVER_IMPLIED
    own = cat.entries[anchor]
    implied |= set(own.words - own.without) - NEVER_IMPLIED
    under = [code for root in roots for code in cat.billable_under(root)]
    if under:  # a word every candidate's title has tells none apart: never required
        implied |= frozenset.intersection(
            *(cat.entries[c].words - cat.entries[c].without for c in under)
        )
    heard = context_words(said)
    context = heard | implied
    # in the ear chapter a side said alone ("OM, right") is that ear
    defaults = DEFAULTS | ({"ear"} if "H60" <= anchor[:3] <= "H95" else set())
    plain = heard - defaults
    near = context_words(near)
    best: list[tuple[tuple[int, ...], str]] = []
    for position, code in enumerate(under):
        entry = cat.entries[code]
        needed = entry.words - entry.without
        if entry.without & heard - {"without"}:
            continue  # the title says "without" what the note says is there
        missing = needed - context
        if missing - defaults and code != anchor:
            continue
        used = (entry.words | entry.bonus) & plain
        both = int("bilateral" in used)  # said on both sides: not one side named later
        rank = (both, len(used & near), len(used), int(code == anchor), -len(missing), -position)
        best.append((rank, code))
    if not best:
        children = cat.billable_under(anchor)
        default = _default(cat, children)
        return Choice(
            default or anchor, tuple(c for c in children[:6] if c != default), frozenset()
        )
    best.sort(reverse=True)
    code = best[0][1]
    alternatives = tuple(c for _, c in best[1:6])
    entry = cat.entries[code]
    return Choice(code, alternatives, (entry.words | entry.bonus) & said)


def _roots(cat: Catalogue, anchor: str) -> list[str]:
    wider = ROOTS.get(anchor) or ROOTS.get(anchor[:3])
    if wider is None:
        wider = anchor if not cat.entries[anchor].billable else anchor[:3]
    roots = [wider] if isinstance(wider, str) else list(wider)
    return [r for r in roots if r in cat.entries] or [anchor]


def _default(cat: Catalogue, codes: list[str]) -> str | None:
    """The code for the unqualified term: the "unspecified" one, else the only one."""
    if len(codes) == 1:
        return codes[0]
    if codes and all(len(c) == 8 for c in codes):
        return next((c for c in codes if c.endswith("A")), codes[0])  # initial encounter
    plain = [c for c in codes if "unspecified" in cat.entries[c].title.lower()]
    if plain:
        return min(plain, key=lambda c: len(cat.entries[c].words))
    return None

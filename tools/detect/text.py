"""Words and clauses: how a note and a catalogue title are cut and normalised alike.

Both sides go through `words()`, so "Fracture of neck of left femur" and "left femoral
neck fracture" meet on the same word forms. Plurals fold to the singular and a few
adjective forms to their nouns; words in parentheses in a title are nonessential.
"""

import re
from dataclasses import dataclass

from .abbreviations import ABBREVIATIONS, CAPS_ONLY

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?(?:[-/.][A-Za-z0-9]+)*")
# Word forms that mean the same thing in a title and in a note.
SAME = {
    "femoral": "femur",
    "humeral": "humerus",
    "radial": "radius",
    "ulnar": "ulna",
    "tibial": "tibia",
    "fibular": "fibula",
    "patellar": "patella",
    "vertebral": "vertebra",
    "distal": "lower",
    "proximal": "upper",
    "renal": "kidney",
    "nephrolithiasis": "calculus kidney",
    "diabetic": "diabetes",
    "diabetis": "diabetes",
    "hypertensive": "hypertension",
    "asthmatic": "asthma",
    "asthmaticus": "asthmaticus",
    "gastro-esophageal": "gastroesophageal",
    "gastro-oesophageal": "gastroesophageal",
    "oesophageal": "esophageal",
    "bilaterally": "bilateral",
    "both": "bilateral",
    "rt": "right",
    "lt": "left",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "ii": "2",
    "iii": "3",
    "one": "1",
    "sprained": "sprain",
    "strained": "strain",
    "fractured": "fracture",
    "broken": "fracture",
    "lacerated": "laceration",
    "bruise": "contusion",
    "bruised": "contusion",
    "bruising": "contusion",
    "armpit": "axilla",
    "tumour": "tumor",
    "bleeding": "hemorrhage",
    "hypoxic": "hypoxia",  # "acute hypoxic respiratory failure"
    "hypercapnic": "hypercapnia",
    "flare": "exacerbation",  # "COPD flare", "asthma flare-up"
    "flare-up": "exacerbation",
    "hypoglycemic": "hypoglycemia",
    "hyperglycemic": "hyperglycemia",
    "eardrum": "ear drum",
    "hemiparesis": "hemiplegia",
    "hemiparetic": "hemiplegia",
    "right-handed": "right dominant",
    "left-handed": "left dominant",
    "single": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "ulcerative": "ulcerative",
    "pressure-induced": "pressure",
    "age-related": "age related",
    "non-st": "non st",
    "st-elevation": "st elevation",
    "open-angle": "open angle",
    "post-traumatic": "posttraumatic",
    "attention-deficit": "attention deficit",
    "community-acquired": "community acquired",
    "end-stage": "end stage",
    "type-2": "type 2",
    "type-1": "type 1",
    "second-degree": "second degree",
    "first-degree": "first degree",
    "third-degree": "third degree",
    "right-sided": "right",
    "left-sided": "left",
    "long-standing": "longstanding",
    "mild-to-moderate": "mild moderate",
    "hyperlipidaemia": "hyperlipidemia",
    "anaemia": "anemia",
    "oedema": "edema",
    "diarrhoea": "diarrhea",
    "haemorrhage": "hemorrhage",
}
# Words that never change which code a phrase means.
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "with",
        "w/",
        "w",
        "from",
        "into",
        "its",
        "his",
        "her",
        "their",
        "this",
        "that",
        "these",
        "those",
        "due",
    ]
)
# Words after a number that make it a count or an amount, not a detail of a condition.
_COUNTED_TEXT = (
    "time times x day days month months year years yr yrs hour hours hr hrs minute minutes "
    "min mins mg mcg ml cm mm unit units vial vials tablet tablets dose doses liter liters "
    "pack packs ppd daily weekly monthly"
)
COUNTED = frozenset(_COUNTED_TEXT.split())
# Things that break without a fracture ("cut on a broken glass").
THINGS = frozenset(
    ["glass", "bottle", "window", "plate", "mirror", "dish", "cup", "mug", "chair", "glasses"]
)
# A genus written as its initial before the species, as the tabular spells it.
GENERA = {
    ("e", "coli"): "escherichia",
    ("h", "pylori"): "helicobacter",
    ("s", "aureus"): "staphylococcus",
    ("k", "pneumoniae"): "klebsiella",
    ("p", "aeruginosa"): "pseudomonas",
    ("h", "influenzae"): "hemophilus",
    ("c", "difficile"): "clostridium",
}
SPLIT = re.compile(r"[-/.]")
NUMBER = re.compile(r"[\d./]+")
PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # and a bracketed short form: [E. coli]
KEEP_S = ("ss", "is", "us", "ys", "ous", "ics", "sis", "itis")


@dataclass(frozen=True)
class Word:
    norm: str
    start: int
    end: int


def fold(word: str) -> str:
    """One word's normal form: lower case, American spelling, singular."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = SAME.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(KEEP_S) and w.isalpha():
        w = w[:-1]
    return w


def expand(raw: str) -> str | None:
    """A coder's abbreviation spelled out; short ones only when written in capitals."""
    key = raw.lower().rstrip(".")
    if key not in ABBREVIATIONS and key.endswith("s") and raw[-2:-1].isupper():
        key = key[:-1]  # a plural: UTIs, DVTs
    if key in ABBREVIATIONS and (
        key not in CAPS_ONLY or (raw[:1].isupper() and raw[-1:].isupper())
    ):
        return ABBREVIATIONS[key]
    return None


def forms(raw: str) -> list[str]:
    """The folded word(s) one raw token stands for."""
    long = expand(raw)
    folded = " ".join(fold(w) for w in long.split()) if long else fold(raw)
    parts = folded.split() if " " in folded else [folded]
    if len(parts) == 1 and SPLIT.search(folded) and not NUMBER.fullmatch(folded):
        pieces = [expand(p) or fold(p) for p in SPLIT.split(folded) if p]
        parts = [p for piece in pieces for p in piece.split()]
    return parts


def words(text: str) -> list[Word]:
    """The text's words with their offsets; a folded form may be several words. A number
    that counts something ("three times weekly", "2 days", "40 mg") names no stage,
    type or grade, so it is left out."""
    out: list[Word] = []
    seen: dict[str, list[str]] = {}  # this call's own: nothing outlives it
    matches = list(WORD.finditer(text))
    for index, match in enumerate(matches):
        raw = match.group().rstrip(".")
        if (parts := seen.get(raw)) is None:
            parts = seen[raw] = forms(raw)
        following = matches[index + 1].group().lower() if index + 1 < len(matches) else ""
        if following in COUNTED and all(p.isdigit() for p in parts):
            continue
        if following in THINGS and raw.lower() == "broken":
            parts = ["broken"]  # "a broken glass" cut her: no bone is broken
        if (genus := GENERA.get((raw.lower(), following))) is not None:
            parts = [genus]  # "E. coli": Escherichia coli
        end = match.start() + len(raw)
        out.extend(Word(part, match.start(), end) for part in parts)
    return out


def title_words(
    title: str, memo: dict[str, list[str]] | None = None
) -> tuple[list[str], list[str]]:
    """A title's words, and the same without its nonessential (parenthesised) words.
    `memo` (the catalogue build's) keeps each comma-separated piece's folded words."""
    memo = {} if memo is None else memo
    full: list[str] = []
    bare: list[str] = []
    for piece in title.split(", "):
        if (known := memo.get(piece)) is None:
            known = memo[piece] = _norms(re.sub(r"[()\[\]]", " ", piece), memo)
            memo["\0" + piece] = _norms(PARENTHESES.sub(" ", piece), memo)
        full.extend(known)
        bare.extend(memo["\0" + piece])
    return full, bare


def _norms(text: str, memo: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for raw in WORD.findall(text):
        if (parts := memo.get("\1" + raw)) is None:
            parts = memo["\1" + raw] = forms(raw.rstrip("."))
        out.extend(parts)
    return out


def content(norms: list[str]) -> list[str]:
    return [w for w in norms if w not in STOP]

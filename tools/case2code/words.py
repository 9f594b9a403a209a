"""Words of a case and of a code's descriptor, brought to one form so they can be compared.

A light stemmer (plural, -ing, -ed, -ly endings, then the first six letters) is enough:
descriptors and cases share their vocabulary, and the few plain words coders write for a
descriptor's word are listed in PLAIN (ours, not copied from any index).
"""

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from codes.searchwords import EXPANSIONS

TOKEN = re.compile(r"x-rays?|w/o\b|i&d\b|[A-Za-z][A-Za-z'’]*|\d+(?:[.,]\d+)*", re.IGNORECASE)
IRREGULAR = {
    "drawn": "draw", "given": "give", "done": "do", "taken": "take", "x-rays": "xray",
    "x-ray": "xray", "incised": "incision", "incise": "incision",
    "biopsies": "biopsy", "was": "be", "is": "be", "are": "be", "were": "be",
}  # fmt: skip
# A plain word → the descriptor words it stands for (both sides are expanded alike).
PLAIN = {
    "intramuscular": "injection muscle",
    "intramuscularly": "injection muscle",
    "im": "injection muscle",
    "subcutaneous": "injection skin",
    "subcutaneously": "injection skin",
    "shot": "injection",  # a flu shot is a vaccine by its "flu"; a Depo-Provera shot is not
    "flu": "influenza",
    "ecg": "electrocardiogram",
    "ekg": "electrocardiogram",
    "echo": "echocardiogram",
    "cbc": "complete blood count",
    "cmp": "comprehensive metabolic panel",
    "ct": "computed tomography",
    "mri": "magnetic resonance",
    "egd": "esophagus stomach duodenum endoscopy",
    "esophagogastroduodenoscopy": "esophagus stomach duodenum endoscopy",
    "oesophagus": "esophagus",
    "colour": "color",
    "nebuliser": "nebulizer",
    "programme": "program",
    "haemodialysis": "hemodialysis",
    "caesarean": "cesarean",
    "laparoscopic": "laparoscope",
    "venipuncture": "blood vein draw",
    "phlebotomy": "blood vein draw",
    "pap": "papanicolaou",
    "transthoracic": "chest",
    "meniscectomy": "meniscus removal",
    "aluminium": "aluminum",
    "bls": "basic life support",
    "incision": "incision cut open",
    "medial": "medial inner",
    "lateral": "lateral outer",
    "miles": "mileage mile",
    "pa": "view",  # an x-ray's posteroanterior view ("CXR PA/lat": two views)
    "ap": "view",
    "lat": "lateral view",
    "ther": "therapeutic",  # "ther ex": therapeutic exercise
    "film": "xray",
    "w/o": "without",
    "i&d": "incision drainage",
    "articular": "joint arthro",  # intra-articular: into the joint (arthro-)
    "films": "xray",
}
# A word read with the one before it ("ther ex": therapeutic exercise).
PAIRS = {
    ("ther", "ex"): "exercise",
    **{
        (disease, "shot"): "vaccine"
        for disease in (
            "flu",
            "influenza",
            "tetanus",
            "pneumonia",
            "pneumococcal",
            "shingles",
            "covid",
            "hpv",
            "hepatitis",
            "booster",
            "tdap",
        )
    },
}
ABBREVIATED = frozenset(["ther"])  # a note's shorthand whose own letters name nothing
# A procedure word's ending → the descriptor words it implies (removal by cutting out).
ENDINGS = {"ectomy": "removal excision resection", "ectomies": "removal excision resection"}
_STOP_TEXT = (
    "a an and the of to in on at for with by from or as is are was were be been it its this "
    "that these those his her their he she they patient patients who which what when where "
    "there no not any all each per into onto over under up out than then also only both one about "
    "done performed given today day visit mg mcg g ml minute minutes hour hours through via "
    "using including during after before within"
)
STOP = frozenset(_STOP_TEXT.split())
DOUBLED = re.compile(r"([b-df-hj-kmnp-rtv-y])\1$")


@dataclass(frozen=True)
class Word:
    stem: str
    start: int
    end: int


def stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s").strip("'")
    word = IRREGULAR.get(word, word)
    endings = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("ly", ""), ("age", ""))
    for suffix, replacement in endings:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + replacement
            if suffix in ("ing", "ed") and DOUBLED.search(word):
                word = word[:-1]  # cutting → cut, trimmed → trim (not falling → fall)
            break
    else:
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
    return word[:6]


def words(
    text: str, offset: int = 0, keep_stop: bool = False, extra: dict[str, str] | None = None
) -> list[Word]:
    """Content words of `text` (plain words expanded, and by `extra` too), with offsets."""
    found: list[Word] = []
    previous = ""
    for match in TOKEN.finditer(text):
        raw, before, previous = match.group().lower(), previous, match.group().lower()
        if not keep_stop and (raw in STOP or raw[0].isdigit()):
            continue
        start, end = match.start() + offset, match.end() + offset
        # "w/o", "ther ex" only stand for their words; their letters name no descriptor
        short = "/" in raw or "&" in raw or raw in ABBREVIATED or (before, raw) == ("ther", "ex")
        parts = set() if short else {stem(raw)}
        meanings = (
            PLAIN.get(raw, ""),
            PAIRS.get((before, raw), ""),
            *EXPANSIONS.get(raw, ()),
            (extra or {}).get(raw, ""),
        )
        for meaning in meanings:
            parts.update(stem(part) for part in meaning.split() if part not in STOP)
        for ending, implied in ENDINGS.items():
            if raw.endswith(ending):
                parts.update(stem(part) for part in implied.split())
        found.extend(Word(part, start, end) for part in sorted(parts))
    return found


def stems(text: str, extra: dict[str, str] | None = None) -> set[str]:
    return {word.stem for word in words(text, extra=extra)}


@functools.lru_cache(maxsize=1)
def _frequencies(size: int) -> dict[str, int]:
    """How often each stem occurs in the searchable text of the catalogue (re-read when
    the vocabulary's size changes, after an import)."""
    from codes.models import SearchTerm

    counts: dict[str, int] = {}
    for word, frequency in SearchTerm.objects.values_list("word", "frequency").iterator():
        key = stem(word)
        counts[key] = counts.get(key, 0) + frequency
    return counts


def frequencies() -> dict[str, int]:
    from codes.models import SearchTerm

    return _frequencies(SearchTerm.objects.count())


def weigher() -> Callable[[str], float]:
    """A rare word says more about which code is meant than a common one."""
    counts = frequencies()
    return lambda word_stem: math.log(1 + 200_000 / (1 + counts.get(word_stem, 0)))


def plain_query(text: str, extra: dict[str, str] | None = None) -> str:
    """`text` with each plain word replaced by the descriptor words it stands for, so
    search looks for what descriptors say ("intramuscularly" → "injection muscle")."""
    table = PLAIN | (extra or {})
    return TOKEN.sub(lambda match: table.get(match.group().lower(), match.group()), text)

"""The order of word-search results: the code a coder would accept first.

Each candidate's score adds, with the reason for each weight:
- NAMED (200 + the name's weight): the whole query is a name of the code (an NOS
  inclusion term, an "unspecified" title, an Index default, a title or an inclusion
  term; see codes.searchaliases). It outranks text relevance, as the Index outranks
  a reading of the tabular.
- text relevance (bm25 / ts_rank_cd, 0-~20) minus the pass offset (-50 for a corrected
  spelling, -100 for some of the words), so all-words matches come before the rest;
- billable +4 and active +2 (inactive -20): a claim needs a billable, current code;
- all query words in the title +3, title coverage x 6, title starting as typed +2,
  and -1 per 25 characters of title: the closest, shortest title is the general term;
- "unspecified" or "without complication" in the title +1: a bare term's default;
- concepts the query did not ask for (newborn, pregnancy, postprocedural, sequela,
  subsequent encounter, drug-induced, "in diseases classified elsewhere", history,
  screening, pathological fracture, for dialysis …) -6 each: they narrow the term to
  another case;
- "other" (a residual code) -2 unless asked; type 1 diabetes -2 unless the query says
  "1": diabetes with no type stated is coded as type 2 (ICD-10-CM guideline I.C.4.a.2);
- laterality and encounter as asked: the side asked +3, another side -4, a side when
  none was asked -1; subsequent encounter -8 and sequela -10 unless asked, initial
  encounter +1; open fracture -2 unless asked;
- HCPCS quality-reporting codes (G8xxx, G9xxx, M1xxx) -6: they report measures, they
  are not the service or the condition a word names;
- CPT +4: a procedure named in words is looked up for CPT first (professional and
  outpatient claims); ICD-10-PCS, for inpatient facility claims, follows.
Text relevance is capped at 30: a rare word in a very short title scores bm25 past 90,
which would otherwise outweigh every rule above.
"""

import re
from dataclasses import dataclass

from .searchaliases import stem

NAMED = 200
MAX_RELEVANCE = 30  # bm25 of a rare word in a short title runs past 90: it must not decide alone
RELEVANCE_WEIGHT = 0.25  # tf differences among titles that hold every word are mostly noise
WORD = re.compile(r"[a-z0-9]+")

# Concepts a title can add to a term; each is a set of stems, any one of which says it.
CONCEPTS = [
    {"newborn", "neonatal", "perinatal", "fetus", "fetal", "birth"},
    {"pregnancy", "childbirth", "puerperium", "gestational", "trimester", "obstetric"},
    {"maternal", "previous"},
    {"due"},
    {"leakage", "breakdown", "displacement", "malfunction", "complication", "infection"},
    {"postprocedural", "intraoperative", "postoperative", "procedure"},
    {"sequela"},
    {"induced", "poisoning", "adverse", "underdosing"},
    {"elsewhere"},
    {"history"},
    {"screening"},
    {"pathological", "stress"},
    {"complicating"},
    {"congenital"},
    {"presence", "status"},
    {"contact", "exposure"},
    {"nonunion", "malunion"},
    {"recurrent"},
    {"family"},
    {"dialysis", "esrd"},
]
SIDES = {"left", "right", "bilateral"}
WITH = re.compile(r"\b(with(?:out)?) (?:an? |the )?([a-z]+)")
WITHOUT = re.compile(r"\bwithout (?:an? |the )?([a-z]+)")
QUALITY_CODES = re.compile(r"^(?:G8|G9|M1)\d{3}$")


@dataclass
class Candidate:
    system: str
    code: str
    title: str
    billable: bool
    active: bool
    relevance: float  # text relevance with the pass offset, or 0 when found by name only
    named: int  # the weight of the name the whole query matched, 0 if none


def score(candidate: Candidate, term_words: list[list[list[str]]], query: str = "") -> float:
    """The candidate's score for a query whose terms read as `term_words` (each term's
    alternative word lists); `query` is the text typed, for "with" and "without"."""
    title = candidate.title
    title_words = WORD.findall(title.lower())
    title_stems = {stem(w) for w in title_words}
    asked = {stem(w) for term in term_words for words in term for w in words}
    covered, all_in_title = set(), True
    for term in term_words:
        best = max(term, key=lambda words: sum(stem(w) in title_stems for w in words))
        hit = {stem(w) for w in best} & title_stems
        covered |= hit
        all_in_title &= len(hit) == len({stem(w) for w in best})
    coverage = len(covered) / max(len(title_stems), 1)
    typed = [w for words in (term[0] for term in term_words) for w in words]
    value = min(candidate.relevance, MAX_RELEVANCE) * RELEVANCE_WEIGHT
    if candidate.named:
        value += NAMED + candidate.named
    value += 4 if candidate.billable or candidate.system == "modifier" else 0
    value += 2 if candidate.active else -20
    value += 3 if all_in_title and term_words else 0
    value += 6 * coverage
    value += 2 if typed and title_words[: len(typed)] == typed else 0
    value -= len(title) / 25
    lowered = title.lower()
    extras = _with_without(asked, lowered, query.lower())
    value += extras
    if (
        extras >= 0
        and "unspecified" not in asked
        and ("unspecified" in title_stems or "without complication" in lowered)
    ):
        value += 2  # unspecified about the term itself, not about a "with" it adds
    for concept in CONCEPTS:
        if concept & title_stems and not concept & asked:
            value -= 6
    if "other" in title_stems and "other" not in asked:
        value -= 2  # "other specified": a residual code, never the default of a bare term
    if "type 1 diabetes" in lowered and "1" not in asked:
        value -= 2  # diabetes with no type stated is coded as type 2 (ICD-10-CM guideline)
    value += _sides(asked, title_stems)
    value += _encounter(asked, lowered)
    if candidate.system == "hcpcs" and QUALITY_CODES.match(candidate.code):
        value -= 6
    if candidate.system == "cpt":
        value += 4
    return value


def _with_without(asked: set[str], title: str, query: str) -> float:
    """A title's "with X" / "without X" against the query: X asked for and the title
    says without it -3; the query says "without X" and the title has it -3 (or +2 when
    the title agrees); X not mentioned: without +1, with -1 (the default lacks it)."""
    value = 0.0
    refused = {stem(w) for w in WITHOUT.findall(query)}
    for connective, word in WITH.findall(title):
        said = stem(word)
        if connective == "without":
            value += 2 if said in refused else -3 if said in asked else 1
        else:
            value += -3 if said in refused else 0 if said in asked else -1
    return value


def _sides(asked: set[str], title_stems: set[str]) -> float:
    wanted = asked & SIDES
    shown = title_stems & SIDES
    if not shown:
        return 0
    if not wanted:
        return -1
    return 3 if shown & wanted else -4


def _encounter(asked: set[str], title: str) -> float:
    value = 0.0
    if "subsequent encounter" in title and "subsequent" not in asked:
        value -= 8
    if "initial encounter" in title:
        value += 1
    if "open fracture" in title and "open" not in asked:
        value -= 2
    return value

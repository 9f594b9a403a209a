"""Finding the words that name a condition: misspellings read as the catalogue word
one edit away, the longest catalogue or lexicon phrase at each word within a clause,
injuries named by kind and site in any order, and cancers named before their site.
"""

from dataclasses import dataclass

from .catalogue import HEADING, HEADS, LEXICON, Catalogue
from .lexicon import MIN_TYPO_LENGTH
from .refine import DEFAULTS, FALLBACK, context_words
from .text import STOP, Word

NEGATORS = frozenset(["no", "without", "not"])
# Words that name no condition on their own: a phrase of only these is not a finding.
NOT_ALONE = frozenset(
    [
        "disease",
        "disorder",
        "syndrome",
        "pain",
        "infection",
        "other",
        "injury",
        "wound",
        "trauma",
        "falling",
        "fall",
        "counseling",
        "problem",
        "history",
        "status",
        "allergy",
        *HEADS,
    ]
)


@dataclass
class Match:
    first: int  # index of the first word
    last: int  # index of the last word
    anchor: str
    source: int
    corrected: bool


def correct(cat: Catalogue, ws: list[Word]) -> set[int]:
    """Read a long word within one edit of a catalogue word as that word."""
    fixed: set[int] = set()
    for i, w in enumerate(ws):
        norm = w.norm
        if norm in cat.vocabulary or len(norm) < MIN_TYPO_LENGTH - 1 or not norm.isalpha():
            continue
        options = set()
        if norm in cat.deletions:
            options.add(cat.deletions[norm])
        for j in range(len(norm)):
            shorter = norm[:j] + norm[j + 1 :]
            if shorter in cat.vocabulary and len(shorter) >= MIN_TYPO_LENGTH:
                options.add(shorter)
            other = cat.deletions.get(shorter)
            if other and len(other) == len(norm) and one_apart(other, norm):
                options.add(other)
        if options:
            ws[i] = Word(sorted(options)[0], w.start, w.end)
            fixed.add(i)
    return fixed


def one_apart(a: str, b: str) -> bool:
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def phrases(
    cat: Catalogue, text: str, ws: list[Word], home: list[int], corrected: set[int]
) -> list[Match]:
    """Longest phrases first, left to right, never across a clause."""
    out: list[Match] = []
    keys = [i for i, w in enumerate(ws) if w.norm not in STOP]
    n = 0
    while n < len(keys):
        i = keys[n]
        longest = cat.first_words.get(ws[i].norm, 0)
        found = None
        for length in range(min(longest, len(keys) - n), 0, -1):
            span = keys[n : n + length]
            if home[span[-1]] != home[i] or span[-1] - span[0] > length * 2 + 1:
                continue
            if length > 1 and "," in text[ws[span[0]].end : ws[span[-1]].start]:
                continue  # a list ("fever, chills") is not one phrase
            phrase = tuple(ws[k].norm for k in span)
            if phrase in cat.phrases and not set(phrase) <= NOT_ALONE and _wordy(phrase):
                found = (span, cat.phrases[phrase])
                break
        if found is None:
            n += 1
            continue
        span, options = found
        source, anchor = min(options, key=lambda o: (o[0], not cat.entries[o[1]].billable, o[1]))
        out.append(Match(span[0], span[-1], anchor, source, bool(corrected & set(span))))
        n += len(span)
    return out


def _wordy(phrase: tuple[str, ...]) -> bool:
    """A phrase names a condition only with a word in it ("16" alone does not)."""
    return any(len(w) >= 3 and w[:1].isalpha() for w in phrase)


def overlap(a: Match, b: Match) -> bool:
    return a.first <= b.last and b.first <= a.last


def injuries(cat: Catalogue, ws: list[Word], home: list[int]) -> list[Match]:
    """An injury named by its kind and its site in any order ("closed fracture of the
    distal right radius"): the injury code whose title words the clause says most of."""
    out: list[Match] = []
    for i, w in enumerate(ws):
        if w.norm not in cat.injuries or (i and ws[i - 1].norm == "old"):
            continue  # an old tear is a derangement (M23.2-), not a current injury
        members = [k for k in range(max(0, i - 10), min(len(ws), i + 11)) if home[k] == home[i]]
        # words denied after the injury ("laceration (no foreign body)") are not its words
        denied = {
            ws[k].norm
            for k in members
            if k > i and any(ws[j].norm in NEGATORS for j in range(max(i + 1, k - 3), k))
        }
        said = {ws[k].norm for k in members} - STOP - denied
        context = context_words(said) | ({"without"} if denied else set())
        best, source = _best_injury(cat, w.norm, context), LEXICON
        wider = context | {part for word in said for part in FALLBACK.get(word, ())}
        if (best is None or best[0][0] < 2) and wider != context:
            # "fracture of the wrist": the carpal bones, unless a title named it (Colles)
            best, source = _best_injury(cat, w.norm, wider), HEADING
        if best is None or best[0][0] < 2:
            continue
        words_of = cat.entries[best[1]].words
        used = [k for k in members if ws[k].norm in words_of or k == i]
        out.append(Match(min(used), max(used), best[1], source, False))
    return out


def _best_injury(
    cat: Catalogue, head: str, context: set[str]
) -> tuple[tuple[int, int, int], str] | None:
    """The injury code of this kind whose title the context says most of."""
    best: tuple[tuple[int, int, int], str] | None = None
    for position, code in enumerate(cat.injuries[head]):
        entry = cat.entries[code]
        if (entry.words - entry.without - DEFAULTS) - context:
            continue
        rank = (len(entry.words & context), -len(entry.words - context), -position)
        if best is None or rank > best[0]:
            best = (rank, code)
    return best


# A neoplasm named before its site ("carcinoma of the prostate", "malignant tumour of the
# left lower lobe of the lung") reads as our lexicon's "<site> cancer"; a tumour or a
# neoplasm only when said to be malignant.
NEOPLASMS = frozenset(["cancer", "carcinoma", "adenocarcinoma", "malignancy", "tumor", "neoplasm"])
MALIGNANT_ONLY = frozenset(["tumor", "neoplasm"])


def neoplasms(cat: Catalogue, ws: list[Word], home: list[int]) -> list[Match]:
    """ "<neoplasm> of|in ... <site>" within a clause, anchored on "<site> cancer"."""
    out: list[Match] = []
    for i, w in enumerate(ws):
        if w.norm not in NEOPLASMS or i + 1 >= len(ws) or ws[i + 1].norm not in ("of", "in"):
            continue
        first = i - 1 if i and ws[i - 1].norm == "malignant" else i
        if w.norm in MALIGNANT_ONLY and first == i:
            continue
        for k in range(i + 2, min(len(ws), i + 10)):
            if home[k] != home[i]:
                break
            options = cat.phrases.get((ws[k].norm, "cancer"), [])
            anchor = next((code for source, code in options if source == LEXICON), None)
            if anchor:
                out.append(Match(first, k, anchor, LEXICON, False))
                break
    return out

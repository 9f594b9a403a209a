"""Words search treats specially: the coder vocabulary as expansions, and stop words.

Each entry maps what a coder types to what the official descriptors say
(`codes.vocabulary`). A query word matches either itself or one of its meanings (all of
that meaning's words).
"""

from . import vocabulary


def _expansions() -> dict[str, tuple[str, ...]]:
    """Every vocabulary entry as key -> meanings; abbreviations first, then lay words,
    brand names and procedure words (a key in several tables keeps every meaning)."""
    merged: dict[str, list[str]] = {}
    tables: list[dict] = [
        vocabulary.ABBREVIATIONS,
        vocabulary.LAY_TERMS,
        vocabulary.BRANDS,
        vocabulary.PROCEDURE_WORDS,
        vocabulary.ANATOMY,
    ]
    for table in tables:
        for typed, meaning in table.items():
            meanings = (meaning,) if isinstance(meaning, str) else meaning
            found = merged.setdefault(typed, [])
            found += [m for m in meanings if m != typed and m not in found]
    return {typed: tuple(meanings) for typed, meanings in merged.items() if meanings}


EXPANSIONS = _expansions()
LONGEST = max(len(key.split()) for key in EXPANSIONS)  # words in the longest phrase key

# Words that carry no meaning in a code search. A query of only these finds nothing.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "without",
    ]
)

"""A word query as search reads it: terms, the vocabulary's meanings, and name keys.

The query becomes terms (stop words dropped, quoted phrases kept, phrases the vocabulary
knows joined: "heart attack", "total knee arthroplasty"). Each term stands for its typed
words or any meaning the vocabulary gives it, followed one more step (lap ->
laparoscopic -> percutaneous endoscopic). `name_keys()` lists the whole-term keys of
every reading, looked up in SearchName to find the code a bare term means.
"""

import itertools
import re
from dataclasses import dataclass, field

from . import searchwords
from .searchaliases import key

TOKEN = re.compile(r'"[^"]*"|[^\s"]+')
WORD = re.compile(r"[a-z0-9]+")
MAX_READINGS = 24  # whole-query readings looked up as names, at most


@dataclass
class Term:
    """One query word (or quoted phrase) and the word groups that may stand for it."""

    alternatives: list[list[str]]
    prefix: bool = False
    phrase: bool = False


@dataclass
class WordQuery:
    terms: list[Term] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [w for term in self.terms for w in term.alternatives[0]]


def parse_words(query: str) -> WordQuery:
    """Tokens -> terms: quoted phrases kept whole, stop words dropped, meanings added."""
    parsed = WordQuery()
    tokens = join_phrases(TOKEN.findall(query.lower()))
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1 and not query.endswith((" ", '"'))
        if token.startswith('"'):
            words = WORD.findall(token)
            if words:
                parsed.terms.append(Term([words], phrase=True))
            continue
        words = WORD.findall(token)
        if not words or all(word in searchwords.STOP_WORDS for word in words):
            continue
        alternatives = expand(token, words)
        prefix = last and len(alternatives) == 1 and len(words[-1]) >= 2
        parsed.terms.append(Term(alternatives, prefix=prefix))
    return parsed


def join_phrases(tokens: list[str]) -> list[str]:
    """Words the vocabulary knows together ("heart attack") become one token."""
    joined, index = [], 0
    while index < len(tokens):
        for size in range(min(searchwords.LONGEST, len(tokens) - index), 1, -1):
            phrase = " ".join(tokens[index : index + size])
            if phrase in searchwords.EXPANSIONS:
                joined.append(phrase)
                index += size
                break
        else:
            joined.append(tokens[index])
            index += 1
    return joined


def expand(token: str, words: list[str]) -> list[list[str]]:
    """The typed words, then each meaning, then the meanings of those (two steps:
    lap -> laparoscopic -> percutaneous endoscopic)."""
    alternatives = [words]
    step = [token.strip(".,;:"), " ".join(words)]
    for _step in range(2):
        found = []
        for typed in step:
            for meaning in searchwords.EXPANSIONS.get(typed, ()):
                meant = [w for w in WORD.findall(meaning) if w not in searchwords.STOP_WORDS]
                if meant and meant not in alternatives:
                    alternatives.append(meant)
                    found.append(meaning)
        step = found
    return alternatives


def readings(parsed: WordQuery) -> list[list[str]]:
    """Whole-query word lists, one per choice of meaning for each term (at most 24)."""
    choices = [term.alternatives for term in parsed.terms]
    return [
        [word for words in combination for word in words]
        for combination in itertools.islice(itertools.product(*choices), MAX_READINGS)
    ]


def name_keys(parsed: WordQuery, query: str = "") -> list[str]:
    """The name keys of every reading (see codes.searchaliases.key); a "without" typed
    in `query` stays in the key, as it does in the names."""
    keys = []
    negated = ["without"] if "without" in WORD.findall(query.lower()) else []
    for words in readings(parsed):
        found = key(words + negated)
        if found and found not in keys:
            keys.append(found)
    return keys

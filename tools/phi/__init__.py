"""RedactPHI: find the 18 Safe Harbor identifiers in clinical text and replace them.

`redact(text, style, known_codes)` is the one entry point the views call. The engine
(`engine.get()`) loads once per process; everything here is plain Python, so the
evaluation bench and the tests call it as the website does.
"""

import random
import secrets
from collections import Counter
from dataclasses import dataclass

from . import engine
from .categories import MEANINGS, Category, Finding, Meaning
from .context import code_shaped
from .surrogates import Style, replace

__all__ = [
    "MEANINGS",
    "Category",
    "Finding",
    "Meaning",
    "Redaction",
    "Span",
    "Style",
    "code_shaped",
    "redact",
]


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the submitted text
    end: int
    category: Category
    score: float
    replacement: str  # what stands in its place in `Redaction.redacted`


@dataclass(frozen=True)
class Redaction:
    redacted: str
    spans: list[Span]
    gaps: list[str]  # the text kept before each span, then after the last one

    def counts(self) -> dict[Category, int]:
        """Findings per category, in the value set's order."""
        found = Counter(span.category for span in self.spans)
        return {category: found[category] for category in Category if found[category]}

    def pieces(self) -> list[tuple[str, Category | None]]:
        """The redacted text as (text, category) runs, for highlighting."""
        out: list[tuple[str, Category | None]] = []
        for gap, span in zip(self.gaps, self.spans, strict=False):
            out += [(gap, None), (span.replacement, span.category)]
        out.append((self.gaps[-1], None))
        return [(text, category) for text, category in out if text]


def redact(
    text: str,
    style: Style | str = Style.TAGS,
    known_codes: frozenset[str] | set[str] = frozenset(),
    model: str | None = None,
) -> Redaction:
    """Find PHI in `text` and replace it in the chosen style. `known_codes` are the
    catalogue codes among `code_shaped(text)`: never PHI."""
    style = Style(style)
    found = engine.get(model or engine.MODELS[0]).find(text, known_codes.__contains__)
    rng = random.Random(secrets.randbits(64))  # noqa: S311 - fakes, not secrets
    replacements = replace(text, found, style, rng)
    gaps: list[str] = []
    spans: list[Span] = []
    position = 0
    for finding, replacement in zip(found, replacements, strict=True):
        gaps.append(text[position : finding.start])
        spans.append(
            Span(finding.start, finding.end, finding.category, round(finding.score, 2), replacement)
        )
        position = finding.end
    gaps.append(text[position:])
    redacted = "".join(gap + span.replacement for gap, span in zip(gaps, spans, strict=False))
    return Redaction(redacted + gaps[-1], spans, gaps)

"""CasePilot: short coding questions answered from our own catalogue, with citations.

`answer(question, history)` → an `Answer`: a short sentence, the facts, citations to
our pages (with the block's anchor) and the release each fact came from, or "I can't
answer that from our data" with the nearest searches. No model and no network are
needed; `llm.rephrase()` is an optional layer that may only reword the facts.
"""

from .answer import CANNOT, Answer, Citation, Fact
from .route import answer

__all__ = ["CANNOT", "Answer", "Citation", "Fact", "answer"]

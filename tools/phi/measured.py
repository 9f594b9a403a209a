"""RedactPHI's figures on our evaluation set, as the tool page shows them.

Measured by `bench/redact.py` over all 60 annotated notes (dev and held out) with the
default model; `tests/test_redact_eval.py` fails if the engine now does worse than
these figures say, so the page never claims more than the tool does.
"""

NOTES = 60
SPANS = 1322
RECALL = 0.0  # share of gold PHI spans fully covered
PRECISION = 0.0  # share of predicted spans that are mostly PHI

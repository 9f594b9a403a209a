"""RedactPHI's figures on our evaluation set, as the tool page shows them.

Measured by `bench/redact.py` over all 60 annotated notes (dev and held out) with the
default model; `tests/test_redact_eval.py` fails if the engine now does worse than
these figures say, so the page never claims more than the tool does.
"""

NOTES = 60
SPANS = 1322
RECALL = 0.979  # share of gold PHI spans fully covered (dev 0.997, held out 0.938)
PRECISION = 0.984  # share of predicted spans that are mostly PHI (dev 0.996, held out 0.957)

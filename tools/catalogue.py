"""The catalogue's part in redaction: which code-shaped tokens of a text are our codes.

One query per text, whatever its length; the engine gets a plain set back and stays
free of Django.
"""

from codes.models import Code
from tools.phi import code_shaped

MAX_CANDIDATES = 2000  # a 50,000-character text holds far fewer code-shaped tokens


def known_codes(text: str) -> frozenset[str]:
    candidates = sorted(code_shaped(text))[:MAX_CANDIDATES]
    if not candidates:
        return frozenset()
    return frozenset(Code.objects.filter(code__in=candidates).values_list("code", flat=True))

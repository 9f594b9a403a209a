"""Turn ICD-10-CM codes written inside note text into links to their pages.

"gestational diabetes (O24.4-)" links O24.4; "(N18.1-N18.6)" links both ends;
"(P70-P74)" links the block P70-P74 when it exists. Only codes that exist are
linked: the caller passes the set found with one query over all notes of a page.
"""

import re
from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .formats import System

_CODE = r"[A-Z](?:\d[0-9A-Z]|[A-Z]\d)(?:\.[0-9A-Z]{1,4})?"
# A code, or a range of two ("P10-P15", "N18.1-N18.6"), with the trailing dash the
# tabular writes after a code that has subdivisions ("O24.4-").
TOKEN = re.compile(rf"\b({_CODE})(?:-({_CODE}))?(?:\.?-)?")


def candidates(texts: Iterable[str]) -> set[str]:
    """Every code or block range a set of note texts mentions."""
    found = set()
    for text in texts:
        for match in TOKEN.finditer(text):
            first, last = match[1], match[2]
            found.add(first)
            if last:
                found.update({last, f"{first}-{last}"})
    return found


def link_codes(text: str, existing: set[str]) -> SafeString:
    """Escaped `text` with each existing code (or block range) made a link."""
    parts, start = [], 0
    for match in TOKEN.finditer(text):
        first, last = match[1], match[2]
        block = f"{first}-{last}" if last else None
        if block in existing:
            parts += [escape(text[start : match.start()]), _link(block, match[0])]
            start = match.end()
            continue
        for group in (1, 2):
            code = match[group]
            if code and code in existing:
                parts += [escape(text[start : match.start(group)]), _link(code, code)]
                start = match.end(group)
    parts.append(escape(text[start:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (every part escaped)


def _link(code: str, label: str) -> str:
    url = reverse("codes:detail", kwargs={"system": System.ICD10CM, "code": code})
    return format_html('<a href="{}">{}</a>', url, label)

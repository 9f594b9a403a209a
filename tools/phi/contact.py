"""Ways to reach someone: phone and fax numbers, email and web addresses.

Presidio's phone recognizer (Google's phonenumbers) finds numbers in many national
formats; the patterns here add the North American forms with extensions and pagers it
skips, and emails and URLs on any domain (Presidio checks the domain against the
public-suffix list, which would reject our own test domains and needs a download).
A number is a fax when the nearest label before it on its line says so.
"""

import re
from collections.abc import Iterator

from .categories import Category, Finding

_PHONE = re.compile(
    r"(?<![\w/.-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}"
    r"(?:[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,5})?(?![\w/-])"
    r"|(?<![\w/.-])(?:ext\.?|x)[ \t]*\d{3,5}\b(?=[ \t]*\)?[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
_INTERNATIONAL = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[ .-]?(?:\(0\)[ ]?)?\d{1,4}(?:[ .-]?\d{2,4}){2,4}"
    r"|\(0\d{1,4}\)[ ]?\d{3,4}[ ]?\d{3,4}|0\d{1,4}[ ]\d{3,4}[ ]\d{3,4}"
    # A British number in two groups: 01632 960418, 07700 900613.
    r"|0\d{3,4}[ ]\d{6})(?![\w/-])"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_TLD = r"(?:com|org|net|edu|gov|mil|int|info|biz|health|io|co|us|ca|uk|au|ie|nz|example|app)"
_URL = re.compile(
    rf"\b(?:https?://|www\.)[^\s<>\"']+|\b(?:[a-z0-9-]+\.)+{_TLD}(?:\.[a-z]{{2}})?/[^\s<>\"']*",
    re.IGNORECASE,
)
_BARE_DOMAIN = re.compile(
    rf"(?<![@\w.-])(?:[a-z0-9-]+\.)+{_TLD}(?:\.[a-z]{{2}})?\b(?![@\w-])", re.IGNORECASE
)
_FAX = re.compile(r"\bfax\b|\bF\s*:|\bfacsimile\b", re.IGNORECASE)
_PHONE_LABEL = re.compile(
    r"\b(?:tel|phone|ph|cell|mobile|mob|home|work|pager|pgr|call|CB|contact|direct|"
    r"office|main|line|text|SMS|T)\b",
    re.IGNORECASE,
)


_LOCAL = re.compile(
    r"\b(?:tel|phone|ph|cell|mobile|home|work|pager|pgr|call(?:ed)?|CB|ext|line|desk|station)"
    r"\b[.:#]?[ \t]*(?:at[ \t]+)?(?P<number>\d{3}[-.]\d{4})\b"
    # A seven-digit number a sentence calls a number: "her number on the sheet (555-0190)".
    r"|\b(?:number|phone|reach(?:ed)?|call|text)\b[^\n\d]{0,30}?(?<![\d-])"
    r"(?P<near>\d{3}-\d{4})(?![\d-])"
    # A pager or extension of four or five digits: "Pager 4471".
    r"|\b(?:pager|pgr|beeper|ext\.?|extension)[.:#]?[ \t]*(?P<short>\d{4,5})\b",
    re.IGNORECASE,
)


def phones(text: str) -> Iterator[Finding]:
    for match in _LOCAL.finditer(text):
        group = next(name for name in ("number", "near", "short") if match.group(name))
        yield Finding(match.start(group), match.end(group), Category.PHONE, 0.7)
    for pattern in (_PHONE, _INTERNATIONAL):
        for match in pattern.finditer(text):
            if sum(ch.isdigit() for ch in match.group()) < 9 and "x" not in match.group().lower():
                continue
            yield Finding(match.start(), match.end(), Category.PHONE, 0.75)


def web(text: str) -> Iterator[Finding]:
    emails = [Finding(m.start(), m.end(), Category.EMAIL, 0.95) for m in _EMAIL.finditer(text)]
    yield from emails
    for pattern in (_URL, _BARE_DOMAIN):
        for match in pattern.finditer(text):
            end = match.start() + len(match.group().rstrip(".,;:)]"))
            url = Finding(match.start(), end, Category.URL, 0.9)
            if not any(url.overlaps(email) for email in emails):
                yield url


def is_fax(text: str, start: int) -> bool:
    """The label nearest before a number on its line is a fax label."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    fax = [m.end() for m in _FAX.finditer(before)]
    if not fax:
        return False
    phone = [m.end() for m in _PHONE_LABEL.finditer(before)]
    digits = [i for i, ch in enumerate(before) if ch.isdigit()]
    # No other number between the fax label and this one.
    return (not phone or fax[-1] > phone[-1]) and not [d for d in digits if d >= fax[-1]]

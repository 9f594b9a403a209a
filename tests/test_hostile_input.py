"""Hostile input never makes a server error: generated queries, codes, paths and pages.

2,000+ inputs built from the things that break search boxes and URL routing (full-text
syntax, SQL and LIKE metacharacters, NUL and control characters, invalid
percent-encodings, right-to-left marks, emoji and combining marks, 10 kB strings, path
tricks), sent to search, suggestions, every code URL pattern and every paginated list.
The generator is seeded, so a failure names an input that can be replayed.
"""

import random
from urllib.parse import quote

import pytest

FRAGMENTS = [
    # full-text query syntax (FTS5, tsquery)
    '"',
    '""',
    '"unterminated',
    "*",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND",
    "OR",
    "NOT",
    "^",
    ":",
    "title:",
    "terms:*",
    "(",
    ")",
    "{",
    "}",
    "-",
    "+",
    "!",
    "&",
    "|",
    "<->",
    ":*",
    "a & | b",
    # SQL and LIKE metacharacters
    "'",
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    ";",
    "/*",
    "*/",
    "DROP TABLE codes_code;",
    "%%",
    "\\%",
    # NUL and control characters
    "\x00",
    "\x01",
    "\x08",
    "\x1b[31m",
    "\x7f",
    "\r\n",
    "\t",
    # right-to-left, zero-width, emoji, combining marks, other scripts
    "\u202e",
    "\u200f",
    "\u200b",
    "\ufeff",
    "😀",
    "🧬",
    "e\u0301",
    "a\u0336\u0337\u0338",
    "مرحبا",
    "糖尿病",
    "Ω",
    "ǅ",
    "\ud7ff",
    # path tricks
    "..",
    "../",
    "..%2F",
    "%2e%2e",
    "//",
    "./",
    ".",
    "...",
    "~",
    "\\..\\",
    "%00",
    # code-shaped pieces
    "E11.9",
    "e119",
    "0DTJ4ZZ",
    "E11.*",
    "99202-99205",
    "A-",
    "..9",
    "E11..9",
    "G0008",
    "97546",
    "GP",
    "S72.001A",
    "Z",
    "0",
    "-1",
    "99999999999999999999",
]
BAD_ESCAPES = ["%", "%Z", "%ZZ", "%C3%28", "%FF", "%ED%A0%80", "%E2%82", "%%41", "%u0041"]
SYSTEMS = ["cpt", "hcpcs", "icd10cm", "icd10pcs", "modifiers"]
GROUPS = ["/cpt/group/medicine/", "/hcpcs/group/J/", "/cpt/group/surgery/"]


def words(rng: random.Random) -> str:
    parts = rng.choices(FRAGMENTS, k=rng.randint(1, 4))
    if rng.random() < 0.05:
        parts.append(rng.choice(FRAGMENTS) * 2500)  # about 10 kB
    if rng.random() < 0.3:
        parts.append("".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 8))))
    return rng.choice(["", " "]).join(parts)


def requests(count: int, seed: int = 2026):
    """Paths carrying each input where it is most hostile."""
    rng = random.Random(seed)  # noqa: S311 (reproducible inputs, not secrets)
    for number in range(count):
        value = words(rng)
        raw = value.replace(" ", "+") + rng.choice(["", *BAD_ESCAPES])
        kind = number % 8
        if kind == 0:
            yield f"/search/?q={quote(value, safe='')}"
        elif kind == 1:
            yield f"/api/suggest?q={quote(value, safe='')}"
        elif kind == 2:
            yield f"/search/?q={raw}&page={rng.choice(['2', '-1', 'x', '9' * 30, raw])}"
        elif kind == 3:
            yield f"/api/suggest?q={raw}"
        elif kind == 4:
            system = rng.choice(SYSTEMS)
            slash = rng.choice(["/", ""])
            yield f"/{system}/{quote(value[:40], safe='.-')}{slash}"
        elif kind == 5:
            system = rng.choice(SYSTEMS)
            yield f"/{system}/{raw[:40]}/"
        elif kind == 6:
            page = rng.choice(["2", "0", "-3", "x", "9" * 30, raw[:40], quote(value[:40])])
            yield f"{rng.choice(GROUPS)}?page={page}"
        else:
            page = rng.choice(["2", "0", "x", raw[:20], "9" * 30])
            section = rng.choice([*SYSTEMS[:4], "modifier", raw[:20]])
            yield rng.choice([f"/sitemap.xml?p={page}", f"/sitemap-{section}.xml?p={page}"])


@pytest.mark.django_db
def test_two_thousand_hostile_inputs_never_make_a_server_error(client, sample, icd):
    failures = []
    paths = list(dict.fromkeys(requests(2600)))
    assert len(set(paths)) >= 2000
    for path in paths:
        response = client.get(path)
        if response.status_code >= 500:
            failures.append((response.status_code, path[:200]))
    assert not failures, failures[:10]


@pytest.mark.parametrize(
    "path",
    ["/cpt/.../", "/hcpcs/../", "/icd10pcs/%2E%2E/", "/modifiers/./", "/cpt/-/", "/icd10cm/.-./"],
)
def test_codes_that_normalise_to_nothing_are_not_found(client, db, path):
    assert client.get(path).status_code == 404

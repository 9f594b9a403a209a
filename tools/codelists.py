"""Saved code lists: a member keeps a checked claim's codes to check again later.

Only codes the catalogue holds are kept, written back as "97546 x2 GP" lines: words
pasted with the codes (a case, a name, a record number) never reach the database.
"""

from datetime import date

from django.contrib.auth.models import User

from codes.formats import normalize
from codes.models import Code

from . import claims
from .models import SavedCodeList

MAX_LISTS = 100  # per member: a working set, not an archive


def as_text(lines: list[claims.Line]) -> str:
    """The lines as a coder types them, one code a line."""
    return "\n".join(" ".join([li.code, f"x{li.units}", *li.modifiers]) for li in lines)


def codes_only(text: str) -> list[claims.Line]:
    """The lines of `text` whose code the catalogue holds, in one query; anything else
    ("Jane", an MRN) is dropped, however code-shaped."""
    lines = claims.parse(text)
    forms = {(li, system, normalize(system, li.code)) for li in lines for system in li.systems}
    held = set(
        Code.objects.filter(code__in={code for _, _, code in forms}).values_list("system", "code")
    )
    kept = {li for li, system, code in forms if (system, code) in held}
    return [li for li in lines if li in kept]


def save(user: User, name: str, text: str, day: date, setting: str) -> SavedCodeList | str:
    """The saved list, or why it cannot be saved."""
    lines = codes_only(text)
    if not lines:
        return "There are no codes to save."
    if setting not in claims.SETTINGS:
        return "Choose a setting: practitioner or outpatient."
    if SavedCodeList.objects.filter(user=user).count() >= MAX_LISTS:
        return f"You have {MAX_LISTS} saved lists: delete one to save another."
    return SavedCodeList.objects.create(
        user=user,
        name=name.strip()[:80] or "Code list",
        codes=as_text(lines),
        date_of_service=day,
        setting=setting,
    )

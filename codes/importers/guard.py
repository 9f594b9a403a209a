"""The deletion guard: a release that leaves out a large share of what is stored is far
more often a damaged file (cut short, the wrong file) than a real release."""

DELETION_GUARD = 0.02
"""The largest share of a code set's active codes (or of a table's stored rows) a release
may remove by leaving them out, unless the operator gives --allow-deletions. Real
updates stay well below it: ICD-10-CM FY2026 removed 28 of 74,260 billable codes."""


class TooManyDeletions(Exception):
    """The release would remove more than DELETION_GUARD of what it speaks for."""


def check_deletions(release: str, what: str, removed: int, stored: int, allowed: bool) -> None:
    """Raise TooManyDeletions when `removed` of `stored` is over the guard and not allowed."""
    if allowed or not stored or removed <= stored * DELETION_GUARD:
        return
    share = removed / stored
    raise TooManyDeletions(
        f"{release} would remove {removed:,} of the {stored:,} {what} stored ({share:.0%}); "
        f"a release normally removes under {DELETION_GUARD:.0%}, so the file may be cut short "
        "or the wrong one. Give --allow-deletions to accept it"
    )

"""Limits every text tool shares: how much text, and how many runs a day per visitor.

Counts live in the database (RunCount, incremented by one atomic UPDATE), so every app
server counts the same runs and a burst of concurrent requests cannot pass the limit;
never in process memory. A count names the tool, the UTC day and the visitor: a user
id, or the keyed hash of a guest's address, never the address itself.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from accounts.allowance import is_unlimited
from accounts.clientaddr import address_hash

from .models import RunCount


@dataclass(frozen=True)
class Quota:
    allowed: bool
    limit: int | None  # None: no limit (staff, the unlimited plan)
    used: int
    guest: bool

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(self.limit - self.used, 0)


def too_long(text: str) -> bool:
    return len(text) > settings.TOOLS_MAX_CHARS


def body_too_large(request: HttpRequest) -> bool:
    """A body that cannot hold an allowed text (4 bytes a character at most, plus room
    for the form): refused before it is read."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > settings.TOOLS_MAX_CHARS * 4 + 65_536


def take_run(request: HttpRequest, tool: str) -> Quota:
    """Count one run of `tool` for this visitor and say whether it was within the limit."""
    user = request.user
    if is_unlimited(user):
        return Quota(True, None, 0, guest=False)
    if user.is_authenticated:
        subject, limit, guest = f"u:{user.pk}", settings.TOOLS_MEMBER_RUNS_PER_DAY, False
    else:
        subject, limit = f"a:{address_hash(request)}", settings.TOOLS_GUEST_RUNS_PER_DAY
        guest = True
    used = _count(datetime.now(UTC).date(), tool, subject)
    return Quota(used <= limit, limit, used, guest)


def _count(day: date, tool: str, subject: str) -> int:
    """Add one run and return the day's total. The UPDATE increments in the database, so
    two requests never read the same count; the first run of a day inserts the row (a
    concurrent first run loses the insert and increments instead)."""
    runs = RunCount.objects.filter(day=day, tool=tool, subject=subject)
    for _attempt in range(3):
        with transaction.atomic():
            if runs.update(count=F("count") + 1):
                return int(runs.values_list("count", flat=True).get())
            try:
                with transaction.atomic():
                    RunCount.objects.create(day=day, tool=tool, subject=subject, count=1)
            except IntegrityError:
                continue
        RunCount.objects.filter(day__lt=day - timedelta(days=1)).delete()  # yesterday's go
        return 1
    raise RuntimeError("run counter kept colliding")  # pragma: no cover

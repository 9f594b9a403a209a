"""Limits every text tool shares: how much text, and how many runs a day per visitor.

Counts live in the shared cache (a database table by default, Redis with CACHE_URL), so
every app server counts the same runs; never in process memory. Keys carry the tool,
the UTC day and the visitor: a user id, or the keyed hash of a guest's address, never
the address itself.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from accounts.allowance import is_unlimited
from accounts.clientaddr import address_hash


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
    now = datetime.now(UTC)
    day = now.date().isoformat()
    if user.is_authenticated:
        key, limit, guest = f"u:{user.pk}", settings.TOOLS_MEMBER_RUNS_PER_DAY, False
    else:
        key, limit, guest = f"a:{address_hash(request)}", settings.TOOLS_GUEST_RUNS_PER_DAY, True
    key = f"tools:runs:{tool}:{day}:{key}"
    tomorrow = datetime(now.year, now.month, now.day, tzinfo=UTC) + timedelta(days=1)
    cache.add(key, 0, timeout=int((tomorrow - now).total_seconds()) + 60)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr: a new day
        cache.add(key, 1, timeout=24 * 3600)
        used = 1
    return Quota(used <= limit, limit, used, guest)

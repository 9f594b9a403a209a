"""The page-view allowance: who may open which code page, decided atomically.

`visit(request, code)` is the one entry point the code page calls. Re-opening a code
unlocked in the current window is free; a new code takes a slot. Guests are counted
twice, by their signed cookie and by a keyed hash of their address, so clearing the
cookie gives no new views while the address has used its guest allowance. Members
get ALLOWANCE_MEMBER_LIMIT codes in all (what they opened as a guest carries over);
staff and the unlimited plan have no limit.
"""

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from codes.formats import Kind, System

from .clientaddr import address_hash
from .models import Profile, Unlock

COOKIE = "ca_guest"
COOKIE_SALT = "codeahead.allowance.guest"
METERED = {System.CPT, System.HCPCS, System.ICD10CM, System.ICD10PCS}
RETRIES = 5
OPEN_CACHE_SECONDS = 60


@dataclass
class Decision:
    allowed: bool
    unlimited: bool = False
    guest: bool = True
    used: int = 0
    limit: int = 0
    resets_at: datetime | None = None

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)


def is_metered(system: str, kind: str, billable: bool) -> bool:
    """Code pages of the four code sets; headings and modifiers are free browsing."""
    return system in METERED and (kind == Kind.CODE or billable)


def window_start(today: date | None = None) -> date:
    today = today or timezone.now().astimezone(UTC).date()
    days = settings.ALLOWANCE_WINDOW_DAYS
    if not days:  # calendar month, UTC
        return today.replace(day=1)
    epoch = date(2000, 1, 1)
    return epoch + timedelta(days=(today - epoch).days // days * days)


def window_end(start: date) -> datetime:
    days = settings.ALLOWANCE_WINDOW_DAYS
    if days:
        end = start + timedelta(days=days)
    else:
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return datetime(end.year, end.month, end.day, tzinfo=UTC)


def is_unlimited(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Profile.objects.filter(user=user, plan=Profile.Plan.UNLIMITED).exists()


def subjects(request) -> list[tuple[str, int]]:
    """(subject, limit) pairs that must each have room for a new unlock."""
    if request.user.is_authenticated:
        return [(f"u:{request.user.pk}", settings.ALLOWANCE_MEMBER_LIMIT)]
    return [
        (f"g:{guest_id(request)}", settings.ALLOWANCE_GUEST_LIMIT),
        (f"a:{address_hash(request)}", settings.ALLOWANCE_ADDRESS_CAP),
    ]


def guest_id(request) -> str:
    """The guest's id from the signed cookie, or a new one `remember_guest` will set."""
    if not hasattr(request, "_guest_id"):
        found = request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT)
        request._guest_id = found or secrets.token_urlsafe(18)
        request._guest_is_new = found is None
    return request._guest_id


def remember_guest(request, response) -> None:
    if getattr(request, "_guest_is_new", False):
        response.set_signed_cookie(
            COOKIE,
            request._guest_id,
            salt=COOKIE_SALT,
            max_age=400 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )


def visit(request, code_id: int) -> Decision:
    """Check and, when allowed, unlock `code_id` for this visitor, atomically."""
    start = window_start()
    resets_at = window_end(start)
    guest = not request.user.is_authenticated
    if is_unlimited(request.user):
        return Decision(allowed=True, unlimited=True, guest=False, resets_at=resets_at)
    pairs = subjects(request)
    # Re-reading a code already unlocked is the common case. An unlock is never taken
    # back within its window, so a cached "open" answer stays true; only the banner's
    # count may lag by up to OPEN_CACHE_SECONDS when other codes are opened elsewhere.
    opened = f"allowance:open:{start}:{pairs[0][0]}:{code_id}"
    if (known := cache.get(opened)) is not None:
        return Decision(True, guest=guest, used=known[0], limit=known[1], resets_at=resets_at)
    held = _held(start, pairs)
    if any(code == code_id for _, code, _ in held):
        used, limit = _tightest(pairs, _taken(pairs, held))
        cache.set(opened, (used, limit), OPEN_CACHE_SECONDS)
        return Decision(True, guest=guest, used=used, limit=limit, resets_at=resets_at)
    for _attempt in range(RETRIES):
        try:
            allowed, used, limit = _unlock(start, pairs, code_id)
        except IntegrityError:
            continue  # a concurrent request took that slot or code first: look again
        if allowed:
            cache.set(opened, (used, limit), OPEN_CACHE_SECONDS)
        return Decision(allowed, guest=guest, used=used, limit=limit, resets_at=resets_at)
    return Decision(False, guest=guest, used=pairs[0][1], limit=pairs[0][1], resets_at=resets_at)


def _unlock(start: date, pairs, code_id: int) -> tuple[bool, int, int]:
    """(allowed, used, limit) afterwards, for the subject with the least room left."""
    with transaction.atomic():
        held = _held(start, pairs)
        taken = _taken(pairs, held)
        if any(code == code_id for _, code, _ in held):
            return (True, *_tightest(pairs, taken))
        new = []
        for subject, limit in pairs:
            free = next((n for n in range(1, limit + 1) if n not in taken[subject]), None)
            if free is None:
                return (False, *_tightest(pairs, taken))
            new.append(Unlock(window=start, subject=subject, code_id=code_id, slot=free))
            taken[subject].add(free)
        Unlock.objects.bulk_create(new)  # the unique constraints arbitrate any race
        return (True, *_tightest(pairs, taken))


def _held(start: date, pairs) -> list[tuple[str, int, int]]:
    """The subjects' unlocks this window. Plain SQL: it runs on every metered page view,
    and the ORM's query building would cost more than the indexed query itself."""
    names = [subject for subject, _ in pairs]
    table = connection.ops.quote_name(Unlock._meta.db_table)
    window = connection.ops.quote_name("window")
    marks = ", ".join(["%s"] * len(names))
    sql = f"SELECT subject, code_id, slot FROM {table} WHERE {window} = %s AND subject IN ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, *names])
        return [tuple(row) for row in cursor.fetchall()]


def _taken(pairs, held) -> dict[str, set[int]]:
    return {subject: {slot for who, _, slot in held if who == subject} for subject, _ in pairs}


def _tightest(pairs, taken) -> tuple[int, int]:
    return min(
        ((len(taken[subject]), limit) for subject, limit in pairs), key=lambda p: p[1] - p[0]
    )


def status(request) -> Decision:
    """The visitor's allowance without unlocking anything (account page, banners)."""
    start = window_start()
    resets_at = window_end(start)
    if is_unlimited(request.user):
        return Decision(True, unlimited=True, guest=False, resets_at=resets_at)
    pairs = subjects(request)
    used, limit = _tightest(pairs, _taken(pairs, _held(start, pairs)))
    guest = not request.user.is_authenticated
    return Decision(used < limit, guest=guest, used=used, limit=limit, resets_at=resets_at)


def unlocked_codes(user):
    start = window_start()
    return (
        Unlock.objects.filter(window=start, subject=f"u:{user.pk}")
        .select_related("code")
        .order_by("slot")
    )


def carry_over(request, user) -> None:
    """On login or sign-up: the guest's unlocks this window become the member's."""
    found = request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT)
    if not found:
        return
    start = window_start()
    member = f"u:{user.pk}"
    for attempt in range(RETRIES):
        try:
            with transaction.atomic():
                rows = Unlock.objects.filter(window=start, subject__in=[f"g:{found}", member])
                held = list(rows.values_list("subject", "code_id", "slot"))
                mine = {code for who, code, _ in held if who == member}
                taken = {slot for who, _, slot in held if who == member}
                slots = (n for n in range(1, settings.ALLOWANCE_MEMBER_LIMIT + 1) if n not in taken)
                new = []
                for who, code, _ in sorted(held, key=lambda row: row[2]):
                    if who != member and code not in mine and (slot := next(slots, None)):
                        new.append(Unlock(window=start, subject=member, code_id=code, slot=slot))
                        mine.add(code)
                Unlock.objects.bulk_create(new)
            return
        except IntegrityError:
            if attempt == RETRIES - 1:
                raise

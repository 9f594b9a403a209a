"""The page-view allowance: who may open which code page, decided atomically.

`visit(request, code_id)` is the one entry point that unlocks; `peek` answers without
unlocking (HEAD requests, which must never spend a view). Re-opening a code unlocked
in the current window is free; a new code takes a slot. Guests are counted twice, by
their signed cookie (ALLOWANCE_GUEST_LIMIT) and by a keyed hash of their address
(ALLOWANCE_ADDRESS_CAP, shared by everyone behind that address), so clearing the
cookie gains at most the address cap. Members get ALLOWANCE_MEMBER_LIMIT codes in all
once their email address is confirmed; before that they keep the guest allowance and
count against their address too. Staff and the unlimited plan have no limit.
"""

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from codes.formats import Kind, System

from .clientaddr import address_hash
from .models import Profile, Unlock

COOKIE = "ca_guest"
COOKIE_SALT = "codeahead.allowance.guest"
METERED = {System.CPT, System.HCPCS, System.ICD10CM, System.ICD10PCS}
RETRIES = 5

Subjects = list[tuple[str, int]]  # (subject, limit) pairs that must each have room


@dataclass(frozen=True)
class Decision:
    allowed: bool
    unlimited: bool = False
    guest: bool = True
    used: int = 0
    limit: int = 0
    resets_at: datetime | None = None
    unverified: bool = False  # a member whose email address is not confirmed yet

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)


@dataclass(frozen=True)
class Visitor:
    """Who is asking, as far as the allowance cares: one query for a member."""

    subjects: Subjects
    guest: bool
    unlimited: bool = False
    unverified: bool = False


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


def visitor(request: HttpRequest) -> Visitor:
    user = request.user
    guest_pairs = [
        (f"g:{guest_id(request)}", settings.ALLOWANCE_GUEST_LIMIT),
        (f"a:{address_hash(request)}", settings.ALLOWANCE_ADDRESS_CAP),
    ]
    if not user.is_authenticated:
        return Visitor(guest_pairs, guest=True)
    if user.is_staff:
        return Visitor([], guest=False, unlimited=True)
    unlimited, verified = _member_state(user.pk)
    member = f"u:{user.pk}"
    if unlimited:
        return Visitor([], guest=False, unlimited=True)
    if verified or not settings.ALLOWANCE_REQUIRE_VERIFIED_EMAIL:
        return Visitor([(member, settings.ALLOWANCE_MEMBER_LIMIT)], guest=False)
    # Until confirmed: the guest allowance, and the address's cap like any guest.
    pairs = [(member, settings.ALLOWANCE_GUEST_LIMIT), guest_pairs[1]]
    return Visitor(pairs, guest=False, unverified=True)


def _member_state(user_id: int) -> tuple[bool, bool]:
    """(unlimited plan, confirmed email address) in one indexed query. Plain SQL: it runs
    on every member's page view, and building it with the ORM cost 20 times the query."""
    quote = connection.ops.quote_name
    profiles, emails = Profile._meta.db_table, EmailAddress._meta.db_table
    sql = (
        f"SELECT EXISTS(SELECT 1 FROM {quote(profiles)} WHERE user_id = %s AND plan = %s), "  # noqa: S608
        f"EXISTS(SELECT 1 FROM {quote(emails)} WHERE user_id = %s AND verified)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, Profile.Plan.UNLIMITED.value, user_id])
        unlimited, verified = cursor.fetchone()
    return bool(unlimited), bool(verified)


def is_unlimited(user: AbstractBaseUser | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    return bool(getattr(user, "is_staff", False)) or _member_state(user.pk)[0]


def guest_id(request: HttpRequest) -> str:
    """The guest's id from the signed cookie, or a new one `remember_guest` will set."""
    if not hasattr(request, "_guest_id"):
        found = request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT)
        request._guest_id = found or secrets.token_urlsafe(18)  # type: ignore[attr-defined]
        request._guest_is_new = found is None  # type: ignore[attr-defined]
    return str(request._guest_id)  # type: ignore[attr-defined]


def remember_guest(request: HttpRequest, response: HttpResponse) -> None:
    if getattr(request, "_guest_is_new", False):
        response.set_signed_cookie(
            COOKIE,
            guest_id(request),
            salt=COOKIE_SALT,
            max_age=400 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )


def visit(request: HttpRequest, code_id: int) -> Decision:
    """Check and, when allowed, unlock `code_id` for this visitor, atomically."""
    return _decide(request, code_id, unlock=True)


def peek(request: HttpRequest, code_id: int) -> Decision:
    """Would this visitor see `code_id` in full right now? Never unlocks anything."""
    return _decide(request, code_id, unlock=False)


def _decide(request: HttpRequest, code_id: int, unlock: bool) -> Decision:
    start = window_start()
    who = visitor(request)
    base = Decision(True, guest=who.guest, resets_at=window_end(start), unverified=who.unverified)
    if who.unlimited:
        return Decision(True, unlimited=True, guest=False, resets_at=base.resets_at)
    pairs = who.subjects
    held = _held(start, pairs)
    if any(code == code_id for _, code, _ in held):  # re-reading: the common case
        return _with(base, True, _tightest(pairs, _taken(pairs, held)))
    taken = _taken(pairs, held)
    if not unlock or any(len(taken[subject]) >= limit for subject, limit in pairs):
        # Full already: unlocks are never taken back within a window, so no transaction
        # (and no write lock) is needed to say no. The gate is most of what crawlers and
        # anonymous traffic meet.
        return _with(base, False, _tightest(pairs, taken))
    for _attempt in range(RETRIES):
        try:
            allowed, counts = _unlock(start, pairs, code_id)
        except IntegrityError:
            continue  # a concurrent request took that slot or code first: look again
        return _with(base, allowed, counts)
    limit = pairs[0][1]
    return _with(base, False, (limit, limit))


def _with(base: Decision, allowed: bool, counts: tuple[int, int]) -> Decision:
    used, limit = counts
    return Decision(
        allowed,
        guest=base.guest,
        used=used,
        limit=limit,
        resets_at=base.resets_at,
        unverified=base.unverified,
    )


def _unlock(start: date, pairs: Subjects, code_id: int) -> tuple[bool, tuple[int, int]]:
    """(allowed, (used, limit) afterwards for the subject with the least room left)."""
    with transaction.atomic():
        held = _held(start, pairs)
        taken = _taken(pairs, held)
        if any(code == code_id for _, code, _ in held):
            return True, _tightest(pairs, taken)
        new = []
        for subject, limit in pairs:
            free = next((n for n in range(1, limit + 1) if n not in taken[subject]), None)
            if free is None:
                return False, _tightest(pairs, taken)
            new.append(Unlock(window=start, subject=subject, code_id=code_id, slot=free))
            taken[subject].add(free)
        Unlock.objects.bulk_create(new)  # the unique constraints arbitrate any race
        return True, _tightest(pairs, taken)


def _held(start: date, pairs: Subjects) -> list[tuple[str, int, int]]:
    """The subjects' unlocks this window. Plain SQL: it runs on every metered page view,
    and the ORM's query building would cost more than the indexed query itself."""
    names = [subject for subject, _ in pairs]
    table = connection.ops.quote_name(Unlock._meta.db_table)
    window = connection.ops.quote_name("window")
    marks = ", ".join(["%s"] * len(names))
    sql = f"SELECT subject, code_id, slot FROM {table} WHERE {window} = %s AND subject IN ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, *names])
        return [(str(row[0]), int(row[1]), int(row[2])) for row in cursor.fetchall()]


def _taken(pairs: Subjects, held: list[tuple[str, int, int]]) -> dict[str, set[int]]:
    return {subject: {slot for who, _, slot in held if who == subject} for subject, _ in pairs}


def _tightest(pairs: Subjects, taken: dict[str, set[int]]) -> tuple[int, int]:
    return min(
        ((len(taken[subject]), limit) for subject, limit in pairs), key=lambda p: p[1] - p[0]
    )


def status(request: HttpRequest) -> Decision:
    """The visitor's allowance without unlocking anything (account page, banners)."""
    start = window_start()
    resets_at = window_end(start)
    who = visitor(request)
    if who.unlimited:
        return Decision(True, unlimited=True, guest=False, resets_at=resets_at)
    used, limit = _tightest(who.subjects, _taken(who.subjects, _held(start, who.subjects)))
    return Decision(
        used < limit,
        guest=who.guest,
        used=used,
        limit=limit,
        resets_at=resets_at,
        unverified=who.unverified,
    )


def unlocked_codes(user: AbstractBaseUser) -> QuerySet[Unlock]:
    start = window_start()
    return (
        Unlock.objects.filter(window=start, subject=f"u:{user.pk}")
        .select_related("code")
        .order_by("slot")
    )


def carry_over(request: HttpRequest, user: AbstractBaseUser) -> None:
    """On login or sign-up: what the guest opened this window becomes the member's, by
    cookie and by address alike (a guest who cleared cookies opened those codes too)."""
    start = window_start()
    member = f"u:{user.pk}"
    guests = [f"a:{address_hash(request)}"]
    if found := request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT):
        guests.insert(0, f"g:{found}")
    for attempt in range(RETRIES):
        try:
            with transaction.atomic():
                rows = Unlock.objects.filter(window=start, subject__in=[*guests, member])
                held = list(rows.values_list("subject", "code_id", "slot", "created_at"))
                mine = {code for who, code, _, _ in held if who == member}
                taken = {slot for who, _, slot, _ in held if who == member}
                free = (n for n in range(1, settings.ALLOWANCE_MEMBER_LIMIT + 1) if n not in taken)
                new = []
                for who, code, _, _ in sorted(held, key=lambda row: row[3]):
                    if who != member and code not in mine and (slot := next(free, None)):
                        new.append(Unlock(window=start, subject=member, code_id=code, slot=slot))
                        mine.add(code)
                Unlock.objects.bulk_create(new)
            return
        except IntegrityError:
            if attempt == RETRIES - 1:
                raise

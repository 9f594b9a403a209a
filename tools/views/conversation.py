"""CasePilot's conversation, kept for the visitor's session only and never on the server.

The turns travel in a signed cookie scoped to the tool's page, whose signature is bound
to a random key held in the visitor's session: the database and the cache hold that
key, never a question. Logging out flushes the session, so the cookie no longer
verifies and the conversation is gone; "Clear" deletes it at once. The cookie lasts
until the browser closes and is never sent to any other page of the site.
"""

import secrets
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

COOKIE = "casepilot"
PATH = "/tools/casepilot/"
SESSION_KEY = "casepilot_key"
MAX_BYTES = 3600  # browsers keep at least 4,096 bytes a cookie
MAX_TURNS = 12

Turn = dict[str, Any]  # {"q", "a", "c": [[label, url]], "v", "d", "m"}


def _salt(request: HttpRequest, create: bool) -> str:
    """The signing salt: the session's own random key ("" when it has none yet)."""
    key = request.session.get(SESSION_KEY)
    if key is None and create:
        key = request.session[SESSION_KEY] = secrets.token_hex(16)
    return f"casepilot:{key}" if key else ""


def load(request: HttpRequest) -> list[Turn]:
    value, salt = request.COOKIES.get(COOKIE), _salt(request, create=False)
    if not value or not salt:
        return []
    try:
        turns = signing.loads(value, salt=salt)
    except signing.BadSignature:
        return []
    return turns if isinstance(turns, list) else []


def save(request: HttpRequest, response: HttpResponse, turns: list[Turn]) -> None:
    salt = _salt(request, create=True)
    turns = turns[-MAX_TURNS:]
    value = signing.dumps(turns, salt=salt, compress=True)
    while len(value) > MAX_BYTES and len(turns) > 1:
        turns = turns[1:]  # the oldest turns go first
        value = signing.dumps(turns, salt=salt, compress=True)
    if len(value) > MAX_BYTES:
        clear(response)
        return
    response.set_cookie(
        COOKIE,
        value,
        path=PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def clear(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, path=PATH, samesite="Lax")

"""Rendered code pages, cached whole; visitor-specific parts are filled in per request.

A code page costs 3-9 queries and a template render; the cached copy costs neither.
Pages live in each process's own memory (the "pages" cache): a page is the same for
every visitor, so a process's copy is never another visitor's. Their keys carry the
catalogue version, kept in the shared cache and bumped by every catalogue write (model
signals for admin edits, `bump()` when an import commits). A process re-reads the
version at most every PAGE_VERSION_SECONDS, so an edit shows on every app server within
that time without a shared-cache read on each page view.
"""

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache, caches

VERSION_KEY = "codes:catalogue-version"
# Markers the cached HTML carries where each visitor sees something of their own.
VISITOR_NAV = "<!--visitor:nav-->"
VISITOR_BANNER = "<!--visitor:banner-->"
VISITOR_MESSAGES = "<!--visitor:messages-->"

_version: tuple[float, str] = (float("-inf"), "")  # (read at, value) in this process


@dataclass(frozen=True)
class CachedPage:
    html: str
    code_id: int
    system: str
    code: str
    title: str  # the public title (Code.title): what a gate may show
    url: str  # the canonical path
    metered: bool


def version() -> str:
    global _version
    read_at, value = _version
    now = time.monotonic()
    if now - read_at >= settings.PAGE_VERSION_SECONDS:
        value = str(cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None))
        _version = (now, value)
    return value


def bump(**_signal_arguments: Any) -> None:
    global _version
    value = uuid.uuid4().hex
    cache.set(VERSION_KEY, value, None)
    _version = (time.monotonic(), value)


def forget() -> None:
    """Drop this process's pages and remembered version (tests, after cache.clear())."""
    global _version
    _version = (float("-inf"), "")
    caches["pages"].clear()


def key(host: str, *parts: str) -> str:
    return ":".join(["codes:page", version(), host, *parts])


def get(host: str, system: str, code: str, day: date | None = None) -> CachedPage | None:
    """The cached page, or the page as of `day` (?date=), a variant of its own."""
    return caches["pages"].get(key(host, system, code, day.isoformat() if day else ""))


def put(host: str, system: str, code: str, page: CachedPage, day: date | None = None) -> None:
    cache_key = key(host, system, code, day.isoformat() if day else "")
    caches["pages"].set(cache_key, page, settings.PAGE_CACHE_SECONDS)


def get_fragment(key: str) -> str | None:
    """Other rendered HTML kept beside the pages (the gate's variants)."""
    value = caches["pages"].get(key)
    return value if isinstance(value, str) else None


def put_fragment(key: str, html: str) -> None:
    caches["pages"].set(key, html, settings.PAGE_CACHE_SECONDS)


def remember[T](key: str, compute: Callable[[], T]) -> T:
    """A value computed once per catalogue version in this process (search suggestions:
    the same for every visitor, and typed again and again)."""
    found = caches["pages"].get(key)
    if found is None:
        found = compute()
        caches["pages"].set(key, found, settings.PAGE_CACHE_SECONDS)
    return cast(T, found)


def fill(html: str, nav: str = "", banner: str = "", messages: str = "") -> str:
    return (
        html.replace(VISITOR_NAV, nav, 1)
        .replace(VISITOR_BANNER, banner, 1)
        .replace(VISITOR_MESSAGES, messages, 1)
    )

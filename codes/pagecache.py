"""Rendered code pages, cached whole; visitor-specific parts are filled in per request.

A code page costs 4-9 queries and a template render; the cached copy costs neither.
The cache key carries a catalogue version that every catalogue write bumps (model
signals for admin edits, `bump()` at the end of each import), so an edit shows at
once. Use a shared cache (CACHE_URL=redis://…) when several processes serve the site:
with the default per-process memory cache, other processes see an edit when their
copy expires (PAGE_CACHE_SECONDS).
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "codes:catalogue-version"
# Markers the cached HTML carries where each visitor sees something of their own.
VISITOR_NAV = "<!--visitor:nav-->"
VISITOR_BANNER = "<!--visitor:banner-->"


@dataclass
class CachedPage:
    html: str
    code_id: int
    system: str
    code: str
    title: str
    metered: bool


def version() -> str:
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def bump(**_signal_arguments) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def key(host: str, system: str, code: str) -> str:
    return f"codes:page:{version()}:{host}:{system}:{code}"


def get(host, system, code) -> CachedPage | None:
    return cache.get(key(host, system, code))


def put(host, system, code, page: CachedPage) -> None:
    cache.set(key(host, system, code), page, settings.PAGE_CACHE_SECONDS)


def fill(html: str, nav: str = "", banner: str = "") -> str:
    return html.replace(VISITOR_NAV, nav, 1).replace(VISITOR_BANNER, banner, 1)

"""Search-engine crawlers read metered pages in full, once proven by DNS.

Coders find code pages through search engines, so a crawler must see what a member
sees; a user agent alone proves nothing. The check the engines document: the client
address's reverse DNS name must end in one of the engine's domains, and that name
must resolve forward to the same address. Only requests whose user agent names a
known crawler are checked, so other visitors cost nothing; the verdict is kept in the
shared cache under the keyed address hash (never the raw address).
"""

import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from functools import cache as once
from typing import Protocol

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.module_loading import import_string

from .clientaddr import address_hash, client_address

VERDICT_SECONDS = 24 * 3600
DNS_TIMEOUT = 2.0


class Resolver(Protocol):
    def reverse(self, address: str) -> str | None: ...

    def forward(self, host: str) -> set[str]: ...


class SystemResolver:
    """The operating system's resolver, with a time limit on each lookup."""

    _pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="crawler-dns")

    def reverse(self, address: str) -> str | None:
        found = self._ask(socket.gethostbyaddr, address)
        return found[0] if found else None

    def forward(self, host: str) -> set[str]:
        found = self._ask(socket.getaddrinfo, host, None)
        return {str(info[4][0]) for info in found or []}

    def _ask[T](self, lookup: Callable[..., T], *args: object) -> T | None:
        try:
            return self._pool.submit(lookup, *args).result(timeout=DNS_TIMEOUT)
        except (OSError, FutureTimeout):
            return None


@once
def resolver() -> Resolver:
    resolver_class: type[Resolver] = import_string(settings.CRAWLER_RESOLVER)
    return resolver_class()


def claimed_domains(user_agent: str) -> tuple[str, ...]:
    """The DNS domains of the crawler the user agent names, or () for everyone else."""
    agent = user_agent.lower()
    for token, domains in settings.VERIFIED_CRAWLERS.items():
        if token.lower() in agent:
            return tuple(domains)
    return ()


def is_verified_crawler(request: HttpRequest) -> bool:
    domains = claimed_domains(request.META.get("HTTP_USER_AGENT", ""))
    if not domains:
        return False
    key = f"crawler:{domains[0]}:{address_hash(request)}"
    verdict = cache.get(key)
    if verdict is None:
        verdict = verify(client_address(request), domains)
        cache.set(key, verdict, VERDICT_SECONDS)
    return bool(verdict)


def verify(address: str, domains: tuple[str, ...]) -> bool:
    """Reverse lookup ends in one of `domains`, and the name resolves back to `address`."""
    if not address:
        return False
    host = (resolver().reverse(address) or "").rstrip(".").lower()
    if not any(host.endswith("." + domain) for domain in domains):
        return False
    return address in resolver().forward(host)

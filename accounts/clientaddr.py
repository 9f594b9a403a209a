"""The client's network address, used only through a keyed hash (never stored raw)."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or the address a trusted proxy put in CLIENT_IP_HEADER.

    With N trusted proxies in front, the client is the N-th address from the right
    of X-Forwarded-For; anything further left was written by the client itself.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= settings.TRUSTED_PROXY_COUNT:
            return hops[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def address_hash(request: HttpRequest) -> str:
    """HMAC of the client address with the site's secret: stable, not reversible."""
    key = "codeahead.client-address"
    return salted_hmac(key, client_address(request), algorithm="sha256").hexdigest()[:40]

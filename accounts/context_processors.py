from django.conf import settings
from django.http import HttpRequest


def allowance(request: HttpRequest) -> dict[str, int]:
    """How many more code pages a free account opens than a guest (for calls to action)."""
    return {"member_extra": settings.ALLOWANCE_MEMBER_LIMIT - settings.ALLOWANCE_GUEST_LIMIT}

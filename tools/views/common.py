"""What every tool view shares: JSON errors and the run-limit message."""

from django.conf import settings
from django.http import JsonResponse

from .. import limits


def error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def over_limit_message(quota: limits.Quota) -> str:
    if quota.guest:
        return (
            f"You have used today's {quota.limit} free runs. Log in or register free for "
            f"{settings.TOOLS_MEMBER_RUNS_PER_DAY} a day; the count resets at midnight UTC."
        )
    return f"You have used today's {quota.limit} runs; the count resets at midnight UTC."

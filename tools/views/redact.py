"""RedactPHI's page and JSON API: parse, check the limits, call the engine, render.

Nothing here logs, caches or stores the submitted text; every response is no-store.
"""

import json

from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from .. import limits
from ..catalogue import known_codes
from ..forms import RedactForm
from ..phi import MEANINGS, Category, Redaction, Style, measured, redact
from .common import error, over_limit_message


@csrf_exempt  # checked below, once the upload handlers are set (Django's documented way)
@sensitive_post_parameters("text", "file")
@never_cache
def redact_phi(request: HttpRequest) -> HttpResponse:
    # Uploads stay in memory: a temporary file would put the text on disk.
    request.upload_handlers = [MemoryFileUploadHandler(request)]
    return _redact_phi(request)


@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_variables()
def _redact_phi(request: HttpRequest) -> HttpResponse:
    context: dict[str, object] = {"status": 200}
    if request.method != "POST":
        form = RedactForm()
    elif limits.body_too_large(request):
        form = RedactForm()
        context.update(status=413, error=_too_long_message())
    else:
        form = RedactForm(request.POST, request.FILES)
        if form.is_valid():
            quota = limits.take_run(request, "redact-phi")
            if quota.allowed:
                context["result"] = _run(request, form.submitted(), form.cleaned_data["style"])
            else:
                context.update(status=429, error=over_limit_message(quota))
        else:
            context["status"] = 413 if form.too_long else 400
    context.update(form=form, **_page_context())
    return render(request, "tools/redact_phi.html", context, status=int(str(context["status"])))


@require_POST
@never_cache
@sensitive_variables()
def api_redact_phi(request: HttpRequest) -> JsonResponse:
    """POST {"text": ..., "style": "tags" | "surrogates" | "mask"} (CSRF token in the
    X-CSRFToken header) → {"redacted": ..., "spans": [{start, end, category, score}]}."""
    if limits.body_too_large(request):
        return error(_too_long_message(), 413)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return error('The body must be JSON: {"text": "...", "style": "tags"}.', 400)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return error('Send a JSON object with "text", a string.', 400)
    style = payload.get("style", Style.TAGS.value)
    if style not in {s.value for s in Style}:
        return error('"style" is one of "tags", "surrogates" or "mask".', 400)
    text = payload["text"]
    if limits.too_long(text):
        return error(_too_long_message(len(text)), 413)
    quota = limits.take_run(request, "redact-phi")
    if not quota.allowed:
        return error(over_limit_message(quota), 429)
    result = _run(request, text, style)
    return JsonResponse(
        {
            "redacted": result.redacted,
            "spans": [
                {
                    "start": span.start,
                    "end": span.end,
                    "category": span.category.value,
                    "score": span.score,
                    "replacement": span.replacement,
                }
                for span in result.spans
            ],
            "counts": {category.value: n for category, n in result.counts().items()},
            "remaining_runs": quota.remaining,
        }
    )


class RedactionFailed(Exception):
    """The engine failed; its own exception could quote the text, so it is not chained."""


@sensitive_variables()
def _run(request: HttpRequest, text: str, style: str) -> Redaction:
    try:
        return redact(text, Style(style), known_codes(text), settings.REDACT_PHI_MODEL)
    except Exception:
        raise RedactionFailed("RedactPHI could not process this text.") from None


def _too_long_message(length: int | None = None) -> str:
    limit = settings.TOOLS_MAX_CHARS
    size = f"The text has {length:,} characters; " if length else "The text is too long; "
    return f"{size}RedactPHI takes up to {limit:,} at a time. Split it and redact each part."


def _page_context() -> dict[str, object]:
    return {
        "legend": [(category.value, MEANINGS[category]) for category in Category],
        "measured": measured,
        "recall": f"{measured.RECALL:.1%}",
        "precision": f"{measured.PRECISION:.1%}",
        "max_chars": settings.TOOLS_MAX_CHARS,
        "guest_runs": settings.TOOLS_GUEST_RUNS_PER_DAY,
        "member_runs": settings.TOOLS_MEMBER_RUNS_PER_DAY,
    }

"""Case2Code's page (/tools/case2code/) and JSON API (/api/case2code).

The page takes a case and lists candidate codes with checkboxes, units and modifiers;
the ticked lines go to the claim check (claims.py's view and engine), never to a copy of
it. Nothing here logs, caches or stores the text; every response is no-store.
"""

import json
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from .. import case2code, limits
from .claims import SETTING_CHOICES
from .common import error, over_limit_message

TOOL = "case2code"
CASE_SETTINGS = [("outpatient", "Outpatient (CPT, HCPCS)"), ("inpatient", "Inpatient (ICD-10-PCS)")]


class CaseForm(forms.Form):
    text = forms.CharField(
        label="Case",
        strip=False,
        help_text="A vignette or an op-note summary: what was found and what was done.",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    setting = forms.ChoiceField(choices=CASE_SETTINGS, initial="outpatient", required=False)

    def clean_setting(self) -> str:
        return str(self.cleaned_data.get("setting") or "outpatient")

    def clean_text(self) -> str:
        text = str(self.cleaned_data.get("text") or "")
        if not text.strip():
            raise forms.ValidationError("Describe the case.")
        if limits.too_long(text):
            raise forms.ValidationError(_too_long_message(len(text)), code="too_long")
        return text


class CaseFailed(Exception):
    """The engine failed; its own exception could quote the text, so it is not chained."""


@sensitive_variables()
def _run(text: str, setting: str) -> case2code.Suggestions:
    try:
        return case2code.suggest(text, setting)
    except Exception:
        raise CaseFailed("Case2Code could not process this text.") from None


@sensitive_post_parameters("text")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_variables()
def case2code_page(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {
        "today": timezone.now().date(),
        "claim_settings": SETTING_CHOICES,
        "max_chars": settings.TOOLS_MAX_CHARS,
    }
    status = 200
    if request.method == "POST" and limits.body_too_large(request):
        form = CaseForm()
        context["error"], status = _too_long_message(), 413
    else:
        form = CaseForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            quota = limits.take_run(request, TOOL)
            if quota.allowed:
                data = form.cleaned_data
                context["result"] = _run(data["text"], data["setting"])
            else:
                context["error"], status = over_limit_message(quota), 429
        elif request.method == "POST":
            too_long = any(e.code == "too_long" for e in form.errors.as_data().get("text", []))
            status = 413 if too_long else 400
    context["form"] = form
    return render(request, "tools/case2code.html", context, status=status)


@require_POST
@never_cache
@sensitive_variables()
def api_case2code(request: HttpRequest) -> JsonResponse:
    """POST {"text", "setting": "outpatient" | "inpatient"} → {"diagnoses": [{code, title,
    start, end, text}], "procedures": [{code, system, title, units, start, end, text}]}."""
    if limits.body_too_large(request):
        return error(_too_long_message(), 413)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return error('The body must be JSON: {"text": "...", "setting": "outpatient"}.', 400)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return error('Send a JSON object with "text", a string.', 400)
    setting = payload.get("setting", "outpatient")
    if setting not in case2code.SETTINGS:
        return error('"setting" is "outpatient" or "inpatient".', 400)
    text = payload["text"]
    if limits.too_long(text):
        return error(_too_long_message(len(text)), 413)
    if not text.strip():
        return error('"text" is empty: describe the case.', 400)
    quota = limits.take_run(request, TOOL)
    if not quota.allowed:
        return error(over_limit_message(quota), 429)
    result = _run(text, setting)
    return JsonResponse(
        {
            "setting": setting,
            "diagnoses": [
                {
                    "code": d.code,
                    "title": d.title,
                    "start": d.start,
                    "end": d.end,
                    "text": d.text,
                    "url": reverse("codes:detail", args=["icd10cm", d.code]),
                }
                for d in result.diagnoses
            ],
            "procedures": [
                {
                    "code": p.code,
                    "system": p.system,
                    "title": p.title,
                    "units": p.units,
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "url": reverse("codes:detail", args=[p.system, p.code]),
                }
                for p in result.procedures
            ],
            "notices": result.notices,
            "remaining_runs": quota.remaining,
        }
    )


def _too_long_message(length: int | None = None) -> str:
    limit = settings.TOOLS_MAX_CHARS
    size = f"The text has {length:,} characters; " if length else "The text is too long; "
    return f"{size}Case2Code takes up to {limit:,} at a time. Describe one case at a time."

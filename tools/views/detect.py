"""DetectICD10CM's page and JSON API: parse, check the limits, call the engine, render.

Nothing here logs, caches or stores the submitted text; every response is no-store.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from .. import limits
from ..detect import Finding, conflicts, detect, release
from ..forms import DetectForm
from .common import error, over_limit_message

SETTINGS = ("outpatient", "inpatient")
TOOL = "detect-icd10cm"


@dataclass(frozen=True)
class Result:
    findings: list[Finding]
    pieces: list[tuple[str, Finding | None]]  # the note cut at each finding, for marks

    @property
    def coded(self) -> list[Finding]:
        """Each coded code once, at its first mention (the note marks every mention)."""
        first: dict[str, Finding] = {}
        for finding in self.findings:
            if finding.coded:
                first.setdefault(finding.code, finding)
        return list(first.values())

    @property
    def not_coded(self) -> list[Finding]:
        return [f for f in self.findings if not f.coded]

    @property
    def warnings(self) -> list[tuple[str, str, str]]:
        return conflicts(self.findings)

    @property
    def code_list(self) -> str:
        return "\n".join(dict.fromkeys(f.code for f in self.coded))


@sensitive_post_parameters("text")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_variables()
def detect_icd10cm(request: HttpRequest) -> HttpResponse:
    context: dict[str, object] = {"status": 200}
    if request.method != "POST":
        form = DetectForm()
    elif limits.body_too_large(request):
        form = DetectForm()
        context.update(status=413, error=_too_long_message())
    else:
        form = DetectForm(request.POST)
        if form.is_valid():
            quota = limits.take_run(request, TOOL)
            if quota.allowed:
                text = form.cleaned_data["text"]
                context["result"] = _result(text, _run(text, form.cleaned_data["setting"]))
            else:
                context.update(status=429, error=over_limit_message(quota))
        else:
            context["status"] = 413 if form.too_long else 400
    context.update(
        form=form,
        max_chars=settings.TOOLS_MAX_CHARS,
        max_chars_shown=f"{settings.TOOLS_MAX_CHARS:,}",
        guest_runs=settings.TOOLS_GUEST_RUNS_PER_DAY,
        member_runs=settings.TOOLS_MEMBER_RUNS_PER_DAY,
        release=release(),
    )
    return render(request, "tools/detect_icd10cm.html", context, status=int(str(context["status"])))


@require_POST
@never_cache
@sensitive_variables()
def api_detect_icd10cm(request: HttpRequest) -> JsonResponse:
    """POST {"text": ..., "setting": "outpatient" | "inpatient"} (CSRF token in the
    X-CSRFToken header) → {"findings": [...], "release": ...}."""
    if limits.body_too_large(request):
        return error(_too_long_message(), 413)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return error('The body must be JSON: {"text": "...", "setting": "outpatient"}.', 400)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return error('Send a JSON object with "text", a string.', 400)
    setting = payload.get("setting", "outpatient")
    if setting not in SETTINGS:
        return error('"setting" is "outpatient" or "inpatient".', 400)
    text = payload["text"]
    if not text.strip():
        return error("Send some clinical text.", 400)
    if limits.too_long(text):
        return error(_too_long_message(len(text)), 413)
    quota = limits.take_run(request, TOOL)
    if not quota.allowed:
        return error(over_limit_message(quota), 429)
    findings = _run(text, setting)
    return JsonResponse(
        {
            "findings": [_as_json(f) for f in findings],
            "warnings": [
                {"codes": [code, other], "note": note} for code, other, note in conflicts(findings)
            ],
            "release": release(),
            "setting": setting,
            "remaining_runs": quota.remaining,
        }
    )


class DetectionFailed(Exception):
    """The engine failed; its own exception could quote the text, so it is not chained."""


@sensitive_variables()
def _run(text: str, setting: str) -> list[Finding]:
    try:
        return detect(text, setting)
    except Exception:
        raise DetectionFailed("DetectICD10CM could not process this text.") from None


def _as_json(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "title": finding.title,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "status": finding.status,
        "coded": finding.coded,
        "billable": finding.billable,
        "score": finding.score,
        "alternatives": finding.alternatives,
        "url": reverse("codes:detail", kwargs={"system": "icd10cm", "code": finding.code}),
    }


def _result(text: str, findings: list[Finding]) -> Result:
    pieces: list[tuple[str, Finding | None]] = []
    position = 0
    for finding in findings:
        if finding.start < position:
            continue  # overlapping evidence: the first mark stands
        pieces.append((text[position : finding.start], None))
        pieces.append((text[finding.start : finding.end], finding))
        position = finding.end
    pieces.append((text[position:], None))
    return Result(findings, [p for p in pieces if p[0]])


def _too_long_message(length: int | None = None) -> str:
    limit = settings.TOOLS_MAX_CHARS
    size = f"The text has {length:,} characters; " if length else "The text is too long; "
    return f"{size}DetectICD10CM takes up to {limit:,} at a time. Split it and run each part."

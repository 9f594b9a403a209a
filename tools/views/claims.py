"""The claim check's page (/tools/case2code/check/) and JSON API (/api/claim-check).

A coder pastes codes ("97546 x2 GP, 97545, E11.9") or sends them as JSON, with a date
of service and a setting; every rule runs on the data in force on that date.
"""

import json
import re
from datetime import date
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from .. import claims, limits
from .codelists import save_form
from .common import error, over_limit_message

TOOL = "claim-check"
SETTING_CHOICES = [
    ("practitioner", "Practitioner (physician fee schedule)"),
    ("outpatient", "Hospital outpatient"),
]


class CheckForm(forms.Form):
    codes = forms.CharField(
        label="Codes",
        help_text="Separate codes with commas or new lines; add units as “x2” and modifiers after "
        "the code: 97546 x2 GP, 97545 GP, E11.9",
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
        max_length=4000,
    )
    date_of_service = forms.DateField(
        label="Date of service", widget=forms.DateInput(attrs={"type": "date"})
    )
    setting = forms.ChoiceField(choices=SETTING_CHOICES, initial="practitioner")

    def clean_codes(self) -> list[claims.Line]:
        lines = claims.parse(self.cleaned_data["codes"])
        if not lines:
            raise forms.ValidationError("No codes found: type them as 97546 x2 GP, E11.9.")
        return lines


@sensitive_post_parameters("codes")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def claim_check(request: HttpRequest) -> HttpResponse:
    today = timezone.now().date()
    form = CheckForm(_with_picked(request.POST) or None, initial={"date_of_service": today})
    context: dict[str, Any] = {"form": form}
    status = 200
    if form.is_valid():
        quota = limits.take_run(request, TOOL)
        if quota.allowed:
            data = form.cleaned_data
            findings, checked = claims.check(
                data["codes"], data["date_of_service"], data["setting"]
            )
            context.update(findings=findings, checked=checked, day=data["date_of_service"])
            saved = [li for li in data["codes"] if li.systems]
            if saved:
                context["save_form"] = save_form(saved, data["date_of_service"], data["setting"])
        else:
            context["error"], status = over_limit_message(quota), 429
    elif request.method == "POST":
        status = 400
    return render(request, "tools/claim_check.html", context, status=status)


def _with_picked(post: QueryDict) -> QueryDict:
    """The codes ticked on the Case2Code page (pick, units-<code>, modifiers-<code>) as the
    lines a coder would paste, so both pages share one form and one engine."""
    picked = post.getlist("pick")
    if not picked or post.get("codes"):
        return post
    items = []
    for code in picked[: claims.lines.MAX_LINES]:
        code = "".join(ch for ch in code if ch.isalnum() or ch == ".")[:16]
        units = post.get(f"units-{code}", "1").strip()
        units = units if units.isdigit() and 0 < int(units) <= claims.lines.MAX_UNITS else "1"
        modifiers = re.findall(r"\b[0-9A-Za-z]{2}\b", post.get(f"modifiers-{code}", ""))[:4]
        items.append(" ".join([code, f"x{units}", *modifiers]))
    data = post.copy()
    data["codes"] = "\n".join(items)
    return data


@require_POST
@never_cache
def api_claim_check(request: HttpRequest) -> JsonResponse:
    """POST {"codes": [{"code", "units", "modifiers"}], "date_of_service": "YYYY-MM-DD",
    "setting": "practitioner" | "outpatient"} → {"findings": [...], "checked": [...]}."""
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return error('The body must be JSON: {"codes": [{"code": "97546", "units": 1}]}.', 400)
    parsed = _request(payload)
    if isinstance(parsed, str):
        return error(parsed, 400)
    lines, day, setting = parsed
    quota = limits.take_run(request, TOOL)
    if not quota.allowed:
        return error(over_limit_message(quota), 429)
    findings, checked = claims.check(lines, day, setting)
    return JsonResponse(
        {
            "date_of_service": day.isoformat(),
            "setting": setting,
            "findings": [
                {
                    "rule": finding.rule,
                    "severity": finding.severity,
                    "codes": list(finding.codes),
                    "message": finding.message,
                    "release": finding.release,
                }
                for finding in findings
            ],
            "checked": [
                {
                    "code": item.code,
                    "system": item.system,
                    "title": item.title,
                    "valid_on_date": item.valid_on_date,
                }
                for item in checked
            ],
        }
    )


def _request(payload: object) -> tuple[list[claims.Line], date, str] | str:
    """The lines, date and setting of a JSON request, or what is wrong with it."""
    if not isinstance(payload, dict) or not isinstance(payload.get("codes"), list):
        return 'Send a JSON object with "codes", a list of {"code", "units", "modifiers"}.'
    lines = []
    for item in payload["codes"][:60]:
        if isinstance(item, str):
            item = {"code": item}
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            return 'Each entry of "codes" is {"code": "97546", "units": 1, "modifiers": ["GP"]}.'
        units, modifiers = item.get("units", 1), item.get("modifiers", [])
        if not isinstance(units, int) or isinstance(units, bool) or units < 1:
            return f'"units" of {item["code"][:16]} must be a whole number of at least 1.'
        if not isinstance(modifiers, list) or not all(isinstance(m, str) for m in modifiers):
            return f'"modifiers" of {item["code"][:16]} must be a list of two-character codes.'
        lines.append(claims.line(item["code"][:16], units, [m[:2] for m in modifiers[:4]]))
    if not lines:
        return '"codes" is empty: give at least one code.'
    try:
        day = date.fromisoformat(str(payload.get("date_of_service") or timezone.now().date()))
    except ValueError:
        return '"date_of_service" is a date as YYYY-MM-DD.'
    setting = payload.get("setting", "practitioner")
    if setting not in claims.SETTINGS:
        return '"setting" is "practitioner" or "outpatient".'
    return lines, day, setting

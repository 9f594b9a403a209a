"""The text tools' views: the tools page here, one module per tool.

Views stay thin: parse the request, check the limits, call the engine, render or
answer JSON. Nothing a visitor submits is logged, cached or stored.
"""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .case2code import api_case2code, case2code_page
from .claims import api_claim_check, claim_check
from .codelists import code_lists, delete_code_list
from .detect import api_detect_icd10cm, detect_icd10cm
from .pilot import api_casepilot, casepilot
from .redact import api_redact_phi, redact_phi


@dataclass(frozen=True)
class Tool:
    name: str
    summary: str
    url_name: str | None  # None: not built yet


TOOLS = [
    Tool(
        "RedactPHI",
        "Removes the 18 HIPAA Safe Harbor identifiers from clinical text.",
        "tools:redact-phi",
    ),
    Tool(
        "DetectICD10CM",
        "Finds the conditions a note documents and the ICD-10-CM codes "
        "they point to, with negated and historical mentions told apart.",
        "tools:detect-icd10cm",
    ),
    Tool(
        "Case2Code",
        "Turns a case description into candidate codes and checks them "
        "against the date of service.",
        "tools:case2code",
    ),
    Tool(
        "CasePilot",
        "Answers short coding questions from our own code pages, each fact cited with its "
        "release, and says so when our data cannot answer.",
        "tools:casepilot",
    ),
]


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    tools = [(tool, reverse(tool.url_name) if tool.url_name else None) for tool in TOOLS]
    return render(request, "tools/index.html", {"tools": tools})


__all__ = [
    "api_case2code",
    "api_casepilot",
    "api_claim_check",
    "api_detect_icd10cm",
    "api_redact_phi",
    "case2code_page",
    "casepilot",
    "claim_check",
    "code_lists",
    "delete_code_list",
    "detect_icd10cm",
    "index",
    "redact_phi",
]

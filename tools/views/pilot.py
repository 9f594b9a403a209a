"""CasePilot's conversation page (/tools/casepilot/) and JSON API (/api/casepilot).

Thin: parse, check the limits, call the engine (tools/pilot), render or answer JSON.
The question is never logged, cached or stored; the page keeps the conversation in the
visitor's session cookie only (conversation.py), the API keeps nothing.
"""

import json
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from .. import limits
from ..pilot import Answer, llm
from ..pilot import answer as pilot_answer
from . import conversation
from .common import error, over_limit_message

TOOL = "casepilot"
MAX_QUESTION = 500
MAX_HISTORY = 10
EXAMPLES = [
    "what's the code for laparoscopic appendectomy",
    "can 97546 be billed without 97545",
    "what does global ZZZ mean",
    "is E11.9 a CC",
    "which modifiers go with 97546",
    "was S30.1XXA valid on 2025-09-15",
]


class QuestionForm(forms.Form):
    question = forms.CharField(
        label="Your question",
        max_length=MAX_QUESTION,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


@sensitive_post_parameters("question", "follow_up")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_variables()
def casepilot(request: HttpRequest) -> HttpResponse:
    turns = conversation.load(request)
    if request.method == "POST" and "clear" in request.POST:
        cleared = HttpResponseRedirect(request.path, status=303)
        conversation.clear(cleared)
        return cleared
    context: dict[str, Any] = {"examples": EXAMPLES, "max_question": MAX_QUESTION}
    status = 200
    form = QuestionForm()
    latest: Answer | None = None
    if request.method == "POST":
        data = {"question": request.POST.get("follow_up") or request.POST.get("question", "")}
        form = QuestionForm(data)
        if not form.is_valid():
            status = 400
        else:
            quota = limits.take_run(request, TOOL)
            if quota.allowed:
                question = form.cleaned_data["question"]
                latest = _answer(question, [turn["q"] for turn in turns])
                turns.append(_turn(question, latest))
                form = QuestionForm()
            else:
                context["error"], status = over_limit_message(quota), 429
    context.update(
        form=form,
        turns=turns[:-1] if latest else turns,
        latest=latest,
        latest_question=turns[-1]["q"] if latest else "",
        guest_runs=settings.TOOLS_GUEST_RUNS_PER_DAY,
        member_runs=settings.TOOLS_MEMBER_RUNS_PER_DAY,
        model_configured=llm.configured(),
    )
    response = render(request, "tools/casepilot.html", context, status=status)
    if latest is not None:
        conversation.save(request, response, turns)
    return response


@require_POST
@never_cache
@sensitive_variables()
def api_casepilot(request: HttpRequest) -> JsonResponse:
    """POST {"question": "...", "history": ["earlier question", ...]} (CSRF token in the
    X-CSRFToken header) → {"answer", "facts", "citations", "used_model", ...}."""
    if limits.body_too_large(request):
        return error("The request is too large.", 413)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return error('The body must be JSON: {"question": "...", "history": []}.', 400)
    parsed = _request(payload)
    if isinstance(parsed, str):
        return error(parsed, 400)
    question, history = parsed
    if len(question) > MAX_QUESTION:
        return error(f"A question is at most {MAX_QUESTION} characters.", 413)
    quota = limits.take_run(request, TOOL)
    if not quota.allowed:
        return error(over_limit_message(quota), 429)
    found = _answer(question, history)
    return JsonResponse({**found.as_dict(), "remaining_runs": quota.remaining})


def _request(payload: object) -> tuple[str, list[str]] | str:
    if not isinstance(payload, dict) or not isinstance(payload.get("question"), str):
        return 'Send a JSON object with "question", a string.'
    question = " ".join(payload["question"].split())
    if not question:
        return '"question" is empty: ask something, e.g. "is E11.9 a CC".'
    history = payload.get("history", [])
    if not isinstance(history, list):
        return '"history" is a list of earlier questions.'
    earlier = []
    for item in history[-MAX_HISTORY:]:
        if isinstance(item, dict):
            item = item.get("question")
        if not isinstance(item, str):
            return '"history" holds earlier questions as strings (or {"question": ...}).'
        earlier.append(item[:MAX_QUESTION])
    return question, earlier


class AnswerFailed(Exception):
    """The engine failed; its own exception could quote the question, so it is not chained."""


@sensitive_variables()
def _answer(question: str, history: list[str]) -> Answer:
    try:
        found = pilot_answer(question, history)
    except Exception:
        raise AnswerFailed("CasePilot could not answer this question.") from None
    return llm.rephrase(question, found)


def _turn(question: str, found: Answer) -> conversation.Turn:
    return {
        "q": question,
        "a": found.text,
        "c": [[c.label, c.url, c.release] for c in found.citations[:6]],
        "v": found.verdict,
        "d": found.declined,
        "m": found.used_model,
    }

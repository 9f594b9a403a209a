"""The optional language-model layer: it may only reword an answer we computed.

Used only when settings name an OpenAI-compatible endpoint (CASEPILOT_LLM_URL, _MODEL,
_KEY). The `openai` package is not installed, so the one chat-completions request is
made with the standard library. RedactPHI runs on the question first and only the
redacted question, our answer sentence and our facts leave the server. A reply that
names a code or number our facts do not hold is refused; a timeout (10 s by default),
an error or a refusal all fall back to the answer computed without a model, and the
answer says which was used (`used_model`).
"""

import json
import re
import urllib.error
import urllib.request
from dataclasses import replace

from django.conf import settings

from .answer import Answer

SYSTEM = (
    "You reword answers of a medical coding reference. Rewrite the ANSWER in one or two "
    "plain sentences for the QUESTION, using only the ANSWER and FACTS given. Do not add "
    "codes, numbers, dates or facts; keep every code exactly as written."
)
# Code- or number-shaped words a reply may only repeat: E11.9, 97546, 0DTJ4ZZ, 1.9289, 2025-10-01.
CLAIM = re.compile(r"\b(?=[A-Z0-9.\-]*\d)[A-Z0-9][A-Z0-9.\-]{1,9}\b")
MAX_REPLY = 800


def configured() -> bool:
    return bool(settings.CASEPILOT_LLM_URL and settings.CASEPILOT_LLM_MODEL)


def rephrase(question: str, found: Answer) -> Answer:
    """`found` reworded by the model, or `found` itself when there is no model, the model
    fails, or its reply states anything our facts do not."""
    if not configured() or found.declined:
        return found
    try:
        reply = _ask(_redacted(question), found)
    except (OSError, ValueError, KeyError, IndexError, TypeError, urllib.error.URLError):
        return found
    if not reply or len(reply) > MAX_REPLY or not _only_our_facts(reply, found):
        return found
    return replace(found, text=reply, used_model=True)


def _redacted(question: str) -> str:
    from tools.catalogue import known_codes
    from tools.phi import Style, redact

    return redact(question, Style.TAGS, known_codes(question), settings.REDACT_PHI_MODEL).redacted


def _ask(question: str, found: Answer) -> str:
    facts = [f"{fact.label}: {fact.value}" for fact in found.facts]
    body = {
        "model": settings.CASEPILOT_LLM_MODEL,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM},
            {
                "role": "user",
                "content": json.dumps({"QUESTION": question, "ANSWER": found.text, "FACTS": facts}),
            },
        ],
    }
    url = settings.CASEPILOT_LLM_URL.rstrip("/") + "/chat/completions"
    if not url.startswith(("http://", "https://")):
        raise ValueError("CASEPILOT_LLM_URL is an http(s) URL")
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
        url,
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.CASEPILOT_LLM_KEY}",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=settings.CASEPILOT_LLM_TIMEOUT) as response:  # noqa: S310
        data = json.loads(response.read(65_536))
    return str(data["choices"][0]["message"]["content"]).strip()


def _only_our_facts(reply: str, found: Answer) -> bool:
    """Every code- or number-shaped word of the reply is in our answer, facts or codes."""
    ours = " ".join(
        [found.text, *found.codes, *(f"{f.label} {f.value}" for f in found.facts)]
    ).upper()
    allowed = set(CLAIM.findall(ours))
    return all(
        word.rstrip(".-") in allowed or word in allowed for word in CLAIM.findall(reply.upper())
    )

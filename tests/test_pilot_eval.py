"""CasePilot on its whole evaluation set (212 questions, 29 to decline), asked through
the JSON API on the full official data: floors a little under the measured figures
(bench/casepilot.py), every decline right, and no code in any answer that our
catalogue does not hold."""

import json

import pytest

from codes.models import Code, MsDrg
from tools.pilot import evaluation

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# Measured 2026-11-28 (bench/casepilot.py): 178 of 183 answered with the right citation
# (97.3%), 29 of 29 declines, 0 wrong, on SQLite and PostgreSQL. The issue: >= 90 %, 0 wrong.
CITED_FLOOR = 0.95
WRONG_CEILING = 0
KIND_FLOORS = {  # share of each intent's questions scored correct
    "what_is": 1.0,
    "indicator_meaning": 1.0,
    "addon": 1.0,
    "modifiers_for_code": 1.0,
    "together": 1.0,
    "history": 1.0,
    "date_of_service": 1.0,
    "out_of_scope": 1.0,
    "unknown": 1.0,
    "cc_mcc": 1.0,
    "drg": 1.0,
    "pcs_definition": 0.9,
    "gem": 1.0,
    "code_for_words": 0.8,
}


@pytest.fixture(scope="module")
def answers(full_catalogue, django_db_blocker):
    from django.test import Client

    from tests.people import verified_member

    with django_db_blocker.unblock():
        client = Client()
        member = verified_member("pilot-eval@example.com")
        member.is_staff = True  # staff: no daily limit
        member.save()
        client.force_login(member)
        found = {}
        for question in evaluation.questions():
            body = json.dumps({"question": question["question"], "history": []})
            response = client.post("/api/casepilot", body, content_type="application/json")
            assert response.status_code == 200, question["id"]
            found[question["id"]] = response.json()
        member.delete()
    return found


def test_floors(answers):
    tally = evaluation.Tally()
    for question in evaluation.questions():
        name = evaluation.bucket(question, answers[question["id"]])
        tally.buckets[question["kind"]][name] += 1
        if question["decline"]:
            tally.to_decline += 1
            tally.declined_right += name == "correct"
        if name != "correct":
            tally.misses.append((question["id"], name, answers[question["id"]]["answer"]))
    assert tally.total() == 212 and tally.to_decline == 29
    assert tally.decline_share == 1.0, tally.misses
    assert tally.cited_share >= CITED_FLOOR, tally.misses
    assert tally.count("wrong") <= WRONG_CEILING, tally.misses
    for kind, floor in KIND_FLOORS.items():
        share = tally.count("correct", kind) / tally.total(kind)
        assert share >= floor, (kind, [m for m in tally.misses if m[0]])


def test_declines_name_no_code_and_answers_only_codes_we_hold(answers):
    questions = {q["id"]: q for q in evaluation.questions()}
    asserted = set()
    for key, found in answers.items():
        if found["declined"] and not found["facts"]:
            assert found["codes"] == [] and found["citations"] == [], key
        if questions[key]["kind"] == "drg":
            drgs = set(MsDrg.objects.values_list("drg", flat=True))
            assert set(found["codes"]) <= drgs, key
        else:
            asserted |= set(found["codes"])
    held = set(Code.objects.filter(code__in=asserted).values_list("code", flat=True))
    assert asserted <= held, asserted - held


def test_every_linked_citation_is_one_of_our_pages(answers, staff_client):
    urls = {
        c["url"].split("#")[0] for found in answers.values() for c in found["citations"] if c["url"]
    }
    for url in sorted(urls)[:60]:
        response = staff_client.get(url)
        assert response.status_code == 200, url

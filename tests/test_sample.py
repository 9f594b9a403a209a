"""The bundled sample set: idempotent loading and the facts it carries."""

import pytest
from django.core.management import call_command

from codes.formats import format_error
from codes.models import Code
from tests.importing import snapshot


@pytest.mark.django_db
def test_second_load_changes_no_row(capsys):
    call_command("load_sample")
    first = snapshot()
    capsys.readouterr()
    call_command("load_sample")
    out = capsys.readouterr().out
    assert "0 rows written" in out
    assert snapshot() == first


@pytest.mark.django_db
def test_load_restores_an_edited_fact(capsys):
    call_command("load_sample", verbosity=0)
    Code.objects.filter(code="97546").update(short_description="EDITED")
    call_command("load_sample")
    assert "codes updated: 1" in capsys.readouterr().out
    assert Code.objects.get(code="97546").short_description == "WORK HARDENING ADD-ON"


def test_sample_covers_each_code_set(sample):
    counts = {s: Code.objects.filter(system=s).count() for s in ("cpt", "hcpcs", "modifier")}
    assert counts["cpt"] >= 20
    assert counts["hcpcs"] >= 20
    assert counts["modifier"] == 24


def test_every_sample_code_has_a_valid_format(sample):
    for code in Code.objects.all():
        assert format_error(code.system, code.kind, code.code) is None, code.code


def test_97546_page_shows_every_fact(client, sample):
    html = client.get("/cpt/97546/").content.decode()
    for fact in [
        "Sample data",
        "WORK HARDENING ADD-ON",
        "WORK HARDENING/CONDITIONING EACH HOUR",
        "Work hardening/conditioning; each additional hour (List separately in addition to code "
        "for primary procedure)",
        "R – Restricted coverage",
        "ZZZ – Code related to another service",
        "7 – Physical therapy service, payment may not be made",
        "Multiple procedure</th><td>0 – No payment adjustment",
        "Bilateral surgery</th><td>0 – 150% bilateral adjustment does not apply",
        "Physician supervision</th><td>09 – Supervision concept does not apply",
        "Assistant surgeon</th><td>0 – ",
        "Co surgeons</th><td>0 – Co-surgeons not permitted",
        "Team surgery</th><td>0 – Team surgery not permitted",
        "Diagnostic imaging family</th><td>99 – ",
        "A – Paid under a fee schedule or payment system other than OPPS",
        "1 – Medical care",
        "Z2 – Undefined codes",
        "MUE (Practitioner services)</th><td>2",
        "213 – Physical therapy exercises, manipulation, and other procedures",
        'report it with primary code\n        <a href="/cpt/97545/">97545</a>',
        'href="/modifiers/GP/">GP</a>',
        "1993-01-01</td><td>Added</td><td>First appearance in code book in 1993.",
        "Indications",
        "Procedure",
        "Post-Procedure",
    ]:
        assert fact in html, fact

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

"""OPPS Addendum B through import_opps."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from codes.models import OppsIndicator
from tests.cmsfiles import OPPS
from tests.importing import page_text

pytestmark = pytest.mark.django_db


def test_opps_addendum_b(staff_client, tmp_path):
    path = tmp_path / "2026_january_web_addendum_b.csv"
    path.write_text(OPPS, encoding="latin-1")
    call_command("import_opps", str(path), release=date(2026, 1, 1), verbosity=0)
    row = OppsIndicator.objects.get(code__code="70450")
    assert (row.status_indicator, row.apc, row.payment_rate) == ("S", "5522", Decimal("1117.49"))
    assert "OPPS status indicator A – Paid under a fee schedule" in page_text(
        staff_client, "/cpt/97546/"
    )
    path.write_text(OPPS.replace(",S,5522", ",ZZ,5522"), encoding="latin-1")
    with pytest.raises(CommandError, match=r"addendum_b\.csv:5: unknown status indicator 'ZZ'"):
        call_command("import_opps", str(path), release=date(2026, 4, 1), verbosity=0)

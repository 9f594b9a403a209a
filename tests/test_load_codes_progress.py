"""A first start says what it is doing: each load_codes step, then its progress line."""

import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from codes.importers.bundled import SOURCES
from tests.importing import FIXTURES

pytestmark = pytest.mark.django_db
CM = FIXTURES / "icd10cm"


def test_every_step_announces_itself_and_shows_progress():
    stderr = StringIO()
    call_command(
        "load_codes",
        verbosity=1,
        stdout=StringIO(),
        stderr=stderr,
        icd10cm_tabular=str(CM / "tabular.xml"),
        icd10cm_code_list=str(CM / "code-list.txt"),
        cc=str(CM / "cc_list.txt"),
        mcc=str(CM / "mcc_list.txt"),
        msdrg_weights=str(FIXTURES / "msdrg" / "drg_weights.txt"),
        icd10pcs=str(FIXTURES / "icd10pcs" / "icd_10_pcs.csv"),
        icd10pcs_labels=SOURCES["icd10pcs-labels"].files["icd10pcs-labels"](),
        effective=date(2026, 4, 1),
    )
    # A progress line is redrawn in place (\r); its final state ends the line.
    lines = [line.split("\r")[-1] for line in stderr.getvalue().splitlines()]
    steps = [
        ("icd10cm-tabular", "from tabular.xml, code-list.txt", "icd10cm 2026-04-01"),
        ("cc-mcc", "from cc_list.txt, mcc_list.txt", "cc-mcc 2026-04-01"),
        ("msdrg-weights", "from drg_weights.txt", "msdrg-weights 2026-04-01"),
        ("icd10pcs", "from icd_10_pcs.csv, icd10pcs.db", "icd10pcs 2026-04-01"),
        ("icd10pcs-labels", "from icd10pcs.db", "icd10pcs-labels 2026-04-01"),
        ("search index", "every code's search document", "Search index"),
    ]
    for step, doing, label in steps:
        said = next(n for n, line in enumerate(lines) if line.startswith(f"{step}: "))
        assert doing in lines[said], lines[said]
        progress = re.compile(rf"^{re.escape(label)}.* (100%|\d[\d,]* read) +\d+\.\ds$")
        assert any(progress.match(line) for line in lines[said + 1 :]), (step, lines)

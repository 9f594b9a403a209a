"""Helpers shared by importer tests: fixture paths and a snapshot of stored rows."""

from pathlib import Path

from django.apps import apps
from django.core import serializers

FIXTURES = Path(__file__).parent / "fixtures"


def snapshot():
    """Every row of every catalogue table, serialized, to compare before and after."""
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in apps.get_app_config("codes").get_models()
    ]


def load_small_catalogue():
    """The sample set, the small ICD-10-CM tabular fixture and the small PCS code list."""
    from datetime import date

    from django.core.management import call_command

    call_command("load_sample", verbosity=0)
    call_command(
        "load_codes",
        verbosity=0,
        icd10cm_tabular=str(FIXTURES / "icd10cm" / "tabular.xml"),
        icd10cm_code_list=str(FIXTURES / "icd10cm" / "code-list.txt"),
        effective=date(2026, 4, 1),
    )
    call_command(
        "load_codes",
        verbosity=0,
        icd10pcs=str(FIXTURES / "icd10pcs" / "icd_10_pcs.csv"),
        effective=date(2025, 10, 1),
    )


def page_text(client, url):
    """A page's visible words, tags removed and spaces collapsed, after asserting 200."""
    import re

    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())

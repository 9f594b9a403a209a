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

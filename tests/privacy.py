"""What the privacy tests of every text tool share: a marked text, and readers of
everything a run could leave behind (log records, database rows, cache entries, the
exception report Django would write)."""

import base64
import logging
import pickle
import sys

import pytest
from django.apps import apps
from django.core import serializers
from django.db import connection
from django.views.debug import get_exception_reporter_class

MARKER = "Zebulon Quixwick-Marrowfield"
TEXT = f"Patient: {MARKER}, MRN QX-4417302, seen 03/14/2026 at Quixwick Valley Hospital."


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    formatter = logging.Formatter()
    return "\n".join(formatter.format(record) + repr(vars(record)) for record in caplog.records)


def every_row() -> str:
    """Every row of every table Django knows, serialized, and the cache table's rows
    (their values unpickled)."""
    dumped = [
        serializers.serialize("json", model._base_manager.all()) for model in apps.get_models()
    ]
    from django.conf import settings

    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        table = connection.ops.quote_name(settings.CACHES["default"]["LOCATION"])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT cache_key, value FROM {table}")  # noqa: S608
            for key, value in cursor.fetchall():
                dumped.append(key)
                dumped.append(repr(pickle.loads(base64.b64decode(value))))  # noqa: S301
    return "\n".join(dumped)


def every_cache_entry() -> str:
    from django.conf import settings
    from django.core.cache import cache

    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        return ""  # read with the tables
    client = cache._cache.get_client()
    return "\n".join(repr((key, client.get(key))) for key in client.keys("*"))


def report(request) -> tuple[str, str]:
    """Django's exception report (HTML, text) for `request`, raised while a local
    variable holds the submitted text, as a failing view's frame would."""
    try:
        note = TEXT  # a local variable holding the text, as a view's frame would
        raise ValueError(f"could not parse {note}") from KeyError(note)
    except ValueError:
        reporter = get_exception_reporter_class(request)(request, *sys.exc_info())
        return reporter.get_traceback_html(), reporter.get_traceback_text()

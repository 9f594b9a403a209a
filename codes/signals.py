"""Any catalogue write makes cached code pages stale."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from . import pagecache, searchindex
from .models import Code, CodeNote

_bulk: ContextVar[bool] = ContextVar("catalogue_bulk_write", default=False)


@contextmanager
def bulk_write() -> Iterator[None]:
    """For a loader that syncs the search index and bumps the page cache once at its end:
    per-row refreshes would repeat that work row by row (thousands of queries, minutes
    on PostgreSQL for the sample set)."""
    token = _bulk.set(True)
    try:
        yield
    finally:
        _bulk.reset(token)


def _bump(**kwargs: Any) -> None:
    if not _bulk.get():
        pagecache.bump(**kwargs)


def refresh_search(sender: type[Model], instance: Model, **kwargs: object) -> None:
    """An admin edit to a code or its notes re-indexes that code for search."""
    if _bulk.get():
        return
    code_id = int(instance.pk if sender is Code else getattr(instance, "code_id", 0))
    if sender is Code and kwargs.get("signal") is post_delete:
        return  # the search document goes with the code (cascade)
    searchindex.refresh_code(code_id)


def connect() -> None:
    for model in (Code, CodeNote):
        post_save.connect(
            refresh_search, sender=model, dispatch_uid=f"search-save-{model.__name__}"
        )
    post_delete.connect(refresh_search, sender=CodeNote, dispatch_uid="search-del-CodeNote")
    for catalogue_model in apps.get_app_config("codes").get_models():
        name = catalogue_model.__name__
        uid = f"pagecache-save-{name}"
        post_save.connect(_bump, sender=catalogue_model, dispatch_uid=uid)
        post_delete.connect(_bump, sender=catalogue_model, dispatch_uid=f"pagecache-del-{name}")

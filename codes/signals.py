"""Any catalogue write makes cached code pages stale."""

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from . import pagecache, searchindex
from .models import Code, CodeNote


def refresh_search(sender: type[Model], instance: Model, **kwargs: object) -> None:
    """An admin edit to a code or its notes re-indexes that code for search."""
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
        post_save.connect(pagecache.bump, sender=catalogue_model, dispatch_uid=uid)
        post_delete.connect(
            pagecache.bump, sender=catalogue_model, dispatch_uid=f"pagecache-del-{name}"
        )

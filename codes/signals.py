"""Any catalogue write makes cached code pages stale."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from . import pagecache


def connect() -> None:
    for model in apps.get_app_config("codes").get_models():
        name = model.__name__
        post_save.connect(pagecache.bump, sender=model, dispatch_uid=f"pagecache-save-{name}")
        post_delete.connect(pagecache.bump, sender=model, dispatch_uid=f"pagecache-del-{name}")

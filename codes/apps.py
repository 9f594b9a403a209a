from django.apps import AppConfig


class CodesConfig(AppConfig):
    name = "codes"
    verbose_name = "Code catalogue"

    def ready(self) -> None:
        from . import signals

        signals.connect()

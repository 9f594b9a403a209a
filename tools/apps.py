from django.apps import AppConfig
from django.conf import settings


class ToolsConfig(AppConfig):
    """The text tools (RedactPHI first). They read the catalogue and never write it."""

    name = "tools"
    verbose_name = "Text tools"

    def ready(self) -> None:
        if settings.REDACT_PHI_PRELOAD:  # seconds at start-up instead of on a first request
            from tools.phi import engine

            engine.get(settings.REDACT_PHI_MODEL)

from django.apps import AppConfig


class ToolsConfig(AppConfig):
    """The text tools (RedactPHI first). They read the catalogue and never write it."""

    name = "tools"
    verbose_name = "Text tools"

"""What the tools keep: how many times a visitor ran a tool today. Never what they ran."""

from django.conf import settings
from django.db import models


class RunCount(models.Model):
    """Runs of one tool by one visitor on one UTC day, counted by an atomic UPDATE so
    concurrent requests on any app server can never run past the limit."""

    day = models.DateField()
    tool = models.CharField(max_length=32)
    subject = models.CharField(
        max_length=80, help_text="u:<user id> or a:<keyed address hash>, never an address."
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # Also the index for the counter's one-row UPDATE.
            models.UniqueConstraint(fields=["day", "tool", "subject"], name="tools_run_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.tool} {self.day} {self.subject}: {self.count}"


class SavedCodeList(models.Model):
    """A member's checked code list, to check again later: codes with units and
    modifiers, a date of service and a setting. Never the case text: `codes` is rebuilt
    from the parsed lines (tools.codelists), so only code-shaped items are kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="code_lists"
    )
    name = models.CharField(max_length=80)
    codes = models.TextField(help_text="One line per code: 97546 x2 GP.")
    date_of_service = models.DateField()
    setting = models.CharField(max_length=16)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "-created"], name="tools_codelist_user_created")]

    def __str__(self) -> str:
        return self.name

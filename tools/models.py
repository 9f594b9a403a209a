"""What the tools keep: how many times a visitor ran a tool today. Never what they ran."""

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

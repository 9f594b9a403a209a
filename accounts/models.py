"""Plans and the page-view allowance state (in the database: every server sees the same)."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Profile(models.Model):
    """What an account is entitled to. A user without a profile is on the free plan."""

    class Plan(models.TextChoices):
        FREE = "free", "Free"
        UNLIMITED = "unlimited", "Unlimited"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    plan = models.CharField(max_length=10, choices=Plan, default=Plan.FREE)

    def __str__(self) -> str:
        return f"{self.user} ({self.get_plan_display()})"


class Unlock(models.Model):
    """One code page unlocked by one subject in one allowance window.

    A subject is a member (`u:<id>`), a guest cookie (`g:<random id>`) or a guest's
    keyed address hash (`a:<hmac>`). Slots run 1…limit and are unique per subject and
    window, so concurrent requests can never hold more unlocks than the allowance.
    """

    window = models.DateField(help_text="First day of the allowance window.")
    subject = models.CharField(max_length=80)
    code = models.ForeignKey("codes.Code", on_delete=models.CASCADE, related_name="+")
    slot = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["window", "subject", "slot"]
        constraints = [
            # Also the index for "what has this subject unlocked in this window".
            models.UniqueConstraint(
                fields=["window", "subject", "code"], name="accounts_unlock_once_per_code"
            ),
            models.UniqueConstraint(
                fields=["window", "subject", "slot"], name="accounts_unlock_one_per_slot"
            ),
            models.CheckConstraint(condition=Q(slot__gte=1), name="accounts_unlock_slot_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.window}: {self.code_id} (slot {self.slot})"

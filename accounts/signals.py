from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import allowance


@receiver(user_logged_in, dispatch_uid="allowance-carry-over")
def carry_guest_views_over(sender, request, user, **kwargs):
    if request is not None:
        allowance.carry_over(request, user)

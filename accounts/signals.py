from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from . import allowance


@receiver(user_logged_in, dispatch_uid="allowance-carry-over")
def carry_guest_views_over(
    sender: object, request: HttpRequest | None, user: AbstractBaseUser, **kwargs: object
) -> None:
    if request is not None:
        allowance.carry_over(request, user)

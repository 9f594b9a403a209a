"""The visitors tests play: guests, members who sign up and confirm, verified members."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core import mail
from django.test import Client

PASSWORD = "long-enough-pass-123"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)")


def sign_up(client: Client, email: str = "coder@example.com", password: str = PASSWORD):
    response = client.post(
        "/accounts/signup/", {"email": email, "password1": password, "password2": password}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def confirm_email(client: Client, email: str = "coder@example.com") -> None:
    """Follow the confirmation link of the last email sent to `email`, as its reader would."""
    sent = [message for message in mail.outbox if email in message.to]
    assert sent, f"no email to {email}"
    link = CONFIRM_LINK.search(sent[-1].body)
    assert link, sent[-1].body
    response = client.post(link[1])
    assert response.status_code == 302, response.content.decode()[:2000]


def register(client: Client, email: str = "coder@example.com") -> None:
    """Sign up and confirm the address: a free account with its full allowance."""
    sign_up(client, email)
    confirm_email(client, email)


def verified_member(email: str = "member@example.com") -> AbstractBaseUser:
    user = get_user_model().objects.create_user(email.split("@")[0], email, PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user

"""Accounts through HTTP: sign-up, confirmation, login limits, logout, deletion."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from .people import PASSWORD, sign_up, verified_member


def test_account_page_needs_login(client, db):
    response = client.get("/accounts/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_signup_sends_a_confirmation_email_and_waits_for_it(client, db):
    response = sign_up(client, "new@example.com")
    assert response["Location"] == "/accounts/confirm-email/"
    assert len(mail.outbox) == 1 and "new@example.com" in mail.outbox[0].to
    assert client.get("/accounts/").status_code == 302  # not logged in until confirmed


def test_signup_answers_alike_whether_or_not_the_email_is_registered(db):
    verified_member("known@example.com")
    known = sign_up(Client(), "known@example.com")
    new = sign_up(Client(), "nobody@example.com")
    assert known["Location"] == new["Location"] == "/accounts/confirm-email/"
    assert EmailAddress.objects.filter(email="known@example.com").count() == 1
    # Each address gets an email: the owner of the known one is told they have an account.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "known@example.com",
        "nobody@example.com",
    ]


def test_weak_password_is_a_form_error(client, db):
    response = client.post(
        "/accounts/signup/",
        {"email": "a@example.com", "password1": "password", "password2": "password"},
    )
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()


def test_logout_is_a_post(client, db):
    client.force_login(verified_member("m@example.com"))
    client.get("/accounts/logout/")
    assert client.get("/accounts/").status_code == 200  # still logged in
    client.post("/accounts/logout/")
    assert client.get("/accounts/").status_code == 302


def test_failed_logins_are_rate_limited(client, db):
    verified_member("victim@example.com")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "victim@example.com", "password": "wrong-guess"})
    response = client.post(
        "/accounts/login/", {"login": "victim@example.com", "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get("/accounts/").status_code == 302


def test_password_reset_does_not_reveal_whether_an_email_is_registered(client, db):
    verified_member("known@example.com")
    known = client.post("/accounts/password/reset/", {"email": "known@example.com"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_open_redirects_are_refused(client, db):
    verified_member("m@example.com")
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {"login": "m@example.com", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_delete_account(client, db, django_user_model):
    user = verified_member("m@example.com")
    client.force_login(user)
    wrong = client.post("/accounts/delete/", {"password": "not-it"})
    assert "That is not your password." in wrong.content.decode()
    assert django_user_model.objects.filter(pk=user.pk).exists()
    done = client.post("/accounts/delete/", {"password": PASSWORD})
    assert done.status_code == 302
    assert not django_user_model.objects.filter(pk=user.pk).exists()


@pytest.mark.parametrize("url", ["/cpt/97546/", "/icd10cm/", "/"])
def test_a_flash_message_shows_on_the_next_page_cached_or_not(client, sample, url):
    verified_member("m@example.com")
    client.post("/accounts/login/", {"login": "m@example.com", "password": PASSWORD})
    assert "Successfully signed in" in client.get(url).content.decode()
    assert "Successfully signed in" not in client.get(url).content.decode()

"""Concurrent requests never unlock more than the allowance (run on SQLite and PostgreSQL)."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client

from accounts import allowance
from accounts.models import Unlock
from codes.models import Code

from .people import verified_member

THREADS = 20


@pytest.fixture
def codes(transactional_db):
    call_command("load_sample", verbosity=0)
    found = list(
        Code.objects.filter(system__in=["cpt", "hcpcs"], kind="code").values_list("system", "code")
    )
    assert len(found) >= THREADS
    return found[:THREADS]


def storm(make_client, codes):
    """All threads request a different code at the same moment; returns the full pages."""
    barrier = threading.Barrier(len(codes))
    results = []

    def one(system, code):
        client = make_client()
        try:
            barrier.wait()
            response = client.get(f"/{system}/{code}/")
            results.append(
                (code, response.status_code, 'class="gate"' not in response.content.decode())
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=pair) for pair in codes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == len(codes), "a request thread died (its error is reported above)"
    assert all(status == 200 for _, status, _ in results)
    return [code for code, _, full in results if full]


def test_one_guest_twenty_codes_at_once_gets_exactly_one(codes):
    signed = HttpResponse()
    signed.set_signed_cookie(allowance.COOKIE, "one-guest", salt=allowance.COOKIE_SALT)
    cookie = signed.cookies[allowance.COOKIE].value

    def make_client():
        client = Client(REMOTE_ADDR="198.51.100.20")
        client.cookies[allowance.COOKIE] = cookie
        return client

    full = storm(make_client, codes)
    assert len(full) == 1
    assert Unlock.objects.filter(subject="g:one-guest").count() == 1


def test_a_free_account_gets_exactly_its_remaining_views(codes):
    user = verified_member("m@example.com")
    first = Client()
    first.force_login(user)
    first.get(f"/{codes[0][0]}/{codes[0][1]}/")  # 1 of 6 used before the storm
    session = first.cookies["sessionid"].value

    def make_client():
        client = Client()
        client.cookies["sessionid"] = session
        return client

    full = storm(make_client, codes[1:])
    assert len(full) == 5
    assert Unlock.objects.filter(subject=f"u:{user.pk}").count() == 6

"""The page-view allowance through HTTP: guests 1 code, free accounts 6 in all."""

from datetime import date

import pytest
from django.test import Client

from accounts.models import Profile, Unlock
from codes.models import Code

from .people import PASSWORD, confirm_email, register, sign_up, verified_member

CPT = ["97546", "97545", "99213", "99214", "99203", "10060", "11042", "20610"]
PROTECTED = [
    "Work hardening/conditioning; each additional hour",  # official description
    "Each extra hour of a work hardening",  # plain-language description
    "Indications",  # authored section
    "ZZZ – Code related to another service",  # indicator
    "Global days",
    'href="/cpt/97545/"',  # relation
]


def get(client, code):
    response = client.get(f"/cpt/{code}/")
    assert response.status_code == 200
    return response


def is_full(response) -> bool:
    return "Official description" in response.content.decode() or (
        "Common language description" in response.content.decode()
    )


def is_gate(response) -> bool:
    return 'class="gate"' in response.content.decode()


def test_guest_first_page_full_second_gated_first_again_full(client, sample):
    first = get(client, "97546")
    assert is_full(first)
    body = " ".join(first.content.decode().split())  # the text as a reader sees it
    assert "0 code page views remaining" in body
    assert "Register a free account to get 5 more views" in body
    assert first["Cache-Control"] == "private"

    second = get(client, "97545")
    assert is_gate(second)
    assert second["Cache-Control"] in ("private, no-store", "no-store, private")
    assert "97545" in second.content.decode()
    assert get(client, "97546").status_code == 200 and is_full(get(client, "97546"))


def test_gate_carries_none_of_the_protected_content(client, sample):
    get(client, "97545")  # the guest's one code
    gate = get(client, "97546").content.decode()
    assert "WORK HARDENING ADD-ON" in gate  # the code's short title is allowed
    for text in PROTECTED:
        assert text not in gate, text
    assert 'href="/accounts/signup/?next=/cpt/97546/"' in gate


def test_headings_modifiers_browse_and_search_are_free(client, sample):
    get(client, "97546")
    for url in [
        "/modifiers/GP/",
        "/modifiers/25/",
        "/cpt/",
        "/cpt/group/medicine/",
        "/search/?q=97545",
        "/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not is_gate(response), url
    assert Unlock.objects.filter(subject__startswith="g:").count() == 1  # 97546 only


def test_clearing_cookies_gains_at_most_the_address_cap(sample, settings):
    assert settings.ALLOWANCE_ADDRESS_CAP == 3
    opened = [is_full(get(Client(REMOTE_ADDR="198.51.100.4"), code)) for code in CPT[:4]]
    assert opened == [True, True, True, False]  # a new cookie each time, one address
    # Codes the address already opened stay open to anyone behind it.
    assert is_full(get(Client(REMOTE_ADDR="198.51.100.4"), "97546"))
    assert is_full(get(Client(REMOTE_ADDR="198.51.100.5"), "99214"))


def test_colleagues_behind_one_address_each_get_their_page(sample):
    office = [Client(REMOTE_ADDR="203.0.113.9") for _ in range(4)]
    pages = [is_full(get(colleague, code)) for colleague, code in zip(office, CPT, strict=False)]
    assert pages == [True, True, True, False]
    assert is_gate(get(office[0], "99214"))  # each guest's own cookie still allows 1


def test_no_raw_address_is_stored(sample):
    get(Client(REMOTE_ADDR="198.51.100.77"), "97546")
    subjects = list(Unlock.objects.values_list("subject", flat=True))
    assert subjects and not any("198.51.100.77" in subject for subject in subjects)


def test_trusted_proxy_header_names_the_client(settings, sample):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.ALLOWANCE_ADDRESS_CAP = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    one = Client(**proxy, HTTP_X_FORWARDED_FOR="198.51.100.10")
    two = Client(**proxy, HTTP_X_FORWARDED_FOR="198.51.100.11")
    spoofed = Client(**proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.10")
    assert is_full(get(one, "97546"))
    assert is_full(get(two, "97545"))
    assert is_gate(get(spoofed, "99213"))  # the proxy appended .10: the same client as `one`


def test_register_unlocks_five_more_and_the_sixth_is_gated(client, sample):
    assert is_full(get(client, "97546"))  # as a guest
    register(client)
    for code in CPT[1:6]:
        response = get(client, code)
        assert is_full(response), code
    assert "0 code page views remaining" in response.content.decode()
    gate = get(client, CPT[6])
    assert is_gate(gate)
    assert "Your views reset on 1 " in gate.content.decode()
    # Everything opened this month stays open, the guest's code included.
    assert is_full(get(client, "97546"))


def test_guest_views_carry_over_when_logging_in(sample):
    verified_member("member@example.com")
    client = Client()
    get(client, "97546")
    client.post("/accounts/login/", {"login": "member@example.com", "password": PASSWORD})
    codes = set(
        Unlock.objects.filter(subject__startswith="u:").values_list("code__code", flat=True)
    )
    assert codes == {"97546"}
    assert "5 code page views remaining" in get(client, "97546").content.decode()


def test_staff_and_unlimited_plan_are_never_gated(staff_client, client, sample):
    for code in CPT:
        assert is_full(get(staff_client, code))
    user = verified_member("u@example.com")
    Profile.objects.create(user=user, plan=Profile.Plan.UNLIMITED)
    client.force_login(user)
    for code in CPT:
        response = get(client, code)
        assert is_full(response) and "remaining" not in response.content.decode()


def test_a_new_window_restores_the_allowance(client, sample, time_machine):
    time_machine.move_to("2026-11-20 12:00:00Z")
    get(client, "97546")
    assert is_gate(get(client, "97545"))
    time_machine.move_to("2026-12-01 00:00:01Z")
    assert is_full(get(client, "97545"))
    assert Unlock.objects.filter(window=date(2026, 12, 1)).exists()


def test_account_page_shows_plan_usage_reset_and_codes(client, sample):
    register(client)
    get(client, "97546")
    get(client, "99213")
    page = client.get("/accounts/").content.decode()
    assert "Free" in page
    assert "2 used, 4 remaining of 6" in page
    assert 'href="/cpt/97546/"' in page and 'href="/cpt/99213/"' in page


def test_security_headers(client, sample):
    response = client.get("/cpt/97546/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    cookie = response.cookies["ca_guest"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_every_form_carries_a_csrf_token(client, db, django_user_model):
    for url in ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]:
        assert 'name="csrfmiddlewaretoken"' in client.get(url).content.decode(), url
    user = django_user_model.objects.create_user("m", "m@example.com", "long-enough-pass-123")
    client.force_login(user)
    assert 'name="csrfmiddlewaretoken"' in client.get("/accounts/delete/").content.decode()
    enforcing = Client(enforce_csrf_checks=True)
    enforcing.force_login(user)
    assert (
        enforcing.post("/accounts/delete/", {"password": "long-enough-pass-123"}).status_code == 403
    )


@pytest.mark.parametrize("code", ["97546"])
def test_code_set_headings_are_free(client, sample, code):
    Code.objects.create(
        system="cpt", code="97000-97799", kind="range", short_description="Physical medicine"
    )
    get(client, code)
    assert client.get("/cpt/97000-97799/").status_code == 200
    assert not is_gate(client.get("/cpt/97000-97799/"))


def test_a_head_request_spends_no_view(client, sample):
    assert client.head("/cpt/97546/").status_code == 200
    assert not Unlock.objects.exists()
    assert is_full(get(client, "97545"))  # the guest's one view is still there
    assert client.head("/cpt/97545/").status_code == 200
    assert Unlock.objects.filter(subject__startswith="g:").count() == 1


def test_an_unconfirmed_account_keeps_the_guest_allowance(client, sample, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"  # logged in before confirming
    sign_up(client)
    first = get(client, "97546")
    assert is_full(first)
    assert "Confirm your email address to get 5 more views" in first.content.decode()
    assert 'href="/accounts/email/"' in first.content.decode()  # send the link again
    gate = get(client, "97545")
    assert is_gate(gate) and "Confirm your email address to read on" in gate.content.decode()
    confirm_email(client)
    assert all(is_full(get(client, code)) for code in CPT[1:6])
    assert is_gate(get(client, CPT[6]))


def test_made_up_sign_ups_from_one_address_gain_nothing(sample, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    full = 0
    for number in range(3):
        client = Client(REMOTE_ADDR="192.0.2.50")
        sign_up(client, f"fake{number}@example.com")
        full += sum(is_full(get(client, code)) for code in CPT)
    assert full == settings.ALLOWANCE_ADDRESS_CAP  # 18 before: three accounts of 6


def test_views_counted_only_against_the_address_carry_over(sample):
    for code in ("97546", "97545"):  # a guest who clears cookies between pages
        get(Client(REMOTE_ADDR="192.0.2.60"), code)
    client = Client(REMOTE_ADDR="192.0.2.60")
    register(client)
    page = get(client, "97546").content.decode()
    assert "4 code page views remaining" in page
    opened = Unlock.objects.filter(subject__startswith="u:").values_list("code__code", flat=True)
    assert set(opened) == {"97546", "97545"}


def test_a_cpt_gate_without_a_licensed_descriptor_names_the_code_only(client, sample):
    get(client, "97546")
    gate = get(client, "36415").content.decode()
    assert "CPT code 36415" in gate
    assert "Drawing blood from a vein" not in gate

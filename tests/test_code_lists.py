"""Saved code lists: a member saves the codes a claim check ran on and checks them again;
only code-shaped items are kept, never words pasted with them; guests are asked to log in."""

import pytest
from django.test import Client

from tests.people import verified_member
from tools import codelists
from tools.models import SavedCodeList

CHECK = "/tools/case2code/check/"
LISTS = "/tools/case2code/lists/"
DAY = "2026-06-01"


@pytest.fixture
def member(sample):
    user = verified_member("lists@example.com")
    client = Client()
    client.force_login(user)
    return client, user


def save(client, codes, name="Knee therapy"):
    data = {"name": name, "codes": codes, "date_of_service": DAY, "setting": "practitioner"}
    return client.post(LISTS, data)


def test_a_guest_is_asked_to_log_in(client, sample):
    assert client.get(LISTS)["Location"].startswith("/accounts/login/")
    checked = client.post(
        CHECK, {"codes": "97546 x2 GP", "date_of_service": DAY, "setting": "practitioner"}
    )
    assert checked.status_code == 200
    page = checked.content.decode()
    assert "to save code lists" in page and 'name="name"' not in page
    assert save(client, "97546").status_code == 302
    assert not SavedCodeList.objects.exists()


def test_a_member_saves_the_checked_codes_and_sees_them(member):
    client, user = member
    checked = client.post(
        CHECK, {"codes": "97546 x2 GP, 97545 GP", "date_of_service": DAY, "setting": "practitioner"}
    )
    page = checked.content.decode()
    assert "Save this code list" in page and 'name="name"' in page
    response = save(client, "97546 x2 GP\n97545 x1 GP")
    assert response.status_code == 302 and response["Location"] == LISTS
    saved = SavedCodeList.objects.get(user=user)
    assert saved.codes == "97546 x2 GP\n97545 x1 GP"
    assert str(saved.date_of_service) == DAY and saved.setting == "practitioner"
    listing = client.get(LISTS).content.decode()
    assert "Knee therapy" in listing and "97546 x2 GP" in listing and "Check again" in listing


def test_words_pasted_with_the_codes_are_never_stored(member):
    client, user = member
    pasted = "Jane, Roe, seen for knee pain\nPatient\n97546 x2 GP, 44821907, 97545"
    assert save(client, pasted).status_code == 302
    stored = SavedCodeList.objects.get(user=user).codes
    assert stored == "97546 x2 GP\n97545 x1"
    for word in ("Jane", "ROE", "knee", "44821907", "Patient"):
        assert word.lower() not in stored.lower()


def test_checking_a_saved_list_again_runs_the_claim_check(member):
    client, _ = member
    save(client, "97546 x1 GP")
    saved = SavedCodeList.objects.get()
    again = client.post(
        CHECK,
        {"codes": saved.codes, "date_of_service": DAY, "setting": saved.setting},
    )
    assert again.status_code == 200
    assert "Findings for 2026-06-01" in again.content.decode()


def test_bad_saves_say_why_and_keep_nothing(member):
    client, _ = member
    unnamed = save(client, "97546", name="")
    assert unnamed.status_code == 400 and "Give the list a name" in unnamed.content.decode()
    no_codes = save(client, "knee pain after a fall")
    assert no_codes.status_code == 400 and "no codes to save" in no_codes.content.decode()
    assert not SavedCodeList.objects.exists()


def test_a_member_keeps_at_most_the_limit(member):
    client, user = member
    SavedCodeList.objects.bulk_create(
        SavedCodeList(
            user=user, name=f"L{i}", codes="97546 x1", date_of_service=DAY, setting="practitioner"
        )
        for i in range(codelists.MAX_LISTS)
    )
    full = save(client, "97545")
    assert full.status_code == 400 and "delete one to save another" in full.content.decode()
    assert SavedCodeList.objects.filter(user=user).count() == codelists.MAX_LISTS


def test_lists_are_private_to_their_member(member):
    client, _ = member
    save(client, "97546 x2 GP", name="Mine")
    saved = SavedCodeList.objects.get()
    other = Client()
    other.force_login(verified_member("other@example.com"))
    assert "Mine" not in other.get(LISTS).content.decode()
    assert other.post(f"{LISTS}{saved.pk}/delete/").status_code == 404
    assert SavedCodeList.objects.filter(pk=saved.pk).exists()
    assert client.get(f"{LISTS}{saved.pk}/delete/").status_code == 405  # POST only
    assert client.post(f"{LISTS}{saved.pk}/delete/").status_code == 302
    assert not SavedCodeList.objects.exists()


def test_saving_needs_the_csrf_token(sample):
    client = Client(enforce_csrf_checks=True)
    client.force_login(verified_member("csrf@example.com"))
    assert save(client, "97546").status_code == 403
    assert not SavedCodeList.objects.exists()

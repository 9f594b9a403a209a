"""RedactPHI through its JSON API on layouts the general rules are for: a letter's
address block, a coverage table, places named by the sentence around them, and the
payers and headings that are not PHI. The note is invented for this test."""

import json

import pytest

NOTE = """PRIOR AUTHORIZATION REQUEST - ADVANCED IMAGING
Flat 2, Tanner Court
Hollins Brook Road
Brackenfield, Derbyshire DE55 6QT
Tel 01632 960771

Patient: Winifred "Winnie" Abernathy   DOS 040926
Home: 2810 W 41st Ave, Building D, 3rd floor rear, Lakewood, CO 80212
Winter: 77 Saguaro Loop, Delmore Flats 85341. Her son-in-law Osric lives in Quillmere and
she retired from Tallow Creek Grain Cooperative; works as a greeter at Fenwick Outfitters.

Level       Payer                         ID / policy            Group
Primary     Hartwell Mutual PPO           HMP 552 019 884        77310
Dental      Ridgeline Dental Alliance     RDA 6620 1045          D-4471

Private insurer: Ridgeline Dental, member RDA 6620 1045. Seen Tues 3/5 and 3/12-3/14.
Thanks, Ottoline
"""


@pytest.mark.django_db
def test_address_lines_tables_and_sentences(client):
    response = client.post(
        "/api/redact-phi", json.dumps({"text": NOTE}), content_type="application/json"
    )
    assert response.status_code == 200
    found = {NOTE[s["start"] : s["end"]] for s in response.json()["spans"]}
    redacted = response.json()["redacted"]
    for value in [
        "Flat 2, Tanner Court",
        "Hollins Brook Road",
        "DE55 6QT",
        "01632 960771",
        "040926",
        "2810 W 41st Ave, Building D, 3rd floor rear",
        "80212",
        "77 Saguaro Loop",
        "Delmore Flats",
        "85341",
        "Brackenfield",
        "Osric",
        "Quillmere",
        "Tallow Creek Grain Cooperative",
        "Fenwick Outfitters",
        "HMP 552 019 884",
        "77310",
        "D-4471",
        "3/5",
        "3/12-3/14",
        "Ottoline",
    ]:
        assert value in found, value
    for value in ["Winifred", "Winnie", "Abernathy", "Lakewood", "RDA 6620 1045"]:
        assert value not in redacted, value
    # Payers and a form's heading are not PHI: they stay.
    for kept in ["Hartwell Mutual PPO", "Ridgeline Dental,", "ADVANCED IMAGING"]:
        assert kept in redacted, kept


@pytest.mark.django_db
def test_identifiers_by_their_labels_and_dates_in_their_forms(client):
    text = (
        "Passport no. 548812093; portal username: wbell1984; court docket 26-CV-01188.\n"
        "Pager 4471. Rx #6012247 refilled. Seen 05MAR2026, DOS 030526, Mar 3-5, 2026.\n"
        "Lisinopril 10 mg daily; Rx 500 mg; pain 2/10; as time permits.\n"
    )
    response = client.post(
        "/api/redact-phi", json.dumps({"text": text}), content_type="application/json"
    )
    found = {text[s["start"] : s["end"]] for s in response.json()["spans"]}
    assert found == {
        "548812093",
        "wbell1984",
        "26-CV-01188",
        "4471",
        "6012247",
        "05MAR2026",
        "030526",
        "Mar 3-5, 2026",
    }


@pytest.mark.django_db
def test_names_by_the_words_around_them(client):
    text = (
        "ROS per Babajide (son). EMT Okonkwo drove. She says her name is Zephyrine.\n"
        "Pt: O'CONNOR, SEAN P\n"
        "Her son-in-law Darnell and Jae-won Park, PharmD, agree.\n"
        "Faith Okorie, known as Podge, visits. Plan: Gulf Meridian Health Plan review.\n"
        "Thanks, Bea\n"
    )
    response = client.post(
        "/api/redact-phi", json.dumps({"text": text}), content_type="application/json"
    )
    found = {text[s["start"] : s["end"]] for s in response.json()["spans"]}
    for name in ["Babajide", "Okonkwo", "Zephyrine", "O'CONNOR, SEAN P", "Darnell"]:
        assert name in found, name
    for name in ["Jae-won Park", "Faith Okorie", "Podge", "Bea"]:
        assert name in found, name
    assert not any("Meridian" in value for value in found)  # a plan, not a person


@pytest.mark.django_db
def test_states_and_countries_stay_towns_go(client):
    text = (
        "Moved from North Carolina to New South Wales; born in the Dominican Republic.\n"
        "Now lives in Lebanon, PA 17042 and 14B Rue Sainte-Catherine Ouest, Montréal.\n"
    )
    response = client.post(
        "/api/redact-phi", json.dumps({"text": text}), content_type="application/json"
    )
    found = {text[s["start"] : s["end"]] for s in response.json()["spans"]}
    assert found == {"Lebanon", "17042", "14B Rue Sainte-Catherine Ouest", "Montréal"}

"""The RedactPHI page and the tools list through HTTP, without JavaScript."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tools.phi import measured

PAGE = "/tools/redact-phi/"
TEXT = "Patient: Grace Oyelaran, DOB 07/19/1961, seen at Riverbend Family Medicine."


@pytest.mark.django_db
def test_tools_list_links_only_the_tools_that_exist(client):
    page = client.get("/tools/").content.decode()
    for name in ("RedactPHI", "DetectICD10CM", "Case2Code", "CasePilot"):
        assert name in page
    assert "Coming" not in page  # all four are built
    assert f'<a href="{PAGE}"><strong>RedactPHI</strong></a>' in page
    assert '<a href="/tools/detect-icd10cm/"><strong>DetectICD10CM</strong></a>' in page
    assert '<a href="/tools/case2code/"><strong>Case2Code</strong></a>' in page
    assert '<a href="/tools/casepilot/"><strong>CasePilot</strong></a>' in page


@pytest.mark.django_db
def test_header_offers_the_tools(client, sample):
    for path in ("/", "/cpt/97546/", "/tools/"):
        assert '<a href="/tools/">Tools</a>' in client.get(path).content.decode()


@pytest.mark.django_db
def test_page_is_honest_about_limits(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Assisted redaction: review the result before you share it." in page
    assert f"removed\n    <strong>{measured.RECALL:.1%}</strong> of the identifiers" in page
    assert f"<strong>{measured.PRECISION:.1%}</strong> of what it removed" in page
    legend = re.findall(r'<dt><span class="phi phi-([A-Z_]+)">', page)
    assert legend == [
        "NAME",
        "LOCATION",
        "DATE",
        "AGE",
        "PHONE",
        "FAX",
        "EMAIL",
        "SSN",
        "MRN",
        "HEALTH_PLAN",
        "ACCOUNT",
        "LICENSE",
        "VEHICLE",
        "DEVICE",
        "URL",
        "IP",
        "BIOMETRIC",
        "PHOTO",
        "ID",
    ]
    assert 'id="result" aria-labelledby="result-h" hidden' in page


@pytest.mark.django_db
def test_form_post_shows_highlights_counts_and_a_download(client):
    response = client.post(PAGE, {"text": TEXT, "style": "tags"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = re.sub(r"<mark\s+", "<mark ", response.content.decode())
    assert (
        '<pre id="redacted" class="redacted">Patient: <mark class="phi phi-NAME" title="NAME">[NAME]</mark>, '
        'DOB <mark class="phi phi-DATE" title="DATE">[DATE]</mark>, seen at '
        '<mark class="phi phi-LOCATION" title="LOCATION">[LOCATION]</mark>.</pre>'
    ) in page
    counts = re.findall(r'<li><span class="phi phi-([A-Z_]+)">\1</span> (\d+)</li>', page)
    assert counts == [("NAME", "1"), ("LOCATION", "1"), ("DATE", "1")]
    assert 'download="redacted.txt"' in page
    assert 'href="data:text/plain;charset=utf-8,Patient%3A%20%5BNAME%5D' in page
    assert "Oyelaran" not in page.split('id="result"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_a_txt_file_can_be_uploaded(client):
    upload = SimpleUploadedFile("note.txt", TEXT.encode("utf-8-sig"), content_type="text/plain")
    page = re.sub(
        r"<mark\s+", "<mark ", client.post(PAGE, {"file": upload, "style": "mask"}).content.decode()
    )
    assert 'Patient: <mark class="phi phi-NAME" title="NAME">█████ ████████</mark>' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"style": "tags"}, "Paste some text or choose a .txt file."),
        (
            {"text": TEXT, "style": "loud"},
            "Select a valid choice. loud is not one of the available choices.",
        ),
    ],
)
def test_form_errors_are_shown(client, data, message):
    response = client.post(PAGE, data)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.django_db
def test_other_files_are_refused(client):
    for name, content, message in [
        ("note.pdf", b"%PDF", "Upload a plain-text file whose name ends in .txt."),
        ("note.txt", b"\xff\xfe\x00bad", "The file is not UTF-8 text."),
    ]:
        upload = SimpleUploadedFile(name, content)
        response = client.post(PAGE, {"file": upload, "style": "tags"})
        assert response.status_code == 400
        assert message in response.content.decode()


@pytest.mark.django_db
def test_text_over_the_limit_is_413_with_a_clear_message(client, settings):
    settings.TOOLS_MAX_CHARS = 50
    response = client.post(PAGE, {"text": "y" * 51, "style": "tags"})
    assert response.status_code == 413
    assert (
        "The text has 51 characters; RedactPHI takes up to 50 at a time."
        in response.content.decode()
    )
    upload = SimpleUploadedFile("long.txt", b"z" * 51)
    assert client.post(PAGE, {"file": upload, "style": "tags"}).status_code == 413


@pytest.mark.django_db
def test_form_runs_count_against_the_same_limit(client, settings):
    settings.TOOLS_GUEST_RUNS_PER_DAY = 1
    assert client.post(PAGE, {"text": TEXT, "style": "tags"}).status_code == 200
    response = client.post(PAGE, {"text": TEXT, "style": "tags"})
    assert response.status_code == 429
    assert "You have used today&#x27;s 1 free runs." in response.content.decode()


@pytest.mark.django_db
def test_tool_pages_are_valid_html(client, tmp_path):
    import json
    import subprocess

    from tests.test_html import vnu

    pages = {
        "tools": client.get("/tools/"),
        "form": client.get(PAGE),
        "result": client.post(PAGE, {"text": TEXT, "style": "surrogates"}),
        "errors": client.post(PAGE, {"style": "tags"}),
    }
    for name, response in pages.items():
        (tmp_path / f"{name}.html").write_bytes(response.content)
    result = subprocess.run(
        [
            *vnu(),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *map(str, tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    assert [m for m in messages if m.get("type") == "error"] == []

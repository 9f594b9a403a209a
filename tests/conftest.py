import sqlite3
import uuid
from datetime import date

import pytest
from django.core.management import call_command

from codes import pagecache
from tests.importing import FIXTURES

CM = FIXTURES / "icd10cm"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates render without a collectstatic manifest; whitenoise is tested on its own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Each test starts with no cached pages, sessions' cache entries or rate-limit counts
    from another test: a key prefix of its own hides earlier entries. (The shared cache is
    a database table by default, which a test without database access cannot clear.)"""
    prefix = uuid.uuid4().hex[:12]
    settings.CACHES = {
        name: {**config, "KEY_PREFIX": prefix} for name, config in settings.CACHES.items()
    }
    pagecache.forget()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sample(db):
    """The bundled sample set, loaded through its management command."""
    call_command("load_sample", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "staff@example.com", "staff@example.com", "pw", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


@pytest.fixture
def icd(db):
    """The small ICD-10-CM fixture releases: FY2025 list, then the April tabular."""
    call_command(
        "load_codes",
        verbosity=0,
        icd10cm_billable=str(CM / "icd10cm_codes_2025.txt"),
        effective=date(2025, 10, 1),
    )
    call_command(
        "load_codes",
        verbosity=0,
        icd10cm_tabular=str(CM / "tabular.xml"),
        icd10cm_code_list=str(CM / "code-list.txt"),
        effective=date(2026, 4, 1),
        release_name="ICD-10-CM April 1 2026",
        allow_deletions=True,  # the small list loses E11.69: 1 of 7, over the 2% guard
    )
    call_command(
        "load_codes",
        verbosity=0,
        cc=str(CM / "cc_list.txt"),
        mcc=str(CM / "mcc_list.txt"),
        effective=date(2025, 10, 1),
    )


@pytest.fixture
def pcs(db, tmp_path):
    from tests.test_import_icd10pcs import LABELS_SCHEMA, TREE  # the same small tables

    labels = tmp_path / "icd10pcs.db"
    with sqlite3.connect(labels) as connection:
        connection.executescript(LABELS_SCHEMA)
        connection.executemany(
            "insert into pcs_tree values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", TREE
        )
        connection.execute(
            "insert into pcs_root_operation values ('0', 'T', 'Resection', "
            "'Cutting out or off, without replacement, all of a body part', '', 'Total nephrectomy')"
        )
        connection.execute(
            "insert into pcs_body_system values ('0', 'D', 'Gastrointestinal System')"
        )
    call_command(
        "load_codes",
        verbosity=0,
        icd10pcs=str(FIXTURES / "icd10pcs" / "icd_10_pcs.csv"),
        icd10pcs_labels=str(labels),
        effective=date(2025, 10, 1),
    )


@pytest.fixture(scope="session")
def full_catalogue(django_db_setup, django_db_blocker):
    """The full official data, the sample set and the real 2019 HCPCS file, loaded once
    per test run and committed. Tests that use it run last (see the hook below), after
    every test that expects an empty database; the test database goes at the end."""
    from tests import needs

    hcpcs = needs.shared_data("cms", "hcpcs-2019", "HCPC2019_CONTR_ANWEB.txt")
    with django_db_blocker.unblock():
        call_command("load_sample", verbosity=0)
        call_command("load_codes", verbosity=0)
        call_command("import_hcpcs", str(hcpcs), verbosity=0)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests on the full catalogue go last: its data stays committed once loaded."""
    items.sort(key=lambda item: "full_catalogue" in getattr(item, "fixturenames", ()))


@pytest.fixture
def hcpcs_files(tmp_path):
    """Two HCPCS releases in the CMS record layout: January and April 2026."""
    from tests.cmsfiles import apr_codes, jan_codes, write_hcpcs

    return (
        write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes()),
        write_hcpcs(tmp_path / "HCPC2026_APR_ANWEB.txt", apr_codes()),
    )

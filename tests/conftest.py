import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates render without a collectstatic manifest; whitenoise is tested on its own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no cached pages or allowance answers from another test."""
    cache.clear()


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

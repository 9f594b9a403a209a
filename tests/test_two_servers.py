"""Two app servers, one truth: sessions, login limits and the allowance are shared.

Each test runs on the default settings (the shared cache is a database table) and on
Redis (CACHE_URL=redis://…), with two gunicorn servers over the test database.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from .people import PASSWORD, verified_member

ROOT = Path(__file__).resolve().parent.parent
CODES = ["97546", "97545", "99213", "99214", "99203", "10060"]
REDIS_URL = "redis://127.0.0.1:6379/7"
HOST = "codeahead.test"  # the name a load balancer passes on to every app server


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_or_skip() -> None:
    """Redis must be there in CI; on a developer's machine without it, skip."""
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.flushdb()  # this test's own database number: nothing else lives there
    except Exception as error:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"Redis is not running on 127.0.0.1:6379 ({error})")


@pytest.fixture
def _fast_password_hasher() -> None:
    """The servers check passwords with the production hashers: store them so too."""


@pytest.fixture(params=["database cache", "redis"])
def servers(request, transactional_db) -> Iterator[list[str]]:
    call_command("load_sample", verbosity=0)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DEBUG": "off",
        "ALLOWED_HOSTS": f"127.0.0.1,{HOST}",
        "ENV_FILE": str(ROOT / "tests" / "no-such-env-file"),
        # The proxy in front names the client; tests play clients at many addresses.
        "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
    }
    env.pop("CACHE_URL", None)
    if request.param == "redis":
        redis_or_skip()
        env["CACHE_URL"] = REDIS_URL
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    ports = [free_port(), free_port()]
    command = [sys.executable, "-m", "gunicorn", "-w", "1", "codeahead.wsgi"]
    processes = [
        subprocess.Popen(
            [*command, "-b", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            for _ in range(150):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)  # waiting for the server to listen, not timing anything
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        connection.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


class Browser:
    """One visitor: a cookie jar, an address, no automatic redirects."""

    def __init__(self, address: str = "198.51.100.1") -> None:
        self.jar = CookieJar()
        self.address = address
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def open(
        self, url: str, data: dict[str, str] | None = None, cookie: str = ""
    ) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"X-Forwarded-For": self.address, "Host": HOST}
        if cookie:
            headers["Cookie"] = cookie
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post_form(self, url: str, data: dict[str, str]) -> tuple[int, str]:
        _, page = self.open(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, page[:500]
        return self.open(url, {**data, "csrfmiddlewaretoken": token[1]})

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.jar if cookie.name == name), None)


def test_a_guest_alternating_between_two_servers_gets_one_page(servers):
    browser = Browser()
    full = 0
    for number, code in enumerate(CODES):
        status, page = browser.open(f"{servers[number % 2]}/cpt/{code}/")
        assert status == 200
        full += 'class="gate"' not in page
    assert full == 1


def test_logging_out_on_one_server_ends_the_session_on_the_other(servers):
    verified_member("member@example.com")
    one, two = servers
    browser = Browser()
    status, _ = browser.post_form(
        f"{one}/accounts/login/", {"login": "member@example.com", "password": PASSWORD}
    )
    assert status == 302
    session = browser.cookie("sessionid")
    assert browser.open(f"{two}/accounts/")[0] == 200  # logged in on both
    assert browser.post_form(f"{one}/accounts/logout/", {})[0] == 302

    replay = Browser()  # someone holding the old session cookie, on the other server
    status, _ = replay.open(f"{two}/accounts/", cookie=f"sessionid={session}")
    assert status == 302  # to the login page: the old cookie is refused everywhere


def test_failed_logins_are_counted_across_servers(servers, settings):
    verified_member("victim@example.com")
    per_email = int(settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",")[1].split("/")[0])
    for attempt in range(per_email):  # from a different address each time, both servers
        browser = Browser(f"198.51.100.{attempt + 10}")
        url = f"{servers[attempt % 2]}/accounts/login/"
        _, page = browser.post_form(url, {"login": "victim@example.com", "password": "no"})
        assert "Too many failed login attempts" not in page
    right = Browser("198.51.100.99").post_form(
        f"{servers[per_email % 2]}/accounts/login/",
        {"login": "victim@example.com", "password": PASSWORD},
    )
    assert "Too many failed login attempts" in right[1]


def test_failed_logins_from_one_address_are_counted_across_servers(servers, settings):
    per_address = int(settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",")[0].split("/")[0])
    browser = Browser("198.51.100.200")
    for attempt in range(per_address):
        url = f"{servers[attempt % 2]}/accounts/login/"
        _, page = browser.post_form(url, {"login": f"u{attempt}@example.com", "password": "no"})
        assert "Too many failed login attempts" not in page
    _, page = browser.post_form(
        f"{servers[per_address % 2]}/accounts/login/",
        {"login": "someone@example.com", "password": "no"},
    )
    assert "Too many failed login attempts" in page

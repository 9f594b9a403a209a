"""Two app servers, one truth: the allowance lives in the shared database."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
CODES = ["97546", "97545", "99213", "99214", "99203", "10060"]


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


@pytest.fixture
def servers(transactional_db):
    call_command("load_sample", verbosity=0)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DEBUG": "off",
        "ALLOWED_HOSTS": "127.0.0.1",
        "ENV_FILE": str(ROOT / "tests" / "no-such-env-file"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                "1",
                "-b",
                f"127.0.0.1:{port}",
                "codeahead.wsgi",
            ],
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


def test_a_guest_alternating_between_two_servers_gets_one_page(servers):
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    full = 0
    for number, code in enumerate(CODES):
        base = servers[number % 2]
        with browser.open(f"{base}/cpt/{code}/", timeout=10) as response:
            assert response.status == 200
            full += 'class="gate"' not in response.read().decode()
    assert full == 1

"""Visitor paths under gunicorn with the full official data, as shares of /robots.txt.

Builds (once) a SQLite database with the official ICD-10 data and the sample set in
bench/.data/, starts gunicorn on 127.0.0.1 with 2 workers (metering on, as in
production), drives each path with wrk (Debian package `wrk`) and prints requests/s,
p50/p99 latency and the share of /robots.txt's throughput measured in the same run.
Paths: a guest re-reading an unlocked page, a member re-reading pages, a guest at the
gate, the home page, a guest's first views (each one an unlock), and distinct pages
never rendered before (cache misses). Goal: each ≥ 50 % of /robots.txt.

    .venv/bin/python bench/pages.py [--seconds 10] [--connections 16] [--gzip]

With --gzip the server compresses pages (GZIP_RESPONSES=on) and wrk asks for gzip: run
it beside a plain run to see what compression costs on these paths.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
PORT = 8765


def manage(*args, env, capture=False):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return done.stdout


def database_url():
    """SQLite in bench/.data, or the PostgreSQL database DATABASE_URL names (created if
    missing), so one bench compares both databases on the same data."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{DATA / 'pages.sqlite3'}"
    import psycopg

    server, _, name = url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    return url


def prepare(**extra):
    """The bench environment and database (built once: migrate, sample, official data)."""
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    DATA.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DEBUG": "off",
        "SECRET_KEY": "bench-only-key-not-secret-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "ENV_FILE": str(DATA / "no-env-file"),
        **extra,
    }
    manage("migrate", "-v0", env=env)
    manage("createcachetable", env=env)
    manage("load_sample", "-v0", env=env)
    manage("load_codes", "--if-empty", "-v0", env=env)
    manage("collectstatic", "--no-input", "-v0", env=env)
    return env


def serve(env, port, workers=2):
    """gunicorn on 127.0.0.1:port, once it answers."""
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "codeahead.wsgi"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)  # waiting for the port to open, not timing anything
    return server


def wrk(url, seconds, connections, script=None, headers=()):
    extra = ["-s", str(script)] if script else []
    for header in headers:
        extra += ["-H", header]
    out = subprocess.run(
        ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    p50 = re.search(r"\s50%\s+([\d.]+\w+)", out)[1]
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", out)[1]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors[1]) if errors else 0


def show(label, result, floor=None):
    rps, p50, p99, errors = result
    share = f"   {rps / floor:5.0%} of /robots.txt" if floor else ""
    print(f"{label:<40} {rps:7.0f} req/s   p50 {p50:>8}   p99 {p99:>8}   errors {errors}{share}")


def many_paths(env, count=20000, system="icd10cm"):
    """Every 4th billable code's page of a code set, from the bench database."""
    script = (
        f"from codes.models import Code; print(*Code.objects.filter(system='{system}', "
        f"billable=True).order_by('position').values_list('code', flat=True)[:{count * 4}:4])"
    )
    out = manage("shell", "-v0", "-c", script, env=env, capture=True).split()
    slug = {"icd10cm": "icd10cm", "icd10pcs": "icd10pcs"}[system]
    return [f"/{slug}/{code}/" for code in out]


def paths_script(name, paths):
    script = DATA / f"{name}.lua"
    script.write_text(
        "paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
        "request = function() return wrk.format(nil, paths[math.random(#paths)]) end\n"
    )
    return script


class Visitor:
    """A cookie jar that opens pages and posts forms like a browser."""

    def __init__(self, base):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post(self, path, data):
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        request.add_header("Referer", self.base + path)
        with self.opener.open(request, timeout=10) as response:
            return response.read().decode()

    def cookie_header(self):
        return "Cookie: " + "; ".join(f"{c.name}={c.value}" for c in self.jar)


def account(env, base, email, staff=False):
    """A verified account (created once in the bench database), logged in."""
    password = "bench-only-password-123"  # noqa: S105 (a throwaway bench account)
    script = (
        "from allauth.account.models import EmailAddress; "
        "from django.contrib.auth import get_user_model; "
        f"u, _ = get_user_model().objects.get_or_create(username='{email}', email='{email}'); "
        f"u.is_staff = {staff}; u.set_password('{password}'); u.save(); "
        f"EmailAddress.objects.get_or_create(user=u, email='{email}', "
        "defaults={'verified': True, 'primary': True})"
    )
    manage("shell", "-v0", "-c", script, env=env)
    visitor = Visitor(base)
    visitor.post("/accounts/login/", {"login": email, "password": password})
    return visitor


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--gzip", action="store_true", help="compress responses")
    options = parser.parse_args()
    env = prepare(GZIP_RESPONSES="on" if options.gzip else "off")
    gzip = ["Accept-Encoding: gzip"] if options.gzip else []
    manage(
        "shell",
        "-v0",
        "-c",
        "from accounts.models import Unlock; Unlock.objects.all().delete()",
        env=env,
    )
    # First views come from guests without a cookie behind one address: room for them all.
    roomy = {**env, "ALLOWANCE_ADDRESS_CAP": "1000000"}
    base, roomy_base = f"http://127.0.0.1:{PORT}", f"http://127.0.0.1:{PORT + 1}"
    servers = [serve(env, PORT), serve(roomy, PORT + 1)]
    run = (options.seconds, options.connections)
    try:
        print(
            f"gunicorn 2 workers, wrk 2 threads {options.connections} connections, "
            f"{options.seconds}s per path, full data, SQLite, metering on"
        )
        guest = Visitor(base)
        guest.get("/icd10cm/E11.9/")
        member = account(env, base, "member@bench.example")
        for path in ("/icd10cm/E11.9/", "/icd10pcs/0DTJ4ZZ/", "/cpt/97546/"):
            member.get(path)
        staff = account(env, base, "staff@bench.example", staff=True)
        wrk(base + "/robots.txt", 2, options.connections, headers=gzip)  # warm-up
        floor = wrk(base + "/robots.txt", *run, headers=gzip)[0]
        show("/robots.txt", wrk(base + "/robots.txt", *run, headers=gzip), floor)
        scenarios = [
            ("guest re-read /icd10cm/E11.9/", "/icd10cm/E11.9/", guest),
            ("member re-read /icd10cm/E11.9/", "/icd10cm/E11.9/", member),
            ("member re-read /icd10pcs/0DTJ4ZZ/", "/icd10pcs/0DTJ4ZZ/", member),
            ("member re-read /cpt/97546/", "/cpt/97546/", member),
            ("guest at the gate /icd10cm/I10/", "/icd10cm/I10/", guest),
            ("home page", "/", None),
        ]
        for label, path, visitor in scenarios:
            headers = [visitor.cookie_header()] if visitor else []
            headers += gzip
            if visitor:
                visitor.get(path)  # warm: the page (or gate) is rendered once per worker
            show(label, wrk(base + path, *run, headers=headers), floor)
        first = paths_script("first", many_paths(env))
        show("guest first views, pages never seen", wrk(roomy_base, *run, first, gzip), floor)
        cold = paths_script("cold", many_paths(env, 20000, "icd10pcs"))
        show(
            "staff, pages never seen (render only)",
            wrk(base, *run, cold, [staff.cookie_header(), *gzip]),
            floor,
        )
    finally:
        for server in servers:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

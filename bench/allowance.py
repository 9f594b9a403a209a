"""Allowance overhead: the same code page with metering on and off, in one run.

Two gunicorn servers share the bench database (see bench/pages.py): one meters code
pages, one does not. A guest who has unlocked the page re-reads it, so every request
checks the allowance. Goal: throughput with the allowance on ≥ 85% of it off.

    .venv/bin/python bench/allowance.py [--seconds 10] [--connections 16]
"""

import argparse
import urllib.request
from http.cookiejar import CookieJar

from pages import prepare, serve, show, wrk

URLS = ["/icd10cm/E11.9/", "/cpt/97546/"]
PORTS = {"off": 8766, "on": 8767}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    # Room for one guest address to unlock every bench URL.
    room = {"ALLOWANCE_GUEST_LIMIT": "50", "ALLOWANCE_ADDRESS_CAP": "50"}
    servers = [serve(prepare(ALLOWANCE_ENABLED=mode, **room), port) for mode, port in PORTS.items()]
    try:
        for url in URLS:
            jar = CookieJar()
            guest = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            guest.open(f"http://127.0.0.1:{PORTS['on']}{url}", timeout=5)  # the guest's unlock
            cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
            rates = {}
            for mode, port in PORTS.items():
                headers = [f"Cookie: {cookie}"] if mode == "on" else []
                result = wrk(
                    f"http://127.0.0.1:{port}{url}",
                    options.seconds,
                    options.connections,
                    headers=headers,
                )
                rates[mode] = result[0]
                show(f"{url} allowance {mode}", result)
            print(f"{url:<24} on/off = {rates['on'] / rates['off']:.0%}")
    finally:
        for server in servers:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

"""Allowance cost: the same pages with metering on and off, re-reads and first views, in one run.

Two gunicorn servers share the bench database (see bench/pages.py): one meters code
pages, one does not. Re-read: a guest who has unlocked the page reads it again, so
every request checks the allowance. First views: every request comes from a new guest
(no cookie, an address of its own through X-Forwarded-For), so every request is an
unlock transaction; the pages are rendered first, so only the allowance differs.
Prints each against /robots.txt of the same run. Goal: metering on ≥ 85 % of off.

    .venv/bin/python bench/allowance.py [--seconds 10] [--connections 16]
"""

import argparse
import urllib.request

from pages import DATA, Visitor, manage, prepare, serve, show, wrk

PORTS = {"off": 8766, "on": 8767}
PAGES = 300  # distinct first-view pages, rendered once per worker before the run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    run = (options.seconds, options.connections)
    env = prepare()
    manage(
        "shell",
        "-v0",
        "-c",
        "from accounts.models import Unlock; Unlock.objects.all().delete()",
        env=env,
    )
    proxied = {"CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"}  # wrk plays the proxy
    servers = {
        mode: serve({**env, **proxied, "ALLOWANCE_ENABLED": mode}, port)
        for mode, port in PORTS.items()
    }
    try:
        base = {mode: f"http://127.0.0.1:{port}" for mode, port in PORTS.items()}
        wrk(base["on"] + "/robots.txt", 2, options.connections)  # warm both workers up
        floor = wrk(base["on"] + "/robots.txt", *run)[0]
        show("/robots.txt", (floor, "", "", 0), floor)
        guest = Visitor(base["on"])
        for path in ("/icd10cm/E11.9/", "/cpt/97546/"):
            guest.get(path)
            rates = {}
            for mode in PORTS:
                headers = [guest.cookie_header()] if mode == "on" else []
                result = wrk(base[mode] + path, *run, headers=headers)
                rates[mode] = result[0]
                show(f"re-read {path} metering {mode}", result, floor)
            print(f"{'':<40} on/off = {rates['on'] / rates['off']:.0%}")
        # First views over pages both servers have rendered: the unlock is the difference.
        codes = manage(
            "shell",
            "-v0",
            "-c",
            "from codes.models import Code; print(*Code.objects.filter(system='icd10pcs', "
            f"billable=True).values_list('code', flat=True)[:{PAGES}])",
            env=env,
            capture=True,
        ).split()
        paths = [f"/icd10pcs/{code}/" for code in codes]
        script = DATA / "allowance-first.lua"
        script.write_text(
            "paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
            "request = function()\n"
            "  local ip = math.random(1, 223) .. '.' .. math.random(0, 255) .. '.' ..\n"
            "    math.random(0, 255) .. '.' .. math.random(1, 254)\n"
            "  return wrk.format(nil, paths[math.random(#paths)], {['X-Forwarded-For'] = ip})\n"
            "end\n"
        )
        for mode in PORTS:  # render every page in both workers of each server
            for _ in range(4):
                for path in paths:
                    request = urllib.request.Request(  # noqa: S310
                        base[mode] + path, headers={"X-Forwarded-For": "192.0.2.1"}
                    )
                    urllib.request.urlopen(request, timeout=10).read()  # noqa: S310
        rates = {}
        for mode in PORTS:
            result = wrk(base[mode], *run, script)
            rates[mode] = result[0]
            show(f"first views, metering {mode}", result, floor)
        print(f"{'':<40} on/off = {rates['on'] / rates['off']:.0%}")
    finally:
        for server in servers.values():
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

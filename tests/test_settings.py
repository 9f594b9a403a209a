"""Start-up configuration, checked in a fresh process as a deployment would start it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "off",
    "SECRET_KEY": "k3v9-Wq7s_rT2yP0xLm4nB8cZ1dF6gH5jK0lQ9wE3rT7yU2iO8pA4sD6fG1hJ5kL",
    "ALLOWED_HOSTS": "codeahead.example",
    "CSRF_TRUSTED_ORIGINS": "https://codeahead.example",
    "HTTPS": "on",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.codeahead.example:587",
}


def manage(*args, **env_vars):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "HTTPS", "ALLOWED_HOSTS", "EMAIL_URL"}
        and not key.startswith("DJANGO_")
    }
    env.update(env_vars, ENV_FILE=str(ROOT / "tests" / "no-such-env-file"))
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_https_settings():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "HTTPS": "off"}
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


def test_start_up_fails_clearly_without_secret_key_when_debug_is_off():
    result = manage("check", DEBUG="off")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_set(settings):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        SECRET_KEY=PRODUCTION["SECRET_KEY"],
    )
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr

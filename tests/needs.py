"""What some tests need from the machine: a browser, the real CMS files beside the checkout.

On a developer's machine a missing one skips the test with the reason; under CI=true
it fails it, because CI always provides both (`.ci/run` installs Chromium).
"""

import os
import shutil
from pathlib import Path

import pytest

# One setting for the browser: CHROMIUM, else Debian's chromium on the PATH.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def require(present: bool, what: str) -> None:
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing, and CI must run every test")
    pytest.skip(f"{what} is not present on this machine")


def chromium() -> str:
    require(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM}; set CHROMIUM to its path)")
    return CHROMIUM


def shared_data(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    require(path.exists(), str(path))
    return path

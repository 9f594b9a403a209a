"""The shared shape of every `import_<source>` command: PATH [--release DATE] [--name]."""

import re
import time
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError

from .. import searchindex
from .catalogue import ReleaseSpec, StaleRelease
from .errors import ImportFileError
from .guard import DELETION_GUARD, TooManyDeletions
from .upsert import ImportReport

RELEASE_IN_NAME = (("JAN", 1), ("APR", 4), ("JUL", 7), ("OCT", 10))
ALLOW_DELETIONS_HELP = (
    f"Accept a release that removes more than {DELETION_GUARD:.0%} of what is stored "
    "(refused by default: usually a file cut short)."
).replace("%", "%%")  # argparse formats help with %


def guess_release(path: Path) -> date | None:
    """A release date from names like HCPC2026_JAN_ANWEB, PPRRVU2025_Oct, 2019 alone → Jan 1."""
    name = path.name.upper()
    digits = [int(token) for token in re.findall(r"(?<!\d)(20\d\d)(?!\d)", name)]
    if not digits:  # PPRRVU25_JAN: a two-digit year before the month
        short = re.search(r"(?<!\d)(\d\d)_?(JAN|APR|JUL|OCT)", name)
        if not short:
            return None
        digits = [2000 + int(short[1])]
    month = next((number for word, number in RELEASE_IN_NAME if word in name), 1)
    return date(digits[0], month, 1)


def progress_stream(command: BaseCommand, options: dict[str, Any]) -> TextIO | None:
    """Where progress lines go: the command's stderr, unless verbosity is 0.

    Django's OutputWrapper is a TextIOBase rather than a typing.TextIO; importers only
    call write() and flush() on it."""
    return cast(TextIO, command.stderr) if options["verbosity"] > 0 else None


class ImportCommand(BaseCommand):
    source = ""
    label = ""
    yearly = False  # rows kept per calendar year (fee schedule, OPPS): offer --year

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="The official file.")
        parser.add_argument(
            "--release", type=date.fromisoformat, help="Effective date, YYYY-MM-DD."
        )
        parser.add_argument("--name", help="Release name shown on pages (default from the file).")
        parser.add_argument("--allow-deletions", action="store_true", help=ALLOW_DELETIONS_HELP)
        if self.yearly:
            parser.add_argument("--year", type=int, help="Calendar year (default: the release's).")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        stream = progress_stream(self, options)
        report = self.run(path, options, stream)
        for line in report.lines():
            self.stdout.write(line)
        search = searchindex.sync(stream)
        self.stdout.write(", ".join(f"{key}: {count}" for key, count in search.items()))

    def run(self, path: Path, options: dict[str, Any], stream: TextIO | None) -> ImportReport:
        """Import one file as its release; any refusal becomes a CommandError."""
        day = options.get("release") or guess_release(path)
        if day is None:
            raise CommandError(f"{path.name}: give --release YYYY-MM-DD (no date in the file name)")
        spec = ReleaseSpec(
            key=f"{self.source}-{day.isoformat()}",
            name=options.get("name") or f"{self.label} {day:%B %Y}",
            source=self.source,
            effective_date=day,
            allow_deletions=bool(options.get("allow_deletions")),
        )
        started = time.monotonic()
        try:
            report = self.load(path, spec, options, stream)
        except (StaleRelease, TooManyDeletions) as refused:
            raise CommandError(f"{path.name}: {refused}; nothing was changed") from refused
        except (ImportFileError, OSError) as error:
            raise CommandError(f"{error} (nothing was changed)") from error
        report["seconds"] = round(time.monotonic() - started)
        return report

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        """Apply the file (each command names its importer)."""
        raise NotImplementedError

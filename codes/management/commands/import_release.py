"""Import every official file found in a folder, in dependency order, with one report."""

import re
import time
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management import load_command_class
from django.core.management.base import BaseCommand, CommandError

from codes import searchindex
from codes.importers.command import ALLOW_DELETIONS_HELP, ImportCommand, progress_stream

# (command, file-name pattern), in the order they must load: descriptors and code
# lists first, then what hangs off the codes. CPT: a folder holding LONGU* files.
KINDS = [
    ("import_cpt", None),
    ("import_hcpcs", re.compile(r"^HCPC\d{4}.*ANWEB.*\.(txt|xlsx)$", re.IGNORECASE)),
    ("import_pfs", re.compile(r"^PPRRVU.*\.(csv|txt)$", re.IGNORECASE)),
    ("import_opps", re.compile(r"addendum[ _-]?b.*\.csv$", re.IGNORECASE)),
    ("import_mue", re.compile(r"^MCR_MUE_.*\.csv$", re.IGNORECASE)),
    ("import_ncci", re.compile(r"^cci(pra|oph).*\.txt$", re.IGNORECASE)),
    ("import_ccs", re.compile(r"ccs.*\.csv$", re.IGNORECASE)),
]


def matches(pattern: re.Pattern[str] | None, path: Path) -> bool:
    if pattern is None:
        return path.is_dir() and any(
            child.name.upper().startswith("LONGU") for child in path.iterdir()
        )
    return path.is_file() and bool(pattern.search(path.name))


class Command(BaseCommand):
    help = "Recognise the official files in FOLDER and import them in the right order."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("folder")
        parser.add_argument(
            "--release",
            type=date.fromisoformat,
            help="Effective date for files without one in their name, YYYY-MM-DD.",
        )
        parser.add_argument("--allow-deletions", action="store_true", help=ALLOW_DELETIONS_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        candidates = [folder, *sorted(folder.iterdir())]
        plan = [
            (name, path) for name, pattern in KINDS for path in candidates if matches(pattern, path)
        ]
        if not plan:
            raise CommandError(f"no official files recognised in {folder}")
        stream = progress_stream(self, options)
        shared = {
            "verbosity": options["verbosity"],
            "allow_deletions": options["allow_deletions"],
            **({"release": options["release"]} if options["release"] else {}),
        }
        done: list[str] = []
        for name, path in plan:
            command = load_command_class("codes", name)
            if not isinstance(command, ImportCommand):
                raise CommandError(f"{name} is not an import command")
            started = time.monotonic()
            try:
                report = command.run(path, shared, stream)
            except CommandError as error:
                # Each file is its own transaction: the ones before it stay imported.
                before = f"; imported before it: {', '.join(done)}" if done else ""
                raise CommandError(f"{error}{before}") from error
            done.append(path.name)
            summary = ", ".join(line for line in report.lines() if not line.endswith(": 0"))
            self.stdout.write(f"{path.name}: {summary} [{time.monotonic() - started:.1f}s]")
        summary = ", ".join(f"{key}: {count}" for key, count in searchindex.sync(stream).items())
        self.stdout.write(f"search index: {summary}")
        self.stdout.write(self.style.SUCCESS(f"{len(plan)} files imported."))

"""Import every official file found in a folder, in dependency order, with one report."""

import re
import time
from pathlib import Path

from django.core.management import load_command_class
from django.core.management.base import BaseCommand, CommandError

from codes import searchindex
from codes.importers.command import ImportCommand

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


def matches(pattern, path: Path) -> bool:
    if pattern is None:
        return path.is_dir() and any(
            child.name.upper().startswith("LONGU") for child in path.iterdir()
        )
    return path.is_file() and bool(pattern.search(path.name))


class Command(BaseCommand):
    help = "Recognise the official files in FOLDER and import them in the right order."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--release", help="Effective date for files without one in their name.")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        candidates = [folder, *sorted(folder.iterdir())]
        plan = [
            (name, path) for name, pattern in KINDS for path in candidates if matches(pattern, path)
        ]
        if not plan:
            raise CommandError(f"no official files recognised in {folder}")
        for name, path in plan:
            command: ImportCommand = load_command_class("codes", name)
            started = time.monotonic()
            release = options.get("release")
            extra = (
                {"release": __import__("datetime").date.fromisoformat(release)} if release else {}
            )
            report = command.run(path, {**extra, "verbosity": options["verbosity"]}, None)
            summary = ", ".join(line for line in report.lines() if not line.endswith(": 0"))
            self.stdout.write(f"{path.name}: {summary} [{time.monotonic() - started:.1f}s]")
        summary = ", ".join(f"{key}: {count}" for key, count in searchindex.sync().items())
        self.stdout.write(f"search index: {summary}")
        self.stdout.write(self.style.SUCCESS(f"{len(plan)} files imported."))

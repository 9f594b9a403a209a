from pathlib import Path
from typing import Any, TextIO

from codes.importers import opps
from codes.importers.catalogue import ReleaseSpec
from codes.importers.command import ImportCommand
from codes.importers.upsert import ImportReport


class Command(ImportCommand):
    help = "Import OPPS Addendum B (the CSV): status indicator, APC, payment rate."
    source = "opps"
    label = "OPPS Addendum B"
    yearly = True

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        return opps.load(path, spec, options.get("year"))

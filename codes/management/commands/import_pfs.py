from pathlib import Path
from typing import Any, TextIO

from codes.importers import pfs
from codes.importers.catalogue import ReleaseSpec
from codes.importers.command import ImportCommand
from codes.importers.upsert import ImportReport


class Command(ImportCommand):
    help = "Import a Medicare physician fee schedule national RVU file (PPRRVU*.csv or .txt)."
    source = "pfs"
    label = "MPFS"
    yearly = True

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        return pfs.load(path, spec, options.get("year"))

from pathlib import Path
from typing import Any, TextIO

from codes.importers import hcpcs
from codes.importers.catalogue import ReleaseSpec
from codes.importers.command import ImportCommand
from codes.importers.upsert import ImportReport


class Command(ImportCommand):
    help = "Import a HCPCS Level II file (HCPC{YYYY}_*ANWEB*.txt or .xlsx)."
    source = "hcpcs"
    label = "HCPCS Level II"

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        return hcpcs.load(path, spec, stream)

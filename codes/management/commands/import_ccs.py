from pathlib import Path
from typing import Any, TextIO

from codes.importers import ccs
from codes.importers.catalogue import ReleaseSpec
from codes.importers.command import ImportCommand
from codes.importers.upsert import ImportReport


class Command(ImportCommand):
    help = "Import HCUP CCS for services and procedures (Code Range,CCS,CCS Label)."
    source = "ccs"
    label = "CCS services and procedures"

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        return ccs.load(path, spec)

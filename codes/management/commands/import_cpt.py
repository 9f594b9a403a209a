from pathlib import Path
from typing import Any, TextIO

from codes.importers import cpt
from codes.importers.catalogue import ReleaseSpec
from codes.importers.command import ImportCommand
from codes.importers.upsert import ImportReport


class Command(ImportCommand):
    help = "Import the AMA CPT data files from a folder (LONGULT, MEDU, SHORTU, consumer, add-ons)."
    source = "cpt"
    label = "CPT"

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        return cpt.load(path, spec, stream)

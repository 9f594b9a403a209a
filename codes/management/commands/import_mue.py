from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from codes.importers import mue
from codes.importers.catalogue import ReleaseSpec
from codes.importers.command import ImportCommand
from codes.importers.upsert import ImportReport


class Command(ImportCommand):
    help = "Import an NCCI MUE table (MCR_MUE_*Services*.csv)."
    source = "mue"
    label = "NCCI MUE"

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        setting = mue.setting_of(path)
        spec = replace(spec, key=f"{spec.key}-{setting}", source=f"{spec.source}-{setting}")
        return mue.load(path, spec)

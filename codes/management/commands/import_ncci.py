from argparse import ArgumentParser
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from codes.importers import ncci
from codes.importers.catalogue import ReleaseSpec
from codes.importers.command import ImportCommand
from codes.importers.upsert import ImportReport


class Command(ImportCommand):
    help = (
        "Import NCCI procedure-to-procedure edits (ccipra-*.txt practitioner, ccioph-* hospital)."
    )
    source = "ncci"
    label = "NCCI PTP edits"

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--setting", choices=["practitioner", "hospital"])

    def load(
        self, path: Path, spec: ReleaseSpec, options: dict[str, Any], stream: TextIO | None
    ) -> ImportReport:
        setting = options.get("setting") or ncci.setting_of(path)
        spec = replace(spec, key=f"{spec.key}-{setting}", source=f"{spec.source}-{setting}")
        return ncci.load(path, spec, setting)

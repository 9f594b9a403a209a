from dataclasses import replace

from codes.importers import ncci
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import NCCI procedure-to-procedure edits (ccipra-*.txt practitioner, ccioph-* hospital)."
    )
    source = "ncci"
    label = "NCCI PTP edits"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--setting", choices=["practitioner", "hospital"])

    def load(self, path, spec, options, stream):
        setting = options.get("setting") or ncci.setting_of(path)
        spec = replace(spec, key=f"{spec.key}-{setting}", source=f"{spec.source}-{setting}")
        return ncci.load(path, spec, setting)

from codes.importers import pfs
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import a Medicare physician fee schedule national RVU file (PPRRVU*.csv or .txt)."
    source = "pfs"
    label = "MPFS"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--year", type=int, help="Calendar year (default: the release's).")

    def load(self, path, spec, options, stream):
        return pfs.load(path, spec, options.get("year"))

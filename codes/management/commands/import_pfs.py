from codes.importers import pfs
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import a Medicare physician fee schedule national RVU file (PPRRVU*.csv or .txt)."
    source = "pfs"
    label = "MPFS"
    yearly = True

    def load(self, path, spec, options, stream):
        return pfs.load(path, spec, options.get("year"))

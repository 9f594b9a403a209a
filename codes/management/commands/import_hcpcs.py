from codes.importers import hcpcs
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import a HCPCS Level II file (HCPC{YYYY}_*ANWEB*.txt or .xlsx)."
    source = "hcpcs"
    label = "HCPCS Level II"

    def load(self, path, spec, options, stream):
        return hcpcs.load(path, spec, stream)

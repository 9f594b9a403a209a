from codes.importers import ccs
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import HCUP CCS for services and procedures (Code Range,CCS,CCS Label)."
    source = "ccs"
    label = "CCS services and procedures"

    def load(self, path, spec, options, stream):
        return ccs.load(path, spec)

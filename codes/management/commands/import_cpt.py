from codes.importers import cpt
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import the AMA CPT data files from a folder (LONGULT, MEDU, SHORTU, consumer, add-ons)."
    source = "cpt"
    label = "CPT"

    def load(self, path, spec, options, stream):
        return cpt.load(path, spec, stream)

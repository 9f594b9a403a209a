from codes.importers import opps
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import OPPS Addendum B (the CSV): status indicator, APC, payment rate."
    source = "opps"
    label = "OPPS Addendum B"
    yearly = True

    def load(self, path, spec, options, stream):
        return opps.load(path, spec, options.get("year"))

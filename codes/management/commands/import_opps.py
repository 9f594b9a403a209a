from codes.importers import opps
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import OPPS Addendum B (the CSV): status indicator, APC, payment rate."
    source = "opps"
    label = "OPPS Addendum B"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--year", type=int, help="Calendar year (default: the release's).")

    def load(self, path, spec, options, stream):
        return opps.load(path, spec, options.get("year"))

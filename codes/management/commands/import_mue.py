from dataclasses import replace

from codes.importers import mue
from codes.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import an NCCI MUE table (MCR_MUE_*Services*.csv)."
    source = "mue"
    label = "NCCI MUE"

    def load(self, path, spec, options, stream):
        setting = mue.setting_of(path)
        spec = replace(spec, key=f"{spec.key}-{setting}", source=f"{spec.source}-{setting}")
        return mue.load(path, spec)

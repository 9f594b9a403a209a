"""Load the official ICD-10-CM / ICD-10-PCS data: the bundled files, or an operator's own."""

import time
from dataclasses import replace
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from codes import searchindex
from codes.formats import System
from codes.importers import icd10cm, icd10pcs, msdrg
from codes.importers.bundled import ORDER, SOURCES
from codes.importers.catalogue import StaleRelease
from codes.importers.errors import ImportFileError
from codes.models import Code


class Command(BaseCommand):
    help = (
        "Load the official ICD-10-CM and ICD-10-PCS code sets, CC/MCC lists and MS-DRG weights "
        "bundled with the installed packages, in release order. Give a source's file to load "
        "an operator-supplied release of the same official format instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if ICD codes exist."
        )
        parser.add_argument("--only", nargs="+", choices=ORDER, help="Load only these sources.")
        parser.add_argument("--icd10cm-billable", metavar="PATH", help="Valid-code list.")
        parser.add_argument("--icd10cm-tabular", metavar="PATH", help="CDC tabular XML.")
        parser.add_argument(
            "--icd10cm-code-list", metavar="PATH", help="Code list/order file for it."
        )
        parser.add_argument("--icd10pcs", metavar="PATH", help="PCS code list.")
        parser.add_argument("--icd10pcs-labels", metavar="PATH", help="PCS axis labels database.")
        parser.add_argument("--cc", metavar="PATH", help="CC list (Table 6J).")
        parser.add_argument("--mcc", metavar="PATH", help="MCC list (Table 6I).")
        parser.add_argument("--msdrg-weights", metavar="PATH", help="MS-DRG weights (Table 5).")
        parser.add_argument(
            "--fiscal-year", type=int, help="Fiscal year of CC/MCC or weights given."
        )
        parser.add_argument(
            "--release-date", type=date.fromisoformat, help="Effective date (YYYY-MM-DD)."
        )
        parser.add_argument("--release-name", help='e.g. "ICD-10-CM FY2027 (October 1 2026)".')

    def handle(self, *args, **options):
        if options["if_empty"] and Code.objects.filter(system=System.ICD10CM).exists():
            self.stdout.write("ICD-10 codes already loaded; nothing to do.")
            return
        plan = self._plan(options)
        stream = self.stderr if options["verbosity"] > 0 else None
        for name in plan:
            started = time.monotonic()
            try:
                report = self._load(name, options, stream)
            except StaleRelease as stale:
                self.stdout.write(f"{name}: skipped ({stale}).")
                continue
            except (ImportFileError, OSError, UnicodeDecodeError) as error:
                raise CommandError(
                    f"{name}: {error} (nothing was changed by this source)"
                ) from error
            summary = ", ".join(report.lines()) or "no rows"
            self.stdout.write(f"{name}: {summary} [{time.monotonic() - started:.1f}s]")
        started = time.monotonic()
        summary = ", ".join(f"{key}: {count}" for key, count in searchindex.sync().items())
        self.stdout.write(f"search index: {summary} [{time.monotonic() - started:.1f}s]")
        self.stdout.write(self.style.SUCCESS("Done."))

    def _plan(self, options):
        given = [name for name in ORDER if self._given(name, options)]
        if given and options["release_date"] is None and given != ["icd10pcs-labels"]:
            raise CommandError("--release-date is required with an operator-supplied file.")
        return given or options["only"] or ORDER

    @staticmethod
    def _given(name, options):
        keys = {"cc-mcc": ("cc", "mcc")}.get(name, (name.replace("-", "_"),))
        return any(options.get(key) for key in keys)

    def _spec(self, name, options):
        spec = SOURCES[name]["release"]
        day = options["release_date"]
        if not self._given(name, options) or day is None:
            return spec
        label = f"{spec.source} {day.isoformat()} (operator file)"
        if name != "icd10pcs-labels":
            label = options["release_name"] or label
        return replace(spec, key=f"{spec.source}-{day.isoformat()}", name=label, effective_date=day)

    def _load(self, name, options, stream):
        source, spec = SOURCES[name], self._spec(name, options)
        own = self._given(name, options)
        path = options.get(name.replace("-", "_")) if own else source.get("path", lambda: None)()
        year = options["fiscal_year"] or source.get("fiscal_year")
        if name == "icd10cm-billable":
            return icd10cm.load_billable_list(path, spec, stream)
        if name == "icd10cm-tabular":
            code_list = options["icd10cm_code_list"] if own else source["code_list"]()
            return icd10cm.load_tabular(path, spec, code_list, stream)
        if name == "cc-mcc":
            cc = options["cc"] if own else source["cc"]()
            mcc = options["mcc"] if own else source["mcc"]()
            return icd10cm.load_cc_mcc(cc, mcc, spec, year)
        if name == "msdrg-weights":
            return msdrg.load(path, spec, year)
        if name == "icd10pcs":
            labels = options["icd10pcs_labels"] or SOURCES["icd10pcs-labels"]["path"]()
            return icd10pcs.load_codes(path, spec, labels, stream)
        return icd10pcs.load_labels(path, spec)

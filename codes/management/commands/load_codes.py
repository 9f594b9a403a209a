"""Load the official ICD-10-CM / ICD-10-PCS data: the bundled files, or an operator's own."""

import time
from argparse import ArgumentParser
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from codes import searchindex
from codes.formats import System
from codes.importers.bundled import ORDER, SOURCES, BundledSource
from codes.importers.catalogue import ReleaseSpec, StaleRelease
from codes.importers.command import ALLOW_DELETIONS_HELP, progress_stream
from codes.importers.errors import ImportFileError
from codes.importers.guard import TooManyDeletions
from codes.models import Code


class Command(BaseCommand):
    help = (
        "Load the official ICD-10-CM and ICD-10-PCS code sets, CC/MCC lists and MS-DRG weights "
        "bundled with the installed packages, in release order. Give a source's file to load "
        "an operator-supplied release of the same official format instead."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if ICD codes exist."
        )
        parser.add_argument("--only", nargs="+", choices=ORDER, help="Load only these sources.")
        options = {
            option: text for source in SOURCES.values() for option, text in source.help.items()
        }
        for option, text in options.items():
            parser.add_argument(f"--{option}", metavar="PATH", help=text)
        parser.add_argument(
            "--effective",
            "--release-date",
            dest="effective",
            type=date.fromisoformat,
            help="The operator file's effective date, YYYY-MM-DD (as the release declares it).",
        )
        parser.add_argument("--release-name", help='e.g. "ICD-10-CM FY2027 (October 1 2026)".')
        parser.add_argument(
            "--allow-deletions",
            action="store_true",
            help=ALLOW_DELETIONS_HELP,
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Code.objects.in_system(System.ICD10CM).exists():
            self.stdout.write("ICD-10 codes already loaded; nothing to do.")
            return
        stream = progress_stream(self, options)
        for name in self._plan(options):
            source = SOURCES[name]
            paths, spec = self._paths(source, options), self._spec(source, options)
            if stream:
                files = ", ".join(Path(path).name for path in paths.values())
                stream.write(f"{name}: {spec.name}, from {files}\n")
            started = time.monotonic()
            try:
                report = source.load(paths, spec, stream)
            except StaleRelease as stale:
                self.stdout.write(f"{name}: skipped ({stale}).")
                continue
            except TooManyDeletions as refused:
                raise CommandError(
                    f"{name}: {refused} (nothing was changed by this source)"
                ) from refused
            except (ImportFileError, OSError) as error:
                raise CommandError(
                    f"{name}: {error} (nothing was changed by this source)"
                ) from error
            summary = ", ".join(report.lines()) or "no rows"
            self.stdout.write(f"{name}: {summary} [{time.monotonic() - started:.1f}s]")
        started = time.monotonic()
        if stream:
            stream.write("search index: every code's search document and the vocabulary\n")
        summary = ", ".join(f"{key}: {count}" for key, count in searchindex.sync(stream).items())
        self.stdout.write(f"search index: {summary} [{time.monotonic() - started:.1f}s]")
        self.stdout.write(self.style.SUCCESS("Done."))

    def _plan(self, options: dict[str, Any]) -> list[str]:
        given = [name for name in ORDER if self._own(SOURCES[name], options)]
        if given and options["effective"] is None:
            raise CommandError("--effective is required with an operator-supplied file.")
        return given or options["only"] or ORDER

    @staticmethod
    def _own(source: BundledSource, options: dict[str, Any]) -> bool:
        """Did the operator give this source's main file (its first option)?"""
        first = next(iter(source.files))
        return bool(options.get(first.replace("-", "_")))

    @staticmethod
    def _paths(source: BundledSource, options: dict[str, Any]) -> dict[str, str]:
        return {
            option: options.get(option.replace("-", "_")) or default()
            for option, default in source.files.items()
        }

    def _spec(self, source: BundledSource, options: dict[str, Any]) -> ReleaseSpec:
        spec = replace(source.release, allow_deletions=options["allow_deletions"])
        if not self._own(source, options):
            return spec
        day = options["effective"]
        name = options["release_name"] or f"{spec.source} {day.isoformat()} (operator file)"
        return replace(
            spec,
            key=f"{spec.source}-{day.isoformat()}",
            name=name,
            effective_date=day,
            changes_dated=None,
        )

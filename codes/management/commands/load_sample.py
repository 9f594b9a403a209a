from typing import Any

from django.core.management.base import BaseCommand

from codes.sample import load_sample


class Command(BaseCommand):
    help = "Load the bundled sample set (marked as sample data). Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_sample()
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Sample set loaded: {report.writes} rows written."))

from typing import Any

from django.core.management.base import BaseCommand

from codes import searchindex
from codes.importers.command import progress_stream


class Command(BaseCommand):
    help = "Bring the search index up to date with the catalogue (writes only differences)."

    def handle(self, *args: Any, **options: Any) -> None:
        for key, count in searchindex.sync(progress_stream(self, options)).items():
            self.stdout.write(f"{key}: {count}")

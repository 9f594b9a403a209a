from django.core.management.base import BaseCommand

from codes import searchindex


class Command(BaseCommand):
    help = "Bring the search index up to date with the catalogue (writes only differences)."

    def handle(self, *args, **options):
        for key, count in searchindex.sync().items():
            self.stdout.write(f"{key}: {count}")

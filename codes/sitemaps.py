"""sitemap.xml: an index with one section per code set, every code page listed."""

from django.contrib.sitemaps import Sitemap

from .formats import System
from .models import Code


class CodeSitemap(Sitemap):
    limit = 10000
    changefreq = "monthly"

    def __init__(self, system: str):
        self.system = system

    def items(self):
        return Code.objects.in_system(self.system).only("system", "code", "updated_at").in_order()

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {system: CodeSitemap(system) for system in System.values}

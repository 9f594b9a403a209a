"""sitemap.xml: an index with one section per code set, every code page listed.

Building a 10,000-URL section costs a few hundred milliseconds, and the index would
otherwise read every code to find the latest change; both are cached per catalogue
version (an import or edit starts over), and the index's dates come from one
aggregate per code set.
"""

from collections.abc import Callable
from datetime import datetime
from functools import wraps

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse

from . import pagecache
from .formats import System
from .models import Code


class CodeSitemap(Sitemap):
    limit = 10000
    changefreq = "monthly"

    def __init__(self, system: str) -> None:
        self.system = system

    def items(self) -> list[Code]:
        rows = Code.objects.in_system(self.system).only("system", "code", "updated_at")
        return rows.in_order()  # type: ignore[return-value]  # paginated lazily

    def location(self, item: Code) -> str:
        return item.get_absolute_url()

    def lastmod(self, item: Code) -> datetime:
        return item.updated_at

    def get_latest_lastmod(self) -> datetime | None:
        """One aggregate, not a pass over every code (Django's default)."""
        return Code.objects.in_system(self.system).aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {system: CodeSitemap(system) for system in System.values}


def _cached(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, **kwargs: object) -> HttpResponse:
        page = request.GET.get("p", "1")
        section = str(kwargs.get("section", "index"))
        if not (page.isascii() and page.isdigit() and len(page) < 6):
            raise Http404("No such sitemap page")
        if section != "index" and section not in SITEMAPS:
            raise Http404("No such sitemap")
        key = pagecache.key(request.get_host(), "sitemap", section, page)
        body = pagecache.get_fragment(key)
        if body is None:
            response = view(request, sitemaps=SITEMAPS, **kwargs)
            response.render()  # type: ignore[attr-defined]
            if response.status_code != 200:
                return response
            body = response.content.decode()
            pagecache.put_fragment(key, body)
        response = HttpResponse(body, content_type="application/xml")
        response["X-Robots-Tag"] = "noindex, noodp, noarchive"
        return response

    return wrapper


index = _cached(sitemap_views.index)
section = _cached(sitemap_views.sitemap)

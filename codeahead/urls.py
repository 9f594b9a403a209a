from django.contrib import admin
from django.urls import include, path

from codeahead.health import healthz
from codes import sitemaps
from codes.robots import favicon, robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("tools.urls")),
    path("robots.txt", robots_txt),
    path("favicon.ico", favicon),
    path("healthz", healthz),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap-section"),
    path("", include("codes.urls")),
]

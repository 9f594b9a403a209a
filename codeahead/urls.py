from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from codeahead.health import healthz
from codes.robots import robots_txt
from codes.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("robots.txt", robots_txt),
    path("healthz", healthz),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("", include("codes.urls")),
]

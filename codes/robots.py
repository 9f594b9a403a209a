"""Files crawlers and browsers ask for at the site's root: robots.txt and favicon.ico."""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /accounts/", "Disallow: /search/"]
    return HttpResponse("\n".join([*lines, f"Sitemap: {sitemap}", ""]), content_type="text/plain")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links; send them to the icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))

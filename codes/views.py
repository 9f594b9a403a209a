"""Public catalogue pages. Views stay thin: look up, then render."""

import json

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from . import browse, pagecache
from .formats import System, normalize
from .models import Code
from .pages import load_page
from .search import search as run_search

TEMPLATES = {
    System.CPT: "codes/procedure.html",
    System.HCPCS: "codes/procedure.html",
    System.ICD10CM: "codes/icd10cm.html",
    System.ICD10PCS: "codes/icd10pcs.html",
    System.MODIFIER: "codes/modifier.html",
}


@require_safe
def home(request):
    counts = cache.get_or_set("codes:home-counts", _counts, 600)
    systems = [(value, label, counts.get(value, 0)) for value, label in System.choices]
    return render(request, "codes/home.html", {"systems": systems})


def _counts():
    rows = Code.objects.active().values("system").annotate(n=Count("id"))
    return {row["system"]: row["n"] for row in rows}


@require_safe
def system_index(request, system: str):
    return render(
        request,
        "codes/index.html",
        {"system": system, "label": System(system).label, "entries": browse.top_level(system)},
    )


@require_safe
def group(request, system: str, key: str):
    found = browse.group(system, key)
    if found is None:
        raise Http404("No such group")
    title, codes = found
    page = Paginator(codes, 200).get_page(request.GET.get("page"))
    return render(
        request,
        "codes/group.html",
        {"system": system, "label": System(system).label, "title": title, "page": page},
    )


@require_safe
def search(request):
    query = request.GET.get("q", "").strip()
    hits = run_search(query) if query else []
    context = {"query": query, "search_query": query, "hits": hits}
    return render(request, "codes/search.html", context)


@require_safe
def code_detail(request, system: str, code: str):
    canonical = normalize(system, code)
    if canonical != code or not request.path.endswith("/"):
        # /icd10cm/e119 -> /icd10cm/E11.9/ (one permanent redirect, no lookup needed)
        return redirect("codes:detail", system=system, code=canonical, permanent=True)
    host = request.get_host()
    html = pagecache.get(host, system, canonical)
    if html is None:
        page = load_page(system, canonical)
        if page is None:
            return _not_found(request, system, canonical)
        context = {
            "page": page,
            "code": page.code,
            "structured_data": structured_data(page.code, request.build_absolute_uri()),
            "cacheable": True,  # visitor-specific parts become markers, filled below
        }
        html = render_to_string(TEMPLATES[system], context, request)
        pagecache.put(host, system, canonical, html)
    nav = render_to_string("partials/_account_nav.html", request=request)
    return HttpResponse(pagecache.fill(html, nav=nav))


def structured_data(code, url) -> str:
    """schema.org MedicalCode as JSON-LD, safe inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalCode",
        "codeValue": code.code,
        "codingSystem": code.get_system_display(),
        "name": code.title,
        "url": url,
    }
    return mark_safe(json.dumps(data).replace("<", "\\u003c"))  # noqa: S308


def _not_found(request, system, value):
    close = Code.objects.filter(system=system, code__startswith=value[:3]).order_by(
        "position", "code"
    )[:10]
    context = {"system": system, "label": System(system).label, "value": value, "close": close}
    return render(request, "codes/not_found.html", context, status=404)

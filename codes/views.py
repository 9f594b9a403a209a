"""Public catalogue pages. Views stay thin: look up, then render."""

import functools
import json
from collections import Counter

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from accounts import allowance

from . import browse, pagecache
from .formats import System, normalize
from .models import Code
from .pages import load_page
from .search import MAX_QUERY
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


SEARCH_RESULTS = 200  # hits a results page can page through
PAGE_SIZE = 20
SUGGESTIONS = 10


@require_safe
def search(request):
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    system = request.GET.get("system", "")
    hits = run_search(query, limit=SEARCH_RESULTS) if query else []
    counts = Counter(hit.system for hit in hits)
    shown = [hit for hit in hits if hit.system == system] if system in counts else hits
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "search_query": query,
        "system": system if system in counts else "",
        "systems": [
            (value, label, counts[value]) for value, label in System.choices if counts[value]
        ],
        "page": page,
        "total": len(shown),
        "max_query": MAX_QUERY,
        "truncated": len(request.GET.get("q", "")) > MAX_QUERY,
    }
    return render(request, "codes/search.html", context)


@require_safe
def suggest(request):
    """JSON for the search box: up to 10 hits while the visitor types."""
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    hits = run_search(query, limit=SUGGESTIONS) if len(query) >= 2 else []
    data = {
        "query": query,
        "hits": [
            {
                "system": hit.system,
                "system_label": hit.system_label,
                "code": hit.code,
                "title": hit.title,
                "billable": hit.billable,
                "url": reverse("codes:detail", kwargs={"system": hit.system, "code": hit.code}),
            }
            for hit in hits
        ],
    }
    return JsonResponse(data)


@require_safe
def code_detail(request, system: str, code: str):
    canonical = normalize(system, code)
    if canonical != code or not request.path.endswith("/"):
        # /icd10cm/e119 -> /icd10cm/E11.9/ (one permanent redirect, no lookup needed)
        return redirect("codes:detail", system=system, code=canonical, permanent=True)
    host = request.get_host()
    entry = pagecache.get(host, system, canonical)
    if entry is None:
        page = load_page(system, canonical)
        if page is None:
            return _not_found(request, system, canonical)
        entry = _render_page(request, page)
        pagecache.put(host, system, canonical, entry)
    banner = ""
    metered = entry.metered and settings.ALLOWANCE_ENABLED
    if metered:
        decision = allowance.visit(request, entry.code_id)
        if not decision.allowed:
            return _gate(request, entry, decision)
        banner = allowance_banner(decision)
    nav = account_nav(request)
    response = HttpResponse(pagecache.fill(entry.html, nav=nav, banner=banner))
    if metered:
        patch_cache_control(response, private=True)  # never in a shared cache
        patch_vary_headers(response, ["Cookie"])
        allowance.remember_guest(request, response)
    return response


def allowance_banner(decision) -> str:
    """The banner depends on a few values only: each variant is rendered once per process
    (a template render per page view cost more than the allowance check itself)."""
    return _banner(decision.unlimited, decision.guest, decision.remaining, decision.resets_at)


@functools.lru_cache(maxsize=256)
def _banner(unlimited, guest, remaining, resets_at) -> str:
    decision = allowance.Decision(
        True, unlimited=unlimited, guest=guest, used=0, limit=remaining, resets_at=resets_at
    )
    extra = settings.ALLOWANCE_MEMBER_LIMIT - settings.ALLOWANCE_GUEST_LIMIT
    context = {"decision": decision, "member_extra": extra}
    return render_to_string("partials/_allowance_banner.html", context)


def account_nav(request) -> str:
    """Members see their own links (and a logout form with its CSRF token); every guest
    sees the same links, rendered once per process."""
    if request.user.is_authenticated:
        return render_to_string("partials/_account_nav.html", request=request)
    return _guest_nav()


@functools.cache
def _guest_nav() -> str:
    return render_to_string("partials/_account_nav.html", {"user": AnonymousUser()})


def _render_page(request, page) -> pagecache.CachedPage:
    code = page.code
    context = {
        "page": page,
        "code": code,
        "structured_data": structured_data(code, request.build_absolute_uri()),
        "cacheable": True,  # visitor-specific parts become markers, filled per request
    }
    return pagecache.CachedPage(
        html=render_to_string(TEMPLATES[code.system], context, request),
        code_id=code.id,
        system=code.system,
        code=code.code,
        title=code.short_description or code.title,
        metered=allowance.is_metered(code.system, code.kind, code.billable),
    )


def _gate(request, entry, decision):
    """The code and its short title, and how to see more: none of the protected page."""
    context = {"entry": entry, "decision": decision, "label": System(entry.system).label}
    response = render(request, "codes/gate.html", context)
    patch_cache_control(response, private=True, no_store=True)
    allowance.remember_guest(request, response)
    return response


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
    close = Code.objects.in_system(system).filter(code__startswith=value[:3]).in_order()[:10]
    context = {"system": system, "label": System(system).label, "value": value, "close": close}
    return render(request, "codes/not_found.html", context, status=404)

"""Public catalogue pages. Views stay thin: look up, then render."""

import hashlib
import re
from collections import Counter
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from accounts import allowance, visitor

from . import browse, pagecache, structured
from .formats import Kind, System, normalize
from .models import Code
from .pages import load_page
from .search import MAX_QUERY
from .search import search as run_search

TEMPLATES: dict[str, str] = {
    System.CPT: "codes/procedure.html",
    System.HCPCS: "codes/procedure.html",
    System.ICD10CM: "codes/icd10cm.html",
    System.ICD10PCS: "codes/icd10pcs.html",
    System.MODIFIER: "codes/modifier.html",
}


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The same for every visitor but their navigation and messages: rendered once per
    process and catalogue version (counting 180,000 codes is not per-request work)."""
    key = pagecache.key(request.get_host(), "home")
    html = pagecache.get_fragment(key)
    if html is None:
        counts = _counts()
        systems = [(value, label, counts.get(value, 0)) for value, label in System.choices]
        context = {"systems": systems, "cacheable": True}
        html = render_to_string("codes/home.html", context, request)
        pagecache.put_fragment(key, html)
    return visitor.page(request, html)


def _counts() -> dict[str, int]:
    rows = Code.objects.active().values("system").annotate(n=Count("id"))
    return {row["system"]: row["n"] for row in rows}


@require_safe
def system_index(request: HttpRequest, system: str) -> HttpResponse:
    return render(
        request,
        "codes/index.html",
        {
            "system": system,
            "label": System(system).label,
            "entries": browse.top_level(system),
            "browse_by": BROWSE_BY[system],
            "canonical": request.build_absolute_uri(request.path),
        },
    )


@require_safe
def group(request: HttpRequest, system: str, key: str) -> HttpResponse:
    found = browse.group(system, key)
    if found is None:
        raise Http404("No such group")
    title, codes = found
    page = Paginator(codes, 200).get_page(request.GET.get("page"))
    canonical = request.build_absolute_uri(request.path)
    if page.number > 1:
        canonical += f"?page={page.number}"
    context = {
        "system": system,
        "label": System(system).label,
        "title": title,
        "page": page,
        "canonical": canonical,
    }
    return render(request, "codes/group.html", context)


# How each code set's index page is organised, for its meta description.
BROWSE_BY: dict[str, str] = {
    System.ICD10CM: "chapter",
    System.ICD10PCS: "section",
    System.CPT: "section",
    System.HCPCS: "letter group",
    System.MODIFIER: "code",
}
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SEARCH_RESULTS = 200  # hits a results page can page through
PAGE_SIZE = 20
SUGGESTIONS = 10


@require_safe
def search(request: HttpRequest) -> HttpResponse:
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
        "pager_query": urlencode({"q": query, "system": system if system in counts else ""}) + "&",
    }
    return render(request, "codes/search.html", context)


@require_safe
def suggest(request: HttpRequest) -> JsonResponse:
    """JSON for the search box: up to 10 hits while the visitor types."""
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    # The hits are kept per catalogue version under a digest of the query: the query
    # itself is never kept, and the same prefixes are typed by visitor after visitor.
    key = pagecache.key("", "suggest", hashlib.sha256(query.encode()).hexdigest())
    hits = pagecache.remember(key, lambda: _suggestions(query))
    return JsonResponse({"query": query, "hits": hits})


def _suggestions(query: str) -> list[dict[str, object]]:
    hits = run_search(query, limit=SUGGESTIONS) if len(query) >= 2 else []
    return [
        {
            "system": hit.system,
            "system_label": hit.system_label,
            "code": hit.code,
            "title": hit.title,
            "billable": hit.billable,
            "match": hit.why,  # code, code prefix, all words, similar spelling, …
            "url": reverse("codes:detail", kwargs={"system": hit.system, "code": hit.code}),
        }
        for hit in hits
    ]


@require_safe
def code_detail(request: HttpRequest, system: str, code: str) -> HttpResponse:
    canonical = normalize(system, code)
    if not canonical:  # "/cpt/.../": nothing left of the code once normalised
        raise Http404("No such code")
    if canonical != code or not request.path.endswith("/"):
        # /icd10cm/e119 -> /icd10cm/E11.9/ (one permanent redirect, no lookup needed)
        return redirect("codes:detail", system=system, code=canonical, permanent=True)
    day = None
    if "date" in request.GET:  # the page as it stood on a date of service
        day = _day(typed := request.GET["date"])
        if day is None:
            return render(request, "codes/bad_date.html", {"value": typed}, status=400)
    host = request.get_host()
    entry = pagecache.get(host, system, canonical, day) or _render(request, system, canonical, day)
    if entry is None:
        return _not_found(request, system, canonical)
    return visitor.respond(request, entry)


def _day(text: str) -> date | None:
    """A date of service as YYYY-MM-DD, or None for anything else."""
    if not DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _render(
    request: HttpRequest, system: str, value: str, day: date | None = None
) -> pagecache.CachedPage | None:
    """Render a code's page (or its page as of `day`) for every visitor alike, and cache it."""
    page = load_page(system, value, day)
    if page is None:
        return None
    code = page.code
    metered = allowance.is_metered(code.system, code.kind, code.billable)
    url = request.build_absolute_uri(code.get_absolute_url())
    heading = code.kind not in (Kind.CODE, Kind.MODIFIER)
    context = {
        "page": page,
        "code": code,
        "metered": metered,
        "canonical": url,
        "structured_data": structured.page_data(
            code.system, code.code, code.title, url, metered, heading
        ),
        "cacheable": True,  # visitor-specific parts become markers, filled per request
    }
    entry = pagecache.CachedPage(
        html=render_to_string(TEMPLATES[code.system], context),
        code_id=code.id,
        system=code.system,
        code=code.code,
        title=code.title,
        url=code.get_absolute_url(),
        metered=metered,
    )
    pagecache.put(request.get_host(), system, value, entry, day)
    return entry


def _not_found(request: HttpRequest, system: str, value: str) -> HttpResponse:
    close = Code.objects.in_system(system).filter(code__startswith=value[:3]).in_order()[:10]
    label = System(system).label
    article = "an" if label.startswith("ICD") else "a"  # "an ICD-10-CM", "a HCPCS", "a CPT"
    context = {"system": system, "label": label, "article": article, "value": value, "close": close}
    return render(request, "codes/not_found.html", context, status=404)

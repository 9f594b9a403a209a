"""Reference pages beside the code sets: MS-DRGs and MDCs, PDX collections (Table 6K),
ICD-10-PCS guidelines and index, ICD-9-CM procedures with their GEM targets.

Thin views over the models; an unknown DRG, MDC, collection, guideline, letter or
ICD-9-CM code is a 404, never a 500. Free pages (not metered): they hold no code page.
"""

import re

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from .crosswalks import GEM_FLAGS
from .formats import System
from .models import (
    CcExclusion,
    CcExclusionRange,
    CcExclusionRule,
    Code,
    DrgSeverityExclusion,
    GemMapping,
    Icd9Procedure,
    Mdc,
    MsDrg,
    MsDrgListing,
    PcsGuideline,
    PcsIndexEntry,
)

NO_MDC = "PRE"  # Table 5's MDC for pre-MDC DRGs (transplants, ECMO); "" for 998/999


def _canonical(request: HttpRequest) -> str:
    return request.build_absolute_uri(request.path)


def _latest_year() -> int:
    return MsDrg.objects.order_by("-fiscal_year").values_list("fiscal_year", flat=True).first() or 0


@require_safe
def drg_index(request: HttpRequest) -> HttpResponse:
    year = _latest_year()
    counts = dict(
        MsDrg.objects.filter(fiscal_year=year)
        .values_list("mdc")
        .annotate(n=Count("id"))
        .values_list("mdc", "n")
    )
    mdcs = [(mdc, counts.get(mdc.code, 0)) for mdc in Mdc.objects.select_related("release")]
    others = [(code or "none", n) for code, n in sorted(counts.items()) if not code.isdigit()]
    context = {"year": year, "mdcs": mdcs, "others": others, "canonical": _canonical(request)}
    return render(request, "codes/drg_index.html", context)


@require_safe
def mdc_detail(request: HttpRequest, mdc: str) -> HttpResponse:
    year = _latest_year()
    found = Mdc.objects.filter(code=mdc).select_related("release").first()
    code = "" if mdc == "none" else mdc
    drgs = list(MsDrg.objects.filter(fiscal_year=year, mdc=code).select_related("release"))
    if found is None and not drgs:
        raise Http404("No such MDC")
    context = {
        "mdc": found,
        "code": mdc,
        "year": year,
        "drgs": drgs,
        "vintage": drgs[0].release.name if drgs and drgs[0].release else "",
        "canonical": _canonical(request),
    }
    return render(request, "codes/mdc.html", context)


@require_safe
def drg_detail(request: HttpRequest, drg: str) -> HttpResponse:
    if len(drg) < 3:
        return redirect("codes:ms_drg", drg=drg.zfill(3), permanent=True)
    rows = list(MsDrg.objects.filter(drg=drg).select_related("release").order_by("-fiscal_year"))
    listed = MsDrgListing.objects.filter(drg=drg).select_related("release").first()
    if not rows and listed is None:
        raise Http404("No such MS-DRG")
    current = rows[0] if rows else None
    mdc = current.mdc if current else listed.mdc if listed else ""
    context = {
        "drg": drg,
        "current": current,
        "listed": listed,
        "mdc": Mdc.objects.filter(code=mdc).first() if mdc.isdigit() else None,
        "mdc_code": mdc,
        "exclusions": list(
            DrgSeverityExclusion.objects.filter(first_drg__lte=drg, last_drg__gte=drg)
            .values("mdc", "first_drg", "last_drg", "heading", "fiscal_year", "release__name")
            .annotate(n=Count("id"))
            .order_by("-fiscal_year", "first_drg")
        ),
        "canonical": _canonical(request),
    }
    return render(request, "codes/drg.html", context)


@require_safe
def pdx_collection(request: HttpRequest, year: int, collection: int) -> HttpResponse:
    members = (
        CcExclusion.objects.filter(fiscal_year=year, collection=collection)
        .select_related("principal", "release")
        .order_by("principal__position", "principal__code")
    )
    page = Paginator(members, 500).get_page(request.GET.get("page"))
    if not page.object_list:
        raise Http404("No such PDX collection")
    context = {
        "year": year,
        "collection": collection,
        "page": page,
        "ranges": CcExclusionRange.objects.filter(fiscal_year=year, collection=collection).count(),
        "secondaries": CcExclusionRule.objects.filter(fiscal_year=year, collection=collection)
        .select_related("code")
        .order_by("code__position")[:200],
        "vintage": page.object_list[0].release.name if page.object_list[0].release else "",
        "canonical": _canonical(request),
    }
    return render(request, "codes/pdx_collection.html", context)


@require_safe
def pcs_guidelines(request: HttpRequest) -> HttpResponse:
    guidelines = list(PcsGuideline.objects.select_related("release"))
    context = {"guidelines": guidelines, "canonical": _canonical(request)}
    return render(request, "codes/pcs_guidelines.html", context)


@require_safe
def pcs_guideline(request: HttpRequest, key: str) -> HttpResponse:
    found = PcsGuideline.objects.filter(key__iexact=key).select_related("release").first()
    if found is None:
        raise Http404("No such guideline")
    if found.key != key:
        return redirect("codes:pcs_guideline", key=found.key, permanent=True)
    neighbours = PcsGuideline.objects.filter(
        position__in=[found.position - 1, found.position + 1]
    ).order_by("position")
    context = {"guideline": found, "neighbours": neighbours, "canonical": _canonical(request)}
    return render(request, "codes/pcs_guideline.html", context)


@require_safe
def pcs_index(request: HttpRequest, letter: str = "") -> HttpResponse:
    letters = list(
        PcsIndexEntry.objects.values_list("letter", flat=True).distinct().order_by("letter")
    )
    if letter and letter not in letters:
        raise Http404("No index entries under this letter")
    entries = (
        list(PcsIndexEntry.objects.filter(letter=letter).select_related("release"))
        if letter
        else []
    )
    context = {
        "letters": letters,
        "letter": letter,
        "entries": render_index_text(entries),
        "vintage": entries[0].release.name if entries and entries[0].release else "",
        "canonical": _canonical(request),
    }
    return render(request, "codes/pcs_index.html", context)


@require_safe
def icd9_procedures(request: HttpRequest) -> HttpResponse:
    procedures = Icd9Procedure.objects.only("code", "description")
    page = Paginator(procedures, 500).get_page(request.GET.get("page"))
    canonical = _canonical(request) + (f"?page={page.number}" if page.number > 1 else "")
    return render(request, "codes/icd9_index.html", {"page": page, "canonical": canonical})


@require_safe
def icd9_procedure(request: HttpRequest, code: str) -> HttpResponse:
    found = Icd9Procedure.objects.filter(code=code).select_related("release").first()
    if found is None:
        raise Http404("No such ICD-9-CM procedure code")
    rows = list(
        GemMapping.objects.filter(icd9=found)
        .select_related("target")
        .order_by("scenario", "choice_list", "pcs_code")
    )
    context = {
        "procedure": found,
        "rows": rows,
        "flags": GEM_FLAGS,
        "pcs_system": System.ICD10PCS,
        "canonical": _canonical(request),
    }
    return render(request, "codes/icd9_procedure.html", context)


@require_safe
def gem_flags(request: HttpRequest) -> HttpResponse:
    return render(
        request, "codes/gem_flags.html", {"flags": GEM_FLAGS, "canonical": _canonical(request)}
    )


PCS_TARGET = re.compile(r"\*\*([0-9A-HJ-NP-Z]{3,7})\*\*")


def render_index_text(entries: list[PcsIndexEntry]) -> list[tuple[PcsIndexEntry, SafeString]]:
    """Each entry's text as HTML: one line per source line, indented as the source's
    tabs, each `**0DT**` a link to that code or its table when the catalogue has it
    (one query for the whole page), else the code as plain text."""
    wanted = {m for entry in entries for m in PCS_TARGET.findall(entry.text)}
    wanted |= {code[:3] for code in wanted}
    existing = set(
        Code.objects.filter(system=System.ICD10PCS, code__in=wanted).values_list("code", flat=True)
    )

    def link(match: re.Match[str]) -> str:
        code = match.group(1)
        target = code if code in existing else code[:3] if code[:3] in existing else None
        if target is None:
            return format_html('<span class="code">{}</span>', code)
        url = reverse("codes:detail", kwargs={"system": System.ICD10PCS, "code": target})
        return format_html('<a class="code" href="{}">{}</a>', url, code)

    rendered = []
    for entry in entries:
        lines = []
        for line in entry.text.splitlines():
            depth = min(len(line) - len(line.lstrip("\t")), 4)
            parts: list[str] = []
            last = 0
            for match in PCS_TARGET.finditer(line):
                parts.append(escape(line[last : match.start()].strip("\t")))
                parts.append(link(match))
                last = match.end()
            parts.append(escape(line[last:].strip("\t")))
            inner = mark_safe("".join(parts))  # noqa: S308 (each part escaped or format_html)
            lines.append(format_html('<span class="line indent-{}">{}</span>', depth, inner))
        rendered.append((entry, mark_safe("".join(lines))))  # noqa: S308 (all format_html)
    return rendered

"""Public code pages. Views stay thin: look up, then render."""

from django.http import Http404
from django.shortcuts import redirect, render

from .formats import System, normalize
from .models import Code


def home(request):
    return render(request, "codes/home.html", {"systems": System})


def code_detail(request, system: str, code: str):
    canonical = normalize(system, code)
    if canonical != code or not request.path.endswith("/"):
        # /icd10cm/e119 -> /icd10cm/E11.9/ (one permanent redirect, no lookup needed)
        return redirect("codes:detail", system=system, code=canonical, permanent=True)
    try:
        entry = Code.objects.for_page().get(system=system, code=canonical)
    except Code.DoesNotExist:
        raise Http404(f"No {System(system).label} code {canonical}") from None
    return render(request, "codes/detail.html", {"code": entry})

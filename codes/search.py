"""Code lookup and word search: one entry point, `search()`."""

import re
from dataclasses import dataclass

from django.db.models import Q

from .formats import System, normalize
from .models import Code

MAX_QUERY = 200
CODE_SHAPED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{1,7}\*?$")


@dataclass
class SearchHit:
    system: str
    code: str
    title: str
    billable: bool
    why: str

    @property
    def system_label(self) -> str:
        return System(self.system).label


def search(query: str, systems=None, limit: int = 20) -> list[SearchHit]:
    query = " ".join((query or "").split())[:MAX_QUERY]
    if not query:
        return []
    codes = Code.objects.all()
    if systems:
        codes = codes.filter(system__in=systems)
    hits, seen = [], set()

    def add(rows, why):
        for row in rows:
            key = (row.system, row.code)
            if key not in seen and len(hits) < limit:
                seen.add(key)
                hits.append(SearchHit(row.system, row.code, row.title, row.billable, why))

    if CODE_SHAPED.match(query) and any(ch.isdigit() for ch in query):
        typed = query.rstrip("*")
        forms = {normalize(system, typed) for system in System.values} | {typed.upper()}
        add(codes.filter(code__in=forms).order_by("system"), "code")
        prefix = Q()
        for form in forms:
            prefix |= Q(code__startswith=form)
        add(codes.filter(prefix).order_by("system", "position", "code")[:limit], "code prefix")
    words = [w for w in re.split(r"\W+", query) if len(w) > 1]
    if words and len(hits) < limit:
        condition = Q()
        for word in words:
            condition &= Q(long_description__icontains=word) | Q(short_description__icontains=word)
        rows = codes.filter(condition).order_by("-billable", "system", "position", "code")
        add(rows[:limit], "description")
    return hits

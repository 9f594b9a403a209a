"""Search quality and speed over the full official data, in one run.

1. Relevance: the 540 queries of tests/eval/relevance through search(): hit@1, hit at
   the rank each query requires, top 5 and MRR per group.
2. Latency in-process: the relevance queries plus ~320 varied ones (code forms,
   abbreviations, typos, prefixes while typing): a cold first pass and a warm one,
   p50/p95/p99 and the slowest query.
3. Through gunicorn (2 workers): /api/suggest sequentially over the same queries beside
   /robots.txt, then wrk at 8 connections on a rotating set of suggest queries and on
   /robots.txt (requests/s).

The bench database (bench/.data, shared with bench/pages.py) gets the 2019 HCPCS file
when ../shared/data has it. With DATABASE_URL=postgres://… it runs on that PostgreSQL
database (created if missing, loaded once).

    .venv/bin/python bench/search.py [--no-http]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/codeahead_bench .venv/bin/python bench/search.py
"""

import importlib.util
import os
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request

from pages import DATA, ROOT, paths_script, prepare, serve, show, wrk

HCPCS_2019 = ROOT.parent / "shared" / "data" / "cms" / "hcpcs-2019" / "HCPC2019_CONTR_ANWEB.txt"

WORDS = [
    "type 2 diabetes",
    "diabetes with neuropathy",
    "dm2 neuropathy",
    "htn",
    "chf",
    "copd",
    "copd exacerbation",
    "mi",
    "uti",
    "lap chole",
    "appendectomy laparoscopic",
    "cabg",
    "pneumonia",
    "pnuemonia",
    "diabtes",
    "apendectomy",
    "fracture of femur",
    "hip fracture",
    "heart attack",
    "stroke",
    "chest pain",
    "low back pain",
    "major depressive disorder",
    "anxiety",
    "asthma",
    "sepsis",
    "obesity",
    "hypothyroidism",
    "atrial fibrillation",
    "kidney disease stage 3",
    "esrd",
    "gerd",
    "headache",
    "migraine",
    "dementia",
    "alzheimer",
    "osteoarthritis knee",
    "rheumatoid arthritis",
    "influenza vaccine",
    "colonoscopy",
    "knee replacement",
    "cataract",
    "glaucoma",
    "otitis media",
    "sinusitis",
    "bronchitis",
    "cellulitis leg",
    "abscess",
    "laceration of hand",
    "burn of forearm",
    '"heart failure"',
    '"foot ulcer"',
    "pregnancy",
    "gestational diabetes",
    "anemia",
    "vitamin d deficiency",
    "hyperlipidemia",
    "covid",
    "nausea vomiting",
    "dizziness",
    "syncope",
    "dehydration",
    "fall",
    "screening mammogram",
    "wellness visit",
    "injection",
    "wheelchair",
    "crutches",
    "oxygen",
    "resection of appendix",
    "bypass coronary artery",
    "excision",
    "drainage",
    "the of and",
    "diab",
    "hyper",
    "fract",
    "pneum",
    "card",
]


def setup(env):
    """Django in this process on the bench database, with HCPCS 2019 and search names."""
    import django

    os.environ.update(
        {k: v for k, v in env.items() if k in ("DATABASE_URL", "SECRET_KEY", "DEBUG")}
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeahead.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command

    from codes.models import Code, SearchName

    if HCPCS_2019.exists() and Code.objects.filter(system="hcpcs").count() < 1000:
        call_command("import_hcpcs", str(HCPCS_2019), verbosity=0)
    if not SearchName.objects.exists():
        call_command("rebuild_search", verbosity=0)


def relevance_module():
    path = ROOT / "tests" / "eval" / "relevance" / "score.py"
    spec = importlib.util.spec_from_file_location("relevance_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def queries():
    from codes.models import Code

    rng = random.Random(7)
    ids = list(Code.objects.values_list("id", flat=True))
    sample = Code.objects.filter(id__in=rng.sample(ids, 120)).values_list(
        "code", "long_description"
    )
    found = list(WORDS)
    for code, title in sample:
        form = rng.choice([code, code.replace(".", ""), code.lower(), code[:3], code[:4] + "*"])
        found.append(form)
        words = title.split()
        if len(words) >= 2:
            found.append(" ".join(words[:2]).lower().strip(",")[: rng.randint(6, 25)])
    return found


def percentiles(samples):
    ordered = sorted(samples)
    pick = lambda share: ordered[min(len(ordered) - 1, int(share * len(ordered)))]  # noqa: E731
    return statistics.median(ordered), pick(0.95), pick(0.99)


def timed(run, batch):
    timings = []
    for query in batch:
        started = time.perf_counter()
        run(query)
        timings.append(((time.perf_counter() - started) * 1000, query))
    return timings


def line(label, timings):
    p50, p95, p99 = percentiles([t for t, _q in timings])
    worst, query = max(timings)
    print(
        f"{label:<34} p50 {p50:5.1f} ms   p95 {p95:5.1f} ms   p99 {p99:5.1f} ms   "
        f"worst {worst:5.1f} ms ({query!r})"
    )


def main():
    env = prepare()
    setup(env)
    from django.db import connection

    from codes.search import search

    score = relevance_module()
    rows = score.load()
    print(f"database: {connection.vendor}")
    outcomes = score.run(lambda q: [hit.code for hit in search(q, limit=10)], rows)
    print(score.table(score.by_group(outcomes)))

    batch = [row["query"] for row in rows] + queries()
    line(f"{len(batch)} queries in-process, cold", timed(lambda q: search(q, limit=10), batch))
    line(f"{len(batch)} queries in-process, warm", timed(lambda q: search(q, limit=10), batch))
    if "--no-http" in sys.argv:
        return

    server = serve(env, 8768)
    base = "http://127.0.0.1:8768"

    def get(path):
        with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310 (local)
            response.read()

    try:
        suggest = ["/api/suggest?" + urllib.parse.urlencode({"q": q}) for q in batch]
        line("/robots.txt sequential", timed(get, ["/robots.txt"] * len(batch)))
        line("/api/suggest sequential, cold", timed(get, suggest))
        line("/api/suggest sequential, warm", timed(get, suggest))
        script = paths_script("suggest", suggest)
        floor = wrk(base + "/robots.txt", 5, 8)[0]
        show("/robots.txt, 8 connections", wrk(base + "/robots.txt", 5, 8), floor)
        show("/api/suggest, 8 connections", wrk(base + "/api/suggest", 5, 8, script), floor)
    finally:
        server.terminate()
        server.wait()
        (DATA / "suggest.lua").unlink(missing_ok=True)


if __name__ == "__main__":
    main()

"""Search latency over the full official data: in-process and through /api/suggest.

250 varied queries (code-shaped forms and words: abbreviations, typos, prefixes
while typing, phrases), each run in-process with search() and over HTTP against
gunicorn. Prints p50/p95/p99. Goals on a 2-core machine with SQLite: p95 ≤ 25 ms
in-process, ≤ 40 ms through HTTP.

    .venv/bin/python bench/search.py
"""

import os
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request

from pages import ROOT, prepare, serve

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


def queries(env):
    import django

    os.environ.update(
        {k: v for k, v in env.items() if k in ("DATABASE_URL", "SECRET_KEY", "DEBUG")}
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeahead.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
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


def main():
    env = prepare()
    batch = queries(env)
    from codes.search import search

    for query in batch:  # warm the caches once, as a running site would be
        search(query, limit=10)
    timings = []
    for query in batch:
        started = time.perf_counter()
        search(query, limit=10)
        timings.append((time.perf_counter() - started) * 1000)
    p50, p95, p99 = percentiles(timings)
    print(
        f"{len(batch)} queries in-process   p50 {p50:5.1f} ms   p95 {p95:5.1f} ms   p99 {p99:5.1f} ms"
    )

    server = serve(env, 8768)
    try:
        timings = []
        for query in batch:
            url = "http://127.0.0.1:8768/api/suggest?" + urllib.parse.urlencode({"q": query})
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=10) as response:
                response.read()
            timings.append((time.perf_counter() - started) * 1000)
        p50, p95, p99 = percentiles(timings)
        print(
            f"{len(batch)} queries /api/suggest p50 {p50:5.1f} ms   p95 {p95:5.1f} ms   p99 {p99:5.1f} ms"
        )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

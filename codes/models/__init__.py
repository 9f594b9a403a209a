"""The code catalogue's models, one module per kind of data (see each module's docstring)."""

from .catalogue import (
    Code,
    CodeHistory,
    CodeModifier,
    CodeNote,
    CodeQuerySet,
    CodeRelation,
    CodeSection,
    Release,
)
from .grouping import (
    CcExclusion,
    CcExclusionRange,
    CcExclusionRule,
    DrgSeverityExclusion,
    Mdc,
    MsDrgListing,
)
from .indicators import (
    ComorbidityLevel,
    FeeScheduleIndicator,
    HcpcsIndicator,
    MsDrg,
    MueLimit,
    OppsIndicator,
    PcsAxisLabel,
    ServiceCategory,
    indicator_rows,
)
from .pcsref import GemMapping, Icd9Procedure, PcsGuideline, PcsIndexEntry
from .search import SearchDocument, SearchTerm

__all__ = [
    "CcExclusion",
    "CcExclusionRange",
    "CcExclusionRule",
    "Code",
    "CodeHistory",
    "CodeModifier",
    "CodeNote",
    "CodeQuerySet",
    "CodeRelation",
    "CodeSection",
    "ComorbidityLevel",
    "DrgSeverityExclusion",
    "FeeScheduleIndicator",
    "GemMapping",
    "HcpcsIndicator",
    "Icd9Procedure",
    "Mdc",
    "MsDrg",
    "MsDrgListing",
    "MueLimit",
    "OppsIndicator",
    "PcsAxisLabel",
    "PcsGuideline",
    "PcsIndexEntry",
    "Release",
    "SearchDocument",
    "SearchTerm",
    "ServiceCategory",
    "indicator_rows",
]

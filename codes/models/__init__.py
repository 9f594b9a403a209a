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
from .search import SearchDocument, SearchName, SearchTerm

__all__ = [
    "Code",
    "CodeHistory",
    "CodeModifier",
    "CodeNote",
    "CodeQuerySet",
    "CodeRelation",
    "CodeSection",
    "ComorbidityLevel",
    "FeeScheduleIndicator",
    "HcpcsIndicator",
    "MsDrg",
    "MueLimit",
    "OppsIndicator",
    "PcsAxisLabel",
    "Release",
    "SearchDocument",
    "SearchName",
    "SearchTerm",
    "ServiceCategory",
    "indicator_rows",
]

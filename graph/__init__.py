"""claimgraph: who said what in the news, and where sources contradict each other.

The public API is :class:`ClaimGraph` (one store and its :class:`Settings`), the
filters, enums and result types it takes and returns, the extraction
dataclasses and the errors. ``docs/python-api.md`` shows them at work.

Result types whose modules import rdflib are loaded on first use, so the
command line starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    CkgError,
    InputError,
    ModelError,
    OntologyError,
    QueryError,
    StoreBusyError,
    StoreError,
    UsageError,
    ValidationFailed,
)
from .filters import GraphFilter, ReportFilter
from .kinds import Certainty, FindingKind, FindingType, Polarity
from .models import (
    Actor,
    Article,
    AspectValue,
    Assertion,
    Event,
    Extraction,
    Span,
)
from .results import DisputedActor, GraphStats, QueryTable
from .settings import Settings

if TYPE_CHECKING:
    from .detect.validate import ValidationResult
    from .evaluate.real import RealReport
    from .evaluate.scoring import EvalReport
    from .pipeline import ArticleResult, IngestReport
    from .render.viz import VizResult
    from .report.findings import AssertionRecord, FindingRecord
    from .report.pages import FindingPage
    from .session import ClaimGraph

#: Name -> module (relative to this package) of what is imported on first use.
_LAZY = {
    "ArticleResult": ".pipeline",
    "AssertionRecord": ".report.findings",
    "ClaimGraph": ".session",
    "EvalReport": ".evaluate.scoring",
    "FindingPage": ".report.pages",
    "FindingRecord": ".report.findings",
    "IngestReport": ".pipeline",
    "RealReport": ".evaluate.real",
    "ValidationResult": ".detect.validate",
    "VizResult": ".render.viz",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Actor",
    "Article",
    "ArticleResult",
    "AspectValue",
    "Assertion",
    "AssertionRecord",
    "Certainty",
    "CkgError",
    "ClaimGraph",
    "DisputedActor",
    "EvalReport",
    "Event",
    "Extraction",
    "FindingKind",
    "FindingPage",
    "FindingRecord",
    "FindingType",
    "GraphFilter",
    "GraphStats",
    "IngestReport",
    "InputError",
    "ModelError",
    "OntologyError",
    "Polarity",
    "QueryError",
    "QueryTable",
    "RealReport",
    "ReportFilter",
    "Settings",
    "Span",
    "StoreBusyError",
    "StoreError",
    "UsageError",
    "ValidationFailed",
    "ValidationResult",
    "VizResult",
]

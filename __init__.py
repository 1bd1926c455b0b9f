"""claimgraph: who said what in the news, and where sources contradict each other.

The repository keeps ``graph/``, ``ontology/`` and ``cli.py`` at the top; the
installed distribution maps this folder to the one import name ``claimgraph``
(``claimgraph.graph``, ``claimgraph.ontology``, ``claimgraph.cli``).

Everything public is re-exported here: ``from claimgraph import ClaimGraph``.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import TYPE_CHECKING, Any

# Absolute imports: pytest imports a checkout's __init__.py on its own when the
# folder's name is no identifier ("claimgraph-main"), and the name then resolves
# to the installed package, which is this folder.
from claimgraph import graph as _graph
from claimgraph.graph import (
    Actor,
    Article,
    AspectValue,
    Assertion,
    Certainty,
    CkgError,
    DisputedActor,
    Event,
    Extraction,
    FindingKind,
    FindingType,
    GraphFilter,
    GraphStats,
    InputError,
    ModelError,
    OntologyError,
    Polarity,
    QueryError,
    QueryTable,
    ReportFilter,
    Settings,
    Span,
    StoreBusyError,
    StoreError,
    UsageError,
    ValidationFailed,
)

if TYPE_CHECKING:
    from claimgraph.graph import (
        ArticleResult,
        AssertionRecord,
        ClaimGraph,
        EvalReport,
        FindingPage,
        FindingRecord,
        IngestReport,
        RealReport,
        ValidationResult,
        VizResult,
    )

__version__ = version("claimgraph")


def __getattr__(name: str) -> Any:
    # The result types whose modules import rdflib load on first use (graph/).
    if name in _graph.__all__:
        return getattr(_graph, name)
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
    "__version__",
]

"""claimgraph: who said what in the news, and where sources contradict each other.

The public API is the functions in :mod:`claimgraph.graph.api` (one per CLI
command) plus the dataclasses and errors re-exported here.
"""

from __future__ import annotations

from .errors import (
    CkgError,
    InputError,
    ModelError,
    OntologyError,
    QueryError,
    StoreBusyError,
    StoreError,
    ValidationFailed,
)
from .models import (
    Actor,
    Article,
    AspectValue,
    Assertion,
    Event,
    Extraction,
    Span,
)

__all__ = [
    "Actor",
    "Article",
    "AspectValue",
    "Assertion",
    "CkgError",
    "Event",
    "Extraction",
    "InputError",
    "ModelError",
    "OntologyError",
    "QueryError",
    "Span",
    "StoreBusyError",
    "StoreError",
    "ValidationFailed",
]

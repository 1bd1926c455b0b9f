"""claimgraph: who said what in the news, and where sources contradict each other.

The public API is the functions in :mod:`graph.api` (one per CLI command) plus the
dataclasses and errors re-exported here.
"""

from __future__ import annotations

from graph.errors import (
    CkgError,
    InputError,
    ModelError,
    OntologyError,
    QueryError,
    StoreBusyError,
    StoreError,
    ValidationFailed,
)
from graph.models import (
    Actor,
    Article,
    AspectValue,
    Assertion,
    Event,
    Extraction,
    Span,
)

__version__ = "0.1.0"

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

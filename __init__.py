"""claimgraph: who said what in the news, and where sources contradict each other.

The repository keeps ``graph/``, ``ontology/`` and ``cli.py`` at the top; the
installed distribution maps this folder to the one import name ``claimgraph``
(``claimgraph.graph``, ``claimgraph.ontology``, ``claimgraph.cli``).
"""

from __future__ import annotations

from importlib.metadata import version

from .graph import (
    Actor,
    Article,
    AspectValue,
    Assertion,
    CkgError,
    Event,
    Extraction,
    InputError,
    ModelError,
    OntologyError,
    QueryError,
    Span,
    StoreBusyError,
    StoreError,
    ValidationFailed,
)

__version__ = version("claimgraph")

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
    "__version__",
]

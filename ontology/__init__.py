"""The claimgraph ontology, lexicons, SHACL shapes and SPARQL rules as package data."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from .vocab import CKG, DATA

__all__ = ["CKG", "DATA", "resource"]


def resource(*parts: str) -> Traversable:
    """Return a file or folder shipped in the ``ontology`` package."""
    node: Traversable = files("claimgraph.ontology")
    for part in parts:
        node = node / part
    return node

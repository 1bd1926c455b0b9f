"""What every store backend does; :class:`.base.ClaimStore` adds the rest.

Backends: :class:`.memory.DatasetBackend` (rdflib's memory store),
:class:`.oxigraph.OxigraphBackend` (embedded Oxigraph, on disk or in memory) and
:class:`.endpoint.Endpoint` (a SPARQL 1.1 server). The store checks read-only
opens and picks the time limit; a backend runs the operation and raises
:class:`~claimgraph.graph.errors.CkgError` subclasses for its own failures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from rdflib.query import Result
from rdflib.term import Node

from ..rdf.quads import Quad


class Backend(Protocol):
    """A place quads are written to and SPARQL is run against."""

    #: "oxigraph", "memory", "rdflib-memory" or "sparql".
    @property
    def kind(self) -> str: ...

    def add(self, quads: list[Quad]) -> None:
        """Write ``quads`` in one transaction: all of them or none."""

    def query(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> Result:
        """Run a query; the result is complete when returned."""
        ...

    def select_values(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> list[dict[str, str | None]]:
        """Rows of a SELECT as lexical values (None where unbound)."""
        ...

    def update(self, text: str) -> None:
        """Run a SPARQL update."""

    def count_query(self) -> str:
        """A SELECT of ``?n``, the number of quads claimgraph wrote."""
        ...

    def close(self) -> None:
        """Release the backend (and its lock); closing twice is harmless."""

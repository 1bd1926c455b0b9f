"""The open store the pipeline reads and writes, whatever backend is under it.

Opened by :func:`claimgraph.graph.store.open_store`. The backends
(:class:`.backend.Backend`) live in :mod:`.memory`, :mod:`.oxigraph` and
:mod:`.endpoint`; the store adds read-only checks, the time limit and rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from rdflib import Dataset
from rdflib.query import Result
from rdflib.term import Node

from ..errors import StoreError
from ..rdf.quads import Quad
from .backend import Backend
from .endpoint import Endpoint
from .memory import DatasetBackend
from .oxigraph import OxigraphBackend


@dataclass
class ClaimStore:
    """An open store over one :class:`~.backend.Backend`."""

    backend: Backend
    location: str
    read_only: bool = False
    timeout: float | None = None
    _closed: bool = field(default=False, repr=False)

    @property
    def kind(self) -> str:
        """ "oxigraph", "memory", "rdflib-memory" or "sparql"."""
        return self.backend.kind

    @property
    def dataset(self) -> Dataset | None:
        """The local rdflib :class:`Dataset`, or None for a remote endpoint."""
        backend = self.backend
        return backend.dataset if isinstance(backend, DatasetBackend) else None

    @property
    def endpoint(self) -> Endpoint | None:
        """The remote :class:`Endpoint`, or None for a local store."""
        return self.backend if isinstance(self.backend, Endpoint) else None

    @property
    def oxigraph(self) -> Any:
        """The pyoxigraph ``Store`` (embedded stores only), else None.

        For native pattern lookups where SPARQL through rdflib costs too much.
        """
        backend = self.backend
        return backend.native if isinstance(backend, OxigraphBackend) else None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"Store {self.location} is open read-only.")

    def add_quads(
        self, quads: Iterable[Quad], *, staged: Sequence[Any] | None = None
    ) -> None:
        """Add quads in one transaction: all of them are written or none.

        ``staged``, if given, are the same quads already converted by
        :func:`~.convert.to_oxigraph`; an embedded store writes them as they are.
        """
        self._writable()
        batch = list(quads)
        if not batch:
            return
        if staged is not None and isinstance(self.backend, OxigraphBackend):
            self.backend.add_staged(list(staged))
        else:
            self.backend.add(batch)

    def query(
        self,
        text: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        timeout: float | None = None,
    ) -> Result:
        """Run a SPARQL query with values bound by name (never formatted in).

        The result is complete when returned. ``timeout`` (else the store's) is a
        limit in seconds: past it, :class:`QueryError` is raised.
        """
        limit = timeout if timeout is not None else self.timeout
        return self.backend.query(text, bindings or {}, limit)

    def select(
        self, text: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts; unbound variables map to None."""
        if isinstance(self.backend, OxigraphBackend):
            return self.backend.select(text, bindings or {}, self.timeout)
        result = self.query(text, bindings)
        names = [str(v) for v in result.vars or []]
        return [dict(zip(names, row, strict=True)) for row in result]  # type: ignore[arg-type]

    def select_values(
        self, text: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, str | None]]:
        """Rows of a SELECT as lexical values: IRIs, literals and blank nodes as text.

        On the embedded store this skips rdflib's term objects, which cost far
        more than the query when a report reads tens of thousands of rows.
        """
        return self.backend.select_values(text, bindings or {}, self.timeout)

    def ask(self, text: str, bindings: Mapping[str, Node] | None = None) -> bool:
        """Answer of an ASK query."""
        return bool(self.query(text, bindings).askAnswer)

    def update(self, text: str) -> None:
        """Run a SPARQL update (used to clear derived findings)."""
        self._writable()
        self.backend.update(text)

    def __len__(self) -> int:
        """Number of quads claimgraph wrote (default graph plus claim graphs)."""
        rows = self.select(self.backend.count_query())
        return int(rows[0]["n"]) if rows else 0

    def close(self) -> None:
        """Release the store (and its lock)."""
        if not self._closed:
            self._closed = True
            self.backend.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

"""The open store the pipeline reads and writes, whatever backend is under it.

Opened by :func:`claimgraph.graph.store.open_store`; the backends' own code lives
in :mod:`.oxigraph`, :mod:`.memory` and :mod:`.endpoint`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from rdflib import Dataset
from rdflib.query import Result
from rdflib.term import Node

from ...ontology.vocab import PREFIXES
from ..errors import QueryError, StoreError
from ..rdf.quads import Quad
from .common import one_line, quiet_rdflib, with_deadline
from .convert import ox_term, to_oxigraph
from .endpoint import Endpoint


@dataclass
class ClaimStore:
    """An open store: a local rdflib :class:`Dataset` or a remote :class:`Endpoint`."""

    dataset: Dataset | None
    location: str
    kind: str  # "oxigraph", "memory", "rdflib-memory" or "sparql"
    read_only: bool = False
    timeout: float | None = None
    endpoint: Endpoint | None = None
    #: The pyoxigraph ``Store`` under ``dataset`` (embedded stores only), for
    #: native pattern lookups where SPARQL through rdflib costs too much.
    oxigraph: Any = field(default=None, repr=False)
    _closed: bool = field(default=False, repr=False)

    def _local(self) -> Dataset:
        if self._closed or self.dataset is None:
            raise StoreError(f"Store {self.location} is closed.")
        return self.dataset

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"Store {self.location} is open read-only.")

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Add quads in one transaction: all of them are written or none."""
        self._writable()
        batch = list(quads)
        if not batch:
            return
        if self.endpoint is not None:
            self.endpoint.insert(batch)
            return
        try:
            # pyoxigraph's Store.extend is atomic. Converting terms here, with a
            # cache (an article repeats its IRIs), costs half of oxrdflib's addN.
            if self.oxigraph is not None:
                self._local()
                self.oxigraph.extend(to_oxigraph(batch))
            else:
                with quiet_rdflib():
                    self._local().addN(batch)  # type: ignore[arg-type]
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - any backend failure is a store error
            raise StoreError(
                one_line(f"Could not write to store {self.location}: {exc}")
            ) from exc

    def query(
        self,
        text: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        timeout: float | None = None,
    ) -> Result:
        """Run a SPARQL query with values bound by name (never formatted in).

        The result is complete when returned. ``timeout`` (else the store's) is a
        limit in seconds: past it, :class:`QueryError` is raised. An embedded
        query cannot be cancelled, so it finishes in a background thread and its
        result is dropped.
        """
        limit = timeout if timeout is not None else self.timeout
        if self.endpoint is not None:
            return self.endpoint.query(text, bindings or {}, limit)
        dataset = self._local()

        def run() -> Result:
            with quiet_rdflib():
                result = dataset.query(
                    text,
                    initNs=PREFIXES,
                    initBindings=dict(bindings or {}),  # type: ignore[arg-type]
                )
                if result.type == "SELECT":
                    result.bindings  # noqa: B018 - evaluates the lazy solutions
            return result

        try:
            return run() if limit is None else with_deadline(run, limit)
        except QueryError:
            raise
        except OSError as exc:
            # A read-only open is a snapshot; a writer compacting files under it
            # can make a read fail (pyoxigraph calls this undefined behaviour).
            hint = (
                " If another process is writing the store, open it again and retry."
                if self.kind == "oxigraph" and self.read_only
                else ""
            )
            raise QueryError(one_line(f"Query failed: {exc}.{hint}")) from exc
        except Exception as exc:  # noqa: BLE001 - engines raise many types
            raise QueryError(one_line(f"Invalid SPARQL query: {exc}")) from exc

    def select(
        self, text: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts; unbound variables map to None."""
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
        inner = self.oxigraph
        if inner is None:
            return [
                {
                    name: None if value is None else str(value)
                    for name, value in row.items()
                }
                for row in self.select(text, bindings)
            ]
        import pyoxigraph as ox

        self._local()
        prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
        substitutions = {
            ox.Variable(name): ox_term(value)
            for name, value in (bindings or {}).items()
        }

        def run() -> list[dict[str, str | None]]:
            solutions = inner.query(
                text, prefixes=prefixes, substitutions=substitutions
            )
            if not isinstance(solutions, ox.QuerySolutions):
                raise QueryError("Expected a SELECT query.")
            names = [variable.value for variable in solutions.variables]
            return [
                {
                    name: None if value is None else value.value
                    for name, value in zip(names, solution, strict=True)
                }
                for solution in solutions
            ]

        limit = self.timeout
        try:
            return run() if limit is None else with_deadline(run, limit)
        except QueryError:
            raise
        except (SyntaxError, ValueError, TypeError) as exc:
            raise QueryError(one_line(f"Invalid SPARQL query: {exc}")) from exc
        except OSError as exc:
            raise QueryError(one_line(f"Query failed: {exc}.")) from exc

    def ask(self, text: str, bindings: Mapping[str, Node] | None = None) -> bool:
        """Answer of an ASK query."""
        return bool(self.query(text, bindings).askAnswer)

    def update(self, text: str) -> None:
        """Run a SPARQL update (used to clear derived findings)."""
        self._writable()
        if self.endpoint is not None:
            self.endpoint.update(text)
            return
        try:
            with quiet_rdflib():
                self._local().update(text, initNs=PREFIXES)
        except Exception as exc:  # noqa: BLE001
            raise QueryError(one_line(f"SPARQL update failed: {exc}")) from exc

    def __len__(self) -> int:
        """Number of quads claimgraph wrote (default graph plus claim graphs)."""
        if self.endpoint is not None and self.endpoint.union_default:
            # Other graphs on the server (Virtuoso's own) are not ours.
            query = (
                "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
                "{ ?g a ckg:ClaimGraph GRAPH ?g { ?s ?p ?o } } }"
            )
        else:
            query = (
                "SELECT (COUNT(*) AS ?n) "
                "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
            )
        rows = self.select(query)
        return int(rows[0]["n"]) if rows else 0

    def close(self) -> None:
        """Release the store (and its lock)."""
        if not self._closed:
            self._closed = True
            if self.dataset is not None:
                try:
                    self.dataset.close()
                except Exception:  # noqa: BLE001 - closing twice or a dead store
                    pass

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

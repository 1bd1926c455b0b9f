"""Embedded Oxigraph: on disk (RocksDB, one writer process) or in memory."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Dataset
from rdflib.query import Result
from rdflib.term import Node

from ...ontology.vocab import PREFIXES
from ..errors import QueryError, StoreBusyError, StoreError
from ..rdf.quads import Quad
from .common import one_line
from .convert import ox_term, rdflib_term, to_oxigraph
from .memory import DatasetBackend

V = TypeVar("V")


def _busy(path: str) -> StoreBusyError:
    return StoreBusyError(
        f"Store {path} is in use by another claimgraph process; "
        "wait for it to finish or use another {name}.",
        setting="store",
        name="store",
    )


def open_oxigraph(path: str, read_only: bool, wait: float | None) -> Any:
    import pyoxigraph

    target = Path(path)
    if read_only and not target.exists():
        raise StoreError(
            f"No store at {path}. Ingest an article first (claimgraph ingest FILE)."
        )
    if target.exists() and not target.is_dir():
        raise StoreError(f"Store path {path} is a file; give a directory path.")
    if target.is_dir() and not os.access(target, os.R_OK | os.X_OK):
        raise StoreError(f"Store {path} is not readable (permission denied).")
    deadline = time.monotonic() + (wait or 0.0)
    while True:
        try:
            inner = (
                pyoxigraph.Store.read_only(path)
                if read_only
                else pyoxigraph.Store(path)
            )
            break
        except OSError as exc:
            text = str(exc)
            if "lock" not in text.lower():
                raise StoreError(one_line(f"Cannot open store {path}: {text}")) from exc
            if time.monotonic() >= deadline:
                raise _busy(path) from exc
            time.sleep(0.1)
    return inner


class OxigraphBackend(DatasetBackend):
    """A pyoxigraph ``Store`` (on disk or in memory), through oxrdflib.

    Writes and lexical SELECTs go to pyoxigraph directly (``native``), where
    SPARQL through rdflib's terms costs too much; other queries go through
    rdflib so results are rdflib terms like every other backend's.
    """

    def __init__(
        self, native: Any, location: str, kind: str, read_only: bool = False
    ) -> None:
        from oxrdflib import OxigraphStore

        super().__init__(Dataset(store=OxigraphStore(store=native)), location)
        #: The pyoxigraph ``Store`` under the dataset.
        self.native = native
        self.kind = kind  # "oxigraph" (on disk) or "memory"
        self.read_only = read_only
        self._prefix_map: dict[str, str] | None = None

    def _write(self, quads: list[Quad]) -> None:
        # pyoxigraph's Store.extend is atomic. Converting terms here, with a
        # cache (an article repeats its IRIs), costs half of oxrdflib's addN.
        self._local()
        self.native.extend(to_oxigraph(quads))

    def add_staged(self, quads: list[Any]) -> None:
        """Write quads already converted to pyoxigraph's (one transaction)."""
        self._local()
        try:
            self.native.extend(quads)
        except Exception as exc:  # noqa: BLE001 - any backend failure is a store error
            raise StoreError(
                one_line(f"Could not write to store {self.location}: {exc}")
            ) from exc

    def _evaluate(
        self, dataset: Dataset, text: str, bindings: Mapping[str, Node]
    ) -> Result:
        # Not Dataset.query: it names the default graph, which would override
        # the query's own FROM and FROM NAMED clauses.
        return dataset.store.query(
            text,
            PREFIXES,
            dict(bindings),  # type: ignore[arg-type]
            None,  # type: ignore[arg-type]
        )

    def _failed_hint(self) -> str:
        # A read-only open is a snapshot; a writer compacting files under it
        # can make a read fail (pyoxigraph calls this undefined behaviour).
        if self.kind == "oxigraph" and self.read_only:
            return " If another process is writing the store, open it again and retry."
        return ""

    def _prefixes(self) -> dict[str, str]:
        # What oxrdflib passes: the dataset's bound prefixes, then ours.
        if self._prefix_map is None:
            bound = {name: str(ns) for name, ns in self.dataset.namespaces()}
            self._prefix_map = {**bound, **{k: str(v) for k, v in PREFIXES.items()}}
        return self._prefix_map

    def select(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> list[dict[str, Node | None]]:
        """Rows of a SELECT as rdflib terms, as oxrdflib makes them.

        Read from pyoxigraph directly: each distinct term is converted once per
        query, where oxrdflib converts every cell (most of a rule check's time).
        """
        cache: dict[Any, Node] = {}
        return self._native_rows(
            text, bindings, timeout, lambda value: rdflib_term(value, cache)
        )

    def select_values(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> list[dict[str, str | None]]:
        """Rows of a SELECT as text, read from pyoxigraph without rdflib terms.

        This skips rdflib's term objects, which cost far more than the query
        when a report reads tens of thousands of rows.
        """
        return self._native_rows(
            text,
            bindings,
            timeout,
            lambda value: None if value is None else value.value,
        )

    def _native_rows(
        self,
        text: str,
        bindings: Mapping[str, Node],
        timeout: float | None,
        cell: Callable[[Any], V],
    ) -> list[dict[str, V]]:
        """A SELECT run on pyoxigraph itself, each cell read by ``cell``."""
        import pyoxigraph as ox

        inner = self.native
        self._local()
        substitutions = {
            ox.Variable(name): ox_term(value) for name, value in bindings.items()
        }
        prefixes = self._prefixes()

        def run() -> list[dict[str, V]]:
            solutions = inner.query(
                text, prefixes=prefixes, substitutions=substitutions
            )
            if not isinstance(solutions, ox.QuerySolutions):
                raise QueryError("Expected a SELECT query.")
            names = [variable.value for variable in solutions.variables]
            return [
                {name: cell(value) for name, value in zip(names, solution, strict=True)}
                for solution in solutions
            ]

        return self._guarded(run, timeout)


def oxigraph_memory_backend(location: str) -> OxigraphBackend:
    """An empty in-memory pyoxigraph ``Store`` as a backend."""
    import pyoxigraph

    return OxigraphBackend(pyoxigraph.Store(), location, "memory")

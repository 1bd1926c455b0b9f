"""rdflib's pure-Python memory store (``rdflib:memory``), the benchmark baseline.

:class:`DatasetBackend` runs everything through an rdflib :class:`Dataset`; the
embedded Oxigraph backend (:mod:`.oxigraph`) builds on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from rdflib import Dataset
from rdflib.query import Result
from rdflib.term import Node

from ...ontology.vocab import PREFIXES
from ..errors import QueryError, StoreError
from ..rdf.quads import Quad
from .common import COUNT_ALL, lexical_rows, one_line, quiet_rdflib, with_deadline

T = TypeVar("T")


class DatasetBackend:
    """A backend over an rdflib :class:`Dataset` (any rdflib store plugin)."""

    kind = "rdflib-memory"

    def __init__(self, dataset: Dataset, location: str) -> None:
        self.dataset = dataset
        self.location = location
        self.closed = False

    def _local(self) -> Dataset:
        if self.closed:
            raise StoreError(f"Store {self.location} is closed.")
        return self.dataset

    def add(self, quads: list[Quad]) -> None:
        """Add quads through rdflib (``addN``)."""
        try:
            self._write(quads)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - any backend failure is a store error
            raise StoreError(
                one_line(f"Could not write to store {self.location}: {exc}")
            ) from exc

    def _write(self, quads: list[Quad]) -> None:
        with quiet_rdflib():
            self._local().addN(quads)  # type: ignore[arg-type]

    def _failed_hint(self) -> str:
        """Added to a query's OS error: what the user can do about it."""
        return ""

    def query(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> Result:
        """Run a query with rdflib; past ``timeout`` seconds, :class:`QueryError`.

        An embedded query cannot be cancelled, so it finishes in a background
        thread and its result is dropped.
        """
        dataset = self._local()

        def run() -> Result:
            with quiet_rdflib():
                result = self._evaluate(dataset, text, bindings)
                if result.type == "SELECT":
                    result.bindings  # noqa: B018 - evaluates the lazy solutions
            return result

        return self._guarded(run, timeout)

    def _guarded(self, run: Callable[[], T], timeout: float | None) -> T:
        """``run()`` within ``timeout`` seconds, any engine error a one-line
        :class:`QueryError` (an OS error with :meth:`_failed_hint`)."""
        try:
            return run() if timeout is None else with_deadline(run, timeout)
        except QueryError:
            raise
        except OSError as exc:
            hint = self._failed_hint()
            raise QueryError(one_line(f"Query failed: {exc}.{hint}")) from exc
        except Exception as exc:  # noqa: BLE001 - engines raise many types
            raise QueryError(one_line(f"Invalid SPARQL query: {exc}")) from exc

    def _evaluate(
        self, dataset: Dataset, text: str, bindings: Mapping[str, Node]
    ) -> Result:
        """Evaluate ``text`` on ``dataset`` (the result may still be lazy)."""
        return dataset.query(
            text,
            initNs=PREFIXES,
            initBindings=dict(bindings),  # type: ignore[arg-type]
        )

    def select_values(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> list[dict[str, str | None]]:
        """Rows of a SELECT as text, through rdflib's terms."""
        return lexical_rows(self.query(text, bindings, timeout))

    def update(self, text: str) -> None:
        """Run a SPARQL update through rdflib."""
        try:
            with quiet_rdflib():
                self._local().update(text, initNs=PREFIXES)
        except Exception as exc:  # noqa: BLE001
            raise QueryError(one_line(f"SPARQL update failed: {exc}")) from exc

    def count_query(self) -> str:
        """Every quad: the default graph and the named graphs."""
        return COUNT_ALL

    def close(self) -> None:
        """Close the dataset (a second close, or a dead store, is ignored)."""
        if not self.closed:
            self.closed = True
            try:
                self.dataset.close()
            except Exception:  # noqa: BLE001 - closing twice or a dead store
                pass


def rdflib_memory_backend(location: str) -> DatasetBackend:
    """An empty rdflib in-memory :class:`Dataset` as a backend."""
    return DatasetBackend(Dataset(), location)

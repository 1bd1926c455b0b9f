"""Shared by the store backends: locations, timeouts, deadlines, messages."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from rdflib import URIRef
from rdflib.query import Result

from ..errors import CkgError, QueryError

#: On a server whose default graph is the union of all graphs (Virtuoso), what
#: claimgraph asserts lives in this named graph and queries get ``FROM <ASSERTED>``.
ASSERTED = URIRef("https://w3id.org/claimgraph/id/graph/asserted")
MEMORY = ":memory:"
RDFLIB_MEMORY = "rdflib:memory"
_T = TypeVar("_T")


def with_deadline(
    work: Callable[[], _T], seconds: float, late: CkgError | None = None
) -> _T:
    """Run ``work`` in a daemon thread; raise ``late`` if it runs past ``seconds``.

    pyoxigraph releases the GIL while it evaluates (and urllib while it waits),
    so the caller wakes on time. The default error is a query timeout.
    """
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    worker = threading.Thread(target=target, name="claimgraph-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise late or QueryError(
            f"Query did not finish within {seconds:g} s (timeout)."
        )
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    # rdflib 7.6's own Dataset.query/update call its deprecated default_context;
    # the warning is about rdflib's internals, not our use, so hide only that one.
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore",
            message=r"Dataset\.(default_context|identifier|contexts)",
            category=DeprecationWarning,
        )
        yield


def one_line(message: str) -> str:
    return " ".join(message.split())


#: Quads in the default graph and every named graph (local stores).
COUNT_ALL = (
    "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
)


def lexical_rows(result: Result) -> list[dict[str, str | None]]:
    """Rows of a SELECT result as text: IRIs, literals and blank nodes alike."""
    names = [str(v) for v in result.vars or []]
    return [
        {
            name: None if value is None else str(value)
            for name, value in zip(names, row, strict=True)  # type: ignore[arg-type]
        }
        for row in result
    ]

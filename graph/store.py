"""Open and write the RDF store: embedded Oxigraph on disk, in memory, or remote.

Locations:
- a directory path: embedded Oxigraph (RocksDB) through oxrdflib;
- ``:memory:``: Oxigraph in memory (tests, one-off runs);
- ``rdflib:memory``: rdflib's pure-Python memory store (benchmark baseline);
- ``http(s)://...``: a SPARQL 1.1 endpoint through rdflib's SPARQLUpdateStore.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from graph.build import DEFAULT, PREFIXES, Quad
from graph.errors import QueryError, StoreBusyError, StoreError

DEFAULT_LOCATION = ".claimgraph"
#: On a remote server, what claimgraph asserts lives in this named graph: servers
#: such as Virtuoso answer queries over the union of all graphs by default, which
#: would make claimed triples look asserted. Queries get ``FROM <ASSERTED>``.
ASSERTED = URIRef("https://w3id.org/claimgraph/id/graph/asserted")
ENV_STORE = "CLAIMGRAPH_STORE"
MEMORY = ":memory:"
RDFLIB_MEMORY = "rdflib:memory"


def resolve_location(location: str | os.PathLike[str] | None) -> str:
    """The store location: the argument, else ``$CLAIMGRAPH_STORE``, else default."""
    if location is not None and str(location) != "":
        return str(location)
    return os.environ.get(ENV_STORE) or DEFAULT_LOCATION


@dataclass
class ClaimStore:
    """An open store: an rdflib :class:`Dataset` plus how it was opened."""

    dataset: Dataset
    location: str
    kind: str
    read_only: bool = False
    _closed: bool = field(default=False, repr=False)

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Add quads in one transaction: all of them are written or none."""
        if self.read_only:
            raise StoreError(f"Store {self.location} is open read-only.")
        batch = list(quads)
        if not batch:
            return
        try:
            if self.kind == "sparql":
                # One request of INSERT DATA blocks; the asserted triples go to
                # their own graph (see ASSERTED).
                graphs = {g: Graph(identifier=_remote_graph(g)) for *_, g in batch}
                self.dataset.store.addN((s, p, o, graphs[g]) for s, p, o, g in batch)
                return
            # oxrdflib forwards addN to pyoxigraph's Store.extend, which is atomic.
            with _quiet_rdflib():
                self.dataset.addN(batch)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - any backend failure is a store error
            raise StoreError(
                f"Could not write to store {self.location}: {exc}"
            ) from exc

    def query(self, text: str, bindings: Mapping[str, Node] | None = None) -> Result:
        """Run a SPARQL query with values bound by name (never formatted in)."""
        if self.kind == "sparql":
            text, bindings = remote_query(text, bindings or {}), {}
        try:
            with _quiet_rdflib():
                return self.dataset.query(
                    text,
                    initNs=PREFIXES,
                    initBindings=dict(bindings or {}),  # type: ignore[arg-type]
                )
        except Exception as exc:  # noqa: BLE001 - engines raise many types
            raise QueryError(_one_line(f"Invalid SPARQL query: {exc}")) from exc

    def select(
        self, text: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts; unbound variables map to None."""
        result = self.query(text, bindings)
        names = [str(v) for v in result.vars or []]
        return [dict(zip(names, row, strict=True)) for row in result]  # type: ignore[arg-type]

    def ask(self, text: str, bindings: Mapping[str, Node] | None = None) -> bool:
        """Answer of an ASK query."""
        return bool(self.query(text, bindings).askAnswer)

    def update(self, text: str) -> None:
        """Run a SPARQL update (used to clear derived findings)."""
        if self.read_only:
            raise StoreError(f"Store {self.location} is open read-only.")
        if self.kind == "sparql":
            text = remote_update(text)
        try:
            with _quiet_rdflib():
                self.dataset.update(text, initNs=PREFIXES)
        except Exception as exc:  # noqa: BLE001
            raise QueryError(_one_line(f"SPARQL update failed: {exc}")) from exc

    def __len__(self) -> int:
        """Number of quads in the default graph and all named graphs."""
        # Remote servers keep asserted triples in a named graph already.
        rows = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
            if self.kind == "sparql"
            else "SELECT (COUNT(*) AS ?n) "
            "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        )
        return int(rows[0]["n"]) if rows else 0

    def close(self) -> None:
        """Release the store (and its lock)."""
        if not self._closed:
            self._closed = True
            try:
                self.dataset.close()
            except Exception:  # noqa: BLE001 - closing twice or a dead connection
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


def _remote_graph(graph: URIRef) -> URIRef:
    return ASSERTED if graph == DEFAULT else graph


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_ASK = re.compile(r"\bASK\s*\{", re.I)
_OPERATION = re.compile(r";\s*(?=(?:DELETE|INSERT|WITH)\b)", re.I)


def _strip_comments(text: str) -> str:
    return "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("#")
    )


def remote_query(text: str, bindings: Mapping[str, Node]) -> str:
    """Rewrite a query for a SPARQL server: ``FROM <asserted>`` and bindings.

    Bindings become a ``VALUES`` block at the start of the WHERE group, with each
    term serialised by rdflib (``Node.n3()``), so FILTERs see them and no value is
    formatted into the query as text. rdflib's own remote bindings append a
    trailing ``VALUES`` that Virtuoso rejects after ASK.
    """
    body = _strip_comments(text)
    match = _WHERE.search(body) or _ASK.search(body)
    if match is None:
        return text
    brace = match.end()
    keyword_end = match.start() + (3 if match.re is _ASK else 0)
    values = ""
    if bindings:
        names = " ".join(f"?{name}" for name in bindings)
        terms = " ".join(term.n3() for term in bindings.values())
        values = f" VALUES ({names}) {{ ({terms}) }} "
    return (
        body[:keyword_end]
        + f" FROM <{ASSERTED}> "
        + body[keyword_end:brace]
        + values
        + body[brace:]
    )


def remote_update(text: str) -> str:
    """Point every operation of an update at the asserted graph (``WITH``)."""
    operations = _OPERATION.split(_strip_comments(text))
    return " ;\n".join(
        f"WITH <{ASSERTED}> {op.strip()}" for op in operations if op.strip()
    )


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    # rdflib 7.6's own Dataset.query/update call its deprecated default_context;
    # the warning is about rdflib's internals, not our use, so hide only that one.
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore",
            message=r"Dataset\.(default_context|identifier|contexts)",
            category=DeprecationWarning,
        )
        yield


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _open_oxigraph(path: str, read_only: bool) -> Dataset:
    import pyoxigraph
    from oxrdflib import OxigraphStore

    target = Path(path)
    if read_only and not target.exists():
        raise StoreError(
            f"No store at {path}. Ingest an article first (claimgraph ingest FILE)."
        )
    if target.exists() and not target.is_dir():
        raise StoreError(f"Store path {path} is a file; give a directory path.")
    try:
        inner = (
            pyoxigraph.Store.read_only(path) if read_only else pyoxigraph.Store(path)
        )
    except OSError as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise StoreBusyError(
                f"Store {path} is in use by another claimgraph process; "
                "wait for it to finish or use another --store."
            ) from exc
        raise StoreError(_one_line(f"Cannot open store {path}: {text}")) from exc
    return Dataset(store=OxigraphStore(store=inner))


def _open_remote(url: str, update_url: str | None) -> Dataset:
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    user = os.environ.get("CLAIMGRAPH_SPARQL_USER")
    password = os.environ.get("CLAIMGRAPH_SPARQL_PASSWORD", "")
    kwargs: dict[str, Any] = {"returnFormat": "json"}
    if user:
        kwargs["auth"] = (user, password)
    store = SPARQLUpdateStore(url, update_url or url, **kwargs)
    return Dataset(store=store)


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    update_url: str | None = None,
) -> ClaimStore:
    """Open the store at ``location`` (see module docstring)."""
    where = resolve_location(location)
    if where == MEMORY:
        from oxrdflib import OxigraphStore

        return ClaimStore(Dataset(store=OxigraphStore()), where, "memory")
    if where == RDFLIB_MEMORY:
        return ClaimStore(Dataset(), where, "rdflib-memory")
    if where.startswith(("http://", "https://")):
        return ClaimStore(_open_remote(where, update_url), where, "sparql", read_only)
    return ClaimStore(_open_oxigraph(where, read_only), where, "oxigraph", read_only)

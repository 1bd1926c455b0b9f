"""Open and write the RDF store: embedded Oxigraph on disk, in memory, or remote.

Locations:
- a directory path: embedded Oxigraph (RocksDB) through oxrdflib;
- ``:memory:``: Oxigraph in memory (tests, one-off runs);
- ``rdflib:memory``: rdflib's pure-Python memory store (benchmark baseline);
- ``http(s)://...``: a SPARQL 1.1 endpoint, through rdflib's ``SPARQLUpdateStore``.

Environment: ``CLAIMGRAPH_STORE`` (default location), ``CLAIMGRAPH_QUERY_TIMEOUT``
(seconds per query), ``CLAIMGRAPH_LOCK_WAIT`` (seconds to wait for a store another
process is writing), ``CLAIMGRAPH_SPARQL_USER``/``CLAIMGRAPH_SPARQL_PASSWORD``
(HTTP Basic) and ``CLAIMGRAPH_SPARQL_GRAPHS`` (``default`` or
``asserted``; see :class:`Endpoint`).
"""

from __future__ import annotations

import http.client
import os
import re
import threading
import time
import urllib.error
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.stores.sparqlconnector import SPARQLConnector
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Node

from graph.build import DEFAULT, PREFIXES, Quad
from graph.errors import CkgError, QueryError, StoreBusyError, StoreError

DEFAULT_LOCATION = ".claimgraph"
#: On a server whose default graph is the union of all graphs (Virtuoso), what
#: claimgraph asserts lives in this named graph and queries get ``FROM <ASSERTED>``.
ASSERTED = URIRef("https://w3id.org/claimgraph/id/graph/asserted")
ENV_STORE = "CLAIMGRAPH_STORE"
MEMORY = ":memory:"
RDFLIB_MEMORY = "rdflib:memory"
#: Seconds a remote update, or a remote query without a timeout, may take.
HTTP_TIMEOUT = 300.0
#: Seconds the check at open may take.
PROBE_TIMEOUT = 30.0
_T = TypeVar("_T")


def resolve_location(location: str | os.PathLike[str] | None) -> str:
    """The store location: the argument, else ``$CLAIMGRAPH_STORE``, else default."""
    if location is not None and str(location) != "":
        return str(location)
    return os.environ.get(ENV_STORE) or DEFAULT_LOCATION


def _env_seconds(name: str) -> float | None:
    raw = os.environ.get(name)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise StoreError(f"{name} must be a positive number of seconds, not '{raw}'.")
    return value


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
                with _quiet_rdflib():
                    self._local().addN(batch)  # type: ignore[arg-type]
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - any backend failure is a store error
            raise StoreError(
                _one_line(f"Could not write to store {self.location}: {exc}")
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
            with _quiet_rdflib():
                if self.oxigraph is not None:
                    # Not Dataset.query: it names the default graph, which would
                    # override the query's own FROM and FROM NAMED clauses.
                    result = dataset.store.query(
                        text,
                        PREFIXES,
                        dict(bindings or {}),  # type: ignore[arg-type]
                        None,  # type: ignore[arg-type]
                    )
                else:
                    result = dataset.query(
                        text,
                        initNs=PREFIXES,
                        initBindings=dict(bindings or {}),  # type: ignore[arg-type]
                    )
                if result.type == "SELECT":
                    result.bindings  # noqa: B018 - evaluates the lazy solutions
            return result

        try:
            return run() if limit is None else _with_deadline(run, limit)
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
            raise QueryError(_one_line(f"Query failed: {exc}.{hint}")) from exc
        except Exception as exc:  # noqa: BLE001 - engines raise many types
            raise QueryError(_one_line(f"Invalid SPARQL query: {exc}")) from exc

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
            return run() if limit is None else _with_deadline(run, limit)
        except QueryError:
            raise
        except (SyntaxError, ValueError, TypeError) as exc:
            raise QueryError(_one_line(f"Invalid SPARQL query: {exc}")) from exc
        except OSError as exc:
            raise QueryError(_one_line(f"Query failed: {exc}.")) from exc

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
            with _quiet_rdflib():
                self._local().update(text, initNs=PREFIXES)
        except Exception as exc:  # noqa: BLE001
            raise QueryError(_one_line(f"SPARQL update failed: {exc}")) from exc

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


def _with_deadline(
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


# --- remote SPARQL 1.1 endpoints ----------------------------------------------

_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_ASK = re.compile(r"\bASK\s*\{", re.I)
_OPERATION = re.compile(r";\s*(?=(?:DELETE|INSERT|WITH)\b)", re.I)
_PROLOGUE = " ".join(f"PREFIX {name}: <{ns}>" for name, ns in PREFIXES.items())
#: True only where Virtuoso's system graph shows in the default graph (a union).
_UNION_PROBE = (
    "ASK { GRAPH <http://www.openlinksw.com/schemas/virtrdf#> { ?s ?p ?o } "
    "FILTER EXISTS { ?s ?p ?o } }"
)
_ACCEPT = (
    "application/sparql-results+json, text/turtle;q=0.9, "
    "application/n-triples;q=0.8, application/rdf+xml;q=0.5"
)
#: For CONSTRUCT and DESCRIBE: Virtuoso takes the first type it can make, and
#: would answer them as an ``?s ?p ?o`` table in SPARQL JSON.
_GRAPH_ACCEPT = "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.5"
_GRAPH_FORM = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(?:CONSTRUCT|DESCRIBE)\b",
    re.I,
)


def _strip_comments(text: str) -> str:
    return "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("#")
    )


def remote_query(
    text: str, bindings: Mapping[str, Node], *, asserted: bool = True
) -> str:
    """Rewrite a query for a SPARQL server: ``FROM <asserted>`` and bindings.

    Bindings become a ``VALUES`` block at the start of the WHERE group, with each
    term serialised by rdflib (``Node.n3()``), so FILTERs see them and no value is
    formatted into the query as text (a trailing ``VALUES`` is rejected by
    Virtuoso after ASK). ``asserted=False`` leaves the dataset alone.
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
    dataset = f" FROM <{ASSERTED}> " if asserted else ""
    return (
        body[:keyword_end] + dataset + body[keyword_end:brace] + values + body[brace:]
    )


def remote_update(text: str) -> str:
    """Point every operation of an update at the asserted graph (``WITH``)."""
    operations = _OPERATION.split(_strip_comments(text))
    return " ;\n".join(
        f"WITH <{ASSERTED}> {op.strip()}" for op in operations if op.strip()
    )


def insert_data(
    quads: Iterable[Quad], default: URIRef | None, *, split: int = 0
) -> str:
    """``INSERT DATA`` for ``quads``, sent as one request.

    Default-graph quads go to the graph ``default`` when given, else to the
    server's default graph. With ``split``, each graph gets its own operations
    of at most ``split`` triples (Virtuoso compiles one operation into at most
    10,000 lines of SQL); otherwise it is one operation, atomic on any server.
    """
    groups: dict[URIRef | None, list[str]] = {}
    for s, p, o, g in quads:
        target = (default if g == DEFAULT else g) or None
        groups.setdefault(target, []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
    blocks = []
    for graph, triples in groups.items():
        step = split or len(triples)
        for start in range(0, len(triples), step):
            block = "\n".join(triples[start : start + step])
            blocks.append(
                block if graph is None else f"GRAPH <{graph}> {{\n{block}\n}}"
            )
    if split:
        return " ;\n".join(f"INSERT DATA {{\n{block}\n}}" for block in blocks)
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


class _Status(Exception):
    """An HTTP error status from the endpoint (internal; mapped by the caller)."""

    def __init__(self, code: int, detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = _one_line(detail)[:400]


class _Connector(SPARQLUpdateStore):
    """rdflib's ``SPARQLUpdateStore`` sending claimgraph's ``Accept`` header."""

    accept = _ACCEPT

    def response_mime_types(self) -> str:
        # rdflib's own Accept names one result format: ``json`` offers nothing
        # for a graph, and with ``xml`` (RDF/XML first) Virtuoso answers ASK
        # with 406 and SELECT as an RDF-encoded table.
        return self.accept


@dataclass
class Endpoint:
    """A SPARQL 1.1 Protocol endpoint (query URL, optional separate update URL).

    Requests go through rdflib's :class:`SPARQLUpdateStore` (its
    ``SPARQLConnector`` layer: form POSTs for queries, ``application/sparql-update``
    for updates); each runs under a deadline, since rdflib sets no HTTP timeout.

    ``union_default`` is True for servers whose default graph is the union of all
    graphs (Virtuoso, found by :meth:`probe`, or forced with
    ``CLAIMGRAPH_SPARQL_GRAPHS=asserted``): asserted triples then go to the
    named graph :data:`ASSERTED` and every query reads it with ``FROM``.
    Elsewhere (``default``) they go to the server's own default graph.
    """

    url: str
    update_url: str
    connector: SPARQLUpdateStore
    union_default: bool = False
    credentials: bool = False  # whether rdflib sends HTTP Basic credentials
    graphs: SPARQLUpdateStore | None = None  # asks for a graph (CONSTRUCT, DESCRIBE)

    def _request(
        self,
        work: Callable[[], _T],
        url: str,
        seconds: float,
        late: CkgError | None = None,
    ) -> _T:
        """Run one rdflib request to ``url`` under a deadline; map its failures."""

        def guarded() -> _T:
            try:
                return work()
            except urllib.error.HTTPError as exc:
                with exc:  # rdflib raises it for updates; the body has the reason
                    body = exc.read(2000).decode("utf-8", errors="replace")
                raise _Status(exc.code, body or str(exc.reason)) from None
            except urllib.error.URLError as exc:
                raise StoreError(
                    _one_line(f"Cannot reach SPARQL endpoint {url}: {exc.reason}.")
                ) from None
            except (OSError, http.client.HTTPException) as exc:
                raise StoreError(
                    _one_line(
                        f"Lost the connection to SPARQL endpoint {url}: "
                        f"{exc or type(exc).__name__}."
                    )
                ) from None

        return _with_deadline(guarded, seconds, late)

    def _run_query(self, text: str) -> Result:
        # The store's own query() would add initBindings as a trailing VALUES,
        # which Virtuoso rejects after ASK; the connector sends the text as is.
        graph_form = _GRAPH_FORM.match(_strip_comments(text))
        # Not ``and self.graphs``: an rdflib store's truth value is a COUNT query.
        connector = self.connector
        if graph_form and self.graphs is not None:
            connector = self.graphs
        answer: object = SPARQLConnector.query(connector, f"{_PROLOGUE}\n{text}")
        if not isinstance(answer, Result):
            # rdflib returns (code, "HTTP Error code: reason", None) on HTTP errors.
            code, message = answer[0], answer[1]  # type: ignore[index]
            raise _Status(int(code), str(message).partition(": ")[2] or str(message))
        if answer.type == "SELECT":
            answer.bindings  # noqa: B018 - parse everything inside the deadline
        return answer

    def probe(self) -> bool:
        """Whether the default graph is the union of all graphs (Virtuoso).

        Also checks at open that the endpoint answers. Virtuoso always holds its
        system graph ``virtrdf#``; only a union default graph shows its triples
        outside ``GRAPH``.
        """
        late = StoreError(
            f"SPARQL endpoint {self.url} did not answer within {PROBE_TIMEOUT:g} s."
        )
        try:
            result = self._request(
                lambda: self._run_query(_UNION_PROBE), self.url, PROBE_TIMEOUT, late
            )
        except _Status as status:
            error = _refused(status, self.url, self.credentials)
            if isinstance(error, StoreError):
                raise error from None
            raise StoreError(
                f"{self.url} is not a SPARQL endpoint (HTTP {status.code}: "
                f"{status.detail})."
            ) from None
        except CkgError:
            raise
        except Exception as exc:  # noqa: BLE001 - rdflib's result parsers
            raise StoreError(
                _one_line(f"{self.url} is not a SPARQL endpoint: {exc}")[:500]
            ) from None
        return bool(result.askAnswer)

    def query(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> Result:
        """Send a query and return rdflib's parsed Result (complete when returned)."""
        rewritten = remote_query(text, bindings, asserted=self.union_default)
        try:
            return self._request(
                lambda: self._run_query(rewritten), self.url, timeout or HTTP_TIMEOUT
            )
        except _Status as status:
            if status.code == 400 and (reason := _syntax_error(text)):
                raise QueryError(f"Invalid SPARQL query: {reason}") from None
            if status.code in (401, 403):
                raise _refused(status, self.url, self.credentials) from None
            raise QueryError(
                f"SPARQL endpoint {self.url} answered HTTP {status.code}: "
                f"{status.detail}; rdflib's connector drops the server's reason, "
                "so run the query on the server to see it."
            ) from None
        except CkgError:
            raise
        except Exception as exc:  # noqa: BLE001 - rdflib's result parsers
            raise QueryError(
                _one_line(f"Unreadable answer from {self.url}: {exc}")[:500]
            ) from exc

    def _send(self, text: str) -> None:
        late = QueryError(
            f"SPARQL endpoint {self.update_url} did not answer an update within "
            f"{HTTP_TIMEOUT:g} s (timeout); the server may still apply it."
        )
        # The connector, not the store's update(): that keeps a pending-edits list
        # which a failed request leaves behind for the next update to resend.
        try:
            self._request(
                lambda: SPARQLConnector.update(self.connector, f"{_PROLOGUE}\n{text}"),
                self.update_url,
                HTTP_TIMEOUT,
                late,
            )
        except _Status as status:
            raise _refused(status, self.update_url, self.credentials) from None

    def update(self, text: str) -> None:
        """Send an update; on a union-default server it targets the asserted graph."""
        self._send(remote_update(text) if self.union_default else text)

    def insert(self, quads: list[Quad]) -> None:
        """Write quads in one request (see :func:`insert_data`)."""
        if self.union_default:
            self._send(insert_data(quads, ASSERTED, split=500))
        else:
            self._send(insert_data(quads, None))


def _refused(status: _Status, url: str, credentials: bool) -> CkgError:
    """The error for an HTTP error status: refused access, or the server's reason."""
    if status.code == 401 and credentials:
        return StoreError(
            f"SPARQL endpoint {url} refused CLAIMGRAPH_SPARQL_USER and "
            "CLAIMGRAPH_SPARQL_PASSWORD (HTTP 401): they are wrong, or the endpoint "
            "wants Digest (Virtuoso's /sparql-auth) and rdflib sends only Basic."
        )
    if status.code in (401, 403):
        return StoreError(
            f"SPARQL endpoint {url} refused access (HTTP {status.code}); set "
            "CLAIMGRAPH_SPARQL_USER and CLAIMGRAPH_SPARQL_PASSWORD (HTTP Basic) "
            "or grant SPARQL update rights."
        )
    return QueryError(
        f"SPARQL endpoint {url} answered HTTP {status.code}: {status.detail}"
    )


def _syntax_error(text: str) -> str | None:
    """rdflib's syntax error for ``text``, or None if the grammar accepts it.

    rdflib's connector drops the server's reason for a rejected query, so a 400
    is explained by rdflib's parser when it finds the error too (grammar only:
    server extensions such as Virtuoso's ``bif:`` functions are not errors here).
    """
    try:
        parseQuery(text)
    except Exception as exc:  # noqa: BLE001 - the parser raises several types
        return _one_line(str(exc))[:500]
    return None


def _open_remote(url: str, update_url: str | None) -> Endpoint:
    user = os.environ.get("CLAIMGRAPH_SPARQL_USER")
    auth = (user, os.environ.get("CLAIMGRAPH_SPARQL_PASSWORD", "")) if user else None

    def connector(accept: str) -> _Connector:
        made = _Connector(
            query_endpoint=url,
            update_endpoint=update_url or url,
            method="POST_FORM",
            auth=auth,
        )
        made.accept = accept
        return made

    try:
        tables, graphs = connector(_ACCEPT), connector(_GRAPH_ACCEPT)
    except UnicodeEncodeError:
        raise StoreError(
            "CLAIMGRAPH_SPARQL_USER and CLAIMGRAPH_SPARQL_PASSWORD must be ASCII "
            "(HTTP Basic, as rdflib sends it)."
        ) from None
    endpoint = Endpoint(
        url, update_url or url, tables, credentials=bool(auth), graphs=graphs
    )
    mode = os.environ.get("CLAIMGRAPH_SPARQL_GRAPHS", "").strip().lower()
    if mode not in ("", "default", "asserted"):
        raise StoreError(
            f"CLAIMGRAPH_SPARQL_GRAPHS must be 'default' or 'asserted', not '{mode}'."
        )
    union = endpoint.probe()
    endpoint.union_default = mode == "asserted" or not mode and union
    return endpoint


# --- embedded stores -----------------------------------------------------------


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


def _busy(path: str) -> StoreBusyError:
    return StoreBusyError(
        f"Store {path} is in use by another claimgraph process; "
        "wait for it to finish or use another --store."
    )


def ox_term(node: Node, cache: dict[Node, Any] | None = None) -> Any:
    """The pyoxigraph term of an rdflib term (the default graph included)."""
    import pyoxigraph as ox

    found = cache.get(node) if cache is not None else None
    if found is not None:
        return found
    if node == DEFAULT:
        found = ox.DefaultGraph()
    elif isinstance(node, URIRef):
        found = ox.NamedNode(str(node))
    elif isinstance(node, BNode):
        found = ox.BlankNode(str(node))
    elif isinstance(node, Literal):
        found = ox.Literal(
            str(node),
            language=node.language,
            datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None,
        )
    else:
        raise StoreError(f"Cannot store {node!r}: not an RDF term.")
    if cache is not None:
        cache[node] = found
    return found


def to_oxigraph(quads: Iterable[Quad]) -> list[Any]:
    """rdflib quads as pyoxigraph quads; an article repeats its IRIs, so cache."""
    import pyoxigraph as ox

    cache: dict[Node, Any] = {}
    return [
        ox.Quad(
            ox_term(s, cache), ox_term(p, cache), ox_term(o, cache), ox_term(g, cache)
        )
        for s, p, o, g in quads
    ]


def oxigraph_store(inner: Any, location: str, kind: str, **options: Any) -> ClaimStore:
    """A :class:`ClaimStore` over a pyoxigraph ``Store`` (on disk or in memory)."""
    from oxrdflib import OxigraphStore

    dataset = Dataset(store=OxigraphStore(store=inner))
    return ClaimStore(dataset, location, kind, oxigraph=inner, **options)


def _open_oxigraph(path: str, read_only: bool, wait: float | None) -> Any:
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
                raise StoreError(
                    _one_line(f"Cannot open store {path}: {text}")
                ) from exc
            if time.monotonic() >= deadline:
                raise _busy(path) from exc
            time.sleep(0.1)
    return inner


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    update_url: str | None = None,
    timeout: float | None = None,
    wait: float | None = None,
) -> ClaimStore:
    """Open the store at ``location`` (see module docstring).

    :param timeout: seconds allowed per query (default ``$CLAIMGRAPH_QUERY_TIMEOUT``,
        else none).
    :param wait: seconds to wait while another process writes the store (default
        ``$CLAIMGRAPH_LOCK_WAIT``, else fail at once with :class:`StoreBusyError`).
    :param update_url: a separate SPARQL update endpoint for a remote store.
    """
    where = resolve_location(location)
    if timeout is None:
        timeout = _env_seconds("CLAIMGRAPH_QUERY_TIMEOUT")
    if wait is None:
        wait = _env_seconds("CLAIMGRAPH_LOCK_WAIT")
    if where == MEMORY:
        import pyoxigraph

        return oxigraph_store(pyoxigraph.Store(), where, "memory", timeout=timeout)
    if where == RDFLIB_MEMORY:
        return ClaimStore(Dataset(), where, "rdflib-memory", timeout=timeout)
    if where.startswith(("http://", "https://")):
        endpoint = _open_remote(where, update_url)
        return ClaimStore(
            None, where, "sparql", read_only, timeout=timeout, endpoint=endpoint
        )
    inner = _open_oxigraph(where, read_only, wait)
    return oxigraph_store(
        inner, where, "oxigraph", read_only=read_only, timeout=timeout
    )

"""A remote SPARQL 1.1 Protocol endpoint (Virtuoso, Fuseki, GraphDB, ...).

Settings: ``sparql_user``/``sparql_password`` (HTTP Basic), ``sparql_graphs``
(``default`` or ``asserted``; see :class:`Endpoint`) and ``sparql_graph_store``
(writes as Graph Store Protocol documents; see :mod:`.writes`).
"""

from __future__ import annotations

import base64
import http.client
import urllib.error
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from rdflib import URIRef
from rdflib.plugins.stores.sparqlconnector import SPARQLConnector
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Node

from ..errors import CkgError, QueryError, StoreError, UsageError
from ..rdf.quads import Quad
from .answers import GRAPHS, JSON_RESULTS, TABLES, Answer, check_complete, fetch
from .common import ASSERTED, COUNT_ALL, one_line, with_deadline
from .rewrite import (
    PROLOGUE,
    is_graph_form,
    remote_query,
    remote_update,
    syntax_error,
)
from .writes import (
    AUTO,
    OFF,
    GraphStore,
    graph_documents,
    guess_url,
    has_blank_nodes,
    insert_data,
    page_text,
)

_T = TypeVar("_T")
#: Seconds a remote update, or a remote query without a timeout, may take.
HTTP_TIMEOUT = 300.0
#: Seconds the check at open may take.
PROBE_TIMEOUT = 30.0

#: True only where Virtuoso's system graph shows in the default graph (a union).
_UNION_PROBE = (
    "ASK { GRAPH <http://www.openlinksw.com/schemas/virtrdf#> { ?s ?p ?o } "
    "FILTER EXISTS { ?s ?p ?o } }"
)


class _Status(Exception):
    """An HTTP error status from the endpoint (internal; mapped by the caller)."""

    def __init__(self, code: int, detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = one_line(detail)[:400]


class _Connector(SPARQLUpdateStore):
    """rdflib's ``SPARQLUpdateStore`` sending claimgraph's ``Accept`` header."""

    accept = TABLES

    def response_mime_types(self) -> str:
        # rdflib's own Accept names one result format: ``json`` offers nothing
        # for a graph, and with ``xml`` (RDF/XML first) Virtuoso answers ASK
        # with 406 and SELECT as an RDF-encoded table.
        return self.accept


@dataclass
class Endpoint:
    """A SPARQL 1.1 Protocol endpoint (query URL, optional separate update URL).

    Queries are form POSTs (:mod:`.answers`, which refuses an answer the server
    cut at its row limit); updates go through rdflib's :class:`SPARQLUpdateStore`
    (its ``SPARQLConnector``: ``application/sparql-update``); writes go as
    ``INSERT DATA`` or Graph Store documents (:mod:`.writes`). Each request runs
    under a deadline, since urllib sets no HTTP timeout.

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
    credentials: bool = False  # whether HTTP Basic credentials are sent
    #: Sent with every query and Graph Store write (``Authorization``).
    headers: dict[str, str] = field(default_factory=dict, repr=False)
    #: Where writes go as documents (:mod:`.writes`); None: ``INSERT DATA``.
    graph_store: GraphStore | None = None

    def _request(
        self,
        work: Callable[[], _T],
        url: str,
        seconds: float,
        late: CkgError | None = None,
    ) -> _T:
        """Run one HTTP request to ``url`` under a deadline; map its failures."""

        def guarded() -> _T:
            try:
                return work()
            except urllib.error.HTTPError as exc:
                with exc:  # urllib raises it (rdflib's updates too); body: the reason
                    body = exc.read(2000).decode("utf-8", errors="replace")
                raise _Status(exc.code, body or str(exc.reason)) from None
            except urllib.error.URLError as exc:
                raise StoreError(
                    one_line(f"Cannot reach SPARQL endpoint {url}: {exc.reason}.")
                ) from None
            except (OSError, http.client.HTTPException) as exc:
                raise StoreError(
                    one_line(
                        f"Lost the connection to SPARQL endpoint {url}: "
                        f"{exc or type(exc).__name__}."
                    )
                ) from None

        return with_deadline(guarded, seconds, late)

    def _answer(self, text: str, accept: str) -> Answer:
        # Sent as is: rdflib's store would add initBindings as a trailing VALUES,
        # which Virtuoso rejects after ASK (see remote_query).
        return fetch(self.url, f"{PROLOGUE}\n{text}", accept, self.headers)

    def _run_query(self, text: str) -> Result:
        answer = self._answer(text, GRAPHS if is_graph_form(text) else TABLES)
        result = answer.result()
        if result.type == "SELECT":
            check_complete(answer, len(result.bindings), self.url)
        elif result.graph is not None:
            check_complete(answer, len(result.graph), self.url)
        return result

    def _run_values(self, text: str) -> list[dict[str, str | None]]:
        answer = self._answer(text, JSON_RESULTS)
        rows = answer.lexical_rows()
        check_complete(answer, len(rows), self.url)
        return rows

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
                f"{page_text(status.detail)[:300]})."
            ) from None
        except CkgError:
            raise
        except Exception as exc:  # noqa: BLE001 - rdflib's result parsers
            raise StoreError(
                one_line(f"{self.url} is not a SPARQL endpoint: {exc}")[:500]
            ) from None
        return bool(result.askAnswer)

    def query(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> Result:
        """Send a query and return rdflib's parsed Result (complete when returned)."""
        rewritten = remote_query(text, bindings, asserted=self.union_default)
        return self._ask_server(
            partial(self._run_query, rewritten), text, timeout or HTTP_TIMEOUT
        )

    def _ask_server(self, work: Callable[[], _T], text: str, seconds: float) -> _T:
        """Run ``work`` (a query of ``text``) and map its failures."""
        try:
            return self._request(work, self.url, seconds)
        except _Status as status:
            if status.code == 400 and (reason := syntax_error(text)):
                raise QueryError(f"Invalid SPARQL query: {reason}") from None
            if status.code in (401, 403):
                raise _refused(status, self.url, self.credentials) from None
            raise QueryError(
                f"SPARQL endpoint {self.url} answered HTTP {status.code}: "
                f"{page_text(status.detail)}"
            ) from None
        except CkgError:
            raise
        except Exception as exc:  # noqa: BLE001 - rdflib's result parsers, JSON
            raise QueryError(
                one_line(f"Unreadable answer from {self.url}: {exc}")[:500]
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
                lambda: SPARQLConnector.update(self.connector, f"{PROLOGUE}\n{text}"),
                self.update_url,
                HTTP_TIMEOUT,
                late,
            )
        except _Status as status:
            raise _refused(status, self.update_url, self.credentials) from None

    def update(self, text: str) -> None:
        """Send an update; on a union-default server it targets the asserted graph."""
        self._send(remote_update(text) if self.union_default else text)

    @property
    def kind(self) -> str:
        """Always "sparql"."""
        return "sparql"

    def add(self, quads: list[Quad]) -> None:
        """Insert quads (see :meth:`insert`)."""
        self.insert(quads)

    def select_values(
        self, text: str, bindings: Mapping[str, Node], timeout: float | None
    ) -> list[dict[str, str | None]]:
        """Rows of a SELECT as text, read from SPARQL JSON without rdflib terms."""
        rewritten = remote_query(text, bindings, asserted=self.union_default)
        return self._ask_server(
            partial(self._run_values, rewritten), text, timeout or HTTP_TIMEOUT
        )

    def count_query(self) -> str:
        """Quads claimgraph wrote; on a union default graph, only ours."""
        if self.union_default:
            # Other graphs on the server (Virtuoso's own) are not ours.
            return (
                "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
                "{ ?g a ckg:ClaimGraph GRAPH ?g { ?s ?p ?o } } }"
            )
        return COUNT_ALL

    def close(self) -> None:
        """Nothing to release: each request is its own connection."""

    def insert(self, quads: list[Quad]) -> None:
        """Write quads: one Graph Store POST per graph, or one ``INSERT DATA``.

        Quads with blank nodes always go as ``INSERT DATA``: a blank node is
        scoped to one document, and a batch's graphs are separate documents.
        """
        store = self.graph_store
        if store is not None and not store.off and not has_blank_nodes(quads):
            default = ASSERTED if self.union_default else None
            if self._post_graphs(store, graph_documents(quads, default)):
                return
        if self.union_default:
            self._send(insert_data(quads, ASSERTED, split=500))
        else:
            self._send(insert_data(quads, None))

    def _post_graphs(
        self, store: GraphStore, documents: list[tuple[URIRef | None, bytes]]
    ) -> bool:
        """POST each document; False if a guessed store refused the first one.

        The fallback then sends the whole batch as ``INSERT DATA``: adding a
        triple a refused request may have stored already changes nothing.
        """
        late = QueryError(
            f"Graph Store endpoint {store.url} did not answer a write within "
            f"{HTTP_TIMEOUT:g} s (timeout); the server may still apply it."
        )
        for graph, body in documents:
            try:
                self._request(
                    partial(store.post, graph, body), store.url, HTTP_TIMEOUT, late
                )
            except _Status as status:
                if store.confirmed:
                    raise _refused(status, store.url, self.credentials) from None
                if store.guessed:
                    store.off = True
                    return False
                raise StoreError(
                    f"Graph Store endpoint {store.url} (CLAIMGRAPH_SPARQL_GRAPH_STORE) "
                    f"refused a write (HTTP {status.code}: "
                    f"{page_text(status.detail)[:300]}); set it to '{AUTO}' or "
                    f"'{OFF}' to write with INSERT DATA."
                ) from None
            store.confirmed = True
        return True


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
        f"SPARQL endpoint {url} answered HTTP {status.code}: {page_text(status.detail)}"
    )


def open_remote(
    url: str,
    update_url: str | None,
    *,
    user: str | None = None,
    password: str = "",
    mode: str | None = None,
    graph_store: str | None = None,
) -> Endpoint:
    """Connect to ``url``; ``mode``: "default", "asserted" or None (probe).

    ``graph_store``: a Graph Store Protocol URL, "none", or "auto"/None (guess
    Virtuoso's beside a union-default ``…/sparql``; see :mod:`.writes`).
    """
    auth = (user, password) if user else None
    headers: dict[str, str] = {}
    try:
        # Updates go through rdflib's connector, which sends ``auth`` itself.
        updates = _Connector(
            query_endpoint=url,
            update_endpoint=update_url or url,
            method="POST_FORM",
            auth=auth,
        )
        if auth:
            token = base64.b64encode(f"{user}:{password}".encode("ascii")).decode()
            headers["Authorization"] = f"Basic {token}"
    except UnicodeEncodeError:
        raise StoreError(
            "The SPARQL user and password (CLAIMGRAPH_SPARQL_USER and "
            "CLAIMGRAPH_SPARQL_PASSWORD) must be ASCII (HTTP Basic, as rdflib "
            "sends it)."
        ) from None
    endpoint = Endpoint(
        url, update_url or url, updates, credentials=bool(auth), headers=headers
    )
    if mode not in (None, "default", "asserted"):
        raise UsageError(
            f"{{name}} must be 'default' or 'asserted', not '{mode}'.",
            setting="sparql_graphs",
            name="The SPARQL graphs mode",
        )
    union = endpoint.probe()
    endpoint.union_default = mode == "asserted" or mode is None and union
    if graph_store in (None, AUTO):
        guessed = guess_url(update_url or url) if union else None
        if guessed is not None:
            endpoint.graph_store = GraphStore(guessed, guessed=True, headers=headers)
    elif graph_store != OFF:
        endpoint.graph_store = GraphStore(graph_store, headers=headers)
    return endpoint

"""A remote SPARQL 1.1 Protocol endpoint (Virtuoso, Fuseki, GraphDB, ...).

Settings: ``sparql_user``/``sparql_password`` (HTTP Basic) and ``sparql_graphs``
(``default`` or ``asserted``; see :class:`Endpoint`).
"""

from __future__ import annotations

import http.client
import re
import urllib.error
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from rdflib import URIRef
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.stores.sparqlconnector import SPARQLConnector
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Node

from ...ontology.vocab import PREFIXES
from ..errors import CkgError, QueryError, StoreError, UsageError
from ..rdf.quads import DEFAULT, Quad
from .common import ASSERTED, COUNT_ALL, lexical_rows, one_line, with_deadline

_T = TypeVar("_T")
#: Seconds a remote update, or a remote query without a timeout, may take.
HTTP_TIMEOUT = 300.0
#: Seconds the check at open may take.
PROBE_TIMEOUT = 30.0

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
        self.detail = one_line(detail)[:400]


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
                one_line(f"{self.url} is not a SPARQL endpoint: {exc}")[:500]
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
        """Rows of a SELECT as text."""
        return lexical_rows(self.query(text, bindings, timeout))

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
        return one_line(str(exc))[:500]
    return None


def open_remote(
    url: str,
    update_url: str | None,
    *,
    user: str | None = None,
    password: str = "",
    mode: str | None = None,
) -> Endpoint:
    """Connect to ``url``; ``mode``: "default", "asserted" or None (probe)."""
    auth = (user, password) if user else None

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
            "The SPARQL user and password (CLAIMGRAPH_SPARQL_USER and "
            "CLAIMGRAPH_SPARQL_PASSWORD) must be ASCII (HTTP Basic, as rdflib "
            "sends it)."
        ) from None
    endpoint = Endpoint(
        url, update_url or url, tables, credentials=bool(auth), graphs=graphs
    )
    if mode not in (None, "default", "asserted"):
        raise UsageError(
            f"{{name}} must be 'default' or 'asserted', not '{mode}'.",
            setting="sparql_graphs",
            name="The SPARQL graphs mode",
        )
    union = endpoint.probe()
    endpoint.union_default = mode == "asserted" or mode is None and union
    return endpoint

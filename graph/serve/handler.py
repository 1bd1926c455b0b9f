"""The request handler of ``serve``: the SPARQL 1.1 Protocol and the page at ``/``.

Checks come first (:mod:`.security`, :mod:`..store.sparql_guard`); queries on
the embedded on-disk store go to worker processes (:mod:`.engine`), others run
in a thread with the time limit; updates run one at a time.
"""

from __future__ import annotations

import contextlib
import html
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ...ontology.vocab import PREFIXES
from ..errors import CkgError, QueryError, RefusedError, StoreError
from ..store import ClaimStore
from ..store.common import with_deadline
from ..store.sparql_guard import check_query, check_update, operation
from .engine import (
    ASK_TYPES,
    GRAPH_TYPES,
    RDFLIB_FORMATS,
    SELECT_TYPES,
    QueryPool,
    Reply,
    negotiate,
    not_acceptable,
    run_native,
    text_reply,
)
from .pages import Page
from .security import (
    DEFAULT_TIMEOUT,
    LOOPBACK,
    ServeOptions,
    refuse_request,
    token_matches,
)

MAX_BODY = 1_000_000


def make_handler(
    store: ClaimStore,
    writable: bool,
    page: Page,
    options: ServeOptions | None = None,
    names: frozenset[str] = LOOPBACK,
    pool: QueryPool | None = None,
) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to ``store`` (see :mod:`.security`)."""
    settings = options or ServeOptions()
    limit = settings.timeout or store.timeout or DEFAULT_TIMEOUT
    # Writes are one at a time; reads take no lock, except on rdflib's memory
    # store, which is not thread-safe.
    lock = threading.Lock()
    read_lock = lock if store.kind == "rdflib-memory" else contextlib.nullcontext()
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}

    class Handler(BaseHTTPRequestHandler):
        server_version = "claimgraph"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: the CLI owns the terminal."""

        def _send(
            self, status: int, body: bytes, media: str, *extra: tuple[str, str]
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra:
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: int, message: str, *extra: tuple[str, str]) -> None:
            self._send(status, (message + "\n").encode("utf-8"), "text/plain", *extra)

        def _reply(self, reply: Reply) -> None:
            self._send(reply.status, reply.body, reply.media)

        def _refused(self) -> bool:
            port = int(self.server.server_address[1])  # type: ignore[index]
            headers = {k.lower(): v for k, v in self.headers.items()}
            reason = refuse_request(headers, names, port)
            if reason:
                self._error(HTTPStatus.FORBIDDEN, reason)
            return reason is not None

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self._refused():
                return
            url = urlsplit(self.path)
            params = parse_qs(url.query)
            if url.path == "/":
                filters = {k: v[0] for k, v in params.items()}
                try:
                    with read_lock:
                        text = page(filters)
                except CkgError as exc:
                    text = f"<p>{html.escape(str(exc))}</p>"
                self._send(HTTPStatus.OK, text.encode("utf-8"), "text/html")
                return
            if url.path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "Not found: use /sparql or /.")
                return
            if "update" in params:
                self._error(HTTPStatus.BAD_REQUEST, "Updates must be POSTed.")
                return
            if len(params.get("query", [])) != 1:
                self._error(HTTPStatus.BAD_REQUEST, "Give exactly one 'query'.")
                return
            self._query(params["query"][0], params)

        do_HEAD = do_GET  # noqa: N815

        def _not_allowed(self) -> None:
            self._error(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"Method {self.command} is not allowed: use GET or POST.",
                ("Allow", "GET, HEAD, POST"),
            )

        do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed  # noqa: N815

        def do_POST(self) -> None:  # noqa: N802
            if self._refused():
                return
            url = urlsplit(self.path)
            if url.path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "Not found: use /sparql.")
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length < 0 or length > MAX_BODY:
                self.close_connection = True
                self._error(
                    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                    f"Request body must be 0 to {MAX_BODY} bytes.",
                )
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0]
            kind = kind.strip().lower()
            params = parse_qs(url.query)
            if kind == "application/sparql-query":
                self._query(body, params)
            elif kind == "application/sparql-update":
                self._update(body)
            elif kind == "application/x-www-form-urlencoded":
                form = parse_qs(body)
                operations = len(form.get("query", [])) + len(form.get("update", []))
                if operations != 1:
                    self._error(
                        HTTPStatus.BAD_REQUEST, "Give exactly one 'query' or 'update'."
                    )
                elif "query" in form:
                    self._query(form["query"][0], form)
                else:
                    self._update(form["update"][0])
            else:
                self._error(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"Unsupported type {kind!r}: use application/sparql-query, "
                    "application/sparql-update or application/x-www-form-urlencoded.",
                )

        def _query(self, text: str, params: dict[str, list[str]]) -> None:
            accept = self.headers.get("Accept") or ""
            if operation(text) == "update":
                self._error(
                    HTTPStatus.BAD_REQUEST,
                    "This is a SPARQL update, not a query: POST it as 'update'.",
                )
                return
            try:
                check_query(text, settings.fetch_hosts)
            except RefusedError as exc:
                self._error(HTTPStatus.FORBIDDEN, str(exc))
                return
            graphs = (
                params.get("default-graph-uri", []),
                params.get("named-graph-uri", []),
            )
            if pool is not None:
                self._reply(pool.run(text, accept, limit, *graphs))
            elif store.oxigraph is not None:
                self._reply(self._in_thread(text, accept, *graphs))
            elif graphs[0] or graphs[1]:
                self._error(
                    HTTPStatus.BAD_REQUEST,
                    "default-graph-uri and named-graph-uri are not supported on "
                    "this store; use FROM and FROM NAMED.",
                )
            else:
                self._reply(self._through_rdflib(text, accept))

        def _in_thread(
            self, text: str, accept: str, defaults: list[str], named: list[str]
        ) -> Reply:
            def work() -> Reply:
                return run_native(
                    store.oxigraph, text, accept, prefixes, defaults, named
                )

            try:
                return with_deadline(work, limit)
            except QueryError:
                return text_reply(
                    HTTPStatus.SERVICE_UNAVAILABLE,
                    f"Query did not finish within {limit:g} s (timeout).",
                )

        def _through_rdflib(self, text: str, accept: str) -> Reply:
            try:
                with read_lock:
                    result = store.query(text, timeout=limit)
                if result.type in ("CONSTRUCT", "DESCRIBE"):
                    table, form = GRAPH_TYPES, "CONSTRUCT or DESCRIBE"
                elif result.type == "ASK":
                    table, form = ASK_TYPES, "ASK"
                else:
                    table = {k: v for k, v in SELECT_TYPES.items() if v != "TSV"}
                    form = "SELECT"
                media = negotiate(accept, table)
                if media is None:
                    return not_acceptable(accept, table, form)
                fmt = RDFLIB_FORMATS[table[media]]
                if result.type in ("CONSTRUCT", "DESCRIBE"):
                    graph = result.graph
                    body = (
                        graph.serialize(format=fmt, encoding="utf-8") if graph else b""
                    )
                else:
                    body = result.serialize(format=fmt) or b""
            except QueryError as exc:
                timed_out = "timeout" in str(exc)
                status = (
                    HTTPStatus.SERVICE_UNAVAILABLE
                    if timed_out
                    else HTTPStatus.BAD_REQUEST
                )
                return text_reply(status, str(exc))
            except StoreError as exc:
                return text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
            except Exception as exc:  # noqa: BLE001 - a serializer failing
                return text_reply(
                    HTTPStatus.INTERNAL_SERVER_ERROR,
                    " ".join(f"Cannot write the result: {exc}".split()),
                )
            return Reply(HTTPStatus.OK, body, media)

        def _update(self, text: str) -> None:
            if not writable:
                self._error(HTTPStatus.FORBIDDEN, "This endpoint is read-only.")
                return
            token = settings.token or ""
            if not token or not token_matches(self.headers.get("Authorization"), token):
                self._error(
                    HTTPStatus.UNAUTHORIZED,
                    "Updates need the server's token: send 'Authorization: Bearer "
                    "TOKEN' (or HTTP Basic with the token as password).",
                    ("WWW-Authenticate", 'Bearer realm="claimgraph"'),
                )
                return
            try:
                check_update(text, settings.fetch_hosts)
            except RefusedError as exc:
                self._error(HTTPStatus.FORBIDDEN, str(exc))
                return
            try:
                with lock:
                    store.update(text)
            except CkgError as exc:
                self._error(HTTPStatus.BAD_REQUEST, str(exc))
                return
            finally:
                if pool is not None:
                    pool.changed()
            self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    return Handler

"""A local SPARQL 1.1 Protocol endpoint over the store, plus the HTML graph at ``/``.

Standard library only (``http.server``): one process, loopback by default,
read-only unless started ``writable``. Queries run one at a time under a lock,
which keeps the embedded store's single writer safe.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from graph.errors import CkgError
from graph.store import ClaimStore

MAX_BODY = 1_000_000
_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "application/sparql-results+xml": "xml",
}
_GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt"}


def _choose(accept: str, table: dict[str, str], default: str) -> tuple[str, str]:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media, table[media]
    return default, table[default]


def make_handler(
    store: ClaimStore, writable: bool, page: Callable[[], str]
) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to ``store``."""
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        server_version = "claimgraph"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: the CLI owns the terminal."""

        def _send(self, status: int, body: bytes, media: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, message: str) -> None:
            self._send(status, (message + "\n").encode("utf-8"), "text/plain")

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            url = urlsplit(self.path)
            if url.path == "/":
                with lock:
                    html = page()
                self._send(HTTPStatus.OK, html.encode("utf-8"), "text/html")
                return
            if url.path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "Not found: use /sparql or /.")
                return
            params = parse_qs(url.query)
            if "update" in params:
                self._error(HTTPStatus.BAD_REQUEST, "Updates must be POSTed.")
                return
            if "query" not in params:
                self._error(HTTPStatus.BAD_REQUEST, "Missing 'query' parameter.")
                return
            self._query(params["query"][0])

        def do_POST(self) -> None:  # noqa: N802
            if urlsplit(self.path).path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "Not found: use /sparql.")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Request too large.")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if kind == "application/sparql-query":
                self._query(body)
            elif kind == "application/sparql-update":
                self._update(body)
            elif kind == "application/x-www-form-urlencoded":
                form = parse_qs(body)
                if "query" in form:
                    self._query(form["query"][0])
                elif "update" in form:
                    self._update(form["update"][0])
                else:
                    self._error(HTTPStatus.BAD_REQUEST, "Missing 'query' or 'update'.")
            else:
                self._error(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"Unsupported type {kind!r}."
                )

        def _query(self, text: str) -> None:
            accept = self.headers.get("Accept") or ""
            try:
                with lock:
                    result = store.query(text)
                    if result.type in ("CONSTRUCT", "DESCRIBE"):
                        media, fmt = _choose(accept, _GRAPH_TYPES, "text/turtle")
                        graph = result.graph
                        body = (
                            graph.serialize(format=fmt, encoding="utf-8")
                            if graph
                            else b""
                        )
                    else:
                        media, fmt = _choose(
                            accept, _RESULT_TYPES, "application/sparql-results+json"
                        )
                        body = result.serialize(format=fmt) or b""
            except CkgError as exc:
                self._error(HTTPStatus.BAD_REQUEST, str(exc))
                return
            self._send(HTTPStatus.OK, body, media)

        def _update(self, text: str) -> None:
            if not writable:
                self._error(HTTPStatus.FORBIDDEN, "This endpoint is read-only.")
                return
            try:
                with lock:
                    store.update(text)
            except CkgError as exc:
                self._error(HTTPStatus.BAD_REQUEST, str(exc))
                return
            self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    return Handler


def make_server(
    store: ClaimStore,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one); not yet serving."""
    from graph.network import project
    from graph.viz import render

    def page() -> str:
        projection = project(store)
        return render(projection.graph, projection.note)[0]

    try:
        return ThreadingHTTPServer((host, port), make_handler(store, writable, page))
    except OSError as exc:
        raise CkgError(
            f"Cannot listen on {host}:{port}: {exc.strerror or exc}."
        ) from None


def serve(
    store: ClaimStore,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
) -> None:
    """Serve until interrupted."""
    server = make_server(store, host=host, port=port, writable=writable)
    try:
        server.serve_forever()
    finally:
        server.server_close()

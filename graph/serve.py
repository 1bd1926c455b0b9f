"""A local SPARQL 1.1 Protocol endpoint over the store, plus the HTML graph at ``/``.

Standard library only (``http.server``): one process, loopback by default,
read-only unless started ``writable``. Requests are served in threads but reach
the store one at a time under a lock: the embedded store has a single writer,
and rdflib's in-memory store is not thread-safe.

- ``GET /sparql?query=...``, ``POST /sparql`` as a form (``query=`` or
  ``update=``) or as ``application/sparql-query`` / ``application/sparql-update``;
- results as SPARQL JSON (default), CSV or XML by ``Accept``; CONSTRUCT and
  DESCRIBE as Turtle (default) or N-Triples;
- updates answer 403 unless ``writable``; invalid SPARQL answers 400 with the
  engine's one-line message; a query past the store's timeout answers 503.
- ``GET /?event=&actor=&side=&contradictions_only=1&max_nodes=`` is the graph
  page (:func:`graph.render.viz.visualise`).
"""

from __future__ import annotations

import html
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .errors import CkgError, QueryError, StoreError
from .store import ClaimStore

MAX_BODY = 1_000_000
_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
}
_GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
_PAGE_FILTERS = {"event", "actor", "side", "contradictions_only", "max_nodes"}

Page = Callable[[dict[str, str]], str]


def choose_media(accept: str, table: dict[str, str], default: str) -> tuple[str, str]:
    """The best media type of ``table`` for an ``Accept`` header (by q, then order)."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.lower()
        if media in ("*/*", "application/*", "text/*"):
            media = default
        if media in table and quality > 0:
            ranked.append((-quality, index, media))
    if ranked:
        media = min(ranked)[2]
        return media, table[media]
    return default, table[default]


def plain_page(filters: dict[str, str]) -> str:
    """The page served at ``/`` when the graph view is not available."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>claimgraph</title>"
        "</head><body><h1>claimgraph</h1><p>The graph view is not available; query "
        "the store at <a href='/sparql'>/sparql</a> (SPARQL 1.1 Protocol).</p>"
        "</body></html>"
    )


def graph_page(store: ClaimStore) -> Page:
    """A page function drawing the store with :func:`graph.render.viz.visualise`."""
    try:
        from .render.viz import visualise
    except ImportError:
        return plain_page

    def page(filters: dict[str, str]) -> str:
        options: dict[str, Any] = {
            k: v for k, v in filters.items() if k in _PAGE_FILTERS and k != "max_nodes"
        }
        if "contradictions_only" in options:
            options["contradictions_only"] = options["contradictions_only"] in (
                "1",
                "true",
                "yes",
            )
        if filters.get("max_nodes", "").isdigit():
            options["max_nodes"] = int(filters["max_nodes"])
        with tempfile.TemporaryDirectory(prefix="claimgraph-serve-") as folder:
            output = Path(folder) / "graph.html"
            visualise(store, output, **options)
            return output.read_text(encoding="utf-8")

    return page


def make_handler(
    store: ClaimStore, writable: bool, page: Page
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
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: int, message: str) -> None:
            self._send(status, (message + "\n").encode("utf-8"), "text/plain")

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            url = urlsplit(self.path)
            params = parse_qs(url.query)
            if url.path == "/":
                filters = {k: v[0] for k, v in params.items()}
                try:
                    with lock:
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
            if "query" not in params:
                self._error(HTTPStatus.BAD_REQUEST, "Missing 'query' parameter.")
                return
            self._query(params["query"][0])

        do_HEAD = do_GET  # noqa: N815

        def do_POST(self) -> None:  # noqa: N802
            if urlsplit(self.path).path != "/sparql":
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
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"Unsupported type {kind!r}: use application/sparql-query, "
                    "application/sparql-update or a form.",
                )

        def _query(self, text: str) -> None:
            accept = self.headers.get("Accept") or ""
            try:
                with lock:
                    result = store.query(text)
                if result.type in ("CONSTRUCT", "DESCRIBE"):
                    media, fmt = choose_media(accept, _GRAPH_TYPES, "text/turtle")
                    graph = result.graph
                    body = (
                        graph.serialize(format=fmt, encoding="utf-8") if graph else b""
                    )
                else:
                    media, fmt = choose_media(
                        accept, _RESULT_TYPES, "application/sparql-results+json"
                    )
                    body = result.serialize(format=fmt) or b""
            except QueryError as exc:
                timed_out = "timeout" in str(exc)
                status = (
                    HTTPStatus.SERVICE_UNAVAILABLE
                    if timed_out
                    else HTTPStatus.BAD_REQUEST
                )
                self._error(status, str(exc))
                return
            except StoreError as exc:
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
                return
            self._send(HTTPStatus.OK, body, media)

        def _update(self, text: str) -> None:
            if not writable:
                self._error(
                    HTTPStatus.FORBIDDEN,
                    "This endpoint is read-only; start it with --writable.",
                )
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
    page: Page | None = None,
) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one); not yet serving."""
    if writable and store.read_only:
        raise StoreError(
            f"Store {store.location} is open read-only; cannot serve it writable."
        )
    handler = make_handler(store, writable, page or graph_page(store))
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise StoreError(
            f"Cannot listen on {host}:{port}: {exc.strerror or exc}."
        ) from None
    server.daemon_threads = True
    return server


@dataclass
class RunningServer:
    """A server serving in a background thread (see :func:`start_in_thread`)."""

    server: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321`` (the endpoint is ``/sparql``)."""
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving, close the socket and wait for the thread."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout)


def start_in_thread(
    store: ClaimStore,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    writable: bool = False,
) -> RunningServer:
    """Serve in a daemon thread and return at once (tests, notebooks)."""
    server = make_server(store, host=host, port=port, writable=writable)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="claimgraph-serve",
        daemon=True,
    )
    thread.start()
    return RunningServer(server, thread)


def serve(
    store: ClaimStore,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
) -> None:
    """Serve until interrupted (blocking)."""
    server = make_server(store, host=host, port=port, writable=writable)
    try:
        server.serve_forever()
    finally:
        server.server_close()

"""Starting and stopping ``serve``: in the foreground or in a background thread."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from http.server import ThreadingHTTPServer

from ...ontology.vocab import PREFIXES
from ..errors import StoreError
from ..store import ClaimStore
from .engine import QueryPool
from .handler import make_handler
from .pages import Page, graph_page
from .security import ServeOptions, allowed_names, new_token


class ClaimServer(ThreadingHTTPServer):
    """The HTTP server of :func:`make_server`, with its options and query workers."""

    options: ServeOptions
    pool: QueryPool | None = None

    def server_close(self) -> None:
        """Close the socket and stop the query workers."""
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def make_server(
    store: ClaimStore,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    page: Page | None = None,
    options: ServeOptions | None = None,
) -> ClaimServer:
    """A server bound to ``host:port`` (port 0 picks a free one); not yet serving.

    A writable server without a token in ``options`` gets a new one
    (``server.options.token``); every update must carry it.
    """
    if writable and store.read_only:
        raise StoreError(
            f"Store {store.location} is open read-only; cannot serve it writable."
        )
    options = options or ServeOptions()
    if writable and not options.token:
        options = replace(options, token=new_token())
    pool = None
    if store.kind == "oxigraph":
        pool = QueryPool(store.location, {n: str(ns) for n, ns in PREFIXES.items()})
    names = allowed_names(host, options.server_names)
    handler = make_handler(
        store, writable, page or graph_page(store), options, names, pool
    )
    try:
        server = ClaimServer((host, port), handler)
    except OSError as exc:
        raise StoreError(
            f"Cannot listen on {host}:{port}: {exc.strerror or exc}."
        ) from None
    server.daemon_threads = True
    server.options = options
    server.pool = pool
    return server


@dataclass
class RunningServer:
    """A server serving in a background thread (see :func:`start_in_thread`)."""

    server: ClaimServer
    thread: threading.Thread

    @property
    def token(self) -> str | None:
        """The token updates must carry (writable servers)."""
        return self.server.options.token

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
    options: ServeOptions | None = None,
) -> RunningServer:
    """Serve in a daemon thread and return at once (tests, notebooks)."""
    server = make_server(
        store, host=host, port=port, writable=writable, options=options
    )
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
    options: ServeOptions | None = None,
) -> None:
    """Serve until interrupted (blocking)."""
    server = make_server(
        store, host=host, port=port, writable=writable, options=options
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()

"""A local SPARQL 1.1 Protocol endpoint over the store, plus the HTML graph at ``/``.

Standard library only (``http.server``): loopback by default, read-only unless
started ``writable``. Requests are served in threads; queries on the embedded
store run in worker processes (:mod:`.engine`) and are stopped at
the time limit; updates run one at a time. Who may ask what is checked first
(:mod:`.security`, :mod:`..store.sparql_guard`).

- ``GET /sparql?query=...``, ``POST /sparql`` as a form (``query=`` or
  ``update=``) or as ``application/sparql-query`` / ``application/sparql-update``;
  ``default-graph-uri`` and ``named-graph-uri`` choose the dataset;
- results in the type ``Accept`` asks for, else 406 with the types available;
- 400 for a malformed request or query, 401 for an update without the token,
  403 for a read-only endpoint, another origin or host, ``SERVICE`` or
  ``LOAD``; 405 for other methods, 413 for a body over 1 MB, 415 for other body
  types, 503 past the time limit.
- ``GET /?event=&actor=&side=&contradictions_only=1&max_nodes=`` is the graph
  page (:func:`claimgraph.graph.render.viz.visualise`).

The package: :mod:`.pages` (the page at ``/``), :mod:`.handler` (the
requests), :mod:`.engine` (negotiation, query workers), :mod:`.security`
(Host/Origin checks, the token) and :mod:`.server` (starting and stopping).
"""

from .pages import Page, choose_media, graph_page, plain_page
from .security import ServeOptions
from .server import (
    ClaimServer,
    RunningServer,
    make_server,
    serve,
    start_in_thread,
)

__all__ = [
    "ClaimServer",
    "Page",
    "RunningServer",
    "ServeOptions",
    "choose_media",
    "graph_page",
    "make_server",
    "plain_page",
    "serve",
    "start_in_thread",
]

"""Run ``serve`` queries: content negotiation, a time limit that stops them.

On the embedded on-disk store, each query runs in a worker process that has
the store open read-only; a query past its time limit is stopped by killing
its worker (pyoxigraph has no way to cancel a running query), and queries run
side by side in several workers, so one slow query blocks no other request.
Workers reopen the store after an update, and exit when the server process
dies. In-memory and remote stores run queries in a thread instead: past the
limit the client gets its answer at once, but the evaluation cannot be
stopped.

Every answer is a :class:`Reply`; a result form asked for in a media type it
cannot be written in is 406 with the list of types it can.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

#: Media types by result form: media type -> pyoxigraph format name.
SELECT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
ASK_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
#: rdflib's serializer names, for stores queried through rdflib.
RDFLIB_FORMATS = {
    "JSON": "json",
    "XML": "xml",
    "CSV": "csv",
    "TURTLE": "turtle",
    "N_TRIPLES": "nt",
    "JSON_LD": "json-ld",
    "RDF_XML": "xml",
}


@dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, body and media type."""

    status: int
    body: bytes
    media: str


def text_reply(status: int, message: str) -> Reply:
    """A one-line plain-text answer."""
    return Reply(status, (message + "\n").encode("utf-8"), "text/plain")


def negotiate(accept: str, table: Mapping[str, str]) -> str | None:
    """The best media type of ``table`` for ``Accept``; None if none is acceptable.

    An empty header, ``*/*`` or ``type/*`` take the first entry of ``table``
    that fits; ties in quality go to the order of the header.
    """
    if not accept.strip():
        return next(iter(table))
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.lower()
        if quality <= 0:
            continue
        if media == "*/*":
            ranked.append((-quality, index, next(iter(table))))
        elif media.endswith("/*"):
            family = media[:-1]
            fits = [known for known in table if known.startswith(family)]
            if fits:
                ranked.append((-quality, index, fits[0]))
        elif media in table:
            ranked.append((-quality, index, media))
    return min(ranked)[2] if ranked else None


def not_acceptable(accept: str, table: Mapping[str, str], form: str) -> Reply:
    """406 naming the media types ``form`` results can be written in."""
    return text_reply(
        HTTPStatus.NOT_ACCEPTABLE,
        f"Cannot answer {form} as {accept.strip()!r}; available: {', '.join(table)}.",
    )


def run_native(
    inner: Any,
    text: str,
    accept: str,
    prefixes: Mapping[str, str],
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
) -> Reply:
    """Evaluate ``text`` on a pyoxigraph ``Store`` and write the negotiated answer.

    ``default_graphs`` and ``named_graphs`` are the protocol's
    ``default-graph-uri`` and ``named-graph-uri``; they replace the query's own
    ``FROM`` and ``FROM NAMED``, as SPARQL 1.1 Protocol says.
    """
    import pyoxigraph as ox

    options: dict[str, Any] = {}
    try:
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        result = inner.query(text, prefixes=dict(prefixes), **options)
        kind: Any = ox.QueryResultsFormat
        if isinstance(result, ox.QueryBoolean):
            table, form = ASK_TYPES, "ASK"
        elif isinstance(result, ox.QuerySolutions):
            table, form = SELECT_TYPES, "SELECT"
        else:
            table, form, kind = GRAPH_TYPES, "CONSTRUCT or DESCRIBE", ox.RdfFormat
        media = negotiate(accept, table)
        if media is None:
            return not_acceptable(accept, table, form)
        body = result.serialize(format=getattr(kind, table[media]))
    except (SyntaxError, ValueError, TypeError) as exc:
        return text_reply(
            HTTPStatus.BAD_REQUEST, _one_line(f"Invalid SPARQL query: {exc}")
        )
    except (OSError, RuntimeError) as exc:
        return text_reply(
            HTTPStatus.INTERNAL_SERVER_ERROR, _one_line(f"Query failed: {exc}")
        )
    return Reply(HTTPStatus.OK, body or b"", media)


def _one_line(message: str) -> str:
    return " ".join(message.split())[:1000]


# --- worker processes ---------------------------------------------------------


def _worker_main(conn: Any, path: str, prefixes: dict[str, str], parent: int) -> None:
    """A worker: open the store read-only, answer jobs until the pipe closes."""
    import pyoxigraph as ox

    from ..lifeline import watch_parent

    watch_parent(parent)
    store: Any = None
    opened = -1
    while True:
        try:
            generation, job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None or generation != opened:
                store = ox.Store.read_only(path)
                opened = generation
            text, accept, defaults, named = job
            reply = run_native(store, text, accept, prefixes, defaults, named)
        except Exception as exc:  # noqa: BLE001 - the server must get an answer
            reply = text_reply(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                _one_line(f"Query failed: {type(exc).__name__}: {exc}"),
            )
        conn.send(reply)


class _Worker:
    def __init__(self, context: Any, path: str, prefixes: dict[str, str]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, path, prefixes, os.getpid()),
            name="claimgraph-query",
            daemon=True,
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """Worker processes answering queries on the on-disk store at ``path``.

    At most ``size`` queries run at once; each may take ``timeout`` seconds,
    after which its worker is killed, so the query really stops.
    """

    def __init__(self, path: str, prefixes: Mapping[str, str], size: int = 4):
        import multiprocessing

        # "spawn": the server holds an open store whose threads fork would copy.
        self._context = multiprocessing.get_context("spawn")
        self._path = path
        self._prefixes = dict(prefixes)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(size)
        self._generation = 0
        self._closed = False

    def changed(self) -> None:
        """The store was written: workers reopen it before their next query."""
        with self._lock:
            self._generation += 1

    def run(
        self,
        text: str,
        accept: str,
        timeout: float,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ) -> Reply:
        """Answer one query in a worker; 503 once ``timeout`` seconds pass."""
        with self._slots:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
                generation = self._generation
            if worker is None:
                worker = _Worker(self._context, self._path, self._prefixes)
            job = (text, accept, tuple(default_graphs), tuple(named_graphs))
            try:
                worker.conn.send((generation, job))
                if not worker.conn.poll(timeout):
                    worker.stop()
                    return text_reply(
                        HTTPStatus.SERVICE_UNAVAILABLE,
                        f"Query did not finish within {timeout:g} s (timeout); "
                        "it was stopped.",
                    )
                reply: Reply = worker.conn.recv()
            except (EOFError, OSError):
                worker.stop()
                return text_reply(
                    HTTPStatus.INTERNAL_SERVER_ERROR,
                    "The query worker stopped unexpectedly (out of memory?).",
                )
            with self._lock:
                if self._closed:
                    worker.stop()
                else:
                    self._idle.append(worker)
            return reply

    def close(self) -> None:
        """Stop every idle worker (busy ones stop when their query returns)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()

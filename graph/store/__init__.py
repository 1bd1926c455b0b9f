"""Open and write the RDF store: embedded Oxigraph on disk, in memory, or remote.

Locations:
- a directory path: embedded Oxigraph (RocksDB) through oxrdflib;
- ``:memory:``: Oxigraph in memory (tests, one-off runs);
- ``rdflib:memory``: rdflib's pure-Python memory store (benchmark baseline);
- ``http(s)://...``: a SPARQL 1.1 endpoint, through rdflib's ``SPARQLUpdateStore``.

Modules: :mod:`.base` (:class:`ClaimStore`, over one backend), :mod:`.backend`
(the :class:`Backend` protocol), :mod:`.oxigraph` (embedded), :mod:`.memory`
(rdflib memory), :mod:`.endpoint` (remote), :mod:`.writes` (how a remote store
is written: ``INSERT DATA`` or Graph Store Protocol documents), :mod:`.convert`
(the rdflib -> pyoxigraph term converter), :mod:`.common` (locations, deadlines,
row helpers).

Settings (:class:`~graph.settings.Settings`): the default location, the query
timeout, the lock wait and the endpoint's credentials, graphs mode and Graph
Store URL.
"""

from __future__ import annotations

import os
from typing import Any

from ..settings import DEFAULT_LOCATION, ENV_STORE, Settings, resolve_settings
from .backend import Backend
from .base import ClaimStore
from .common import ASSERTED, MEMORY, RDFLIB_MEMORY
from .convert import ox_term, to_oxigraph
from .endpoint import Endpoint, open_remote
from .memory import DatasetBackend, rdflib_memory_backend
from .oxigraph import OxigraphBackend, open_oxigraph, oxigraph_memory_backend
from .rewrite import remote_query, remote_update
from .writes import insert_data

__all__ = [
    "ASSERTED",
    "DEFAULT_LOCATION",
    "ENV_STORE",
    "MEMORY",
    "RDFLIB_MEMORY",
    "Backend",
    "ClaimStore",
    "DatasetBackend",
    "Endpoint",
    "OxigraphBackend",
    "insert_data",
    "open_store",
    "ox_term",
    "oxigraph_store",
    "remote_query",
    "remote_update",
    "to_oxigraph",
]


def oxigraph_store(
    native: Any,
    location: str,
    kind: str,
    *,
    read_only: bool = False,
    timeout: float | None = None,
) -> ClaimStore:
    """A :class:`ClaimStore` over a pyoxigraph ``Store`` (on disk or in memory)."""
    backend = OxigraphBackend(native, location, kind, read_only)
    return ClaimStore(backend, location, read_only, timeout)


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    update_url: str | None = None,
    timeout: float | None = None,
    wait: float | None = None,
    settings: Settings | None = None,
) -> ClaimStore:
    """Open the store at ``location`` (see module docstring).

    :param location: default ``settings.store``.
    :param timeout: seconds allowed per query (default ``settings.query_timeout``).
    :param wait: seconds to wait while another process writes the store (default
        ``settings.lock_wait``, else fail at once with :class:`StoreBusyError`).
    :param update_url: a separate SPARQL update endpoint for a remote store.
    :param settings: default :meth:`Settings.from_env`.
    """
    settings = resolve_settings(settings)
    where = str(location) if location is not None and str(location) else settings.store
    if timeout is None:
        timeout = settings.query_timeout
    if wait is None:
        wait = settings.lock_wait
    backend: Backend
    if where == MEMORY:
        backend = oxigraph_memory_backend(where)
    elif where == RDFLIB_MEMORY:
        backend = rdflib_memory_backend(where)
    elif where.startswith(("http://", "https://")):
        remote = open_remote(
            where,
            update_url,
            user=settings.sparql_user,
            password=settings.sparql_password,
            mode=settings.sparql_graphs,
            graph_store=settings.sparql_graph_store,
        )
        return ClaimStore(remote, where, read_only, timeout)
    else:
        native = open_oxigraph(where, read_only, wait)
        return oxigraph_store(
            native, where, "oxigraph", read_only=read_only, timeout=timeout
        )
    return ClaimStore(backend, where, timeout=timeout)

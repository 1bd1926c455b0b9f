"""Embedded Oxigraph: on disk (RocksDB, one writer process) or in memory."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from rdflib import Dataset

from ..errors import StoreBusyError, StoreError
from .base import ClaimStore
from .common import one_line


def _busy(path: str) -> StoreBusyError:
    return StoreBusyError(
        f"Store {path} is in use by another claimgraph process; "
        "wait for it to finish or use another --store."
    )


def oxigraph_store(inner: Any, location: str, kind: str, **options: Any) -> ClaimStore:
    """A :class:`ClaimStore` over a pyoxigraph ``Store`` (on disk or in memory)."""
    from oxrdflib import OxigraphStore

    dataset = Dataset(store=OxigraphStore(store=inner))
    return ClaimStore(dataset, location, kind, oxigraph=inner, **options)


def open_oxigraph(path: str, read_only: bool, wait: float | None) -> Any:
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
                raise StoreError(one_line(f"Cannot open store {path}: {text}")) from exc
            if time.monotonic() >= deadline:
                raise _busy(path) from exc
            time.sleep(0.1)
    return inner


def oxigraph_memory_store(location: str, timeout: float | None) -> ClaimStore:
    """An empty :class:`ClaimStore` over an in-memory pyoxigraph ``Store``."""
    import pyoxigraph

    return oxigraph_store(pyoxigraph.Store(), location, "memory", timeout=timeout)

"""rdflib's pure-Python memory store (``rdflib:memory``), the benchmark baseline."""

from __future__ import annotations

from rdflib import Dataset

from .base import ClaimStore


def rdflib_memory_store(location: str, timeout: float | None) -> ClaimStore:
    """An empty :class:`ClaimStore` over an rdflib in-memory :class:`Dataset`."""
    return ClaimStore(Dataset(), location, "rdflib-memory", timeout=timeout)

"""The page ``serve`` answers at ``/``: the graph, or a pointer to ``/sparql``."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..store import ClaimStore

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
    """A page function drawing the store with :func:`..render.viz.visualise`."""
    try:
        from ..render.viz import visualise
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

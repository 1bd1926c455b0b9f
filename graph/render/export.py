"""Export the store: the whole dataset as TriG/N-Quads, or the network for Gephi."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from ..errors import CkgError
from ..store import ASSERTED, ClaimStore
from ..store.convert import ox_term
from .network import NETWORK_FORMATS, write_network
from .output import write_atomically

RDF_FORMATS = {"trig": "trig", "nquads": "nquads"}
_DEFAULT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
_NAMED = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def store_quads(store: ClaimStore) -> list[tuple[Node, Node, Node, Node | None]]:
    """Every quad of the store; the default graph's with graph ``None``."""
    default = store.query(_DEFAULT).graph or Graph()
    quads: list[tuple[Node, Node, Node, Node | None]] = [
        (s, p, o, None) for s, p, o in default
    ]
    quads += [
        (r["s"], r["p"], r["o"], r["g"])
        for r in store.select(_NAMED)
        # A remote server's asserted graph is the default graph above.
        if r["g"] != ASSERTED
    ]
    return quads


def serialise(quads: list[tuple[Node, Node, Node, Node | None]], fmt: str) -> bytes:
    """TriG or N-Quads through Oxigraph's writer (rdflib's warns on Datasets)."""
    import pyoxigraph

    formats = {
        "trig": pyoxigraph.RdfFormat.TRIG,
        "nquads": pyoxigraph.RdfFormat.N_QUADS,
    }
    cache: dict[Node, Any] = {}
    converted = [
        pyoxigraph.Quad(
            ox_term(s, cache),
            ox_term(p, cache),
            ox_term(o, cache),
            ox_term(g, cache) if g is not None else pyoxigraph.DefaultGraph(),
        )
        for s, p, o, g in quads
    ]
    prefixes = {
        "ckg": "https://w3id.org/claimgraph/ns#",
        "id": "https://w3id.org/claimgraph/id/",
    }
    if fmt == "trig":
        data = pyoxigraph.serialize(converted, format=formats[fmt], prefixes=prefixes)
    else:
        data = pyoxigraph.serialize(converted, format=formats[fmt])
    return data or b""


def export_store(store: ClaimStore, output: Path, fmt: str) -> int:
    """Write ``store`` to ``output`` in ``fmt``; returns quads (or nodes) written."""
    if fmt in RDF_FORMATS:
        quads = store_quads(store)
        write_atomically(output, serialise(quads, fmt))
        return len(quads)
    if fmt in NETWORK_FORMATS:
        return write_network(store, output, fmt)
    valid = ", ".join([*RDF_FORMATS, *NETWORK_FORMATS])
    raise CkgError(f"Unknown export format '{fmt}'. Valid: {valid}.")

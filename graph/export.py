"""Export the store: the whole dataset as TriG/N-Quads, or the network for Gephi."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from .errors import CkgError, StoreError
from .store import ASSERTED, ClaimStore

RDF_FORMATS = {"trig": "trig", "nquads": "nquads"}
NETWORK_FORMATS = ("graphml", "gexf")
_DEFAULT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
_NAMED = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def write_atomically(output: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``output``, then rename it.

    Readers see the old file or the new one, never half of one; on failure the
    temporary file is removed and a one-line :class:`StoreError` raised.
    """
    folder = output.resolve().parent
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{output.name}.", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private; give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, output)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise StoreError(f"Cannot write {output}: {exc.strerror or exc}.") from None


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

    def to_ox(term: Node) -> Any:
        if isinstance(term, Literal):
            if term.language:
                return pyoxigraph.Literal(str(term), language=term.language)
            if term.datatype:
                return pyoxigraph.Literal(
                    str(term), datatype=pyoxigraph.NamedNode(term.datatype)
                )
            return pyoxigraph.Literal(str(term))
        if isinstance(term, BNode):
            return pyoxigraph.BlankNode(str(term))
        return pyoxigraph.NamedNode(str(term))

    formats = {
        "trig": pyoxigraph.RdfFormat.TRIG,
        "nquads": pyoxigraph.RdfFormat.N_QUADS,
    }
    converted = [
        pyoxigraph.Quad(
            to_ox(s),
            to_ox(p),
            to_ox(o),
            to_ox(g) if g is not None else pyoxigraph.DefaultGraph(),
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
        from .network import write_network

        return write_network(store, output, fmt)
    valid = ", ".join([*RDF_FORMATS, *NETWORK_FORMATS])
    raise CkgError(f"Unknown export format '{fmt}'. Valid: {valid}.")

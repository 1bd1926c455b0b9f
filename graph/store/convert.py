"""The rdflib <-> pyoxigraph term converters (the store and exports share them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..errors import StoreError
from ..rdf.quads import DEFAULT, Quad


def ox_term(node: Node, cache: dict[Node, Any] | None = None) -> Any:
    """The pyoxigraph term of an rdflib term (the default graph included)."""
    import pyoxigraph as ox

    found = cache.get(node) if cache is not None else None
    if found is not None:
        return found
    if node == DEFAULT:
        found = ox.DefaultGraph()
    elif isinstance(node, URIRef):
        found = ox.NamedNode(str(node))
    elif isinstance(node, BNode):
        found = ox.BlankNode(str(node))
    elif isinstance(node, Literal):
        found = ox.Literal(
            str(node),
            language=node.language,
            datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None,
        )
    else:
        raise StoreError(f"Cannot store {node!r}: not an RDF term.")
    if cache is not None:
        cache[node] = found
    return found


def rdflib_term(term: Any, cache: dict[Any, Node]) -> Node | None:
    """The rdflib term of a pyoxigraph term, as oxrdflib makes it (None stays)."""
    import pyoxigraph as ox

    if term is None:
        return None
    found = cache.get(term)
    if found is not None:
        return found
    if isinstance(term, ox.NamedNode):
        found = URIRef(term.value)
    elif isinstance(term, ox.BlankNode):
        found = BNode(term.value)
    elif isinstance(term, ox.Literal):
        found = (
            Literal(term.value, lang=term.language)
            if term.language
            else Literal(term.value, datatype=URIRef(term.datatype.value))
        )
    else:
        raise StoreError(f"Cannot read {term!r}: not an RDF term.")
    cache[term] = found
    return found


def to_oxigraph(quads: Iterable[Quad]) -> list[Any]:
    """rdflib quads as pyoxigraph quads; an article repeats its IRIs, so cache."""
    import pyoxigraph as ox

    cache: dict[Node, Any] = {}
    return [
        ox.Quad(
            ox_term(s, cache), ox_term(p, cache), ox_term(o, cache), ox_term(g, cache)
        )
        for s, p, o, g in quads
    ]
